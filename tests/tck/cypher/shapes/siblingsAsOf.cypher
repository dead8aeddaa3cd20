// { node(id: "stat:clinical-trials-2017-2024-phase-i", asOf: 8) { ... on Statistic { siblings(first: 5) { id value } } } }

// read:nodes.asOf
// nodes ["stat:clinical-trials-2017-2024-phase-i"]
//   node: Statistic.siblings(derived siblings, first 5) { id value }
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
  CALL (n_u0_1) {
    MATCH (n_u0_1)-[b_u0_3:(BREAKDOWN_OF|RETRACTED) WHERE (b_u0_3:BREAKDOWN_OF OR b_u0_3.type = $u0_3)]->(t_u0_4 WHERE (t_u0_4:Statistic OR (t_u0_4:Retracted AND t_u0_4.kind = $u0_4)))
    WHERE (CASE
      WHEN coalesce(b_u0_3.changedSeq, 0) <= $u0_1 THEN NOT (b_u0_3:RETRACTED)
      WHEN $u0_5[(startNode(b_u0_3).id || '|' || coalesce(b_u0_3.type, type(b_u0_3)) || '|' || endNode(b_u0_3).id)] IS NULL THEN b_u0_3:RETRACTED
      WHEN NOT ($u0_5[(startNode(b_u0_3).id || '|' || coalesce(b_u0_3.type, type(b_u0_3)) || '|' || endNode(b_u0_3).id)]) THEN false
      ELSE NOT (EXISTS {
        WITH startNode(b_u0_3) AS s_u0_5, endNode(b_u0_3) AS e_u0_6
        MATCH (s_u0_5)-[x_u0_7:RETRACTED]->(e_u0_6)
        WHERE (x_u0_7.type = coalesce(b_u0_3.type, type(b_u0_3)) AND x_u0_7.retractedSeq > $u0_1 AND x_u0_7.retractedSeq < coalesce(b_u0_3.retractedSeq, (x_u0_7.retractedSeq + 1)))
      })
    END AND CASE
      WHEN coalesce(t_u0_4.changedSeq, 0) <= $u0_1 THEN t_u0_4:Entity
      ELSE $u0_2[t_u0_4.id] IS NOT NULL
    END)
    MATCH (t_u0_4)<-[b_u0_8:(BREAKDOWN_OF|RETRACTED) WHERE (b_u0_8:BREAKDOWN_OF OR b_u0_8.type = $u0_6)]-(m_u0_9 WHERE (m_u0_9:Statistic OR (m_u0_9:Retracted AND m_u0_9.kind = $u0_7)))
    WHERE ((n_u0_1:Statistic OR (n_u0_1:Retracted AND n_u0_1.kind = $u0_8)) AND m_u0_9 <> n_u0_1 AND b_u0_8.dimension = b_u0_3.dimension AND (CASE
      WHEN coalesce(b_u0_8.changedSeq, 0) <= $u0_1 THEN NOT (b_u0_8:RETRACTED)
      WHEN $u0_5[(startNode(b_u0_8).id || '|' || coalesce(b_u0_8.type, type(b_u0_8)) || '|' || endNode(b_u0_8).id)] IS NULL THEN b_u0_8:RETRACTED
      WHEN NOT ($u0_5[(startNode(b_u0_8).id || '|' || coalesce(b_u0_8.type, type(b_u0_8)) || '|' || endNode(b_u0_8).id)]) THEN false
      ELSE NOT (EXISTS {
        WITH startNode(b_u0_8) AS s_u0_10, endNode(b_u0_8) AS e_u0_11
        MATCH (s_u0_10)-[x_u0_12:RETRACTED]->(e_u0_11)
        WHERE (x_u0_12.type = coalesce(b_u0_8.type, type(b_u0_8)) AND x_u0_12.retractedSeq > $u0_1 AND x_u0_12.retractedSeq < coalesce(b_u0_8.retractedSeq, (x_u0_12.retractedSeq + 1)))
      })
    END AND CASE
      WHEN coalesce(m_u0_9.changedSeq, 0) <= $u0_1 THEN m_u0_9:Entity
      ELSE $u0_2[m_u0_9.id] IS NOT NULL
    END))
    WITH m_u0_9, coalesce($u0_2[m_u0_9.id], m_u0_9) AS v_u0_13
    WITH m_u0_9, v_u0_13
    ORDER BY v_u0_13.value DESC, v_u0_13.id ASC
    LIMIT $u0_9
    RETURN collect(v_u0_13 { .id, .name, .value, kind: CASE WHEN m_u0_9:Retracted THEN m_u0_9.kind ELSE head([l IN labels(m_u0_9) WHERE l <> 'Entity']) END }) AS derived_u0_14
  }
  RETURN collect({id: id_u0_0, node: v_u0_2 { .id, .name, kind: CASE WHEN n_u0_1:Retracted THEN n_u0_1.kind ELSE head([l IN labels(n_u0_1) WHERE l <> 'Entity']) END, __rel: {`Statistic.siblings`: derived_u0_14} }}) AS nodes_u0_15
}
RETURN nodes_u0_15
// params: {"u0_0":["stat:clinical-trials-2017-2024-phase-i"],"u0_1":8,"u0_2":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_3":"BREAKDOWN_OF","u0_4":"Statistic","u0_5":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false},"u0_6":"BREAKDOWN_OF","u0_7":"Statistic","u0_8":"Statistic","u0_9":5}
