// { products(first: 2, filter: {yearFrom: 2020}, includeRetracted: true) { totalCount aggregate { count } edges { node { id retracted targets { id } } } } }

// read:list.Product
// list Product
//   anchor: kindWithRetracted
//   where: filter yearFrom 2020
//   order: name ASC, id
//   page: first 2
//   node: id retracted targets(first 20) { id }
//   totalCount: count the matches
//   aggregate
CALL () {
  CALL () {
    MATCH (n_u0_0:Product)
    WHERE (n_u0_0.year >= $u0_0 AND n_u0_0.name IS NOT NULL)
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
    UNION
    MATCH (n_u0_0:Retracted { kind: $u0_2 })
    WHERE (n_u0_0.year >= $u0_0 AND n_u0_0.name IS NOT NULL)
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
  }
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_1:(TARGETS|RETRACTED) WHERE (r_u0_1:TARGETS OR r_u0_1.type = $u0_3)]->(m_u0_2 WHERE (m_u0_2:Target OR (m_u0_2:Retracted AND m_u0_2.kind = $u0_4)))
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_5
    RETURN collect(m_u0_2 { .id, .name, kind: CASE WHEN m_u0_2:Retracted THEN m_u0_2.kind ELSE head([l IN labels(m_u0_2) WHERE l <> 'Entity']) END }) AS list_u0_3
  }
  RETURN collect(n_u0_0 { .id, .name, .retracted, kind: CASE WHEN n_u0_0:Retracted THEN n_u0_0.kind ELSE head([l IN labels(n_u0_0) WHERE l <> 'Entity']) END, __rel: {`Product.targets`: list_u0_3} }) AS page_u0_4
}
CALL () {
  CALL () {
    MATCH (n_u0_5:Product)
    WHERE n_u0_5.year >= $u0_6
    RETURN count(n_u0_5) AS c_u0_6
    UNION ALL
    MATCH (n_u0_5:Retracted { kind: $u0_7 })
    WHERE n_u0_5.year >= $u0_6
    RETURN count(n_u0_5) AS c_u0_6
  }
  RETURN sum(c_u0_6) AS total_u0_7
}
CALL () {
  MATCH (n_u0_8:(Product|Retracted))
  WHERE ((n_u0_8:Product OR (n_u0_8:Retracted AND n_u0_8.kind = $u0_8)) AND n_u0_8.year >= $u0_9)
  WITH n_u0_8
  LIMIT $u0_10
  RETURN {over: count(n_u0_8) = $u0_10, count: count(n_u0_8), minDate: min(n_u0_8.date), maxDate: max(n_u0_8.date), minYear: min(n_u0_8.year), maxYear: max(n_u0_8.year), minValue: min(n_u0_8.value), maxValue: max(n_u0_8.value)} AS stats_u0_9
}
RETURN page_u0_4, total_u0_7, stats_u0_9
// params: {"u0_0":2020,"u0_1":3,"u0_2":"Product","u0_3":"TARGETS","u0_4":"Target","u0_5":20,"u0_6":2020,"u0_7":"Product","u0_8":"Product","u0_9":2020,"u0_10":100001}
