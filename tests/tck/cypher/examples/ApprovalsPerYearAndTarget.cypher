// ApprovalsPerYearAndTarget

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 0
//   node: (id and name)
//   aggregate
//   facets facets: YEAR (.year) × TARGET (-[TARGETS]->Target), first 20
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
  RETURN {over: count(n_u0_2) = $u0_1, count: count(n_u0_2), minDate: min(n_u0_2.date), maxDate: max(n_u0_2.date), minYear: min(n_u0_2.year), maxYear: max(n_u0_2.year), minValue: min(n_u0_2.value), maxValue: max(n_u0_2.value)} AS stats_u0_3
}
CALL () {
  MATCH (n_u0_4:Product)
  WITH n_u0_4
  LIMIT $u0_2
  WITH collect(n_u0_4) AS matched_u0_5
  UNWIND matched_u0_5 AS n_u0_4
  WITH *, n_u0_4.year AS k_u0_6
  OPTIONAL MATCH (n_u0_4)-[:TARGETS]->(k_u0_7:Target)
  WITH k_u0_6, k_u0_7, size(matched_u0_5) AS scanned_u0_8, count(DISTINCT n_u0_4) AS count
  ORDER BY count DESC, k_u0_6 ASC, k_u0_7.id ASC
  LIMIT $u0_3
  RETURN {over: coalesce(max(scanned_u0_8) = $u0_2, false), buckets: collect({keys: [{value: toString(k_u0_6), id: NULL}, {value: toString(coalesce(k_u0_7.number, k_u0_7.name)), id: k_u0_7.id}], count: count})} AS facets_u0_9
}
RETURN page_u0_1, stats_u0_3, facets_u0_9
// params: {"u0_0":1,"u0_1":100001,"u0_2":100001,"u0_3":20}
