// { statistics(where: {value: {gte: 100}, unit: {eq: "count"}}) { edges { node { id name } } } }

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: value gte 100 AND unit eq "count"
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE ((n_u0_0.value >= $u0_0 AND n_u0_0.unit = $u0_1) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_2
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":100,"u0_1":"count","u0_2":21}
