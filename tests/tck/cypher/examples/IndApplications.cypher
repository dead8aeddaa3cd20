// IndApplications

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: filter metric "ind_applications"
//   order: value DESC, id
//   page: first 20
//   node: id name value unit periodStart periodEnd category breakdownOf(first 1) { id name value } sources { reference { id number } }
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE (n_u0_0.metric = $u0_0 AND n_u0_0.value IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.value DESC, n_u0_0.id ASC
  LIMIT $u0_1
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_1:BREAKDOWN_OF]->(m_u0_2)
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.dateStart ASC, m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_2 { .id, .name, .value, kind: head([l IN labels(m_u0_2) WHERE l <> 'Entity']) }) AS list_u0_3
  }
  CALL (n_u0_0) {
    UNWIND coalesce(n_u0_0.sourceRefs, []) AS number_u0_4
    MATCH (ref_u0_5:Reference { number: number_u0_4 })
    RETURN collect(ref_u0_5 { .id, .name, .number, kind: head([l IN labels(ref_u0_5) WHERE l <> 'Entity']) }) AS refs_u0_6
  }
  RETURN collect(n_u0_0 { .id, .name, .value, .unit, .periodStart, .periodEnd, .category, .sourceSection, .sourceQuote, .sourceStated, .sourceRefs, .sourceInferred, .sourceDataSource, .sourceDocument, .sourceSentence, .sourceUnverified, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']), __refs: refs_u0_6, __rel: {`Statistic.breakdownOf`: list_u0_3} }) AS page_u0_7
}
RETURN page_u0_7
// params: {"u0_0":"ind_applications","u0_1":21,"u0_2":1}
