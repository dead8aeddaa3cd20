// { references(orderBy: {field: NUMBER}) { edges { node { id name } } } }

// read:list.Reference
// list Reference
//   anchor: kind
//   where: true
//   order: number ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Reference)
  WHERE n_u0_0.number IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.number ASC, n_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, .number, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":21}
