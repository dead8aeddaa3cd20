// { products(first: 0) { facets(by: [YEAR, TARGET], first: 10) { keys { value id } count } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 0
//   node: (id and name)
//   facets facets: YEAR (.year) × TARGET (-[TARGETS]->Target), first 10
CALL () {
  MATCH (n_u0_0:Product)
  WHERE n_u0_0.name IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Product)
  WITH n_u0_2
  LIMIT $u0_1
  WITH collect(n_u0_2) AS matched_u0_3
  UNWIND matched_u0_3 AS n_u0_2
  WITH *, n_u0_2.year AS k_u0_4
  OPTIONAL MATCH (n_u0_2)-[:TARGETS]->(k_u0_5:Target)
  WITH k_u0_4, k_u0_5, size(matched_u0_3) AS scanned_u0_6, count(DISTINCT n_u0_2) AS count
  ORDER BY count DESC, k_u0_4 ASC, k_u0_5.id ASC
  LIMIT $u0_2
  RETURN {over: coalesce(max(scanned_u0_6) = $u0_1, false), buckets: collect({keys: [{value: toString(k_u0_4), id: NULL}, {value: toString(coalesce(k_u0_5.number, k_u0_5.name)), id: k_u0_5.id}], count: count})} AS facets_u0_7
}
RETURN page_u0_1, facets_u0_7
// params: {"u0_0":1,"u0_1":100001,"u0_2":10}
