// { timeline(from: "2017", to: "2019", kinds: [REFORM, PRODUCT]) { date kind title } }

// read:timeline
// timeline of Reform, Product from 2017-01-01 to 2019-12-31, first 100
//   node: (id and name)
CALL () {
  MATCH (n_u0_0:Entity)
  WHERE ((n_u0_0.dateStart >= $u0_0 AND n_u0_0.dateStart <= $u0_1) AND head([l IN labels(n_u0_0) WHERE l <> 'Entity']) IN $u0_2)
  WITH n_u0_0
  ORDER BY n_u0_0.dateStart ASC, n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, .date, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS timeline_u0_1
}
RETURN timeline_u0_1
// params: {"u0_0":"2017-01-01","u0_1":"2019-12-31","u0_2":["Reform","Product"],"u0_3":100}
