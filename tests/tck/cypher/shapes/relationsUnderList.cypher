// { products(first: 5) { edges { node { name targets { name } classifications { name } } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 5
//   node: name targets(first 20) { name } classifications(first 20) { name }
CALL () {
  MATCH (n_u0_0:Product)
  WHERE n_u0_0.name IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_0
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_1:TARGETS]->(m_u0_2)
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_2 { .id, .name, kind: head([l IN labels(m_u0_2) WHERE l <> 'Entity']) }) AS list_u0_3
  }
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_4:CLASSIFIED_AS]->(m_u0_5)
    WITH r_u0_4, m_u0_5
    ORDER BY m_u0_5.name ASC, m_u0_5.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_5 { .id, .name, kind: head([l IN labels(m_u0_5) WHERE l <> 'Entity']) }) AS list_u0_6
  }
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']), __rel: {`Product.targets`: list_u0_3, `Product.classifications`: list_u0_6} }) AS page_u0_7
}
RETURN page_u0_7
// params: {"u0_0":6,"u0_1":20,"u0_2":20}
