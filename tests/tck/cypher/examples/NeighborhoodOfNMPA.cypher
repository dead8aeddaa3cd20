// NeighborhoodOfNMPA

// read:neighborhood
// neighbourhood of "agency:nmpa", depth 1, at most 30 along 26 types
//   node: id name
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
  WITH [ring_u0_4] AS rings_u0_5
  UNWIND range(0, (size(rings_u0_5) - 1)) AS hop_u0_6
  UNWIND rings_u0_5[hop_u0_6] AS m_u0_7
  WITH m_u0_7, hop_u0_6
  ORDER BY hop_u0_6 ASC, m_u0_7.name ASC, m_u0_7.id ASC
  LIMIT $u0_2
  RETURN collect(m_u0_7) AS members_u0_8
}
CALL (*) {
  UNWIND ([c_u0_0] + members_u0_8) AS n_u0_9
  RETURN collect(n_u0_9 { .id, .name, kind: head([l IN labels(n_u0_9) WHERE l <> 'Entity']) }) AS nodes_u0_10
}
CALL (*) {
  UNWIND ([c_u0_0] + members_u0_8) AS a_u0_11
  UNWIND ([c_u0_0] + members_u0_8) AS b_u0_12
  MATCH (a_u0_11)-[r_u0_13]->(b_u0_12)
  WHERE type(r_u0_13) IN $u0_3
  WITH r_u0_13, a_u0_11, b_u0_12
  ORDER BY a_u0_11.id ASC, type(r_u0_13) ASC, b_u0_12.id ASC
  LIMIT $u0_4
  RETURN collect({type: type(r_u0_13), from: startNode(r_u0_13).id, to: endNode(r_u0_13).id}) AS edges_u0_14
}
RETURN c_u0_0 IS NOT NULL AS reach_u0_20_found, size(ring_u0_4) AS reach_u0_15, nodes_u0_10, edges_u0_14
// params: {"u0_0":"agency:nmpa","u0_1":31,"u0_2":30,"u0_3":["PART_OF","DEPARTMENT_OF","SUCCEEDED_BY","GOVERNS","ISSUED","ENACTED","INTRODUCED","TRIGGERED","IMPLEMENTED_BY","ESTABLISHED","SUBCATEGORY_OF","CLASSIFIED_AS","REVIEWS","APPROVED_BY","TARGETS","SPONSORED_BY","INVOLVES","ABOUT","BREAKDOWN_OF","NUMERATOR","DENOMINATOR","GROWTH_FROM","GROWTH_TO","ADDRESSES","DRIVES","EVIDENCED_BY"],"u0_4":1000}
