// ReformsBeforeFirstCD19Approval

// read:list.Product
// list Product
//   anchor: node-[TARGETS]->({id: "target:cd19"})
//   where: true
//   order: dateStart ASC, id
//   page: first 1
//   node: id name date sponsors(first 20) { id name } precedingReforms(derived preceding, first 20) { id name date sources { reference { id number authors journal year } } }
CALL () {
  MATCH (a_u0_0:Entity {id: $u0_0})<-[:TARGETS]-(n_u0_1:Product)
  WHERE n_u0_1.dateStart IS NOT NULL
  WITH n_u0_1 ORDER BY n_u0_1.dateStart ASC, n_u0_1.id ASC LIMIT $u0_1
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_2:SPONSORED_BY]->(m_u0_3)
    WHERE true
    WITH r_u0_2, m_u0_3 ORDER BY m_u0_3.name, m_u0_3.id LIMIT $u0_2
    RETURN collect(m_u0_3 {.id, .name, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity'])}) AS list_u0_4
  }
  CALL (n_u0_1) {
    MATCH (m_u0_5:Reform)
    WHERE m_u0_5.year < n_u0_1.year
    WITH n_u0_1, m_u0_5 ORDER BY m_u0_5.dateStart, m_u0_5.name, m_u0_5.id LIMIT $u0_3
    CALL (m_u0_5) {
      UNWIND coalesce(m_u0_5.sourceRefs, []) AS number_u0_6
      MATCH (ref_u0_7:Reference {number: number_u0_6})
      RETURN collect(ref_u0_7 {.id, .name, .number, .authors, .journal, .year, kind: head([l IN labels(ref_u0_7) WHERE l <> 'Entity'])}) AS refs_u0_8
    }
    RETURN collect({lagYears: n_u0_1.year - m_u0_5.year, reform: m_u0_5 {.id, .name, .date, kind: head([l IN labels(m_u0_5) WHERE l <> 'Entity']), .sourceSection, .sourceQuote, .sourceStated, .sourceRefs, .sourceInferred, .sourceDataSource, .sourceDocument, .sourceSentence, .sourceUnverified, __refs: refs_u0_8}, product: n_u0_1 {.id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity'])}}) AS derived_u0_9
  }
  RETURN collect(n_u0_1 {.id, .name, .dateStart, .date, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Product.sponsors`: list_u0_4, `Product.precedingReforms`: derived_u0_9}}) AS page_u0_10
}
RETURN page_u0_10
// params: {"u0_0":"target:cd19","u0_1":2,"u0_2":20,"u0_3":20}
