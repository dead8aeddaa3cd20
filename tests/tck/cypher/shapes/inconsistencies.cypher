// { inconsistencies { id name } }

// read:findings
// findings, first 100
//   node: id name
CALL () {
  MATCH (f_u0_0:Finding)
  WITH f_u0_0
  ORDER BY f_u0_0.id ASC
  LIMIT $u0_0
  RETURN collect(f_u0_0 { .id, .name, kind: head([l IN labels(f_u0_0) WHERE l <> 'Entity']) }) AS findings_u0_1
}
RETURN findings_u0_1
// params: {"u0_0":100}
