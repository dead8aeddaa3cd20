// { statistics(where: {cites: 7}) { totalCount edges { node { id name } } } }

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: cites 7
//   order: name ASC, id
//   page: first 20
//   node: id name
//   totalCount: count the matches
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE ($u0_0 IN n_u0_0.sourceRefs AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Statistic)
  WHERE $u0_2 IN n_u0_2.sourceRefs
  RETURN count(n_u0_2) AS total_u0_3
}
RETURN page_u0_1, total_u0_3
// params: {"u0_0":7,"u0_1":21,"u0_2":7}
