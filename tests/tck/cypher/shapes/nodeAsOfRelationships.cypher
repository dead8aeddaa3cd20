// { node(id: "product:ciltacabtagene-autoleucel", asOf: 8) { id ... on Product { sponsors { name } targetsConnection(first: 5) { totalCount edges { node { name } } } } } }

// read:nodes.asOf
// nodes ["product:ciltacabtagene-autoleucel"]
//   node: id Product.sponsors(first 20) { name } Product.targetsConnection(first 5) { node { name } totalCount }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  CALL (id_u0_0) {
    OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
    RETURN n_u0_1
    UNION
    MATCH (n_u0_1:Retracted { id: id_u0_0 })
    RETURN n_u0_1
  }
  WITH id_u0_0, n_u0_1
  ORDER BY n_u0_1 IS NULL ASC
  WITH id_u0_0, head(collect(n_u0_1)) AS n_u0_1
  WITH id_u0_0, CASE
    WHEN (n_u0_1 IS NOT NULL AND CASE
      WHEN coalesce(n_u0_1.changedSeq, 0) <= $u0_1 THEN n_u0_1:Entity
      ELSE $u0_2[n_u0_1.id] IS NOT NULL
    END) THEN n_u0_1
  END AS n_u0_1
  WITH id_u0_0, n_u0_1, coalesce($u0_2[n_u0_1.id], n_u0_1) AS v_u0_2
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_3:(SPONSORED_BY|RETRACTED) WHERE (r_u0_3:SPONSORED_BY OR r_u0_3.type = $u0_3)]->(m_u0_4 WHERE (m_u0_4:Sponsor OR (m_u0_4:Retracted AND m_u0_4.kind = $u0_4)))
    WHERE (CASE WHEN coalesce(r_u0_3.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_3:RETRACTED) WHEN $u0_5[(startNode(r_u0_3).id || '|' || coalesce(r_u0_3.type, type(r_u0_3)) || '|' || endNode(r_u0_3).id)] IS NULL THEN r_u0_3:RETRACTED WHEN NOT ($u0_5[(startNode(r_u0_3).id || '|' || coalesce(r_u0_3.type, type(r_u0_3)) || '|' || endNode(r_u0_3).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_3) AS s_u0_5, endNode(r_u0_3) AS e_u0_6 MATCH (s_u0_5)-[x_u0_7:RETRACTED]->(e_u0_6) WHERE (x_u0_7.type = coalesce(r_u0_3.type, type(r_u0_3)) AND x_u0_7.retractedSeq > $u0_1 AND x_u0_7.retractedSeq < coalesce(r_u0_3.retractedSeq, (x_u0_7.retractedSeq + 1))) }) END AND CASE WHEN coalesce(m_u0_4.changedSeq, 0) <= $u0_1 THEN m_u0_4:Entity ELSE $u0_2[m_u0_4.id] IS NOT NULL END)
    WITH r_u0_3, m_u0_4, coalesce($u0_2[m_u0_4.id], m_u0_4) AS v_u0_8
    WHERE (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_6))
    WITH r_u0_3, m_u0_4, v_u0_8
    ORDER BY v_u0_8.name ASC, v_u0_8.id ASC
    LIMIT $u0_7
    RETURN collect(v_u0_8 { .id, .name, kind: CASE WHEN m_u0_4:Retracted THEN m_u0_4.kind ELSE head([l IN labels(m_u0_4) WHERE l <> 'Entity']) END }) AS list_u0_9
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_10:(TARGETS|RETRACTED) WHERE (r_u0_10:TARGETS OR r_u0_10.type = $u0_8)]->(m_u0_11 WHERE (m_u0_11:Target OR (m_u0_11:Retracted AND m_u0_11.kind = $u0_9)))
    WHERE (CASE WHEN coalesce(r_u0_10.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_10:RETRACTED) WHEN $u0_5[(startNode(r_u0_10).id || '|' || coalesce(r_u0_10.type, type(r_u0_10)) || '|' || endNode(r_u0_10).id)] IS NULL THEN r_u0_10:RETRACTED WHEN NOT ($u0_5[(startNode(r_u0_10).id || '|' || coalesce(r_u0_10.type, type(r_u0_10)) || '|' || endNode(r_u0_10).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_10) AS s_u0_12, endNode(r_u0_10) AS e_u0_13 MATCH (s_u0_12)-[x_u0_14:RETRACTED]->(e_u0_13) WHERE (x_u0_14.type = coalesce(r_u0_10.type, type(r_u0_10)) AND x_u0_14.retractedSeq > $u0_1 AND x_u0_14.retractedSeq < coalesce(r_u0_10.retractedSeq, (x_u0_14.retractedSeq + 1))) }) END AND CASE WHEN coalesce(m_u0_11.changedSeq, 0) <= $u0_1 THEN m_u0_11:Entity ELSE $u0_2[m_u0_11.id] IS NOT NULL END)
    WITH r_u0_10, m_u0_11, coalesce($u0_2[m_u0_11.id], m_u0_11) AS v_u0_15
    WHERE (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_6))
    WITH r_u0_10, m_u0_11, v_u0_15
    ORDER BY v_u0_15.name ASC, v_u0_15.id ASC
    LIMIT $u0_10
    RETURN collect({node: v_u0_15 { .id, .name, kind: CASE WHEN m_u0_11:Retracted THEN m_u0_11.kind ELSE head([l IN labels(m_u0_11) WHERE l <> 'Entity']) END }, rel: CASE WHEN r_u0_10:RETRACTED THEN r_u0_10 { .*, status: NULL, type: NULL, retractedSeq: NULL, retractedReason: NULL, changedSeq: NULL } ELSE properties(r_u0_10) END}) AS edges_u0_16
  }
  RETURN collect({id: id_u0_0, node: v_u0_2 { .id, .name, kind: CASE WHEN n_u0_1:Retracted THEN n_u0_1.kind ELSE head([l IN labels(n_u0_1) WHERE l <> 'Entity']) END, __rel: {`Product.sponsors`: list_u0_9, `Product.targetsConnection`: {edges: edges_u0_16, first: $u0_11, after: $u0_12, totalCount: CASE WHEN (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_6)) THEN COUNT { MATCH (n_u0_1)-[r_u0_17:(TARGETS|RETRACTED) WHERE (r_u0_17:TARGETS OR r_u0_17.type = $u0_13)]->(m_u0_18 WHERE (m_u0_18:Target OR (m_u0_18:Retracted AND m_u0_18.kind = $u0_14))) WHERE (CASE WHEN coalesce(r_u0_17.changedSeq, 0) <= $u0_1 THEN NOT (r_u0_17:RETRACTED) WHEN $u0_5[(startNode(r_u0_17).id || '|' || coalesce(r_u0_17.type, type(r_u0_17)) || '|' || endNode(r_u0_17).id)] IS NULL THEN r_u0_17:RETRACTED WHEN NOT ($u0_5[(startNode(r_u0_17).id || '|' || coalesce(r_u0_17.type, type(r_u0_17)) || '|' || endNode(r_u0_17).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_17) AS s_u0_19, endNode(r_u0_17) AS e_u0_20 MATCH (s_u0_19)-[x_u0_21:RETRACTED]->(e_u0_20) WHERE (x_u0_21.type = coalesce(r_u0_17.type, type(r_u0_17)) AND x_u0_21.retractedSeq > $u0_1 AND x_u0_21.retractedSeq < coalesce(r_u0_17.retractedSeq, (x_u0_21.retractedSeq + 1))) }) END AND CASE WHEN coalesce(m_u0_18.changedSeq, 0) <= $u0_1 THEN m_u0_18:Entity ELSE $u0_2[m_u0_18.id] IS NOT NULL END) WITH m_u0_18, coalesce($u0_2[m_u0_18.id], m_u0_18) AS v_u0_22 RETURN m_u0_18 } ELSE 0 END}} }}) AS nodes_u0_23
}
RETURN nodes_u0_23
// params: {"u0_0":["product:ciltacabtagene-autoleucel"],"u0_1":8,"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":"SPONSORED_BY","u0_4":"Sponsor","u0_5":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_6":"Product","u0_7":20,"u0_8":"TARGETS","u0_9":"Target","u0_10":6,"u0_11":5,"u0_12":0,"u0_13":"TARGETS","u0_14":"Target"}
