// { reforms(filter: {yearFrom: 2017, yearTo: 2020}) { edges { node { id name } } } }

// read:list.Reform
// list Reform
//   anchor: kind
//   where: filter yearFrom 2017 AND filter yearTo 2020
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Reform)
  WHERE ((n_u0_0.year >= $u0_0 AND n_u0_0.year <= $u0_1) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_2
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":2017,"u0_1":2020,"u0_2":21}
