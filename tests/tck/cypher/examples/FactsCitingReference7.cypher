// FactsCitingReference7

// read:nodes+list.Statistic
// nodes ["ref:7"]
//   node: id number name authors journal year Reference.citedByConnection(first 50) { node { id name } totalCount }
// list Statistic
//   anchor: kind
//   where: cites 7
//   order: name ASC, id
//   page: first 20
//   node: id name value unit
//   totalCount: count the matches
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    MATCH (n_u0_1)<-[r_u0_2:CITES]-(m_u0_3)
    WHERE n_u0_1:Reference
    WITH r_u0_2, m_u0_3
    ORDER BY m_u0_3.name ASC, m_u0_3.id ASC
    LIMIT $u0_1
    RETURN collect({node: m_u0_3 { .id, .name, kind: head([l IN labels(m_u0_3) WHERE l <> 'Entity']) }, rel: properties(r_u0_2)}) AS edges_u0_4
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, .number, .authors, .journal, .year, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Reference.citedByConnection`: {edges: edges_u0_4, first: $u0_2, after: $u0_3, totalCount: CASE WHEN n_u0_1:Reference THEN COUNT { (n_u0_1)<-[r_u0_5:CITES]-(m_u0_6) } ELSE 0 END}} }}) AS nodes_u0_7
}
CALL () {
  MATCH (n_u1_0:Statistic)
  WHERE ($u1_0 IN n_u1_0.sourceRefs AND n_u1_0.name IS NOT NULL)
  WITH n_u1_0
  ORDER BY n_u1_0.name ASC, n_u1_0.id ASC
  LIMIT $u1_1
  RETURN collect(n_u1_0 { .id, .name, .value, .unit, kind: head([l IN labels(n_u1_0) WHERE l <> 'Entity']) }) AS page_u1_1
}
CALL () {
  MATCH (n_u1_2:Statistic)
  WHERE $u1_2 IN n_u1_2.sourceRefs
  RETURN count(n_u1_2) AS total_u1_3
}
RETURN nodes_u0_7, page_u1_1, total_u1_3
// params: {"u0_0":["ref:7"],"u0_1":51,"u0_2":50,"u0_3":0,"u1_0":7,"u1_1":21,"u1_2":7}
