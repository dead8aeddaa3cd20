// AtmpClassification

// read:nodes
// nodes ["classification:atmp"]
//   node: id name scheme Classification.establishedBy(first 20) { id name } Classification.subcategories(first 20) { id name members(first 20) { id name } reviewedBy(first 20) { id name } }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    MATCH (n_u0_1)<-[r_u0_2:ESTABLISHED]-(m_u0_3)
    WHERE n_u0_1:Classification
    WITH r_u0_2, m_u0_3
    ORDER BY m_u0_3.dateStart ASC, m_u0_3.name ASC, m_u0_3.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_3 { .id, .name, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity']) }) AS list_u0_4
  }
  CALL (n_u0_1) {
    WITH n_u0_1, COUNT {
      (n_u0_1)<-[r_u0_5:SUBCATEGORY_OF]-(m_u0_6)
    } AS degree_u0_7
    WITH n_u0_1, (degree_u0_7 * degree_u0_7) > ($u0_2 * COUNT {
      (s_u0_8:Classification)
    }) AS hub_u0_9
    CALL (n_u0_1, hub_u0_9) {
      WITH n_u0_1, hub_u0_9
      WHERE NOT (hub_u0_9)
      MATCH (n_u0_1)<-[r_u0_10:SUBCATEGORY_OF]-(m_u0_11)
      WHERE n_u0_1:Classification
      WITH r_u0_10, m_u0_11
      ORDER BY m_u0_11.name ASC, m_u0_11.id ASC
      LIMIT $u0_2
      RETURN r_u0_10, m_u0_11
      UNION
      MATCH (m_u0_11:Classification) USING INDEX m_u0_11:Classification(name)
      WHERE m_u0_11.name >= CASE
        WHEN hub_u0_9 THEN ''
        ELSE '\uffff'
      END
      MATCH (n_u0_1)<-[r_u0_10:SUBCATEGORY_OF]-(m_u0_11)
      WHERE n_u0_1:Classification
      WITH r_u0_10, m_u0_11
      ORDER BY m_u0_11.name ASC, m_u0_11.id ASC
      LIMIT $u0_2
      RETURN r_u0_10, m_u0_11
    }
    WITH r_u0_10, m_u0_11
    ORDER BY m_u0_11.name ASC, m_u0_11.id ASC
    CALL (m_u0_11) {
      MATCH (m_u0_11)<-[r_u0_12:CLASSIFIED_AS]-(m_u0_13)
      WITH r_u0_12, m_u0_13
      ORDER BY m_u0_13.dateStart ASC, m_u0_13.name ASC, m_u0_13.id ASC
      LIMIT $u0_3
      RETURN collect(m_u0_13 { .id, .name, kind: head([l IN labels(m_u0_13) WHERE l <> 'Entity']) }) AS list_u0_14
    }
    CALL (m_u0_11) {
      MATCH (m_u0_11)<-[r_u0_15:REVIEWS]-(m_u0_16)
      WITH r_u0_15, m_u0_16
      ORDER BY m_u0_16.name ASC, m_u0_16.id ASC
      LIMIT $u0_4
      RETURN collect(m_u0_16 { .id, .name, kind: head([l IN labels(m_u0_16) WHERE l <> 'Entity']) }) AS list_u0_17
    }
    RETURN collect(m_u0_11 { .id, .name, kind: head([l IN labels(m_u0_11) WHERE l <> 'Entity']), __rel: {`Classification.members`: list_u0_14, `Classification.reviewedBy`: list_u0_17} }) AS list_u0_18
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, .scheme, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Classification.establishedBy`: list_u0_4, `Classification.subcategories`: list_u0_18} }}) AS nodes_u0_19
}
RETURN nodes_u0_19
// params: {"u0_0":["classification:atmp"],"u0_1":20,"u0_2":20,"u0_3":20,"u0_4":20}
