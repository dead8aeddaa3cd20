// { products(asOf: 8, first: 5) { edges { node { id name targets { id name } } } } }

// read:list.Product.asOf
// list Product
//   anchor: asOf change set 8 (1 changed since, 0 states then)
//   where: true
//   order: name ASC, id
//   page: first 5
//   node: id name targets(first 20) { id name }
CALL () {
  CALL () {
    MATCH (n_u0_0:Product)
    WHERE (NOT (n_u0_0.id IN $u0_0) AND n_u0_0.name IS NOT NULL)
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
    UNION
    UNWIND $u0_2 AS n_u0_0
    WITH n_u0_0
    WHERE n_u0_0.name IS NOT NULL
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
  }
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  CALL (n_u0_0) {
    MATCH (e_u0_1:Entity { id: n_u0_0.id })
    RETURN e_u0_1
    UNION
    MATCH (e_u0_1:Retracted { id: n_u0_0.id })
    RETURN e_u0_1
  }
  CALL (e_u0_1) {
    MATCH (e_u0_1)-[r_u0_2:(TARGETS|RETRACTED) WHERE (r_u0_2:TARGETS OR r_u0_2.type = $u0_3)]->(m_u0_3 WHERE (m_u0_3:Target OR (m_u0_3:Retracted AND m_u0_3.kind = $u0_4)))
    WHERE (CASE WHEN coalesce(r_u0_2.changedSeq, 0) <= $u0_5 THEN NOT (r_u0_2:RETRACTED) WHEN $u0_6[(startNode(r_u0_2).id || '|' || coalesce(r_u0_2.type, type(r_u0_2)) || '|' || endNode(r_u0_2).id)] IS NULL THEN r_u0_2:RETRACTED WHEN NOT ($u0_6[(startNode(r_u0_2).id || '|' || coalesce(r_u0_2.type, type(r_u0_2)) || '|' || endNode(r_u0_2).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_2) AS s_u0_4, endNode(r_u0_2) AS e_u0_5 MATCH (s_u0_4)-[x_u0_6:RETRACTED]->(e_u0_5) WHERE (x_u0_6.type = coalesce(r_u0_2.type, type(r_u0_2)) AND x_u0_6.retractedSeq > $u0_5 AND x_u0_6.retractedSeq < coalesce(r_u0_2.retractedSeq, (x_u0_6.retractedSeq + 1))) }) END AND CASE WHEN coalesce(m_u0_3.changedSeq, 0) <= $u0_5 THEN m_u0_3:Entity ELSE $u0_7[m_u0_3.id] IS NOT NULL END)
    WITH r_u0_2, m_u0_3, coalesce($u0_7[m_u0_3.id], m_u0_3) AS v_u0_7
    WITH r_u0_2, m_u0_3, v_u0_7
    ORDER BY v_u0_7.name ASC, v_u0_7.id ASC
    LIMIT $u0_8
    RETURN collect(v_u0_7 { .id, .name, kind: CASE WHEN m_u0_3:Retracted THEN m_u0_3.kind ELSE head([l IN labels(m_u0_3) WHERE l <> 'Entity']) END }) AS list_u0_8
  }
  RETURN collect(n_u0_0 { .id, .name, kind: $u0_9, __rel: {`Product.targets`: list_u0_8} }) AS page_u0_9
}
RETURN page_u0_9
// params: {"u0_0":["product:new"],"u0_1":6,"u0_2":[],"u0_3":"TARGETS","u0_4":"Target","u0_5":8,"u0_6":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_7":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_8":20,"u0_9":"Product"}
