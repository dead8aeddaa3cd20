// { targets(orderBy: {field: ID, direction: DESC}) { edges { node { id name } } } }

// read:list.Target
// list Target
//   anchor: kind
//   where: true
//   order: id DESC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Target)
  WHERE n_u0_0.id IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.id DESC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":21}
