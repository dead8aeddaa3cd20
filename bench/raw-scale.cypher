// The scale benchmark's questions as a person would write them in Cypher, served over HTTP by the
// raw server (bench/servers.ts): the yardstick for the API's overhead at each graph size.

// name: filteredListFirstPage
// The first 20 products aimed at a target, by name.
MATCH (:Entity {id: $target})<-[:TARGETS]-(n:Product)
WITH n ORDER BY n.name, n.id LIMIT 20
RETURN n {.id, .name, .year} AS node

// name: hubByDate
// The first 20 products aimed at a target, by date (then id).
MATCH (:Entity {id: $target})<-[:TARGETS]-(n:Product)
WITH n ORDER BY n.dateStart, n.id LIMIT 20
RETURN n {.id, .name, .year} AS node

// name: filteredListAfter5000
// The 20 products aimed at a target after a given one (keyset by name and id).
MATCH (:Entity {id: $target})<-[:TARGETS]-(n:Product)
WHERE n.name > $name OR (n.name = $name AND n.id > $id)
WITH n ORDER BY n.name, n.id LIMIT 20
RETURN n {.id, .name, .year} AS node

// name: nested3
// 20 products of a sponsor, each with its sponsors, their first 5 products, and those products' targets.
MATCH (:Entity {id: $sponsor})<-[:SPONSORED_BY]-(p:Product)
WITH p ORDER BY p.name, p.id LIMIT 20
CALL (p) {
  MATCH (p)-[:SPONSORED_BY]->(s:Sponsor)
  CALL (s) {
    MATCH (s)<-[:SPONSORED_BY]-(q:Product)
    WITH q ORDER BY q.dateStart, q.name, q.id LIMIT 5
    CALL (q) { MATCH (q)-[:TARGETS]->(t:Target) RETURN collect(t {.name}) AS targets }
    RETURN collect(q {.name, targets: targets}) AS products
  }
  RETURN collect(s {.name, products: products}) AS sponsors
}
RETURN p {.name, sponsors: sponsors} AS node

// name: hubNeighborhood
// 50 nodes one hop from a hub, with the relationships among them.
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[]-(m:Entity)
  WITH DISTINCT m LIMIT 50
  RETURN collect(m) AS ms
}
WITH [c] + ms AS members
CALL (members) {
  UNWIND members AS a
  UNWIND members AS b
  MATCH (a)-[r]->(b)
  RETURN collect({type: type(r), from: a.id, to: b.id}) AS edges
}
RETURN [m IN members | m {.id, .name}] AS nodes, edges

// name: listNested
// The first 20 products aimed at a target, each with its sponsors and targets.
MATCH (:Entity {id: $target})<-[:TARGETS]-(n:Product)
WITH n ORDER BY n.name, n.id LIMIT 20
RETURN n {.name, sponsors: COLLECT { MATCH (n)-[:SPONSORED_BY]->(s:Sponsor) RETURN s {.name} }, targets: COLLECT { MATCH (n)-[:TARGETS]->(t:Target) RETURN t {.name} }} AS node

// name: commonSearch
// The 20 best full-text matches of a word most products carry, with the same Lucene query the API
// builds (the word, or a word it begins: "(autoleucel OR autoleucel*)").
CALL db.index.fulltext.queryNodes('entity_search', $text, {limit: 20}) YIELD node, score
RETURN node {.id, .name} AS node, score

// name: whereThroughRelationship
// The first 20 products whose target has a given name, by name: from the target's name index.
MATCH (:Target {name: $name})<-[:TARGETS]-(n:Product)
WITH DISTINCT n ORDER BY n.name, n.id LIMIT 20
RETURN n {.id, .name, .year} AS node

// name: facetYearTarget
// Products counted by approval year and target, largest groups first.
MATCH (n:Product)
OPTIONAL MATCH (n)-[:TARGETS]->(t:Target)
WITH n.year AS year, t.id AS target, count(DISTINCT n) AS count
ORDER BY count DESC, year, target LIMIT 20
RETURN year, target, count

// name: facetHubYearSponsor
// A hub target's products counted by approval year and sponsor, largest groups first.
MATCH (:Entity {id: $target})<-[:TARGETS]-(n:Product)
OPTIONAL MATCH (n)-[:SPONSORED_BY]->(s:Sponsor)
WITH n.year AS year, s.id AS sponsor, count(DISTINCT n) AS count
ORDER BY count DESC, year, sponsor LIMIT 20
RETURN year, sponsor, count

// name: nameContains
// The first 20 products whose name contains a text, by name, as a person would write it: a CONTAINS on
// the name (case-sensitive: the synthetic names are lower case).
MATCH (n:Product)
WHERE n.name CONTAINS $text
WITH n ORDER BY n.name, n.id LIMIT 20
RETURN n {.id, .name, .year} AS node

// name: yearTotal
// How many products were approved in a year or later (a count over the year index), and the first 20
// of them by name.
CALL () {
  MATCH (n:Product) WHERE n.year >= $year
  RETURN count(n) AS total
}
MATCH (n:Product) WHERE n.year >= $year
WITH total, n ORDER BY n.name, n.id LIMIT 20
RETURN total, n {.id, .name, .year} AS node
