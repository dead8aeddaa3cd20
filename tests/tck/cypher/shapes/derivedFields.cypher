// { node(id: "stat:ind-applications-2023") { ... on Statistic { siblings { name } } } }

// read:nodes
// nodes ["stat:ind-applications-2023"]
//   node: Statistic.siblings(derived siblings, first 20) { name }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[b_u0_2:BREAKDOWN_OF]->(:Statistic)<-[b_u0_3:BREAKDOWN_OF]-(m_u0_4:Statistic)
    WHERE (n_u0_1:Statistic AND (m_u0_4 <> n_u0_1 AND b_u0_3.dimension = b_u0_2.dimension))
    WITH m_u0_4
    ORDER BY m_u0_4.value DESC, m_u0_4.id ASC
    LIMIT $u0_1
    RETURN collect(m_u0_4 { .id, .name, kind: head([l IN labels(m_u0_4) WHERE l <> 'Entity']) }) AS derived_u0_5
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {`Statistic.siblings`: derived_u0_5} }}) AS nodes_u0_6
}
RETURN nodes_u0_6
// params: {"u0_0":["stat:ind-applications-2023"],"u0_1":20}
