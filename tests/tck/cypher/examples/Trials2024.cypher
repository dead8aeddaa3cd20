// Trials2024

// read:nodes
// nodes ["stat:trial-product-variants-2024"]
//   node: id name value Statistic.breakdown(first 20) { id category value statedPercent findings(first 20) { id rule computedValue statedValue } }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    MATCH (n_u0_1)<-[r_u0_2:BREAKDOWN_OF]-(m_u0_3)
    WHERE n_u0_1:Statistic
    WITH r_u0_2, m_u0_3
    ORDER BY m_u0_3.dateStart ASC, m_u0_3.name ASC, m_u0_3.id ASC
    LIMIT $u0_1
    CALL (m_u0_3) {
      MATCH (m_u0_3)<-[r_u0_4:CONCERNS]-(m_u0_5)
      WITH r_u0_4, m_u0_5
      ORDER BY m_u0_5.dateStart ASC, m_u0_5.name ASC, m_u0_5.id ASC
      LIMIT $u0_2
      RETURN collect(m_u0_5 { .id, .name, .rule, .computedValue, .statedValue, kind: head([l IN labels(m_u0_5) WHERE l <> 'Entity']) }) AS list_u0_6
    }
    RETURN collect(m_u0_3 { .id, .name, .category, .value, .statedPercent, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity']), __rel: {`Statistic.findings`: list_u0_6} }) AS list_u0_7
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, .value, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Statistic.breakdown`: list_u0_7} }}) AS nodes_u0_8
}
RETURN nodes_u0_8
// params: {"u0_0":["stat:trial-product-variants-2024"],"u0_1":20,"u0_2":20}
