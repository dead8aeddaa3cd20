// { node(id: "product:ciltacabtagene-autoleucel", asOf: 8) { id ... on Product { sponsors { name } targetsConnection(first: 5) { totalCount edges { node { name } } } } } }

// read:nodes.asOf
CALL () {
  UNWIND $u0_0 AS id_u0_0
  CALL (id_u0_0) {
    OPTIONAL MATCH (n_u0_1:Entity {id: id_u0_0})
    RETURN n_u0_1
    UNION
    MATCH (n_u0_1:Retracted {id: id_u0_0})
    RETURN n_u0_1
  }
  WITH id_u0_0, n_u0_1 ORDER BY n_u0_1 IS NULL
  WITH id_u0_0, head(collect(n_u0_1)) AS n_u0_1
  WITH id_u0_0, CASE WHEN n_u0_1 IS NOT NULL AND CASE WHEN $u0_1[n_u0_1.id] THEN false WHEN $u0_2[n_u0_1.id] IS NOT NULL THEN true ELSE n_u0_1:Entity END THEN n_u0_1 END AS n_u0_1
  WITH id_u0_0, n_u0_1, coalesce($u0_2[n_u0_1.id], n_u0_1) AS v_u0_2
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_3:SPONSORED_BY|RETRACTED WHERE r_u0_3:SPONSORED_BY OR r_u0_3.type = $u0_3]->(m_u0_4 WHERE (m_u0_4:Sponsor OR (m_u0_4:Retracted AND m_u0_4.kind = $u0_4)))
    WHERE CASE WHEN r_u0_3:RETRACTED
      THEN r_u0_3.retractedSeq > $u0_5 AND coalesce($u0_6[startNode(r_u0_3).id + '|' + r_u0_3.type + '|' + endNode(r_u0_3).id], r_u0_3.retractedSeq) = r_u0_3.retractedSeq
      ELSE $u0_6[startNode(r_u0_3).id + '|' + type(r_u0_3) + '|' + endNode(r_u0_3).id] IS NULL END AND CASE WHEN $u0_1[m_u0_4.id] THEN false WHEN $u0_2[m_u0_4.id] IS NOT NULL THEN true ELSE m_u0_4:Entity END
    WITH r_u0_3, m_u0_4, coalesce($u0_2[m_u0_4.id], m_u0_4) AS v_u0_5
    WHERE (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_7))
    WITH r_u0_3, m_u0_4, v_u0_5 ORDER BY v_u0_5.name, v_u0_5.id LIMIT $u0_8
    RETURN collect(v_u0_5 {.id, .name, kind: CASE WHEN m_u0_4:Retracted THEN m_u0_4.kind ELSE head([l IN labels(m_u0_4) WHERE l <> 'Entity']) END}) AS list_u0_6
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_7:TARGETS|RETRACTED WHERE r_u0_7:TARGETS OR r_u0_7.type = $u0_9]->(m_u0_8 WHERE (m_u0_8:Target OR (m_u0_8:Retracted AND m_u0_8.kind = $u0_10)))
    WHERE CASE WHEN r_u0_7:RETRACTED
      THEN r_u0_7.retractedSeq > $u0_5 AND coalesce($u0_6[startNode(r_u0_7).id + '|' + r_u0_7.type + '|' + endNode(r_u0_7).id], r_u0_7.retractedSeq) = r_u0_7.retractedSeq
      ELSE $u0_6[startNode(r_u0_7).id + '|' + type(r_u0_7) + '|' + endNode(r_u0_7).id] IS NULL END AND CASE WHEN $u0_1[m_u0_8.id] THEN false WHEN $u0_2[m_u0_8.id] IS NOT NULL THEN true ELSE m_u0_8:Entity END
    WITH r_u0_7, m_u0_8, coalesce($u0_2[m_u0_8.id], m_u0_8) AS v_u0_9
    WHERE (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_7))
    WITH r_u0_7, m_u0_8, v_u0_9 ORDER BY v_u0_9.name, v_u0_9.id LIMIT $u0_11
    RETURN collect({node: v_u0_9 {.id, .name, kind: CASE WHEN m_u0_8:Retracted THEN m_u0_8.kind ELSE head([l IN labels(m_u0_8) WHERE l <> 'Entity']) END}, rel: CASE WHEN r_u0_7:RETRACTED THEN r_u0_7 {.*, status: null, type: null, retractedSeq: null, retractedReason: null, changedSeq: null} ELSE properties(r_u0_7) END}) AS edges_u0_10
  }
  RETURN collect({id: id_u0_0, node: v_u0_2 {.id, .name, kind: CASE WHEN n_u0_1:Retracted THEN n_u0_1.kind ELSE head([l IN labels(n_u0_1) WHERE l <> 'Entity']) END, __rel: {`Product.sponsors`: list_u0_6, `Product.targetsConnection`: {edges: edges_u0_10, first: $u0_12, after: $u0_13, totalCount: CASE WHEN (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_7)) THEN COUNT { MATCH (n_u0_1)-[r_u0_11:TARGETS|RETRACTED WHERE r_u0_11:TARGETS OR r_u0_11.type = $u0_14]->(m_u0_12 WHERE (m_u0_12:Target OR (m_u0_12:Retracted AND m_u0_12.kind = $u0_15))) WHERE CASE WHEN r_u0_11:RETRACTED
    THEN r_u0_11.retractedSeq > $u0_5 AND coalesce($u0_6[startNode(r_u0_11).id + '|' + r_u0_11.type + '|' + endNode(r_u0_11).id], r_u0_11.retractedSeq) = r_u0_11.retractedSeq
    ELSE $u0_6[startNode(r_u0_11).id + '|' + type(r_u0_11) + '|' + endNode(r_u0_11).id] IS NULL END AND CASE WHEN $u0_1[m_u0_12.id] THEN false WHEN $u0_2[m_u0_12.id] IS NOT NULL THEN true ELSE m_u0_12:Entity END WITH m_u0_12, coalesce($u0_2[m_u0_12.id], m_u0_12) AS v_u0_13 WHERE true RETURN m_u0_12 } ELSE 0 END}}}}) AS nodes_u0_14
}
RETURN nodes_u0_14
// params: {"u0_0":["product:ciltacabtagene-autoleucel"],"u0_1":{"target:new":true},"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":"SPONSORED_BY","u0_4":"Sponsor","u0_5":8,"u0_6":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":10},"u0_7":"Product","u0_8":20,"u0_9":"TARGETS","u0_10":"Target","u0_11":6,"u0_12":5,"u0_13":0,"u0_14":"TARGETS","u0_15":"Target"}
