// WhatChinaLacks

// read:list.Claim
// list Claim
//   anchor: kind
//   where: claimType eq "absence"
//   order: name ASC, id
//   page: first 20
//   node: id name about(first 20) { id name } sources
CALL () {
  MATCH (n_u0_0:Claim)
  WHERE (n_u0_0.claimType = $u0_0 AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  CALL (n_u0_0) {
    MATCH (n_u0_0)-[r_u0_1:ABOUT]->(m_u0_2)
    WITH r_u0_1, m_u0_2
    ORDER BY m_u0_2.dateStart ASC, m_u0_2.name ASC, m_u0_2.id ASC
    LIMIT $u0_2
    RETURN collect(m_u0_2 { .id, .name, kind: head([l IN labels(m_u0_2) WHERE l <> 'Entity']) }) AS list_u0_3
  }
  RETURN collect(n_u0_0 { .id, .name, .sourceSection, .sourceQuote, .sourceStated, .sourceRefs, .sourceInferred, .sourceDataSource, .sourceDocument, .sourceSentence, .sourceUnverified, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']), __rel: {`Claim.about`: list_u0_3} }) AS page_u0_4
}
RETURN page_u0_4
// params: {"u0_0":"absence","u0_1":21,"u0_2":20}
