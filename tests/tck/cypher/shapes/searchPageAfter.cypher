// { searchConnection(text: "autoleucel", first: 2, after: "WyJzY29yZTpERVNDIiwxLjUsInByb2R1Y3Q6eCJd") { totalCount kinds { kind count } edges { cursor highlight node { id } } } }

// read:searchPage
// search "(autoleucel OR autoleucel*)", first 2 of the best 1000
//   page: after [1.5,"product:x"], with the counts per kind
//   node: id
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_full', $u0_0, {limit: $u0_1}) YIELD node AS n_u0_0, score AS score_u0_1
  WHERE (score_u0_1 < $u0_2 OR (score_u0_1 = $u0_2 AND n_u0_0.id > $u0_3))
  WITH n_u0_0, score_u0_1
  ORDER BY score_u0_1 DESC, n_u0_0.id ASC
  LIMIT $u0_4
  RETURN collect({score: score_u0_1, node: n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }, text: {name: n_u0_0.name, aliases: n_u0_0.aliases, description: n_u0_0.description, quote: n_u0_0.sourceQuote}}) AS hits_u0_2
}
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_full', $u0_0, {limit: $u0_1}) YIELD node AS n_u0_3
  WITH head([l IN labels(n_u0_3) WHERE l <> 'Entity']) AS kind, count(*) AS count
  ORDER BY count DESC, kind ASC
  RETURN collect({kind: kind, count: count}) AS kinds_u0_4
}
RETURN hits_u0_2, kinds_u0_4
// params: {"u0_0":"(autoleucel OR autoleucel*)","u0_1":1000,"u0_2":1.5,"u0_3":"product:x","u0_4":3}
