// { reforms(filter: {enactedBy: "agency:nmpa"}) { edges { node { id name } } } }

// read:list.Reform
// list Reform
//   anchor: ({id: "agency:nmpa"})-[ENACTED]->node, from the index of the order's key when a hub
//   where: true
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (a_u0_0:Entity { id: $u0_0 })
  WITH a_u0_0, COUNT {
    (a_u0_0)-[:ENACTED]->(m_u0_1)
  } AS degree_u0_2
  WITH a_u0_0, (degree_u0_2 * degree_u0_2) > ($u0_1 * COUNT {
    (s_u0_3:Reform)
  }) AS hub_u0_4
  CALL (a_u0_0, hub_u0_4) {
    WITH a_u0_0, hub_u0_4
    WHERE NOT (hub_u0_4)
    MATCH (a_u0_0)-[:ENACTED]->(n_u0_5)
    WHERE n_u0_5.name IS NOT NULL
    WITH n_u0_5
    ORDER BY n_u0_5.name ASC, n_u0_5.id ASC
    LIMIT $u0_1
    RETURN n_u0_5
    UNION
    MATCH (n_u0_5:Reform) USING INDEX n_u0_5:Reform(name)
    WHERE (n_u0_5.name >= CASE
      WHEN hub_u0_4 THEN ''
      ELSE '\uffff'
    END AND n_u0_5.name IS NOT NULL AND (a_u0_0)-[:ENACTED]->(n_u0_5))
    WITH n_u0_5
    ORDER BY n_u0_5.name ASC, n_u0_5.id ASC
    LIMIT $u0_1
    RETURN n_u0_5
  }
  WITH n_u0_5
  ORDER BY n_u0_5.name ASC, n_u0_5.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_5 { .id, .name, kind: head([l IN labels(n_u0_5) WHERE l <> 'Entity']) }) AS page_u0_6
}
RETURN page_u0_6
// params: {"u0_0":"agency:nmpa","u0_1":21}
