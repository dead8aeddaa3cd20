// { statistics(filter: {metric: "ind_applications", year: 2023}) { edges { node { id name } } } }

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: filter metric "ind_applications" AND filter year 2023
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE ((n_u0_0.metric = $u0_0 AND (coalesce(n_u0_0.periodStart, n_u0_0.year) <= $u0_1 AND coalesce(n_u0_0.periodEnd, n_u0_0.year) >= $u0_1)) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_2
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"ind_applications","u0_1":2023,"u0_2":21}
