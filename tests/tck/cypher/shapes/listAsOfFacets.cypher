// { products(asOf: 8, first: 0) { aggregate { count minYear maxYear } facets(by: [YEAR, TARGET]) { keys { value id } count } } }

// read:list.Product.asOf
// list Product
//   anchor: asOf change set 8 (1 changed since, 1 states then)
//   where: true
//   order: name ASC, id
//   page: first 0
//   node: (id and name)
//   aggregate
//   facets facets: YEAR (.year) × TARGET (-[TARGETS]->Target), first 20
CALL () {
  CALL () {
    MATCH (n_u0_0:Product)
    WHERE NOT n_u0_0.id IN $u0_0 AND n_u0_0.name IS NOT NULL
    WITH n_u0_0 ORDER BY n_u0_0.name ASC, n_u0_0.id ASC LIMIT $u0_1
    RETURN n_u0_0
    UNION
    UNWIND $u0_2 AS n_u0_0
    WITH n_u0_0 WHERE n_u0_0.name IS NOT NULL
    WITH n_u0_0 ORDER BY n_u0_0.name ASC, n_u0_0.id ASC LIMIT $u0_1
    RETURN n_u0_0
  }
  WITH n_u0_0 ORDER BY n_u0_0.name ASC, n_u0_0.id ASC LIMIT $u0_1
  CALL (n_u0_0) {
    MATCH (e_u0_1:Entity {id: n_u0_0.id})
    RETURN e_u0_1
    UNION
    MATCH (e_u0_1:Retracted {id: n_u0_0.id})
    RETURN e_u0_1
  }
  RETURN collect(n_u0_0 {.id, .name, kind: $u0_3}) AS page_u0_2
}
CALL () {
  CALL () {
    MATCH (n_u0_3:Product)
    WHERE NOT n_u0_3.id IN $u0_4 AND true
    RETURN n_u0_3, n_u0_3 AS m_u0_4
    UNION ALL
    UNWIND $u0_5 AS n_u0_3
    WITH n_u0_3 WHERE true
    CALL (n_u0_3) {
      MATCH (m_u0_4:Entity {id: n_u0_3.id})
      RETURN m_u0_4
      UNION
      MATCH (m_u0_4:Retracted {id: n_u0_3.id})
      RETURN m_u0_4
    }
    RETURN n_u0_3, m_u0_4
  }
  WITH n_u0_3 LIMIT $u0_6
  RETURN {
    over: count(n_u0_3) = $u0_6,
    count: count(n_u0_3),
    minDate: min(n_u0_3.date), maxDate: max(n_u0_3.date),
    minYear: min(n_u0_3.year), maxYear: max(n_u0_3.year),
    minValue: min(n_u0_3.value), maxValue: max(n_u0_3.value)
  } AS stats_u0_5
}
CALL () {
  CALL () {
    MATCH (n_u0_6:Product)
    WHERE NOT n_u0_6.id IN $u0_7 AND true
    RETURN n_u0_6, n_u0_6 AS m_u0_7
    UNION ALL
    UNWIND $u0_8 AS n_u0_6
    WITH n_u0_6 WHERE true
    CALL (n_u0_6) {
      MATCH (m_u0_7:Entity {id: n_u0_6.id})
      RETURN m_u0_7
      UNION
      MATCH (m_u0_7:Retracted {id: n_u0_6.id})
      RETURN m_u0_7
    }
    RETURN n_u0_6, m_u0_7
  }
  WITH n_u0_6, m_u0_7 LIMIT $u0_9
  WITH collect({view: n_u0_6, stored: m_u0_7}) AS matched_u0_8
  UNWIND matched_u0_8 AS pair_u0_9
  WITH pair_u0_9.view AS n_u0_6, pair_u0_9.stored AS m_u0_7, matched_u0_8
  WITH *, n_u0_6.year AS k_u0_10
  OPTIONAL MATCH (m_u0_7)-[r_u0_11:TARGETS|RETRACTED WHERE r_u0_11:TARGETS OR r_u0_11.type = $u0_10]->(f_u0_12 WHERE (f_u0_12:Target OR (f_u0_12:Retracted AND f_u0_12.kind = $u0_11)))
  WHERE CASE WHEN coalesce(r_u0_11.changedSeq, 0) <= $u0_12 THEN NOT r_u0_11:RETRACTED
    WHEN $u0_13[startNode(r_u0_11).id + '|' + coalesce(r_u0_11.type, type(r_u0_11)) + '|' + endNode(r_u0_11).id] IS NULL THEN r_u0_11:RETRACTED
    WHEN NOT $u0_13[startNode(r_u0_11).id + '|' + coalesce(r_u0_11.type, type(r_u0_11)) + '|' + endNode(r_u0_11).id] THEN false
    ELSE NOT EXISTS {
      WITH startNode(r_u0_11) AS s_u0_13, endNode(r_u0_11) AS e_u0_14
      MATCH (s_u0_13)-[x_u0_15:RETRACTED]->(e_u0_14)
      WHERE x_u0_15.type = coalesce(r_u0_11.type, type(r_u0_11)) AND x_u0_15.retractedSeq > $u0_12 AND x_u0_15.retractedSeq < coalesce(r_u0_11.retractedSeq, x_u0_15.retractedSeq + 1)
    } END AND CASE WHEN coalesce(f_u0_12.changedSeq, 0) <= $u0_12 THEN f_u0_12:Entity ELSE $u0_14[f_u0_12.id] IS NOT NULL END
  WITH *, CASE WHEN f_u0_12 IS NULL THEN null ELSE coalesce($u0_14[f_u0_12.id], f_u0_12) END AS k_u0_16
  WITH k_u0_10, k_u0_16, size(matched_u0_8) AS scanned_u0_17, count(DISTINCT n_u0_6.id) AS count
  ORDER BY count DESC, k_u0_10, k_u0_16.id
  LIMIT $u0_15
  RETURN {over: coalesce(max(scanned_u0_17) = $u0_9, false), buckets: collect({keys: [{value: toString(k_u0_10), id: null}, {value: toString(coalesce(k_u0_16.number, k_u0_16.name)), id: k_u0_16.id}], count: count})} AS facets_u0_18
}
RETURN page_u0_2, stats_u0_5, facets_u0_18
// params: {"u0_0":["sponsor:legend-biotech"],"u0_1":1,"u0_2":[{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}],"u0_3":"Product","u0_4":["sponsor:legend-biotech"],"u0_5":[{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}],"u0_6":100001,"u0_7":["sponsor:legend-biotech"],"u0_8":[{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}],"u0_9":100001,"u0_10":"TARGETS","u0_11":"Target","u0_12":8,"u0_13":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_14":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_15":20}
