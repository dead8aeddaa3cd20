// { products(first: 0) { facets(by: [YEAR, TARGET], first: 10) { keys { value id } count } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 0
//   node: (nothing)
//   facets facets: YEAR (.year) × TARGET (-[TARGETS]->Target), first 10
CALL () {
  MATCH (n_u0_0:Product)
  WHERE n_u0_0.name IS NOT NULL
  WITH n_u0_0 ORDER BY n_u0_0.name ASC, n_u0_0.id ASC LIMIT $u0_0
  RETURN collect(n_u0_0 {.id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity'])}) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Product)
  WHERE true
  WITH *, n_u0_2.year AS k_u0_3
  OPTIONAL MATCH (n_u0_2)-[:TARGETS]->(k_u0_4:Target)
  WITH k_u0_3, k_u0_4, count(DISTINCT n_u0_2) AS count
  ORDER BY count DESC, k_u0_3, k_u0_4.id
  LIMIT $u0_1
  RETURN collect({keys: [{value: toString(k_u0_3), id: null}, {value: toString(coalesce(k_u0_4.number, k_u0_4.name)), id: k_u0_4.id}], count: count}) AS facets_u0_5
}
RETURN page_u0_1, facets_u0_5
// params: {"u0_0":1,"u0_1":10}
