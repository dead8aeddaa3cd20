// { statistics(filter: {metric: "ind_applications"}) { aggregate { count minYear maxYear minValue maxValue } } }

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: filter metric "ind_applications"
//   order: name ASC, id
//   page: first 20
//   node: (id and name)
//   aggregate
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE (n_u0_0.metric = $u0_0 AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Statistic)
  WHERE n_u0_2.metric = $u0_2
  WITH n_u0_2
  LIMIT $u0_3
  RETURN {over: count(n_u0_2) = $u0_3, count: count(n_u0_2), minDate: min(n_u0_2.date), maxDate: max(n_u0_2.date), minYear: min(n_u0_2.year), maxYear: max(n_u0_2.year), minValue: min(n_u0_2.value), maxValue: max(n_u0_2.value)} AS stats_u0_3
}
RETURN page_u0_1, stats_u0_3
// params: {"u0_0":"ind_applications","u0_1":21,"u0_2":"ind_applications","u0_3":100001}
