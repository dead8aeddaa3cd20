// { products(sort: [{field: YEAR, direction: DESC}, {field: NAME}], after: "WyJ5ZWFyOkRFU0MsbmFtZTpBU0MiLFsyMDIzLCJYIl0sInByb2R1Y3Q6eCJd") { edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: year DESC, name ASC, id
//   page: first 20, after [[2023,"X"],"product:x"]
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE ((n_u0_0.year < $u0_0 OR (n_u0_0.year = $u0_0 AND (n_u0_0.name > $u0_1 OR n_u0_0.name IS NULL)) OR (n_u0_0.year = $u0_0 AND n_u0_0.name = $u0_1 AND n_u0_0.id > $u0_2)) AND n_u0_0.year IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.year DESC, n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, .year, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":2023,"u0_1":"X","u0_2":"product:x","u0_3":21}
