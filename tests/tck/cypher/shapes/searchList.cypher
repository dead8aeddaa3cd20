// { search(text: "BCMA CAR-T", kinds: [PRODUCT, TARGET], first: 5) { score node { id } } }

// read:search
// search "(bcma OR bcma*) (car\\-t OR car\\-t*)" of Product, Target, first 5 of the best 50
//   node: id
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $u0_0, {limit: $u0_1}) YIELD node AS n_u0_0, score AS score_u0_1
  WHERE head([l IN labels(n_u0_0) WHERE l <> 'Entity']) IN $u0_2
  WITH n_u0_0, score_u0_1
  ORDER BY score_u0_1 DESC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect({score: score_u0_1, node: n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }}) AS hits_u0_2
}
RETURN hits_u0_2
// params: {"u0_0":"(bcma OR bcma*) (car\\-t OR car\\-t*)","u0_1":50,"u0_2":["Product","Target"],"u0_3":5}
