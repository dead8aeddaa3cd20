// { timeline(from: "2017", kinds: [PRODUCT], includeRetracted: true) { date node { id retracted } } }

// read:timeline
// timeline of Product from 2017-01-01 to 9999-12-31, first 100
//   node: id retracted
CALL () {
  CALL () {
    MATCH (n_u0_0:Entity)
    WHERE ((n_u0_0.dateStart >= $u0_0 AND n_u0_0.dateStart <= $u0_1) AND head([l IN labels(n_u0_0) WHERE l <> 'Entity']) IN $u0_2)
    WITH n_u0_0
    ORDER BY n_u0_0.dateStart ASC, n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_3
    RETURN n_u0_0
    UNION
    MATCH (n_u0_0:Retracted)
    WHERE (n_u0_0.kind IN $u0_4 AND (n_u0_0.dateStart >= $u0_0 AND n_u0_0.dateStart <= $u0_1))
    WITH n_u0_0
    ORDER BY n_u0_0.dateStart ASC, n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_3
    RETURN n_u0_0
  }
  WITH n_u0_0
  ORDER BY n_u0_0.dateStart ASC, n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, .date, .retracted, kind: CASE WHEN n_u0_0:Retracted THEN n_u0_0.kind ELSE head([l IN labels(n_u0_0) WHERE l <> 'Entity']) END }) AS timeline_u0_1
}
RETURN timeline_u0_1
// params: {"u0_0":"2017-01-01","u0_1":"9999-12-31","u0_2":["Product"],"u0_3":100,"u0_4":["Product"]}
