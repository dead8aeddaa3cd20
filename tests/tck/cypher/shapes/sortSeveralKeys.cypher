// { products(sort: [{field: YEAR, direction: DESC}, {field: NAME}]) { edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: year DESC, name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE n_u0_0.year IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.year DESC, n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, .year, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":21}
