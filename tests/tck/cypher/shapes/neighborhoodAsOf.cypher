// { neighborhood(id: "target:bcma", asOf: 8) { nodes { id name } edges { type from to } } }

// read:neighborhood.asOf
CALL () {
  CALL () {
    OPTIONAL MATCH (c_u0_0:Entity {id: $u0_0})
    RETURN c_u0_0
    UNION
    MATCH (c_u0_0:Retracted {id: $u0_0})
    RETURN c_u0_0
  }
  WITH c_u0_0 ORDER BY c_u0_0 IS NULL LIMIT 1
  RETURN CASE WHEN c_u0_0 IS NOT NULL AND CASE WHEN $u0_1[c_u0_0.id] THEN false WHEN $u0_2[c_u0_0.id] IS NOT NULL THEN true ELSE c_u0_0:Entity END THEN c_u0_0 END AS c_u0_0
}
CALL (*) {
  UNWIND [c_u0_0] AS x_u0_1
  MATCH (x_u0_1)-[h_u0_2:PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY|RETRACTED WHERE NOT h_u0_2:RETRACTED OR h_u0_2.type IN $u0_3]-(m_u0_3:Entity|Retracted)
  WHERE NOT m_u0_3 IN [c_u0_0] AND CASE WHEN h_u0_2:RETRACTED
    THEN h_u0_2.retractedSeq > $u0_4 AND coalesce($u0_5[startNode(h_u0_2).id + '|' + h_u0_2.type + '|' + endNode(h_u0_2).id], h_u0_2.retractedSeq) = h_u0_2.retractedSeq
    ELSE $u0_5[startNode(h_u0_2).id + '|' + type(h_u0_2) + '|' + endNode(h_u0_2).id] IS NULL END AND CASE WHEN $u0_1[m_u0_3.id] THEN false WHEN $u0_2[m_u0_3.id] IS NOT NULL THEN true ELSE m_u0_3:Entity END
  WITH DISTINCT m_u0_3 LIMIT $u0_6
  RETURN collect(m_u0_3) AS ring_u0_4
}
CALL (*) {
  WITH [ring_u0_4] AS rings_u0_5
  UNWIND range(0, size(rings_u0_5) - 1) AS hop_u0_6
  UNWIND rings_u0_5[hop_u0_6] AS m_u0_7
  WITH m_u0_7, hop_u0_6 ORDER BY hop_u0_6, m_u0_7.name, m_u0_7.id LIMIT $u0_7
  RETURN collect(m_u0_7) AS members_u0_8
}
CALL (*) {
  UNWIND CASE WHEN c_u0_0 IS NULL THEN [] ELSE [c_u0_0] + members_u0_8 END AS n_u0_9
  WITH n_u0_9, coalesce($u0_2[n_u0_9.id], n_u0_9) AS v_u0_10
  RETURN collect(v_u0_10 {.id, .name, kind: CASE WHEN n_u0_9:Retracted THEN n_u0_9.kind ELSE head([l IN labels(n_u0_9) WHERE l <> 'Entity']) END}) AS nodes_u0_11
}
CALL (*) {
  UNWIND [c_u0_0] + members_u0_8 AS a_u0_12
  UNWIND [c_u0_0] + members_u0_8 AS b_u0_13
  MATCH (a_u0_12)-[r_u0_14]->(b_u0_13)
  WHERE CASE WHEN r_u0_14:RETRACTED THEN r_u0_14.type ELSE type(r_u0_14) END IN $u0_3 AND CASE WHEN r_u0_14:RETRACTED
    THEN r_u0_14.retractedSeq > $u0_4 AND coalesce($u0_5[startNode(r_u0_14).id + '|' + r_u0_14.type + '|' + endNode(r_u0_14).id], r_u0_14.retractedSeq) = r_u0_14.retractedSeq
    ELSE $u0_5[startNode(r_u0_14).id + '|' + type(r_u0_14) + '|' + endNode(r_u0_14).id] IS NULL END
  WITH r_u0_14, a_u0_12, b_u0_13 ORDER BY a_u0_12.id, type(r_u0_14), b_u0_13.id LIMIT $u0_8
  RETURN collect({type: CASE WHEN r_u0_14:RETRACTED THEN r_u0_14.type ELSE type(r_u0_14) END, from: startNode(r_u0_14).id, to: endNode(r_u0_14).id, rel: CASE WHEN r_u0_14:RETRACTED THEN r_u0_14 {.*, status: null, type: null, retractedSeq: null, retractedReason: null, changedSeq: null} ELSE properties(r_u0_14) END}) AS edges_u0_15
}
RETURN c_u0_0 IS NOT NULL AS reach_u0_40_found, size(ring_u0_4) AS reach_u0_16, nodes_u0_11, edges_u0_15
// params: {"u0_0":"target:bcma","u0_1":{"target:new":true},"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":["PART_OF","DEPARTMENT_OF","SUCCEEDED_BY","GOVERNS","ISSUED","ENACTED","INTRODUCED","TRIGGERED","IMPLEMENTED_BY","ESTABLISHED","SUBCATEGORY_OF","CLASSIFIED_AS","REVIEWS","APPROVED_BY","TARGETS","SPONSORED_BY","INVOLVES","ABOUT","BREAKDOWN_OF","NUMERATOR","DENOMINATOR","GROWTH_FROM","GROWTH_TO","ADDRESSES","DRIVES","EVIDENCED_BY"],"u0_4":8,"u0_5":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":10},"u0_6":51,"u0_7":50,"u0_8":1000}
