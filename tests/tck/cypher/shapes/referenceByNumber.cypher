// { reference(number: 7) { title citedBy(first: 5) { id } } }

// read:nodes
// nodes ["ref:7"]
//   node: Reference.citedBy(first 5) { id }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    MATCH (n_u0_1)<-[r_u0_2:CITES]-(m_u0_3)
    WHERE n_u0_1:Reference
    WITH r_u0_2, m_u0_3
    ORDER BY m_u0_3.dateStart ASC, m_u0_3.name ASC, m_u0_3.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_3 { .id, .name, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity']) }) AS list_u0_4
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Reference.citedBy`: list_u0_4} }}) AS nodes_u0_5
}
RETURN nodes_u0_5
// params: {"u0_0":["ref:7"],"u0_1":5}
