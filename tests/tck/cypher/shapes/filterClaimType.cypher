// { claims(filter: {claimType: "challenge"}) { edges { node { id name } } } }

// read:list.Claim
// list Claim
//   anchor: kind
//   where: filter claimType "challenge"
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Claim)
  WHERE (n_u0_0.claimType = $u0_0 AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"challenge","u0_1":21}
