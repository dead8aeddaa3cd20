// { products(filter: {yearFrom: 2023}) { totalCount } }

// read:list.Product
// list Product
//   anchor: kind
//   where: filter yearFrom 2023
//   order: name ASC, id
//   page: first 20
//   node: (id and name)
//   totalCount: count the matches
CALL () {
  MATCH (n_u0_0:Product)
  WHERE (n_u0_0.year >= $u0_0 AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Product)
  WHERE n_u0_2.year >= $u0_2
  RETURN count(n_u0_2) AS total_u0_3
}
RETURN page_u0_1, total_u0_3
// params: {"u0_0":2023,"u0_1":21,"u0_2":2023}
