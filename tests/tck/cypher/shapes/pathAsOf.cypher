// { path(fromId: "target:bcma", toId: "agency:nmpa", asOf: 8) { nodes { id } relationships { type } } }

// read:path.asOf
// path "target:bcma" to "agency:nmpa", at most 4 hops along 26 types
//   node: id
//   links: type and ends
CALL () {
  CALL () {
    OPTIONAL MATCH (a_u0_0:Entity { id: $u0_0 })
    RETURN a_u0_0
    UNION
    MATCH (a_u0_0:Retracted { id: $u0_0 })
    RETURN a_u0_0
  }
  WITH a_u0_0
  ORDER BY a_u0_0 IS NULL ASC
  LIMIT 1
  CALL () {
    OPTIONAL MATCH (b_u0_1:Entity { id: $u0_1 })
    RETURN b_u0_1
    UNION
    MATCH (b_u0_1:Retracted { id: $u0_1 })
    RETURN b_u0_1
  }
  WITH a_u0_0, b_u0_1
  ORDER BY b_u0_1 IS NULL ASC
  LIMIT 1
  WITH CASE
    WHEN (a_u0_0 IS NOT NULL AND CASE
      WHEN coalesce(a_u0_0.changedSeq, 0) <= $u0_2 THEN a_u0_0:Entity
      ELSE $u0_3[a_u0_0.id] IS NOT NULL
    END) THEN a_u0_0
  END AS a_u0_0, CASE
    WHEN (b_u0_1 IS NOT NULL AND CASE
      WHEN coalesce(b_u0_1.changedSeq, 0) <= $u0_2 THEN b_u0_1:Entity
      ELSE $u0_3[b_u0_1.id] IS NOT NULL
    END) THEN b_u0_1
  END AS b_u0_1
  OPTIONAL MATCH p_u0_2 = shortestPath((a_u0_0)-[:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY|RETRACTED)*1..4]-(b_u0_1))
  WHERE (all(x_u0_3 IN relationships(p_u0_2) WHERE ((NOT (x_u0_3:RETRACTED) OR x_u0_3.type IN $u0_4) AND CASE
    WHEN coalesce(x_u0_3.changedSeq, 0) <= $u0_2 THEN NOT (x_u0_3:RETRACTED)
    WHEN $u0_5[(startNode(x_u0_3).id || '|' || coalesce(x_u0_3.type, type(x_u0_3)) || '|' || endNode(x_u0_3).id)] IS NULL THEN x_u0_3:RETRACTED
    WHEN NOT ($u0_5[(startNode(x_u0_3).id || '|' || coalesce(x_u0_3.type, type(x_u0_3)) || '|' || endNode(x_u0_3).id)]) THEN false
    ELSE NOT (EXISTS {
      WITH startNode(x_u0_3) AS s_u0_4, endNode(x_u0_3) AS e_u0_5
      MATCH (s_u0_4)-[x_u0_6:RETRACTED]->(e_u0_5)
      WHERE (x_u0_6.type = coalesce(x_u0_3.type, type(x_u0_3)) AND x_u0_6.retractedSeq > $u0_2 AND x_u0_6.retractedSeq < coalesce(x_u0_3.retractedSeq, (x_u0_6.retractedSeq + 1)))
    })
  END)) AND all(y_u0_7 IN nodes(p_u0_2) WHERE CASE
    WHEN coalesce(y_u0_7.changedSeq, 0) <= $u0_2 THEN y_u0_7:Entity
    ELSE $u0_3[y_u0_7.id] IS NOT NULL
  END))
  RETURN (a_u0_0 IS NOT NULL AND b_u0_1 IS NOT NULL) AS found_u0_8, p_u0_2
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE nodes(p_u0_2)
  END AS n_u0_9
  WITH n_u0_9, coalesce($u0_3[n_u0_9.id], n_u0_9) AS v_u0_10
  RETURN collect(v_u0_10 { .id, .name, kind: CASE WHEN n_u0_9:Retracted THEN n_u0_9.kind ELSE head([l IN labels(n_u0_9) WHERE l <> 'Entity']) END }) AS nodes_u0_11
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE relationships(p_u0_2)
  END AS r_u0_12
  RETURN collect({type: CASE WHEN r_u0_12:RETRACTED THEN r_u0_12.type ELSE type(r_u0_12) END, from: startNode(r_u0_12).id, to: endNode(r_u0_12).id}) AS rels_u0_13
}
RETURN found_u0_8, nodes_u0_11, rels_u0_13
// params: {"u0_0":"target:bcma","u0_1":"agency:nmpa","u0_2":8,"u0_3":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_4":["PART_OF","DEPARTMENT_OF","SUCCEEDED_BY","GOVERNS","ISSUED","ENACTED","INTRODUCED","TRIGGERED","IMPLEMENTED_BY","ESTABLISHED","SUBCATEGORY_OF","CLASSIFIED_AS","REVIEWS","APPROVED_BY","TARGETS","SPONSORED_BY","INVOLVES","ABOUT","BREAKDOWN_OF","NUMERATOR","DENOMINATOR","GROWTH_FROM","GROWTH_TO","ADDRESSES","DRIVES","EVIDENCED_BY"],"u0_5":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":true,"product:new|TARGETS|target:bcma":false}}
