// CD19OrLegendProducts

// read:list.Product
// list Product
//   anchor: kind
//   where: OR(some -[TARGETS]->Target (name eq "CD19"); some -[SPONSORED_BY]->Sponsor (name contains "Legend"))
//   order: name ASC, id
//   page: first 20
//   node: id name year targets(first 20) { id name } sponsors(first 20) { id name }
//   totalCount: count the matches
CALL () {
  MATCH (n_u0_0:Product)
  WHERE ((EXISTS {
    MATCH (n_u0_0)-[:TARGETS]->(w_u0_1)
    WHERE w_u0_1.name = $u0_0
  } OR EXISTS {
    MATCH (n_u0_0)-[:SPONSORED_BY]->(w_u0_2)
    WHERE w_u0_2.name CONTAINS $u0_1
  }) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_2
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_3:TARGETS]->(m_u0_4)
    WITH r_u0_3, m_u0_4
    ORDER BY m_u0_4.name ASC, m_u0_4.id ASC
    LIMIT $u0_3
    RETURN collect(m_u0_4 { .id, .name, kind: head([l IN labels(m_u0_4) WHERE l <> 'Entity']) }) AS list_u0_5
  }
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_6:SPONSORED_BY]->(m_u0_7)
    WITH r_u0_6, m_u0_7
    ORDER BY m_u0_7.name ASC, m_u0_7.id ASC
    LIMIT $u0_4
    RETURN collect(m_u0_7 { .id, .name, kind: head([l IN labels(m_u0_7) WHERE l <> 'Entity']) }) AS list_u0_8
  }
  RETURN collect(n_u0_0 { .id, .name, .year, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']), __rel: {`Product.targets`: list_u0_5, `Product.sponsors`: list_u0_8} }) AS page_u0_9
}
CALL () {
  MATCH (n_u0_10:Product)
  WHERE (EXISTS {
    MATCH (n_u0_10)-[:TARGETS]->(w_u0_11)
    WHERE w_u0_11.name = $u0_5
  } OR EXISTS {
    MATCH (n_u0_10)-[:SPONSORED_BY]->(w_u0_12)
    WHERE w_u0_12.name CONTAINS $u0_6
  })
  RETURN count(n_u0_10) AS total_u0_13
}
RETURN page_u0_9, total_u0_13
// params: {"u0_0":"CD19","u0_1":"Legend","u0_2":21,"u0_3":20,"u0_4":20,"u0_5":"CD19","u0_6":"Legend"}
