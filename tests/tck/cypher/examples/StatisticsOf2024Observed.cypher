// StatisticsOf2024Observed

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: dateStart lte "2024-12-31" AND dateStart gte "2024-01-01" AND forecast flag false
//   order: name ASC, id
//   page: first 50
//   node: id name date value unit
//   totalCount: count the matches
//   aggregate
//   facets facets: METRIC (.metric), first 20
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE ((n_u0_0.dateStart <= $u0_0 AND n_u0_0.dateStart >= $u0_1 AND coalesce(n_u0_0.forecast, false) = $u0_2) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, .date, .value, .unit, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
CALL () {
  MATCH (n_u0_2:Statistic)
  WHERE (n_u0_2.dateStart <= $u0_4 AND n_u0_2.dateStart >= $u0_5 AND coalesce(n_u0_2.forecast, false) = $u0_6)
  RETURN count(n_u0_2) AS total_u0_3
}
CALL () {
  MATCH (n_u0_4:Statistic)
  WHERE (n_u0_4.dateStart <= $u0_7 AND n_u0_4.dateStart >= $u0_8 AND coalesce(n_u0_4.forecast, false) = $u0_9)
  WITH n_u0_4
  LIMIT $u0_10
  RETURN {over: count(n_u0_4) = $u0_10, count: count(n_u0_4), minDate: min(n_u0_4.date), maxDate: max(n_u0_4.date), minYear: min(n_u0_4.year), maxYear: max(n_u0_4.year), minValue: min(n_u0_4.value), maxValue: max(n_u0_4.value)} AS stats_u0_5
}
CALL () {
  MATCH (n_u0_6:Statistic)
  WHERE (n_u0_6.dateStart <= $u0_11 AND n_u0_6.dateStart >= $u0_12 AND coalesce(n_u0_6.forecast, false) = $u0_13)
  WITH n_u0_6
  LIMIT $u0_14
  WITH collect(n_u0_6) AS matched_u0_7
  UNWIND matched_u0_7 AS n_u0_6
  WITH *, n_u0_6.metric AS k_u0_8
  WITH k_u0_8, size(matched_u0_7) AS scanned_u0_9, count(DISTINCT n_u0_6) AS count
  ORDER BY count DESC, k_u0_8 ASC
  LIMIT $u0_15
  RETURN {over: coalesce(max(scanned_u0_9) = $u0_14, false), buckets: collect({keys: [{value: toString(k_u0_8), id: NULL}], count: count})} AS facets_u0_10
}
RETURN page_u0_1, total_u0_3, stats_u0_5, facets_u0_10
// params: {"u0_0":"2024-12-31","u0_1":"2024-01-01","u0_2":false,"u0_3":51,"u0_4":"2024-12-31","u0_5":"2024-01-01","u0_6":false,"u0_7":"2024-12-31","u0_8":"2024-01-01","u0_9":false,"u0_10":100001,"u0_11":"2024-12-31","u0_12":"2024-01-01","u0_13":false,"u0_14":100001,"u0_15":20}
