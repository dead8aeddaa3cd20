// { products(asOf: 8, first: 5) { edges { node { id name targets { id name } } } } }

// read:list.Product.asOf
// list Product
//   anchor: asOf change set 8 (0 changed since, 0 states then)
//   where: true
//   order: name ASC, id
//   page: first 5
//   node: id name targets(first 20) { id name }
CALL () {
  CALL () {
    MATCH (n_u0_0:Product)
    WHERE NOT n_u0_0.id IN $u0_0 AND n_u0_0.name IS NOT NULL
    WITH n_u0_0 ORDER BY n_u0_0.name ASC, n_u0_0.id ASC LIMIT $u0_1
    RETURN n_u0_0
    UNION
    UNWIND $u0_2 AS n_u0_0
    WITH n_u0_0 WHERE n_u0_0.name IS NOT NULL
    WITH n_u0_0 ORDER BY n_u0_0.name ASC, n_u0_0.id ASC LIMIT $u0_1
    RETURN n_u0_0
  }
  WITH n_u0_0 ORDER BY n_u0_0.name ASC, n_u0_0.id ASC LIMIT $u0_1
  CALL (n_u0_0) {
    MATCH (e_u0_1:Entity {id: n_u0_0.id})
    RETURN e_u0_1
    UNION
    MATCH (e_u0_1:Retracted {id: n_u0_0.id})
    RETURN e_u0_1
  }
  CALL (e_u0_1) {
    MATCH (e_u0_1)-[r_u0_2:TARGETS|RETRACTED WHERE r_u0_2:TARGETS OR r_u0_2.type = $u0_3]->(m_u0_3 WHERE (m_u0_3:Target OR (m_u0_3:Retracted AND m_u0_3.kind = $u0_4)))
    WHERE CASE WHEN r_u0_2:RETRACTED
      THEN r_u0_2.retractedSeq > $u0_5 AND coalesce($u0_6[startNode(r_u0_2).id + '|' + r_u0_2.type + '|' + endNode(r_u0_2).id], r_u0_2.retractedSeq) = r_u0_2.retractedSeq
      ELSE $u0_6[startNode(r_u0_2).id + '|' + type(r_u0_2) + '|' + endNode(r_u0_2).id] IS NULL END AND CASE WHEN $u0_7[m_u0_3.id] THEN false WHEN $u0_8[m_u0_3.id] IS NOT NULL THEN true ELSE m_u0_3:Entity END
    WITH r_u0_2, m_u0_3, coalesce($u0_8[m_u0_3.id], m_u0_3) AS v_u0_4
    WHERE true
    WITH r_u0_2, m_u0_3, v_u0_4 ORDER BY v_u0_4.name, v_u0_4.id LIMIT $u0_9
    RETURN collect(v_u0_4 {.id, .name, kind: CASE WHEN m_u0_3:Retracted THEN m_u0_3.kind ELSE head([l IN labels(m_u0_3) WHERE l <> 'Entity']) END}) AS list_u0_5
  }
  RETURN collect(n_u0_0 {.id, .name, kind: $u0_10, __rel: {`Product.targets`: list_u0_5}}) AS page_u0_6
}
RETURN page_u0_6
// params: {"u0_0":[],"u0_1":6,"u0_2":[],"u0_3":"TARGETS","u0_4":"Target","u0_5":8,"u0_6":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":10},"u0_7":{"target:new":true},"u0_8":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_9":20,"u0_10":"Product"}
