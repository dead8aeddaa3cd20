// AgencyStructure

// read:list.Agency
// list Agency
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 20
//   node: id acronym name status parent(first 1) { id acronym } successor(first 1) { id acronym } departments(first 20) { id name } governs(first 20) { id name description } issuedGuidelines(first 20) { id name date } enactedReforms(first 20) { id name date }
CALL () {
  MATCH (n_u0_0:Agency)
  WHERE n_u0_0.name IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_0
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_1:PART_OF]->(m_u0_2)
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_2 { .id, .name, .acronym, kind: head([l IN labels(m_u0_2) WHERE l <> 'Entity']) }) AS list_u0_3
  }
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_4:SUCCEEDED_BY]->(m_u0_5)
    WITH r_u0_4, m_u0_5
    ORDER BY m_u0_5.name ASC, m_u0_5.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_5 { .id, .name, .acronym, kind: head([l IN labels(m_u0_5) WHERE l <> 'Entity']) }) AS list_u0_6
  }
  CALL (n_u0_0) {
    WITH n_u0_0, COUNT {
      (n_u0_0)<-[r_u0_7:DEPARTMENT_OF]-(m_u0_8)
    } AS degree_u0_9
    WITH n_u0_0, (degree_u0_9 * degree_u0_9) > ($u0_3 * COUNT {
      (s_u0_10:Department)
    }) AS hub_u0_11
    CALL (n_u0_0, hub_u0_11) {
      WITH n_u0_0, hub_u0_11
      WHERE NOT (hub_u0_11)
      MATCH (n_u0_0)<-[r_u0_12:DEPARTMENT_OF]-(m_u0_13)
      WITH r_u0_12, m_u0_13
      ORDER BY m_u0_13.name ASC, m_u0_13.id ASC
      LIMIT $u0_3
      RETURN r_u0_12, m_u0_13
      UNION
      MATCH (m_u0_13:Department) USING INDEX m_u0_13:Department(name)
      WHERE m_u0_13.name >= CASE
        WHEN hub_u0_11 THEN ''
        ELSE '\uffff'
      END
      MATCH (n_u0_0)<-[r_u0_12:DEPARTMENT_OF]-(m_u0_13)
      WITH r_u0_12, m_u0_13
      ORDER BY m_u0_13.name ASC, m_u0_13.id ASC
      LIMIT $u0_3
      RETURN r_u0_12, m_u0_13
    }
    WITH r_u0_12, m_u0_13
    ORDER BY m_u0_13.name ASC, m_u0_13.id ASC
    RETURN collect(m_u0_13 { .id, .name, kind: head([l IN labels(m_u0_13) WHERE l <> 'Entity']) }) AS list_u0_14
  }
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_15:GOVERNS]->(m_u0_16)
    WITH r_u0_15, m_u0_16
    ORDER BY m_u0_16.name ASC, m_u0_16.id ASC
    LIMIT $u0_4
    RETURN collect(m_u0_16 { .id, .name, .description, kind: head([l IN labels(m_u0_16) WHERE l <> 'Entity']) }) AS list_u0_17
  }
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_18:ISSUED]->(m_u0_19)
    WITH r_u0_18, m_u0_19
    ORDER BY m_u0_19.dateStart ASC, m_u0_19.name ASC, m_u0_19.id ASC
    LIMIT $u0_5
    RETURN collect(m_u0_19 { .id, .name, .date, kind: head([l IN labels(m_u0_19) WHERE l <> 'Entity']) }) AS list_u0_20
  }
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_21:ENACTED]->(m_u0_22)
    WITH r_u0_21, m_u0_22
    ORDER BY m_u0_22.dateStart ASC, m_u0_22.name ASC, m_u0_22.id ASC
    LIMIT $u0_6
    RETURN collect(m_u0_22 { .id, .name, .date, kind: head([l IN labels(m_u0_22) WHERE l <> 'Entity']) }) AS list_u0_23
  }
  RETURN collect(n_u0_0 { .id, .name, .acronym, .status, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']), __rel: {`Agency.parent`: list_u0_3, `Agency.successor`: list_u0_6, `Agency.departments`: list_u0_14, `Agency.governs`: list_u0_17, `Agency.issuedGuidelines`: list_u0_20, `Agency.enactedReforms`: list_u0_23} }) AS page_u0_24
}
RETURN page_u0_24
// params: {"u0_0":21,"u0_1":1,"u0_2":1,"u0_3":20,"u0_4":20,"u0_5":20,"u0_6":20}
