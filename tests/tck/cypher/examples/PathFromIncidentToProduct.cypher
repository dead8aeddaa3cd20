// PathFromIncidentToProduct

// read:path
// path "event:2016-wei-zexi-incident" to "product:ciltacabtagene-autoleucel", at most 6 hops along 26 types
//   node: id name
//   links: type and ends
CALL () {
  OPTIONAL MATCH (a_u0_0:Entity { id: $u0_0 })
  OPTIONAL MATCH (b_u0_1:Entity { id: $u0_1 })
  OPTIONAL MATCH p_u0_2 = shortestPath((a_u0_0)-[:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY)*1..6]-(b_u0_1))
  RETURN (a_u0_0 IS NOT NULL AND b_u0_1 IS NOT NULL) AS found_u0_3, p_u0_2
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE nodes(p_u0_2)
  END AS n_u0_4
  RETURN collect(n_u0_4 { .id, .name, kind: head([l IN labels(n_u0_4) WHERE l <> 'Entity']) }) AS nodes_u0_5
}
CALL (*) {
  UNWIND CASE
    WHEN p_u0_2 IS NULL THEN []
    ELSE relationships(p_u0_2)
  END AS r_u0_6
  RETURN collect({type: type(r_u0_6), from: startNode(r_u0_6).id, to: endNode(r_u0_6).id}) AS rels_u0_7
}
RETURN found_u0_3, nodes_u0_5, rels_u0_7
// params: {"u0_0":"event:2016-wei-zexi-incident","u0_1":"product:ciltacabtagene-autoleucel"}
