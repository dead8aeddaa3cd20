// ChallengesAndRemedies

// read:list.Claim
// list Claim
//   anchor: kind
//   where: filter claimType "challenge"
//   order: name ASC, id
//   page: first 20
//   node: id name addressedByConnection(first 20) { node { id name } } sources
//   totalCount: count the matches
CALL () {
  MATCH (n_u0_0:Claim)
  WHERE (n_u0_0.claimType = $u0_0 AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  CALL (n_u0_0) {
    MATCH (n_u0_0)<-[r_u0_1:ADDRESSES]-(m_u0_2)
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_2
    RETURN collect({node: m_u0_2 { .id, .name, kind: head([l IN labels(m_u0_2) WHERE l <> 'Entity']) }, rel: properties(r_u0_1)}) AS edges_u0_3
  }
  RETURN collect(n_u0_0 { .id, .name, .sourceSection, .sourceQuote, .sourceStated, .sourceRefs, .sourceInferred, .sourceDataSource, .sourceDocument, .sourceSentence, .sourceUnverified, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']), __rel: {`Claim.addressedByConnection`: {edges: edges_u0_3, first: $u0_3, after: $u0_4, totalCount: NULL}} }) AS page_u0_4
}
CALL () {
  MATCH (n_u0_5:Claim)
  WHERE n_u0_5.claimType = $u0_5
  RETURN count(n_u0_5) AS total_u0_6
}
RETURN page_u0_4, total_u0_6
// params: {"u0_0":"challenge","u0_1":21,"u0_2":21,"u0_3":20,"u0_4":0,"u0_5":"challenge"}
