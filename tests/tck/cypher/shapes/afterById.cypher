// { targets(orderBy: {field: ID}, after: "WyJpZDpBU0MiLCJ0YXJnZXQ6YmNtYSIsInRhcmdldDpiY21hIl0") { edges { node { id name } } } }

// read:list.Target
// list Target
//   anchor: kind
//   where: true
//   order: id ASC, id
//   page: first 20, after ["target:bcma","target:bcma"]
//   node: id name
CALL () {
  MATCH (n_u0_0:Target)
  WHERE n_u0_0.id > $u0_0
  WITH n_u0_0
  ORDER BY n_u0_0.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"target:bcma","u0_1":21}
