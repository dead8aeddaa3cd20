// { statistics(orderBy: {field: VALUE, direction: DESC}, first: 5) { edges { node { id name } } } }

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: true
//   order: value DESC, id
//   page: first 5
//   node: id name
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE n_u0_0.value IS NOT NULL
  WITH n_u0_0
  ORDER BY n_u0_0.value DESC, n_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(n_u0_0 { .id, .name, .value, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":6}
