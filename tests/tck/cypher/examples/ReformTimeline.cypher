// ReformTimeline

// read:timeline
// timeline of Reform, Guideline, Product, Event from 2016-01-01 to 2024-12-31, first 100
//   node: id
CALL () {
  MATCH (n_u0_0:Entity)
  WHERE ((n_u0_0.dateStart >= $u0_0 AND n_u0_0.dateStart <= $u0_1) AND head([l IN labels(n_u0_0) WHERE l <> 'Entity']) IN $u0_2)
  WITH n_u0_0
  ORDER BY n_u0_0.dateStart ASC, n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, .date, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS timeline_u0_1
}
RETURN timeline_u0_1
// params: {"u0_0":"2016-01-01","u0_1":"2024-12-31","u0_2":["Reform","Guideline","Product","Event"],"u0_3":100}
