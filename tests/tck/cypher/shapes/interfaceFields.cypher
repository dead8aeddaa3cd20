// { node(id: "target:bcma") { id ... on Target { products { name } } ... on Sponsor { products { id } } } }

// read:nodes
// nodes ["target:bcma"]
//   node: id Target.products(first 20) { name } Sponsor.products(first 20) { id }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    WITH n_u0_1, COUNT {
      (n_u0_1)<-[r_u0_2:TARGETS]-(m_u0_3)
    } AS degree_u0_4
    WITH n_u0_1, (degree_u0_4 * degree_u0_4) > ($u0_1 * COUNT {
      (s_u0_5:Product)
    }) AS hub_u0_6
    CALL (n_u0_1, hub_u0_6) {
      WITH n_u0_1, hub_u0_6
      WHERE NOT (hub_u0_6)
      MATCH (n_u0_1)<-[r_u0_7:TARGETS]-(m_u0_8)
      WHERE n_u0_1:Target
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
      MATCH (n_u0_1)<-[r_u0_7:TARGETS]-(m_u0_8)
      WHERE n_u0_1:Target
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
    WITH n_u0_1, COUNT {
      (n_u0_1)<-[r_u0_10:SPONSORED_BY]-(m_u0_11)
    } AS degree_u0_12
    WITH n_u0_1, (degree_u0_12 * degree_u0_12) > ($u0_2 * COUNT {
      (s_u0_13:Product)
    }) AS hub_u0_14
    CALL (n_u0_1, hub_u0_14) {
      WITH n_u0_1, hub_u0_14
      WHERE NOT (hub_u0_14)
      MATCH (n_u0_1)<-[r_u0_15:SPONSORED_BY]-(m_u0_16)
      WHERE n_u0_1:Sponsor
      WITH r_u0_15, m_u0_16
      ORDER BY m_u0_16.dateStart ASC, m_u0_16.name ASC, m_u0_16.id ASC
      LIMIT $u0_2
      RETURN r_u0_15, m_u0_16
      UNION
      MATCH (m_u0_16:Product) USING INDEX m_u0_16:Product(dateStart, name)
      WHERE (m_u0_16.dateStart >= CASE
        WHEN hub_u0_14 THEN ''
        ELSE '\uffff'
      END AND m_u0_16.name IS NOT NULL)
      MATCH (n_u0_1)<-[r_u0_15:SPONSORED_BY]-(m_u0_16)
      WHERE n_u0_1:Sponsor
      WITH r_u0_15, m_u0_16
      ORDER BY m_u0_16.dateStart ASC, m_u0_16.name ASC, m_u0_16.id ASC
      LIMIT $u0_2
      RETURN r_u0_15, m_u0_16
    }
    WITH r_u0_15, m_u0_16
    ORDER BY m_u0_16.dateStart ASC, m_u0_16.name ASC, m_u0_16.id ASC
    RETURN collect(m_u0_16 { .id, .name, kind: head([l IN labels(m_u0_16) WHERE l <> 'Entity']) }) AS list_u0_17
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Target.products`: list_u0_9, `Sponsor.products`: list_u0_17} }}) AS nodes_u0_18
}
RETURN nodes_u0_18
// params: {"u0_0":["target:bcma"],"u0_1":20,"u0_2":20}
