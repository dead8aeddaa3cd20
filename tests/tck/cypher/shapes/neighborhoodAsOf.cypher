// { neighborhood(id: "target:bcma", asOf: 8) { nodes { id name } edges { type from to } } }

// read:neighborhood.asOf
// neighbourhood of "target:bcma", depth 1, at most 50 along 26 types
//   node: id name
//   links: type and ends
CALL () {
  CALL () {
    OPTIONAL MATCH (c_u0_0:Entity { id: $u0_0 })
    RETURN c_u0_0
    UNION
    MATCH (c_u0_0:Retracted { id: $u0_0 })
    RETURN c_u0_0
  }
  WITH c_u0_0
  ORDER BY c_u0_0 IS NULL ASC
  LIMIT 1
  RETURN CASE
    WHEN (c_u0_0 IS NOT NULL AND CASE
      WHEN coalesce(c_u0_0.changedSeq, 0) <= $u0_1 THEN c_u0_0:Entity
      ELSE $u0_2[c_u0_0.id] IS NOT NULL
    END) THEN c_u0_0
  END AS c_u0_0
}
CALL (*) {
  UNWIND [c_u0_0] AS x_u0_1
  MATCH (x_u0_1)-[h_u0_2:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY|RETRACTED) WHERE (NOT (h_u0_2:RETRACTED) OR h_u0_2.type IN $u0_3)]-(m_u0_3:(Entity|Retracted))
  WHERE (NOT (m_u0_3 IN [c_u0_0]) AND (CASE
    WHEN coalesce(h_u0_2.changedSeq, 0) <= $u0_1 THEN NOT (h_u0_2:RETRACTED)
    WHEN $u0_4[(startNode(h_u0_2).id || '|' || coalesce(h_u0_2.type, type(h_u0_2)) || '|' || endNode(h_u0_2).id)] IS NULL THEN h_u0_2:RETRACTED
    WHEN NOT ($u0_4[(startNode(h_u0_2).id || '|' || coalesce(h_u0_2.type, type(h_u0_2)) || '|' || endNode(h_u0_2).id)]) THEN false
    ELSE NOT (EXISTS {
      WITH startNode(h_u0_2) AS s_u0_4, endNode(h_u0_2) AS e_u0_5
      MATCH (s_u0_4)-[x_u0_6:RETRACTED]->(e_u0_5)
      WHERE (x_u0_6.type = coalesce(h_u0_2.type, type(h_u0_2)) AND x_u0_6.retractedSeq > $u0_1 AND x_u0_6.retractedSeq < coalesce(h_u0_2.retractedSeq, (x_u0_6.retractedSeq + 1)))
    })
  END AND CASE
    WHEN coalesce(m_u0_3.changedSeq, 0) <= $u0_1 THEN m_u0_3:Entity
    ELSE $u0_2[m_u0_3.id] IS NOT NULL
  END))
  WITH DISTINCT m_u0_3
  LIMIT $u0_5
  RETURN collect(m_u0_3) AS ring_u0_7
}
CALL (*) {
  WITH [ring_u0_7] AS rings_u0_8
  UNWIND range(0, (size(rings_u0_8) - 1)) AS hop_u0_9
  UNWIND rings_u0_8[hop_u0_9] AS m_u0_10
  WITH m_u0_10, hop_u0_9
  ORDER BY hop_u0_9 ASC, m_u0_10.name ASC, m_u0_10.id ASC
  LIMIT $u0_6
  RETURN collect(m_u0_10) AS members_u0_11
}
CALL (*) {
  UNWIND CASE
    WHEN c_u0_0 IS NULL THEN []
    ELSE ([c_u0_0] + members_u0_11)
  END AS n_u0_12
  WITH n_u0_12, coalesce($u0_2[n_u0_12.id], n_u0_12) AS v_u0_13
  RETURN collect(v_u0_13 { .id, .name, kind: CASE WHEN n_u0_12:Retracted THEN n_u0_12.kind ELSE head([l IN labels(n_u0_12) WHERE l <> 'Entity']) END }) AS nodes_u0_14
}
CALL (*) {
  UNWIND ([c_u0_0] + members_u0_11) AS a_u0_15
  UNWIND ([c_u0_0] + members_u0_11) AS b_u0_16
  MATCH (a_u0_15)-[r_u0_17]->(b_u0_16)
  WHERE (CASE
    WHEN r_u0_17:RETRACTED THEN r_u0_17.type
    ELSE type(r_u0_17)
  END IN $u0_3 AND CASE
    WHEN coalesce(r_u0_17.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_17:RETRACTED)
    WHEN $u0_4[(startNode(r_u0_17).id || '|' || coalesce(r_u0_17.type, type(r_u0_17)) || '|' || endNode(r_u0_17).id)] IS NULL THEN r_u0_17:RETRACTED
    WHEN NOT ($u0_4[(startNode(r_u0_17).id || '|' || coalesce(r_u0_17.type, type(r_u0_17)) || '|' || endNode(r_u0_17).id)]) THEN false
    ELSE NOT (EXISTS {
      WITH startNode(r_u0_17) AS s_u0_18, endNode(r_u0_17) AS e_u0_19
      MATCH (s_u0_18)-[x_u0_20:RETRACTED]->(e_u0_19)
      WHERE (x_u0_20.type = coalesce(r_u0_17.type, type(r_u0_17)) AND x_u0_20.retractedSeq > $u0_1 AND x_u0_20.retractedSeq < coalesce(r_u0_17.retractedSeq, (x_u0_20.retractedSeq + 1)))
    })
  END)
  WITH r_u0_17, a_u0_15, b_u0_16
  ORDER BY a_u0_15.id ASC, type(r_u0_17) ASC, b_u0_16.id ASC
  LIMIT $u0_7
  RETURN collect({type: CASE WHEN r_u0_17:RETRACTED THEN r_u0_17.type ELSE type(r_u0_17) END, from: startNode(r_u0_17).id, to: endNode(r_u0_17).id}) AS edges_u0_21
}
RETURN c_u0_0 IS NOT NULL AS reach_u0_45_found, size(ring_u0_7) AS reach_u0_22, nodes_u0_14, edges_u0_21
// params: {"u0_0":"target:bcma","u0_1":8,"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":["PART_OF","DEPARTMENT_OF","SUCCEEDED_BY","GOVERNS","ISSUED","ENACTED","INTRODUCED","TRIGGERED","IMPLEMENTED_BY","ESTABLISHED","SUBCATEGORY_OF","CLASSIFIED_AS","REVIEWS","APPROVED_BY","TARGETS","SPONSORED_BY","INVOLVES","ABOUT","BREAKDOWN_OF","NUMERATOR","DENOMINATOR","GROWTH_FROM","GROWTH_TO","ADDRESSES","DRIVES","EVIDENCED_BY"],"u0_4":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_5":51,"u0_6":50,"u0_7":1000}
