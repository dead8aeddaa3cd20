// { path(fromId: "target:cd19", toId: "agency:nmpa", includeInferred: false, includeRetracted: true) { nodes { id } relationships { type retracted } } }

// read:path
// path "target:cd19" to "agency:nmpa", at most 4 hops along 26 types, stated only
//   node: id
//   links: type and ends, properties and sources
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
  OPTIONAL MATCH p_u0_2 = shortestPath((a_u0_0)-[:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY|RETRACTED)*1..4]-(b_u0_1))
  WHERE (all(x_u0_3 IN relationships(p_u0_2) WHERE (NOT (x_u0_3:RETRACTED) OR x_u0_3.type IN $u0_2)) AND all(s_u0_4 IN relationships(p_u0_2) WHERE s_u0_4.sourceInferred IS NULL))
  RETURN (a_u0_0 IS NOT NULL AND b_u0_1 IS NOT NULL) AS found_u0_5, p_u0_2
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE nodes(p_u0_2)
  END AS n_u0_6
  RETURN collect(n_u0_6 { .id, .name, kind: CASE WHEN n_u0_6:Retracted THEN n_u0_6.kind ELSE head([l IN labels(n_u0_6) WHERE l <> 'Entity']) END }) AS nodes_u0_7
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE relationships(p_u0_2)
  END AS r_u0_8
  RETURN collect({type: CASE WHEN r_u0_8:RETRACTED THEN r_u0_8.type ELSE type(r_u0_8) END, from: startNode(r_u0_8).id, to: endNode(r_u0_8).id, rel: properties(r_u0_8)}) AS rels_u0_9
}
RETURN found_u0_5, nodes_u0_7, rels_u0_9
// params: {"u0_0":"target:cd19","u0_1":"agency:nmpa","u0_2":["PART_OF","DEPARTMENT_OF","SUCCEEDED_BY","GOVERNS","ISSUED","ENACTED","INTRODUCED","TRIGGERED","IMPLEMENTED_BY","ESTABLISHED","SUBCATEGORY_OF","CLASSIFIED_AS","REVIEWS","APPROVED_BY","TARGETS","SPONSORED_BY","INVOLVES","ABOUT","BREAKDOWN_OF","NUMERATOR","DENOMINATOR","GROWTH_FROM","GROWTH_TO","ADDRESSES","DRIVES","EVIDENCED_BY"]}
