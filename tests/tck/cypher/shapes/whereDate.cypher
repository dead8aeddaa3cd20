// { statistics(where: {date: {gte: "2024", lte: "2024"}, forecast: {eq: false}}) { edges { node { id name } } } }

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: dateStart lte "2024-12-31" AND dateStart gte "2024-01-01" AND forecast flag false
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE ((n_u0_0.dateStart <= $u0_0 AND n_u0_0.dateStart >= $u0_1 AND coalesce(n_u0_0.forecast, false) = $u0_2) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"2024-12-31","u0_1":"2024-01-01","u0_2":false,"u0_3":21}
