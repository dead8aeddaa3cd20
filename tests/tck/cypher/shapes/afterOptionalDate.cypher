// { guidelines(orderBy: {field: DATE, direction: DESC}, after: "WyJkYXRlU3RhcnQ6REVTQyIsIjIwMTctMTIiLCJndWlkZWxpbmU6eCJd") { edges { node { id name } } } }

// read:list.Guideline
// list Guideline
//   anchor: kind
//   where: true
//   order: dateStart DESC, id
//   page: first 20, after ["2017-12","guideline:x"]
//   node: id name
CALL () {
  MATCH (n_u0_0:Guideline)
  WHERE CASE
    WHEN $u0_0 IS NULL THEN (n_u0_0.dateStart IS NOT NULL OR n_u0_0.id > $u0_1)
    ELSE (n_u0_0.dateStart < $u0_0 OR (n_u0_0.dateStart = $u0_0 AND n_u0_0.id > $u0_1))
  END
  WITH n_u0_0
  ORDER BY n_u0_0.dateStart DESC, n_u0_0.id ASC
  LIMIT $u0_2
  RETURN collect(n_u0_0 { .id, .name, .dateStart, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"2017-12","u0_1":"guideline:x","u0_2":21}
