// ReviewClocks

// read:list.Reform
// list Reform
//   anchor: kind
//   where: true
//   order: dateStart ASC, id
//   page: first 20
//   node: id name date reviewScope reviewDaysBefore reviewDaysAfter triggeredBy(first 20) { id name date } pathwaysIntroduced(first 20) { id name reviewDays }
CALL () {
  MATCH (n_u0_0:Reform)
  WITH n_u0_0
  ORDER BY n_u0_0.dateStart ASC, n_u0_0.id ASC
  LIMIT $u0_0
  CALL (n_u0_0) {
    MATCH (n_u0_0)<-[r_u0_1:TRIGGERED]-(m_u0_2)
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.dateStart ASC, m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_2 { .id, .name, .date, kind: head([l IN labels(m_u0_2) WHERE l <> 'Entity']) }) AS list_u0_3
  }
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_4:INTRODUCED]->(m_u0_5)
    WITH r_u0_4, m_u0_5
    ORDER BY m_u0_5.name ASC, m_u0_5.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_5 { .id, .name, .reviewDays, kind: head([l IN labels(m_u0_5) WHERE l <> 'Entity']) }) AS list_u0_6
  }
  RETURN collect(n_u0_0 { .id, .name, .dateStart, .date, .reviewScope, .reviewDaysBefore, .reviewDaysAfter, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']), __rel: {`Reform.triggeredBy`: list_u0_3, `Reform.pathwaysIntroduced`: list_u0_6} }) AS page_u0_7
}
RETURN page_u0_7
// params: {"u0_0":21,"u0_1":20,"u0_2":20}
