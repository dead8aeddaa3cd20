// ProductsOfTargetByName

// read:list.Product
// list Product
//   anchor: node-[TARGETS]->(:Target {name: "BCMA"}), from the index of the order's key when a hub
//   where: true
//   order: dateStart ASC, id
//   page: first 20
//   node: id name caption year sponsors(first 20) { id name }
//   totalCount: count the matches
CALL () {
  MATCH (a_u0_0:Target { name: $u0_0 })
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
  WITH DISTINCT n_u0_5
  ORDER BY n_u0_5.dateStart ASC, n_u0_5.id ASC
  LIMIT $u0_1
  CALL (n_u0_5) {
    MATCH (n_u0_5)-[r_u0_6:SPONSORED_BY]->(m_u0_7)
    WITH r_u0_6, m_u0_7
    ORDER BY m_u0_7.name ASC, m_u0_7.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_7 { .id, .name, kind: head([l IN labels(m_u0_7) WHERE l <> 'Entity']) }) AS list_u0_8
  }
  RETURN collect(n_u0_5 { .id, .name, .dateStart, .caption, .year, kind: head([l IN labels(n_u0_5) WHERE l <> 'Entity']), __rel: {`Product.sponsors`: list_u0_8} }) AS page_u0_9
}
CALL () {
  MATCH (a_u0_10:Target { name: $u0_3 })<-[:TARGETS]-(n_u0_11:Product)
  RETURN count(DISTINCT n_u0_11) AS total_u0_12
}
RETURN page_u0_9, total_u0_12
// params: {"u0_0":"BCMA","u0_1":21,"u0_2":20,"u0_3":"BCMA"}
