// { products(orderBy: {field: DATE, direction: DESC}) { edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: dateStart DESC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE n_u0_0.dateStart IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.dateStart DESC, n_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, .dateStart, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":21}
