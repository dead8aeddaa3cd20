// { node(id: "agency:nmpa") { ... on Agency { approvedProductsConnection(first: 0) { aggregate { count minYear } facets(by: [TARGET]) { keys { value } count } } } } }

// read:nodes
// nodes ["agency:nmpa"]
//   node: Agency.approvedProductsConnection(first 0) { node { id name } aggregate facets TARGET }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    WITH n_u0_1, COUNT {
      (n_u0_1)<-[r_u0_2:APPROVED_BY]-(m_u0_3)
    } AS degree_u0_4
    WITH n_u0_1, (degree_u0_4 * degree_u0_4) > ($u0_1 * COUNT {
      (s_u0_5:Product)
    }) AS hub_u0_6
    CALL (n_u0_1, hub_u0_6) {
      WITH n_u0_1, hub_u0_6
      WHERE NOT (hub_u0_6)
      MATCH (n_u0_1)<-[r_u0_7:APPROVED_BY]-(m_u0_8)
      WHERE n_u0_1:Agency
      WITH r_u0_7, m_u0_8
      ORDER BY m_u0_8.name ASC, m_u0_8.id ASC
      LIMIT $u0_1
      RETURN r_u0_7, m_u0_8
      UNION
      MATCH (m_u0_8:Product) USING INDEX m_u0_8:Product(name)
      WHERE m_u0_8.name >= CASE
        WHEN hub_u0_6 THEN ''
        ELSE '\uffff'
      END
      MATCH (n_u0_1)<-[r_u0_7:APPROVED_BY]-(m_u0_8)
      WHERE n_u0_1:Agency
      WITH r_u0_7, m_u0_8
      ORDER BY m_u0_8.name ASC, m_u0_8.id ASC
      LIMIT $u0_1
      RETURN r_u0_7, m_u0_8
    }
    WITH r_u0_7, m_u0_8
    ORDER BY m_u0_8.name ASC, m_u0_8.id ASC
    RETURN collect({node: m_u0_8 { .id, .name, kind: head([l IN labels(m_u0_8) WHERE l <> 'Entity']) }, rel: properties(r_u0_7)}) AS edges_u0_9
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)<-[r_u0_10:APPROVED_BY]-(m_u0_11)
    WHERE n_u0_1:Agency
    WITH m_u0_11
    LIMIT $u0_2
    RETURN {over: count(m_u0_11) = $u0_2, count: count(m_u0_11), minDate: min(m_u0_11.date), maxDate: max(m_u0_11.date), minYear: min(m_u0_11.year), maxYear: max(m_u0_11.year), minValue: min(m_u0_11.value), maxValue: max(m_u0_11.value)} AS stats_u0_12
  }
  CALL (n_u0_1) {
    MATCH (n_u0_1)<-[r_u0_13:APPROVED_BY]-(m_u0_14)
    WHERE n_u0_1:Agency
    WITH m_u0_14
    LIMIT $u0_3
    WITH collect(m_u0_14) AS matched_u0_15
    UNWIND matched_u0_15 AS m_u0_14
    OPTIONAL MATCH (m_u0_14)-[:TARGETS]->(k_u0_16:Target)
    WITH k_u0_16, size(matched_u0_15) AS scanned_u0_17, count(DISTINCT m_u0_14) AS count
    ORDER BY count DESC, k_u0_16.id ASC
    LIMIT $u0_4
    RETURN {over: coalesce(max(scanned_u0_17) = $u0_3, false), buckets: collect({keys: [{value: toString(coalesce(k_u0_16.number, k_u0_16.name)), id: k_u0_16.id}], count: count})} AS facets_u0_18
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Agency.approvedProductsConnection`: {edges: edges_u0_9, first: $u0_5, after: $u0_6, totalCount: NULL, aggregate: stats_u0_12, facets: {facets: facets_u0_18}}} }}) AS nodes_u0_19
}
RETURN nodes_u0_19
// params: {"u0_0":["agency:nmpa"],"u0_1":1,"u0_2":100001,"u0_3":100001,"u0_4":20,"u0_5":0,"u0_6":0}
