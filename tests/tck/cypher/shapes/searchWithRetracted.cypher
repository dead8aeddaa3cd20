// { search(text: "Testacabtagene", kinds: [PRODUCT], includeRetracted: true) { score node { id retracted } } }

// read:search
// search "(testacabtagene OR testacabtagene*)" of Product, first 20 of the best 200
//   node: id retracted
CALL () {
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search', $u0_0, {limit: $u0_1}) YIELD node AS n_u0_0, score AS score_u0_1
    RETURN n_u0_0, score_u0_1
    UNION
    CALL db.index.fulltext.queryNodes('retracted_search', $u0_0, {limit: $u0_1}) YIELD node AS n_u0_0, score AS score_u0_1
    RETURN n_u0_0, score_u0_1
  }
  WITH n_u0_0, score_u0_1
  WHERE CASE
    WHEN n_u0_0:Retracted THEN n_u0_0.kind
    ELSE head([l IN labels(n_u0_0) WHERE l <> 'Entity'])
  END IN $u0_2
  WITH n_u0_0, score_u0_1
  ORDER BY score_u0_1 DESC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect({score: score_u0_1, node: n_u0_0 { .id, .name, .retracted, kind: CASE WHEN n_u0_0:Retracted THEN n_u0_0.kind ELSE head([l IN labels(n_u0_0) WHERE l <> 'Entity']) END }}) AS hits_u0_2
}
RETURN hits_u0_2
// params: {"u0_0":"(testacabtagene OR testacabtagene*)","u0_1":200,"u0_2":["Product"],"u0_3":20}
