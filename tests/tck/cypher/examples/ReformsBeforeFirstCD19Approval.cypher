// ReformsBeforeFirstCD19Approval

// read:list.Product
// list Product
//   anchor: node-[TARGETS]->({id: "target:cd19"}), from the index of the order's key when a hub
//   where: true
//   order: dateStart ASC, id
//   page: first 1
//   node: id name date sponsors(first 20) { id name } precedingReforms(derived preceding, first 20) { id name date sources { reference { id number authors journal year } } }
CALL () {
  MATCH (a_u0_0:Entity { id: $u0_0 })
  WITH a_u0_0, COUNT {
    (a_u0_0)<-[:TARGETS]-(m_u0_1)
  } AS degree_u0_2
  WITH a_u0_0, (degree_u0_2 * degree_u0_2) > ($u0_1 * COUNT {
    (s_u0_3:Product)
  }) AS hub_u0_4
  CALL (a_u0_0, hub_u0_4) {
    WITH a_u0_0, hub_u0_4
    WHERE NOT (hub_u0_4)
    MATCH (a_u0_0)<-[:TARGETS]-(n_u0_5)
    WHERE n_u0_5.dateStart IS NOT NULL
    WITH n_u0_5
    ORDER BY n_u0_5.dateStart ASC, n_u0_5.id ASC
    LIMIT $u0_1
    RETURN n_u0_5
    UNION
    MATCH (n_u0_5:Product) USING INDEX n_u0_5:Product(dateStart, id)
    WHERE (n_u0_5.dateStart >= CASE
      WHEN hub_u0_4 THEN ''
      ELSE '\uffff'
    END AND n_u0_5.id IS NOT NULL AND n_u0_5.dateStart IS NOT NULL AND (a_u0_0)<-[:TARGETS]-(n_u0_5))
    WITH n_u0_5
    ORDER BY n_u0_5.dateStart ASC, n_u0_5.id ASC
    LIMIT $u0_1
    RETURN n_u0_5
  }
  WITH n_u0_5
  ORDER BY n_u0_5.dateStart ASC, n_u0_5.id ASC
  LIMIT $u0_1
  CALL (n_u0_5) {
    MATCH (n_u0_5)-[r_u0_6:SPONSORED_BY]->(m_u0_7)
    WITH r_u0_6, m_u0_7
    ORDER BY m_u0_7.name ASC, m_u0_7.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_7 { .id, .name, kind: head([l IN labels(m_u0_7) WHERE l <> 'Entity']) }) AS list_u0_8
  }
  CALL (n_u0_5) {
    MATCH (m_u0_9:Reform)
    WHERE m_u0_9.year < n_u0_5.year
    WITH n_u0_5, m_u0_9
    ORDER BY m_u0_9.dateStart ASC, m_u0_9.name ASC, m_u0_9.id ASC
    LIMIT $u0_3
    CALL (m_u0_9) {
      UNWIND coalesce(m_u0_9.sourceRefs, []) AS number_u0_10
      MATCH (ref_u0_11:Reference { number: number_u0_10 })
      RETURN collect(ref_u0_11 { .id, .name, .number, .authors, .journal, .year, kind: head([l IN labels(ref_u0_11) WHERE l <> 'Entity']) }) AS refs_u0_12
    }
    RETURN collect({lagYears: (n_u0_5.year - m_u0_9.year), reform: m_u0_9 { .id, .name, .date, .sourceSection, .sourceQuote, .sourceStated, .sourceRefs, .sourceInferred, .sourceDataSource, .sourceDocument, .sourceSentence, .sourceUnverified, kind: head([l IN labels(m_u0_9) WHERE l <> 'Entity']), __refs: refs_u0_12 }, product: n_u0_5 { .id, .name, kind: head([l IN labels(n_u0_5) WHERE l <> 'Entity']) }}) AS derived_u0_13
  }
  RETURN collect(n_u0_5 { .id, .name, .dateStart, .date, kind: head([l IN labels(n_u0_5) WHERE l <> 'Entity']), __rel: {`Product.sponsors`: list_u0_8, `Product.precedingReforms`: derived_u0_13} }) AS page_u0_14
}
RETURN page_u0_14
// params: {"u0_0":"target:cd19","u0_1":2,"u0_2":20,"u0_3":20}
