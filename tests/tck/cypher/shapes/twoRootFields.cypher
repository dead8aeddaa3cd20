// { a: products(first: 1) { totalCount } b: targets(first: 1) { edges { node { id name } } } }

// read:list.Product+list.Target
// list Product
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 1
//   node: (id and name)
//   totalCount: count the matches
// list Target
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 1
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE n_u0_0.name IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Product)
  RETURN count(n_u0_2) AS total_u0_3
}
CALL () {
  MATCH (n_u1_0:Target)
  WHERE n_u1_0.name IS NOT NULL
  WITH n_u1_0
  ORDER BY n_u1_0.name ASC, n_u1_0.id ASC
  LIMIT $u1_0
  RETURN collect(n_u1_0 { .id, .name, kind: head([l IN labels(n_u1_0) WHERE l <> 'Entity']) }) AS page_u1_1
}
RETURN page_u0_1, total_u0_3, page_u1_1
// params: {"u0_0":2,"u1_0":2}
