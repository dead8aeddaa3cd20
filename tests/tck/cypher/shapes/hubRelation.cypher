// { node(id: "agency:nmpa") { ... on Agency { approvedProducts(first: 5) { name } issuedGuidelines { name } } } }

// read:nodes
// nodes ["agency:nmpa"]
//   node: Agency.approvedProducts(first 5) { name } Agency.issuedGuidelines(first 20) { name }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    WITH n_u0_1, COUNT {
      (n_u0_1)<-[r_u0_2:APPROVED_BY]-(m_u0_3)
    } AS degree_u0_4
    WITH n_u0_1, (degree_u0_4 * degree_u0_4) > ($u0_1 * COUNT {
      (s_u0_5:Product)
    }) AS hub_u0_6
    CALL (n_u0_1, hub_u0_6) {
      WITH n_u0_1, hub_u0_6
      WHERE NOT (hub_u0_6)
      MATCH (n_u0_1)<-[r_u0_7:APPROVED_BY]-(m_u0_8)
      WHERE n_u0_1:Agency
      WITH r_u0_7, m_u0_8
      ORDER BY m_u0_8.dateStart ASC, m_u0_8.name ASC, m_u0_8.id ASC
      LIMIT $u0_1
      RETURN r_u0_7, m_u0_8
      UNION
      MATCH (m_u0_8:Product) USING INDEX m_u0_8:Product(dateStart, name)
      WHERE (m_u0_8.dateStart >= CASE
        WHEN hub_u0_6 THEN ''
        ELSE '\uffff'
      END AND m_u0_8.name IS NOT NULL)
      MATCH (n_u0_1)<-[r_u0_7:APPROVED_BY]-(m_u0_8)
      WHERE n_u0_1:Agency
      WITH r_u0_7, m_u0_8
      ORDER BY m_u0_8.dateStart ASC, m_u0_8.name ASC, m_u0_8.id ASC
      LIMIT $u0_1
      RETURN r_u0_7, m_u0_8
    }
    WITH r_u0_7, m_u0_8
    ORDER BY m_u0_8.dateStart ASC, m_u0_8.name ASC, m_u0_8.id ASC
    RETURN collect(m_u0_8 { .id, .name, kind: head([l IN labels(m_u0_8) WHERE l <> 'Entity']) }) AS list_u0_9
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_10:ISSUED]->(m_u0_11)
    WHERE n_u0_1:Agency
    WITH r_u0_10, m_u0_11
    ORDER BY m_u0_11.dateStart ASC, m_u0_11.name ASC, m_u0_11.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_11 { .id, .name, kind: head([l IN labels(m_u0_11) WHERE l <> 'Entity']) }) AS list_u0_12
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Agency.approvedProducts`: list_u0_9, `Agency.issuedGuidelines`: list_u0_12} }}) AS nodes_u0_13
}
RETURN nodes_u0_13
// params: {"u0_0":["agency:nmpa"],"u0_1":5,"u0_2":20}
