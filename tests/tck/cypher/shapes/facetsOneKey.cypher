// { claims(first: 0) { facets(by: [CLAIM_TYPE]) { keys { value } count } } }

// read:list.Claim
// list Claim
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 0
//   node: (id and name)
//   facets facets: CLAIM_TYPE (.claimType), first 20
CALL () {
  MATCH (n_u0_0:Claim)
  WHERE n_u0_0.name IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Claim)
  WITH n_u0_2
  LIMIT $u0_1
  WITH collect(n_u0_2) AS matched_u0_3
  UNWIND matched_u0_3 AS n_u0_2
  WITH *, n_u0_2.claimType AS k_u0_4
  WITH k_u0_4, size(matched_u0_3) AS scanned_u0_5, count(DISTINCT n_u0_2) AS count
  ORDER BY count DESC, k_u0_4 ASC
  LIMIT $u0_2
  RETURN {over: coalesce(max(scanned_u0_5) = $u0_1, false), buckets: collect({keys: [{value: toString(k_u0_4), id: NULL}], count: count})} AS facets_u0_6
}
RETURN page_u0_1, facets_u0_6
// params: {"u0_0":1,"u0_1":100001,"u0_2":20}
