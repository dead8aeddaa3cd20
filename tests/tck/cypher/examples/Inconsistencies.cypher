// Inconsistencies

// read:findings
// findings, first 100
//   node: id rule computedValue statedValue tolerance description statistics(first 20) { id name }
CALL () {
  MATCH (f_u0_0:Finding)
  WITH f_u0_0
  ORDER BY f_u0_0.id ASC
  LIMIT $u0_0
  CALL (f_u0_0) {
    MATCH (f_u0_0)-[r_u0_1:CONCERNS]->(m_u0_2:Statistic)
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.dateStart ASC, m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_2 { .id, .name, kind: head([l IN labels(m_u0_2) WHERE l <> 'Entity']) }) AS list_u0_3
  }
  RETURN collect(f_u0_0 { .id, .name, .rule, .computedValue, .statedValue, .tolerance, .description, kind: head([l IN labels(f_u0_0) WHERE l <> 'Entity']), __rel: {`Finding.statistics`: list_u0_3} }) AS findings_u0_4
}
RETURN findings_u0_4
// params: {"u0_0":100,"u0_1":20}
