// { nodes(ids: ["target:bcma", "sponsor:legend-biotech", "nope"]) { id name } }

// read:nodes
// nodes ["target:bcma","sponsor:legend-biotech","nope"]
//   node: id name
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']) }}) AS nodes_u0_2
}
RETURN nodes_u0_2
// params: {"u0_0":["target:bcma","sponsor:legend-biotech","nope"]}
