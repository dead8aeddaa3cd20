// ProductsOfTargetByName

// read:list.Product
// list Product
//   anchor: node-[TARGETS]->(:Target {name: "BCMA"})
//   where: true
//   order: dateStart ASC, id
//   page: first 20
//   node: id name caption year sponsors(first 20) { id name }
//   totalCount: count the matches
CALL () {
  MATCH (a_u0_0:Target {name: $u0_0})<-[:TARGETS]-(n_u0_1:Product)
  WHERE n_u0_1.dateStart IS NOT NULL
  WITH DISTINCT n_u0_1 ORDER BY n_u0_1.dateStart ASC, n_u0_1.id ASC LIMIT $u0_1
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_2:SPONSORED_BY]->(m_u0_3)
    WHERE true
    WITH r_u0_2, m_u0_3 ORDER BY m_u0_3.name, m_u0_3.id LIMIT $u0_2
    RETURN collect(m_u0_3 {.id, .name, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity'])}) AS list_u0_4
  }
  RETURN collect(n_u0_1 {.id, .name, .dateStart, .caption, .year, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Product.sponsors`: list_u0_4}}) AS page_u0_5
}
CALL () {
  MATCH (a_u0_6:Target {name: $u0_3})<-[:TARGETS]-(n_u0_7:Product)
  WHERE true
  RETURN count(DISTINCT n_u0_7) AS total_u0_8
}
RETURN page_u0_5, total_u0_8
// params: {"u0_0":"BCMA","u0_1":21,"u0_2":20,"u0_3":"BCMA"}
