// { products(asOf: 8, first: 0) { aggregate { count minYear maxYear } facets(by: [YEAR, TARGET]) { keys { value id } count } } }

// read:list.Product.asOf
// list Product
//   anchor: asOf change set 8 (1 changed since, 0 states then)
//   where: true
//   order: name ASC, id
//   page: first 0
//   node: (id and name)
//   aggregate
//   facets facets: YEAR (.year) × TARGET (-[TARGETS]->Target), first 20
CALL () {
  CALL () {
    MATCH (n_u0_0:Product)
    WHERE (NOT (n_u0_0.id IN $u0_0) AND n_u0_0.name IS NOT NULL)
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
    UNION
    UNWIND $u0_2 AS n_u0_0
    WITH n_u0_0
    WHERE n_u0_0.name IS NOT NULL
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
  }
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_0 { .id, .name, kind: $u0_3 }) AS page_u0_1
}
CALL () {
  CALL () {
    MATCH (n_u0_2:Product)
    WHERE NOT (n_u0_2.id IN $u0_4)
    RETURN n_u0_2, n_u0_2 AS m_u0_3
    UNION ALL
    UNWIND $u0_5 AS n_u0_2
    WITH n_u0_2
    CALL (n_u0_2) {
      MATCH (m_u0_3:Entity { id: n_u0_2.id })
      RETURN m_u0_3
      UNION
      MATCH (m_u0_3:Retracted { id: n_u0_2.id })
      RETURN m_u0_3
    }
    RETURN n_u0_2, m_u0_3
  }
  WITH n_u0_2
  LIMIT $u0_6
  RETURN {over: count(n_u0_2) = $u0_6, count: count(n_u0_2), minDate: min(n_u0_2.date), maxDate: max(n_u0_2.date), minYear: min(n_u0_2.year), maxYear: max(n_u0_2.year), minValue: min(n_u0_2.value), maxValue: max(n_u0_2.value)} AS stats_u0_4
}
CALL () {
  CALL () {
    MATCH (n_u0_5:Product)
    WHERE NOT (n_u0_5.id IN $u0_7)
    RETURN n_u0_5, n_u0_5 AS m_u0_6
    UNION ALL
    UNWIND $u0_8 AS n_u0_5
    WITH n_u0_5
    CALL (n_u0_5) {
      MATCH (m_u0_6:Entity { id: n_u0_5.id })
      RETURN m_u0_6
      UNION
      MATCH (m_u0_6:Retracted { id: n_u0_5.id })
      RETURN m_u0_6
    }
    RETURN n_u0_5, m_u0_6
  }
  WITH n_u0_5, m_u0_6
  LIMIT $u0_9
  WITH collect({view: n_u0_5, stored: m_u0_6}) AS matched_u0_7
  UNWIND matched_u0_7 AS pair_u0_8
  WITH pair_u0_8.view AS n_u0_5, pair_u0_8.stored AS m_u0_6, matched_u0_7
  WITH *, n_u0_5.year AS k_u0_9
  OPTIONAL MATCH (m_u0_6)-[r_u0_10:(TARGETS|RETRACTED) WHERE (r_u0_10:TARGETS OR r_u0_10.type = $u0_10)]->(f_u0_11 WHERE (f_u0_11:Target OR (f_u0_11:Retracted AND f_u0_11.kind = $u0_11)))
  WHERE (CASE WHEN coalesce(r_u0_10.changedSeq, 0) <= $u0_12 THEN NOT (r_u0_10:RETRACTED) WHEN $u0_13[(startNode(r_u0_10).id || '|' || coalesce(r_u0_10.type, type(r_u0_10)) || '|' || endNode(r_u0_10).id)] IS NULL THEN r_u0_10:RETRACTED WHEN NOT ($u0_13[(startNode(r_u0_10).id || '|' || coalesce(r_u0_10.type, type(r_u0_10)) || '|' || endNode(r_u0_10).id)]) THEN false ELSE NOT (EXISTS { WITH startNode(r_u0_10) AS s_u0_12, endNode(r_u0_10) AS e_u0_13 MATCH (s_u0_12)-[x_u0_14:RETRACTED]->(e_u0_13) WHERE (x_u0_14.type = coalesce(r_u0_10.type, type(r_u0_10)) AND x_u0_14.retractedSeq > $u0_12 AND x_u0_14.retractedSeq < coalesce(r_u0_10.retractedSeq, (x_u0_14.retractedSeq + 1))) }) END AND CASE WHEN coalesce(f_u0_11.changedSeq, 0) <= $u0_12 THEN f_u0_11:Entity ELSE $u0_14[f_u0_11.id] IS NOT NULL END)
  WITH *, CASE
    WHEN f_u0_11 IS NULL THEN NULL
    ELSE coalesce($u0_14[f_u0_11.id], f_u0_11)
  END AS k_u0_15
  WITH k_u0_9, k_u0_15, size(matched_u0_7) AS scanned_u0_16, count(DISTINCT n_u0_5.id) AS count
  ORDER BY count DESC, k_u0_9 ASC, k_u0_15.id ASC
  LIMIT $u0_15
  RETURN {over: coalesce(max(scanned_u0_16) = $u0_9, false), buckets: collect({keys: [{value: toString(k_u0_9), id: NULL}, {value: toString(coalesce(k_u0_15.number, k_u0_15.name)), id: k_u0_15.id}], count: count})} AS facets_u0_17
}
RETURN page_u0_1, stats_u0_4, facets_u0_17
// params: {"u0_0":["product:new"],"u0_1":1,"u0_2":[],"u0_3":"Product","u0_4":["product:new"],"u0_5":[],"u0_6":100001,"u0_7":["product:new"],"u0_8":[],"u0_9":100001,"u0_10":"TARGETS","u0_11":"Target","u0_12":8,"u0_13":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_14":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_15":20}
