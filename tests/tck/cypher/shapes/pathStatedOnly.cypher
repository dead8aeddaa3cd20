// { path(fromId: "target:bcma", toId: "agency:nmpa", includeInferred: false) { nodes { id } relationships { type } } }

// read:path
// path "target:bcma" to "agency:nmpa", at most 4 hops along 26 types, stated only
//   node: id
//   links: type and ends
CALL () {
  OPTIONAL MATCH (a_u0_0:Entity { id: $u0_0 })
  OPTIONAL MATCH (b_u0_1:Entity { id: $u0_1 })
  OPTIONAL MATCH p_u0_2 = shortestPath((a_u0_0)-[:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY)*1..4]-(b_u0_1))
  WHERE all(s_u0_3 IN relationships(p_u0_2) WHERE s_u0_3.sourceInferred IS NULL)
  RETURN (a_u0_0 IS NOT NULL AND b_u0_1 IS NOT NULL) AS found_u0_4, p_u0_2
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE nodes(p_u0_2)
  END AS n_u0_5
  RETURN collect(n_u0_5 { .id, .name, kind: head([l IN labels(n_u0_5) WHERE l <> 'Entity']) }) AS nodes_u0_6
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE relationships(p_u0_2)
  END AS r_u0_7
  RETURN collect({type: type(r_u0_7), from: startNode(r_u0_7).id, to: endNode(r_u0_7).id}) AS rels_u0_8
}
RETURN found_u0_4, nodes_u0_6, rels_u0_8
// params: {"u0_0":"target:bcma","u0_1":"agency:nmpa"}
