// { products(filter: {target: "target:bcma"}, asOf: 8, first: 5, orderBy: {field: DATE}) { totalCount edges { node { id name } } } }

// read:list.Product.asOf
// list Product
//   anchor: node-[TARGETS]->({id: "target:bcma"}), as it stood at change set 8
//   where: true
//   order: dateStart ASC, id
//   page: first 5
//   node: id name
//   totalCount: count the matches
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
  WHERE n_u0_6.dateStart IS NOT NULL
  WITH m_u0_2, n_u0_6
  ORDER BY n_u0_6.dateStart ASC, n_u0_6.id ASC
  LIMIT $u0_6
  RETURN collect(n_u0_6 { .id, .name, .dateStart, kind: CASE WHEN m_u0_2:Retracted THEN m_u0_2.kind ELSE head([l IN labels(m_u0_2) WHERE l <> 'Entity']) END }) AS page_u0_7
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
RETURN page_u0_7, total_u0_15
// params: {"u0_0":"target:bcma","u0_1":8,"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":"TARGETS","u0_4":"Product","u0_5":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_6":6,"u0_7":"target:bcma","u0_8":"TARGETS","u0_9":"Product"}
