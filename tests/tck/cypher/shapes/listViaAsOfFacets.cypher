// { products(filter: {target: "target:bcma"}, asOf: 8, first: 0) { totalCount facets(by: [SPONSOR]) { keys { value id } count } } }

// read:list.Product.asOf
// list Product
//   anchor: node-[TARGETS]->({id: "target:bcma"}), as it stood at change set 8
//   where: true
//   order: name ASC, id
//   page: first 0
//   node: (id and name)
//   totalCount: count the matches
//   facets facets: SPONSOR (-[SPONSORED_BY]->Sponsor), first 20
CALL () {
  CALL () {
    MATCH (a_u0_0:Entity { id: $u0_0 })
    RETURN a_u0_0
    UNION
    MATCH (a_u0_0:Retracted { id: $u0_0 })
    RETURN a_u0_0
  }
  WITH a_u0_0
  WHERE CASE WHEN coalesce(a_u0_0.changedSeq, 0) <= $u0_1 THEN a_u0_0:Entity ELSE $u0_2[a_u0_0.id] IS NOT NULL END
  MATCH (a_u0_0)<-[r_u0_1:(TARGETS|RETRACTED) WHERE (r_u0_1:TARGETS OR r_u0_1.type = $u0_3)]-(m_u0_2 WHERE (m_u0_2:Product OR (m_u0_2:Retracted AND m_u0_2.kind = $u0_4)))
  WHERE (CASE WHEN coalesce(r_u0_1.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_1:RETRACTED) WHEN $u0_5[(startNode(r_u0_1).id || '|' || coalesce(r_u0_1.type, type(r_u0_1)) || '|' || endNode(r_u0_1).id)] IS NULL THEN r_u0_1:RETRACTED WHEN NOT ($u0_5[(startNode(r_u0_1).id || '|' || coalesce(r_u0_1.type, type(r_u0_1)) || '|' || endNode(r_u0_1).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_1) AS s_u0_3, endNode(r_u0_1) AS e_u0_4 MATCH (s_u0_3)-[x_u0_5:RETRACTED]->(e_u0_4) WHERE (x_u0_5.type = coalesce(r_u0_1.type, type(r_u0_1)) AND x_u0_5.retractedSeq > $u0_1 AND x_u0_5.retractedSeq < coalesce(r_u0_1.retractedSeq, (x_u0_5.retractedSeq + 1))) }) END AND CASE WHEN coalesce(m_u0_2.changedSeq, 0) <= $u0_1 THEN m_u0_2:Entity ELSE $u0_2[m_u0_2.id] IS NOT NULL END)
  WITH m_u0_2, coalesce($u0_2[m_u0_2.id], m_u0_2) AS n_u0_6
  WHERE n_u0_6.name IS NOT NULL
  WITH m_u0_2, n_u0_6
  ORDER BY n_u0_6.name ASC, n_u0_6.id ASC
  LIMIT $u0_6
  RETURN collect(n_u0_6 { .id, .name, kind: CASE WHEN m_u0_2:Retracted THEN m_u0_2.kind ELSE head([l IN labels(m_u0_2) WHERE l <> 'Entity']) END }) AS page_u0_7
}
CALL () {
  CALL () {
    MATCH (a_u0_8:Entity { id: $u0_7 })
    RETURN a_u0_8
    UNION
    MATCH (a_u0_8:Retracted { id: $u0_7 })
    RETURN a_u0_8
  }
  WITH a_u0_8
  WHERE CASE WHEN coalesce(a_u0_8.changedSeq, 0) <= $u0_1 THEN a_u0_8:Entity ELSE $u0_2[a_u0_8.id] IS NOT NULL END
  MATCH (a_u0_8)<-[r_u0_9:(TARGETS|RETRACTED) WHERE (r_u0_9:TARGETS OR r_u0_9.type = $u0_8)]-(m_u0_10 WHERE (m_u0_10:Product OR (m_u0_10:Retracted AND m_u0_10.kind = $u0_9)))
  WHERE (CASE WHEN coalesce(r_u0_9.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_9:RETRACTED) WHEN $u0_5[(startNode(r_u0_9).id || '|' || coalesce(r_u0_9.type, type(r_u0_9)) || '|' || endNode(r_u0_9).id)] IS NULL THEN r_u0_9:RETRACTED WHEN NOT ($u0_5[(startNode(r_u0_9).id || '|' || coalesce(r_u0_9.type, type(r_u0_9)) || '|' || endNode(r_u0_9).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_9) AS s_u0_11, endNode(r_u0_9) AS e_u0_12 MATCH (s_u0_11)-[x_u0_13:RETRACTED]->(e_u0_12) WHERE (x_u0_13.type = coalesce(r_u0_9.type, type(r_u0_9)) AND x_u0_13.retractedSeq > $u0_1 AND x_u0_13.retractedSeq < coalesce(r_u0_9.retractedSeq, (x_u0_13.retractedSeq + 1))) }) END AND CASE WHEN coalesce(m_u0_10.changedSeq, 0) <= $u0_1 THEN m_u0_10:Entity ELSE $u0_2[m_u0_10.id] IS NOT NULL END)
  WITH m_u0_10, coalesce($u0_2[m_u0_10.id], m_u0_10) AS n_u0_14
  RETURN count(m_u0_10) AS total_u0_15
}
CALL () {
  CALL () {
    MATCH (a_u0_16:Entity { id: $u0_10 })
    RETURN a_u0_16
    UNION
    MATCH (a_u0_16:Retracted { id: $u0_10 })
    RETURN a_u0_16
  }
  WITH a_u0_16
  WHERE CASE WHEN coalesce(a_u0_16.changedSeq, 0) <= $u0_1 THEN a_u0_16:Entity ELSE $u0_2[a_u0_16.id] IS NOT NULL END
  MATCH (a_u0_16)<-[r_u0_17:(TARGETS|RETRACTED) WHERE (r_u0_17:TARGETS OR r_u0_17.type = $u0_11)]-(m_u0_18 WHERE (m_u0_18:Product OR (m_u0_18:Retracted AND m_u0_18.kind = $u0_12)))
  WHERE (CASE WHEN coalesce(r_u0_17.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_17:RETRACTED) WHEN $u0_5[(startNode(r_u0_17).id || '|' || coalesce(r_u0_17.type, type(r_u0_17)) || '|' || endNode(r_u0_17).id)] IS NULL THEN r_u0_17:RETRACTED WHEN NOT ($u0_5[(startNode(r_u0_17).id || '|' || coalesce(r_u0_17.type, type(r_u0_17)) || '|' || endNode(r_u0_17).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_17) AS s_u0_19, endNode(r_u0_17) AS e_u0_20 MATCH (s_u0_19)-[x_u0_21:RETRACTED]->(e_u0_20) WHERE (x_u0_21.type = coalesce(r_u0_17.type, type(r_u0_17)) AND x_u0_21.retractedSeq > $u0_1 AND x_u0_21.retractedSeq < coalesce(r_u0_17.retractedSeq, (x_u0_21.retractedSeq + 1))) }) END AND CASE WHEN coalesce(m_u0_18.changedSeq, 0) <= $u0_1 THEN m_u0_18:Entity ELSE $u0_2[m_u0_18.id] IS NOT NULL END)
  WITH m_u0_18, coalesce($u0_2[m_u0_18.id], m_u0_18) AS n_u0_22
  WITH n_u0_22, m_u0_18
  LIMIT $u0_13
  WITH collect({view: n_u0_22, stored: m_u0_18}) AS matched_u0_23
  UNWIND matched_u0_23 AS pair_u0_24
  WITH pair_u0_24.view AS n_u0_22, pair_u0_24.stored AS m_u0_18, matched_u0_23
  OPTIONAL MATCH (m_u0_18)-[r_u0_25:(SPONSORED_BY|RETRACTED) WHERE (r_u0_25:SPONSORED_BY OR r_u0_25.type = $u0_14)]->(f_u0_26 WHERE (f_u0_26:Sponsor OR (f_u0_26:Retracted AND f_u0_26.kind = $u0_15)))
  WHERE (CASE WHEN coalesce(r_u0_25.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_25:RETRACTED) WHEN $u0_5[(startNode(r_u0_25).id || '|' || coalesce(r_u0_25.type, type(r_u0_25)) || '|' || endNode(r_u0_25).id)] IS NULL THEN r_u0_25:RETRACTED WHEN NOT ($u0_5[(startNode(r_u0_25).id || '|' || coalesce(r_u0_25.type, type(r_u0_25)) || '|' || endNode(r_u0_25).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_25) AS s_u0_27, endNode(r_u0_25) AS e_u0_28 MATCH (s_u0_27)-[x_u0_29:RETRACTED]->(e_u0_28) WHERE (x_u0_29.type = coalesce(r_u0_25.type, type(r_u0_25)) AND x_u0_29.retractedSeq > $u0_1 AND x_u0_29.retractedSeq < coalesce(r_u0_25.retractedSeq, (x_u0_29.retractedSeq + 1))) }) END AND CASE WHEN coalesce(f_u0_26.changedSeq, 0) <= $u0_1 THEN f_u0_26:Entity ELSE $u0_2[f_u0_26.id] IS NOT NULL END)
  WITH *, CASE
    WHEN f_u0_26 IS NULL THEN NULL
    ELSE coalesce($u0_2[f_u0_26.id], f_u0_26)
  END AS k_u0_30
  WITH k_u0_30, size(matched_u0_23) AS scanned_u0_31, count(DISTINCT n_u0_22.id) AS count
  ORDER BY count DESC, k_u0_30.id ASC
  LIMIT $u0_16
  RETURN {over: coalesce(max(scanned_u0_31) = $u0_13, false), buckets: collect({keys: [{value: toString(coalesce(k_u0_30.number, k_u0_30.name)), id: k_u0_30.id}], count: count})} AS facets_u0_32
}
RETURN page_u0_7, total_u0_15, facets_u0_32
// params: {"u0_0":"target:bcma","u0_1":8,"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":"TARGETS","u0_4":"Product","u0_5":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_6":1,"u0_7":"target:bcma","u0_8":"TARGETS","u0_9":"Product","u0_10":"target:bcma","u0_11":"TARGETS","u0_12":"Product","u0_13":100001,"u0_14":"SPONSORED_BY","u0_15":"Sponsor","u0_16":20}
