// { neighborhood(id: "agency:nmpa", depth: 2, limit: 50) { nodes { id } edges { type } truncated } }

// read:neighborhood
// neighbourhood of "agency:nmpa", depth 2, at most 50 along 26 types
//   node: id
//   links: type and ends
CALL () {
  OPTIONAL MATCH (c_u0_0:Entity { id: $u0_0 })
  RETURN c_u0_0
}
CALL (*) {
  UNWIND [c_u0_0] AS x_u0_1
  MATCH (x_u0_1)-[h_u0_2:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY)]-(m_u0_3:Entity)
  WHERE NOT (m_u0_3 IN [c_u0_0])
  WITH DISTINCT m_u0_3
  LIMIT $u0_1
  RETURN collect(m_u0_3) AS ring_u0_4
}
CALL (*) {
  UNWIND ring_u0_4 AS x_u0_5
  MATCH (x_u0_5)-[h_u0_6:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY)]-(m_u0_7:Entity)
  WHERE NOT (m_u0_7 IN ([c_u0_0] + ring_u0_4))
  WITH DISTINCT m_u0_7
  LIMIT $u0_2
  RETURN collect(m_u0_7) AS ring_u0_8
}
CALL (*) {
  WITH [ring_u0_4, ring_u0_8] AS rings_u0_9
  UNWIND range(0, (size(rings_u0_9) - 1)) AS hop_u0_10
  UNWIND rings_u0_9[hop_u0_10] AS m_u0_11
  WITH m_u0_11, hop_u0_10
  ORDER BY hop_u0_10 ASC, m_u0_11.name ASC, m_u0_11.id ASC
  LIMIT $u0_3
  RETURN collect(m_u0_11) AS members_u0_12
}
CALL (*) {
  UNWIND ([c_u0_0] + members_u0_12) AS n_u0_13
  RETURN collect(n_u0_13 { .id, .name, kind: head([l IN labels(n_u0_13) WHERE l <> 'Entity']) }) AS nodes_u0_14
}
CALL (*) {
  UNWIND ([c_u0_0] + members_u0_12) AS a_u0_15
  UNWIND ([c_u0_0] + members_u0_12) AS b_u0_16
  MATCH (a_u0_15)-[r_u0_17]->(b_u0_16)
  WHERE type(r_u0_17) IN $u0_4
  WITH r_u0_17, a_u0_15, b_u0_16
  ORDER BY a_u0_15.id ASC, type(r_u0_17) ASC, b_u0_16.id ASC
  LIMIT $u0_5
  RETURN collect({type: type(r_u0_17), from: startNode(r_u0_17).id, to: endNode(r_u0_17).id}) AS edges_u0_18
}
RETURN c_u0_0 IS NOT NULL AS reach_u0_25_found, (size(ring_u0_4) + size(ring_u0_8)) AS reach_u0_19, nodes_u0_14, edges_u0_18
// params: {"u0_0":"agency:nmpa","u0_1":51,"u0_2":51,"u0_3":50,"u0_4":["PART_OF","DEPARTMENT_OF","SUCCEEDED_BY","GOVERNS","ISSUED","ENACTED","INTRODUCED","TRIGGERED","IMPLEMENTED_BY","ESTABLISHED","SUBCATEGORY_OF","CLASSIFIED_AS","REVIEWS","APPROVED_BY","TARGETS","SPONSORED_BY","INVOLVES","ABOUT","BREAKDOWN_OF","NUMERATOR","DENOMINATOR","GROWTH_FROM","GROWTH_TO","ADDRESSES","DRIVES","EVIDENCED_BY"],"u0_5":1000}
