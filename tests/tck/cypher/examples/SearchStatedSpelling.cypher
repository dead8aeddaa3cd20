// SearchStatedSpelling

// read:search
// search "(autoleucl OR autoleucl*)" of Product, first 10 of the best 100
//   node: id name sources
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $u0_0, {limit: $u0_1}) YIELD node AS n_u0_0, score AS score_u0_1
  WHERE head([l IN labels(n_u0_0) WHERE l <> 'Entity']) IN $u0_2
  WITH n_u0_0, score_u0_1
  ORDER BY score_u0_1 DESC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect({score: score_u0_1, node: n_u0_0 { .id, .name, .sourceSection, .sourceQuote, .sourceStated, .sourceRefs, .sourceInferred, .sourceDataSource, .sourceDocument, .sourceSentence, .sourceUnverified, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }}) AS hits_u0_2
}
RETURN hits_u0_2
// params: {"u0_0":"(autoleucl OR autoleucl*)","u0_1":100,"u0_2":["Product"],"u0_3":10}
