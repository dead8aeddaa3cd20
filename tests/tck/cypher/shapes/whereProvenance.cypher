// { statistics(where: {dataSource: {contains: "Insight"}, document: {eq: "doc:china-cell-therapy-review"}, sentence: {gte: 100}}) { edges { node { id name } } } }

// read:list.Statistic
// list Statistic
//   anchor: kind
//   where: sourceDataSource contains "Insight" AND sourceDocument eq "doc:china-cell-therapy-review" AND sourceSentence gte 100
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Statistic)
  WHERE ((n_u0_0.sourceDataSource CONTAINS $u0_0 AND n_u0_0.sourceDocument = $u0_1 AND n_u0_0.sourceSentence >= $u0_2) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"Insight","u0_1":"doc:china-cell-therapy-review","u0_2":100,"u0_3":21}
