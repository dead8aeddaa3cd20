// SponsorsOfBCMAProducts

// read:list.Product
// list Product
//   anchor: node-[TARGETS]->({id: "target:bcma"})
//   where: true
//   order: dateStart DESC, id
//   page: first 20
//   node: id name year sponsors(first 20) { id name }
//   totalCount: the named node's degree
CALL () {
  MATCH (a_u0_0:Entity { id: $u0_0 })<-[:TARGETS]-(n_u0_1:Product)
  WHERE n_u0_1.dateStart IS NOT NULL
  WITH n_u0_1
  ORDER BY n_u0_1.dateStart DESC, n_u0_1.id ASC
  LIMIT $u0_1
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_2:SPONSORED_BY]->(m_u0_3)
    WITH r_u0_2, m_u0_3
    ORDER BY m_u0_3.name ASC, m_u0_3.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_3 { .id, .name, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity']) }) AS list_u0_4
  }
  RETURN collect(n_u0_1 { .id, .name, .dateStart, .year, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Product.sponsors`: list_u0_4} }) AS page_u0_5
}
CALL () {
  OPTIONAL MATCH (a_u0_6:Entity { id: $u0_3 })
  RETURN CASE
    WHEN a_u0_6 IS NULL THEN 0
    ELSE COUNT {
      (a_u0_6)<-[:TARGETS]-(m_u0_7)
    }
  END AS total_u0_8
}
RETURN page_u0_5, total_u0_8
// params: {"u0_0":"target:bcma","u0_1":21,"u0_2":20,"u0_3":"target:bcma"}
