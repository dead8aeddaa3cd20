// { node(id: "target:bcma") { ... on Target { productsConnection(first: 2, after: "WyJuYW1lIiwiQ2lsdGFjYWJ0YWdlbmUgYXV0b2xldWNlbCIsInByb2R1Y3Q6Y2lsdGFjYWJ0YWdlbmUtYXV0b2xldWNlbCJd") { edges { node { id } } } } } }

// read:nodes
// nodes ["target:bcma"]
//   node: Target.productsConnection(first 2, after ["Ciltacabtagene autoleucel","product:ciltacabtagene-autoleucel"]) { node { id } }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    WITH n_u0_1, COUNT {
      (n_u0_1)<-[r_u0_2:TARGETS]-(m_u0_3)
    } AS degree_u0_4
    WITH n_u0_1, (degree_u0_4 * degree_u0_4) > ($u0_1 * COUNT {
      (s_u0_5:Product)
    }) AS hub_u0_6
    CALL (n_u0_1, hub_u0_6) {
      WITH n_u0_1, hub_u0_6
      WHERE NOT (hub_u0_6)
      MATCH (n_u0_1)<-[r_u0_7:TARGETS]-(m_u0_8)
      WHERE n_u0_1:Target AND (m_u0_8.name >= $u0_2 AND (m_u0_8.name > $u0_2 OR m_u0_8.id > $u0_3))
      WITH r_u0_7, m_u0_8
      ORDER BY m_u0_8.name ASC, m_u0_8.id ASC
      LIMIT $u0_1
      RETURN r_u0_7, m_u0_8
      UNION
      MATCH (m_u0_8:Product) USING INDEX m_u0_8:Product(name)
      WHERE (m_u0_8.name >= CASE
        WHEN hub_u0_6 THEN $u0_2
        ELSE '\uffff'
      END AND (m_u0_8.name >= $u0_2 AND (m_u0_8.name > $u0_2 OR m_u0_8.id > $u0_3)))
      MATCH (n_u0_1)<-[r_u0_7:TARGETS]-(m_u0_8)
      WHERE n_u0_1:Target AND (m_u0_8.name >= $u0_2 AND (m_u0_8.name > $u0_2 OR m_u0_8.id > $u0_3))
      WITH r_u0_7, m_u0_8
      ORDER BY m_u0_8.name ASC, m_u0_8.id ASC
      LIMIT $u0_1
      RETURN r_u0_7, m_u0_8
    }
    WITH r_u0_7, m_u0_8
    ORDER BY m_u0_8.name ASC, m_u0_8.id ASC
    RETURN collect({node: m_u0_8 { .id, .name, kind: head([l IN labels(m_u0_8) WHERE l <> 'Entity']) }, rel: properties(r_u0_7)}) AS edges_u0_9
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Target.productsConnection`: {edges: edges_u0_9, first: $u0_4, after: $u0_5, totalCount: NULL}} }}) AS nodes_u0_10
}
RETURN nodes_u0_10
// params: {"u0_0":["target:bcma"],"u0_1":3,"u0_2":"Ciltacabtagene autoleucel","u0_3":"product:ciltacabtagene-autoleucel","u0_4":2,"u0_5":1}
