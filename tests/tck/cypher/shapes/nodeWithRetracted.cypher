// { node(id: "product:x", includeRetracted: true) { id ... on Product { targets { id } sponsorsConnection(first: 1) { totalCount edges { node { id } } } } } }

// read:nodes
// nodes ["product:x"]
//   node: id Product.targets(first 20) { id } Product.sponsorsConnection(first 1) { node { id } totalCount }
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
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_2:(TARGETS|RETRACTED) WHERE (r_u0_2:TARGETS OR r_u0_2.type = $u0_1)]->(m_u0_3 WHERE (m_u0_3:Target OR (m_u0_3:Retracted AND m_u0_3.kind = $u0_2)))
    WHERE (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_3))
    WITH r_u0_2, m_u0_3
    ORDER BY m_u0_3.name ASC, m_u0_3.id ASC
    LIMIT $u0_4
    RETURN collect(m_u0_3 { .id, .name, kind: CASE WHEN m_u0_3:Retracted THEN m_u0_3.kind ELSE head([l IN labels(m_u0_3) WHERE l <> 'Entity']) END }) AS list_u0_4
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_5:(SPONSORED_BY|RETRACTED) WHERE (r_u0_5:SPONSORED_BY OR r_u0_5.type = $u0_5)]->(m_u0_6 WHERE (m_u0_6:Sponsor OR (m_u0_6:Retracted AND m_u0_6.kind = $u0_6)))
    WHERE (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_3))
    WITH r_u0_5, m_u0_6
    ORDER BY m_u0_6.name ASC, m_u0_6.id ASC
    LIMIT $u0_7
    RETURN collect({node: m_u0_6 { .id, .name, kind: CASE WHEN m_u0_6:Retracted THEN m_u0_6.kind ELSE head([l IN labels(m_u0_6) WHERE l <> 'Entity']) END }, rel: properties(r_u0_5)}) AS edges_u0_7
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: CASE WHEN n_u0_1:Retracted THEN n_u0_1.kind ELSE head([l IN labels(n_u0_1) WHERE l <> 'Entity']) END, __rel: {`Product.targets`: list_u0_4, `Product.sponsorsConnection`: {edges: edges_u0_7, first: $u0_8, after: $u0_9, totalCount: CASE WHEN (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_3)) THEN COUNT { (n_u0_1)-[r_u0_8:(SPONSORED_BY|RETRACTED) WHERE (r_u0_8:SPONSORED_BY OR r_u0_8.type = $u0_10)]->(m_u0_9 WHERE (m_u0_9:Sponsor OR (m_u0_9:Retracted AND m_u0_9.kind = $u0_11))) } ELSE 0 END}} }, retractedKind: n_u0_1.kind}) AS nodes_u0_10
}
RETURN nodes_u0_10
// params: {"u0_0":["product:x"],"u0_1":"TARGETS","u0_2":"Target","u0_3":"Product","u0_4":20,"u0_5":"SPONSORED_BY","u0_6":"Sponsor","u0_7":2,"u0_8":1,"u0_9":0,"u0_10":"SPONSORED_BY","u0_11":"Sponsor"}
