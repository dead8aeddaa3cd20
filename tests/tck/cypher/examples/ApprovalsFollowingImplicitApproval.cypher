// ApprovalsFollowingImplicitApproval

// read:approvalsFollowing
// approvals following "reform:2018-implicit-approval"
CALL () {
  OPTIONAL MATCH (n_u0_0:Entity { id: $u0_0 })
  WHERE n_u0_0:Reform
  CALL (n_u0_0) {
    MATCH (m_u0_1:Product)
    WHERE m_u0_1.year > n_u0_0.year
    WITH n_u0_0, m_u0_1
    ORDER BY m_u0_1.dateStart ASC, m_u0_1.name ASC, m_u0_1.id ASC
    LIMIT $u0_1
    RETURN collect({lagYears: (m_u0_1.year - n_u0_0.year), reform: n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }, product: m_u0_1 { .id, .name, .date, kind: head([l IN labels(m_u0_1) WHERE l <> 'Entity']) }}) AS lags_u0_2
  }
  RETURN n_u0_0 IS NOT NULL AS found_u0_3, lags_u0_2 AS lags_u0_4
}
RETURN found_u0_3, lags_u0_4
// params: {"u0_0":"reform:2018-implicit-approval","u0_1":20}
