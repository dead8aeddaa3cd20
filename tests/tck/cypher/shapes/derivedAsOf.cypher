// { node(id: "product:ciltacabtagene-autoleucel", asOf: 8) { ... on Product { precedingReforms(first: 5) { lagYears reform { name } } } } reformsPreceding(productId: "product:ciltacabtagene-autoleucel", asOf: 8) { lagYears } }

// read:nodes.asOf+reformsPreceding.asOf
// nodes ["product:ciltacabtagene-autoleucel"]
//   node: Product.precedingReforms(derived preceding, first 5) { name }
// reforms preceding "product:ciltacabtagene-autoleucel"
CALL () {
  UNWIND $u0_0 AS id_u0_0
  CALL (id_u0_0) {
    OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
    RETURN n_u0_1
    UNION
    MATCH (n_u0_1:Retracted { id: id_u0_0 })
    RETURN n_u0_1
  }
  WITH id_u0_0, n_u0_1
  ORDER BY n_u0_1 IS NULL ASC
  WITH id_u0_0, head(collect(n_u0_1)) AS n_u0_1
  WITH id_u0_0, CASE
    WHEN (n_u0_1 IS NOT NULL AND CASE
      WHEN coalesce(n_u0_1.changedSeq, 0) <= $u0_1 THEN n_u0_1:Entity
      ELSE $u0_2[n_u0_1.id] IS NOT NULL
    END) THEN n_u0_1
  END AS n_u0_1
  WITH id_u0_0, n_u0_1, coalesce($u0_2[n_u0_1.id], n_u0_1) AS v_u0_2
  CALL (n_u0_1, v_u0_2) {
    WITH n_u0_1, v_u0_2
    WHERE (n_u0_1:Product OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_3))
    CALL (v_u0_2) {
      MATCH (v_u0_3:Reform)
      WHERE (v_u0_3.year < v_u0_2.year AND coalesce(v_u0_3.changedSeq, 0) <= $u0_1)
      RETURN v_u0_3
      UNION
      UNWIND [k_u0_4 IN keys($u0_2) WHERE ($u0_2[k_u0_4].kind = $u0_4 AND $u0_2[k_u0_4].year < v_u0_2.year) | $u0_2[k_u0_4]] AS v_u0_3
      RETURN v_u0_3
    }
    WITH n_u0_1, v_u0_2, v_u0_3
    ORDER BY v_u0_3.dateStart ASC, v_u0_3.name ASC, v_u0_3.id ASC
    LIMIT $u0_5
    CALL (v_u0_3) {
      MATCH (m_u0_5:Entity { id: v_u0_3.id })
      RETURN m_u0_5
      UNION
      MATCH (m_u0_5:Retracted { id: v_u0_3.id })
      RETURN m_u0_5
    }
    RETURN collect({lagYears: (v_u0_2.year - v_u0_3.year), reform: v_u0_3 { .id, .name, kind: CASE WHEN m_u0_5:Retracted THEN m_u0_5.kind ELSE head([l IN labels(m_u0_5) WHERE l <> 'Entity']) END }, product: v_u0_2 { .id, .name, kind: CASE WHEN n_u0_1:Retracted THEN n_u0_1.kind ELSE head([l IN labels(n_u0_1) WHERE l <> 'Entity']) END }}) AS derived_u0_6
  }
  RETURN collect({id: id_u0_0, node: v_u0_2 { .id, .name, kind: CASE WHEN n_u0_1:Retracted THEN n_u0_1.kind ELSE head([l IN labels(n_u0_1) WHERE l <> 'Entity']) END, __rel: {`Product.precedingReforms`: derived_u0_6} }}) AS nodes_u0_7
}
CALL () {
  CALL () {
    OPTIONAL MATCH (n_u1_0:Entity { id: $u1_0 })
    RETURN n_u1_0
    UNION
    MATCH (n_u1_0:Retracted { id: $u1_0 })
    RETURN n_u1_0
  }
  WITH n_u1_0
  ORDER BY n_u1_0 IS NULL ASC
  LIMIT 1
  WITH CASE
    WHEN (n_u1_0 IS NOT NULL AND CASE
      WHEN coalesce(n_u1_0.changedSeq, 0) <= $u1_1 THEN n_u1_0:Entity
      ELSE $u1_2[n_u1_0.id] IS NOT NULL
    END AND CASE
      WHEN n_u1_0:Retracted THEN n_u1_0.kind
      ELSE head([l IN labels(n_u1_0) WHERE l <> 'Entity'])
    END = $u1_3) THEN n_u1_0
  END AS n_u1_0
  WITH n_u1_0, coalesce($u1_2[n_u1_0.id], n_u1_0) AS v_u1_1
  CALL (n_u1_0, v_u1_1) {
    WITH n_u1_0, v_u1_1
    CALL (v_u1_1) {
      MATCH (v_u1_2:Reform)
      WHERE (v_u1_2.year < v_u1_1.year AND coalesce(v_u1_2.changedSeq, 0) <= $u1_1)
      RETURN v_u1_2
      UNION
      UNWIND [k_u1_3 IN keys($u1_2) WHERE ($u1_2[k_u1_3].kind = $u1_4 AND $u1_2[k_u1_3].year < v_u1_1.year) | $u1_2[k_u1_3]] AS v_u1_2
      RETURN v_u1_2
    }
    WITH n_u1_0, v_u1_1, v_u1_2
    ORDER BY v_u1_2.dateStart ASC, v_u1_2.name ASC, v_u1_2.id ASC
    LIMIT $u1_5
    CALL (v_u1_2) {
      MATCH (m_u1_4:Entity { id: v_u1_2.id })
      RETURN m_u1_4
      UNION
      MATCH (m_u1_4:Retracted { id: v_u1_2.id })
      RETURN m_u1_4
    }
    RETURN collect({lagYears: (v_u1_1.year - v_u1_2.year), reform: v_u1_2 { .id, .name, kind: CASE WHEN m_u1_4:Retracted THEN m_u1_4.kind ELSE head([l IN labels(m_u1_4) WHERE l <> 'Entity']) END }, product: v_u1_1 { .id, .name, kind: CASE WHEN n_u1_0:Retracted THEN n_u1_0.kind ELSE head([l IN labels(n_u1_0) WHERE l <> 'Entity']) END }}) AS lags_u1_5
  }
  RETURN n_u1_0 IS NOT NULL AS found_u1_6, lags_u1_5 AS lags_u1_7
}
RETURN nodes_u0_7, found_u1_6, lags_u1_7
// params: {"u0_0":["product:ciltacabtagene-autoleucel"],"u0_1":8,"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":"Product","u0_4":"Reform","u0_5":5,"u1_0":"product:ciltacabtagene-autoleucel","u1_1":8,"u1_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u1_3":"Product","u1_4":"Reform","u1_5":20}
