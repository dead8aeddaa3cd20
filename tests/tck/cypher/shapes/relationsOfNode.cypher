// { node(id: "product:ciltacabtagene-autoleucel") { id ... on Product { targets { name } sponsors(first: 3) { name } approvedBy { name } } } }

// read:nodes
// nodes ["product:ciltacabtagene-autoleucel"]
//   node: id Product.targets(first 20) { name } Product.sponsors(first 3) { name } Product.approvedBy(first 1) { name }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_2:TARGETS]->(m_u0_3)
    WHERE n_u0_1:Product
    WITH r_u0_2, m_u0_3
    ORDER BY m_u0_3.name ASC, m_u0_3.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_3 { .id, .name, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity']) }) AS list_u0_4
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_5:SPONSORED_BY]->(m_u0_6)
    WHERE n_u0_1:Product
    WITH r_u0_5, m_u0_6
    ORDER BY m_u0_6.name ASC, m_u0_6.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_6 { .id, .name, kind: head([l IN labels(m_u0_6) WHERE l <> 'Entity']) }) AS list_u0_7
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[r_u0_8:APPROVED_BY]->(m_u0_9)
    WHERE n_u0_1:Product
    WITH r_u0_8, m_u0_9
    ORDER BY m_u0_9.name ASC, m_u0_9.id ASC
    LIMIT $u0_3
    RETURN collect(m_u0_9 { .id, .name, kind: head([l IN labels(m_u0_9) WHERE l <> 'Entity']) }) AS list_u0_10
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Product.targets`: list_u0_4, `Product.sponsors`: list_u0_7, `Product.approvedBy`: list_u0_10} }}) AS nodes_u0_11
}
RETURN nodes_u0_11
// params: {"u0_0":["product:ciltacabtagene-autoleucel"],"u0_1":20,"u0_2":3,"u0_3":1}
