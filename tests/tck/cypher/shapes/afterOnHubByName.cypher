// { products(filter: {target: "target:bcma"}, first: 1, after: "WyJuYW1lOkFTQyIsIkMiLCJwcm9kdWN0OmMiXQ") { edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: node-[TARGETS]->({id: "target:bcma"}), from the index of the order's key when a hub
//   where: true
//   order: name ASC, id
//   page: first 1, after ["C","product:c"]
//   node: id name
CALL () {
  MATCH (a_u0_0:Entity { id: $u0_0 })
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
    WHERE (n_u0_5.name >= $u0_2 AND (n_u0_5.name > $u0_2 OR n_u0_5.id > $u0_3))
    WITH n_u0_5
    ORDER BY n_u0_5.name ASC, n_u0_5.id ASC
    LIMIT $u0_1
    RETURN n_u0_5
    UNION
    MATCH (n_u0_5:Product) USING INDEX n_u0_5:Product(name)
    WHERE (n_u0_5.name >= CASE
      WHEN hub_u0_4 THEN $u0_2
      ELSE '\uffff'
    END AND (n_u0_5.name >= $u0_2 AND (n_u0_5.name > $u0_2 OR n_u0_5.id > $u0_3)) AND (a_u0_0)<-[:TARGETS]-(n_u0_5))
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
// params: {"u0_0":"target:bcma","u0_1":2,"u0_2":"C","u0_3":"product:c"}
