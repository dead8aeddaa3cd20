// { path(fromId: "target:bcma", toId: "agency:nmpa", asOf: 8) { nodes { id } relationships { type } } }

// read:path.asOf
CALL () {
  CALL () {
    OPTIONAL MATCH (a_u0_0:Entity {id: $u0_0})
    RETURN a_u0_0
    UNION
    MATCH (a_u0_0:Retracted {id: $u0_0})
    RETURN a_u0_0
  }
  WITH a_u0_0 ORDER BY a_u0_0 IS NULL LIMIT 1
  CALL () {
    OPTIONAL MATCH (b_u0_1:Entity {id: $u0_1})
    RETURN b_u0_1
    UNION
    MATCH (b_u0_1:Retracted {id: $u0_1})
    RETURN b_u0_1
  }
  WITH a_u0_0, b_u0_1 ORDER BY b_u0_1 IS NULL LIMIT 1
  WITH CASE WHEN a_u0_0 IS NOT NULL AND CASE WHEN $u0_2[a_u0_0.id] THEN false WHEN $u0_3[a_u0_0.id] IS NOT NULL THEN true ELSE a_u0_0:Entity END THEN a_u0_0 END AS a_u0_0, CASE WHEN b_u0_1 IS NOT NULL AND CASE WHEN $u0_2[b_u0_1.id] THEN false WHEN $u0_3[b_u0_1.id] IS NOT NULL THEN true ELSE b_u0_1:Entity END THEN b_u0_1 END AS b_u0_1
  OPTIONAL MATCH p_u0_2 = shortestPath((a_u0_0)-[:PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY|RETRACTED*1..4]-(b_u0_1))
  WHERE all(x_u0_3 IN relationships(p_u0_2) WHERE (NOT x_u0_3:RETRACTED OR x_u0_3.type IN $u0_4) AND CASE WHEN x_u0_3:RETRACTED
    THEN x_u0_3.retractedSeq > $u0_5 AND coalesce($u0_6[startNode(x_u0_3).id + '|' + x_u0_3.type + '|' + endNode(x_u0_3).id], x_u0_3.retractedSeq) = x_u0_3.retractedSeq
    ELSE $u0_6[startNode(x_u0_3).id + '|' + type(x_u0_3) + '|' + endNode(x_u0_3).id] IS NULL END)
    AND all(y_u0_4 IN nodes(p_u0_2) WHERE CASE WHEN $u0_2[y_u0_4.id] THEN false WHEN $u0_3[y_u0_4.id] IS NOT NULL THEN true ELSE y_u0_4:Entity END)
  RETURN a_u0_0 IS NOT NULL AND b_u0_1 IS NOT NULL AS found_u0_5, p_u0_2
}
CALL (*) {
  UNWIND CASE WHEN p_u0_2 IS NULL THEN [] ELSE nodes(p_u0_2) END AS n_u0_6
  WITH n_u0_6, coalesce($u0_3[n_u0_6.id], n_u0_6) AS v_u0_7
  RETURN collect(v_u0_7 {.id, .name, kind: CASE WHEN n_u0_6:Retracted THEN n_u0_6.kind ELSE head([l IN labels(n_u0_6) WHERE l <> 'Entity']) END}) AS nodes_u0_8
}
CALL (*) {
  UNWIND CASE WHEN p_u0_2 IS NULL THEN [] ELSE relationships(p_u0_2) END AS r_u0_9
  RETURN collect({type: CASE WHEN r_u0_9:RETRACTED THEN r_u0_9.type ELSE type(r_u0_9) END, from: startNode(r_u0_9).id, to: endNode(r_u0_9).id, rel: CASE WHEN r_u0_9:RETRACTED THEN r_u0_9 {.*, status: null, type: null, retractedSeq: null, retractedReason: null, changedSeq: null} ELSE properties(r_u0_9) END}) AS rels_u0_10
}
RETURN found_u0_5, nodes_u0_8, rels_u0_10
// params: {"u0_0":"target:bcma","u0_1":"agency:nmpa","u0_2":{"target:new":true},"u0_3":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_4":["PART_OF","DEPARTMENT_OF","SUCCEEDED_BY","GOVERNS","ISSUED","ENACTED","INTRODUCED","TRIGGERED","IMPLEMENTED_BY","ESTABLISHED","SUBCATEGORY_OF","CLASSIFIED_AS","REVIEWS","APPROVED_BY","TARGETS","SPONSORED_BY","INVOLVES","ABOUT","BREAKDOWN_OF","NUMERATOR","DENOMINATOR","GROWTH_FROM","GROWTH_TO","ADDRESSES","DRIVES","EVIDENCED_BY"],"u0_5":8,"u0_6":{"product:ciltacabtagene-autoleucel|TARGETS|target:bcma":10}}
