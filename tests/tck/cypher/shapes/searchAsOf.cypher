// { search(text: "BCMA", asOf: 8) { node { id name } } }

// read:search.asOf
// search "(bcma OR bcma*)", first 20 of the best 200
//   node: id name
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
    WHEN coalesce(n_u0_0.changedSeq, 0) <= $u0_2 THEN n_u0_0:Entity
    ELSE $u0_3[n_u0_0.id] IS NOT NULL
  END
  WITH n_u0_0, score_u0_1
  ORDER BY score_u0_1 DESC, n_u0_0.id ASC
  LIMIT $u0_4
  WITH *, coalesce($u0_3[n_u0_0.id], n_u0_0) AS v_u0_2
  RETURN collect({score: score_u0_1, node: v_u0_2 { .id, .name, kind: CASE WHEN n_u0_0:Retracted THEN n_u0_0.kind ELSE head([l IN labels(n_u0_0) WHERE l <> 'Entity']) END }}) AS hits_u0_3
}
RETURN hits_u0_3
// params: {"u0_0":"(bcma OR bcma*)","u0_1":200,"u0_2":8,"u0_3":{"sponsor:legend-biotech":{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}},"u0_4":20}
