// Reading for the API (src/graph/read). Every GraphQL request is compiled into ONE statement made of
// these blocks: each root field is a `CALL () {}` unit, each nested field a `CALL (node) {}` subquery of
// its parent, so a request is one round trip and one read transaction.
// {{name}} is an identifier: a variable the compiler named, or a label or relationship type from the
// allow-lists in src/graph/model.ts. {{{name}}} is Cypher the compiler built from these same blocks.
// Every value is a $parameter. Every subquery is anchored (an index lookup, or its parent node), uses
// typed relationship patterns, and has its LIMIT inside.

// name: read.kind
// The kind of a node: its label other than Entity.
head([l IN labels({{node}}) WHERE l <> 'Entity'])

// name: read.thenRelationship
// Whether a relationship stood then. One not changed since stood if it is live. One changed since: not
// if its key was created since ({{{relationships}}}: false); a link the log does not list (CITES and
// CONCERNS, retracted with their entity) if it was retracted since. Otherwise the key existed then, and
// of its lives (a retracted link each, the live one last) the one that stood is the first to end after
// then: a retracted one with no other retracted between then and its own retraction, the live one if
// none was retracted since (a correction retracts the link and adds it anew; seeds update in place).
CASE WHEN coalesce({{rel}}.changedSeq, 0) <= {{{seq}}} THEN NOT {{rel}}:RETRACTED
  WHEN {{{relationships}}}[startNode({{rel}}).id + '|' + coalesce({{rel}}.type, type({{rel}})) + '|' + endNode({{rel}}).id] IS NULL THEN {{rel}}:RETRACTED
  WHEN NOT {{{relationships}}}[startNode({{rel}}).id + '|' + coalesce({{rel}}.type, type({{rel}})) + '|' + endNode({{rel}}).id] THEN false
  ELSE NOT EXISTS {
    WITH startNode({{rel}}) AS {{other}}, endNode({{rel}}) AS {{last}}
    MATCH ({{other}})-[{{earlier}}:RETRACTED]->({{last}})
    WHERE {{earlier}}.type = coalesce({{rel}}.type, type({{rel}})) AND {{earlier}}.retractedSeq > {{{seq}}} AND {{earlier}}.retractedSeq < coalesce({{rel}}.retractedSeq, {{earlier}}.retractedSeq + 1)
  } END

// name: read.relationshipThen
// A relationship's properties as they stood then: a link retracted since was not retracted then (its
// retraction's marks read as null, which decode.ts leaves out).
CASE WHEN {{rel}}:RETRACTED THEN {{rel}} {.*, status: null, type: null, retractedSeq: null, retractedReason: null, changedSeq: null} ELSE properties({{rel}}) END

// name: read.lagsRootAsOf
// read.lags as the graph stood at a past change set: the node by id (live, or retracted since) if it
// stood then and is of the kind, read through its state then ({{view}}).
CALL () {
  CALL () {
    OPTIONAL MATCH ({{node}}:Entity {id: {{{id}}}})
    RETURN {{node}}
    UNION
    MATCH ({{node}}:Retracted {id: {{{id}}}})
    RETURN {{node}}
  }
  WITH {{node}} ORDER BY {{node}} IS NULL LIMIT 1
  WITH CASE WHEN {{node}} IS NOT NULL AND {{{then}}} AND {{{kind}}} = {{{label}}} THEN {{node}} END AS {{node}}
  WITH {{node}}, {{{view}}} AS {{view}}
  {{{calls}}}
  RETURN {{node}} IS NOT NULL AS {{found}}, {{{lags}}} AS {{out}}
}

// name: read.nodes
// Nodes by id, in the order asked; a missing id keeps its place with a null node.
CALL () {
  UNWIND {{{ids}}} AS {{id}}
  OPTIONAL MATCH ({{node}}:Entity {id: {{id}}})
  {{{calls}}}
  RETURN collect({id: {{id}}, node: {{{item}}}}) AS {{out}}
}

// name: read.nodesIncludingRetracted
// As read.nodes, and a retracted entity too (`includeRetracted: true`): it has lost its :Entity and
// kind labels for :Retracted, so its kind is the one it keeps as a property; its relationships were
// retracted with it, and the projection follows them (RETRACTED, by type) since the question asked so.
CALL () {
  UNWIND {{{ids}}} AS {{id}}
  CALL ({{id}}) {
    OPTIONAL MATCH ({{node}}:Entity {id: {{id}}})
    RETURN {{node}}
    UNION
    MATCH ({{node}}:Retracted {id: {{id}}})
    RETURN {{node}}
  }
  WITH {{id}}, {{node}} ORDER BY {{node}} IS NULL
  WITH {{id}}, head(collect({{node}})) AS {{node}}
  {{{calls}}}
  RETURN collect({id: {{id}}, node: {{{item}}}, retractedKind: {{node}}.kind}) AS {{out}}
}

// name: read.nodesAsOf
// As read.nodesIncludingRetracted, as the graph stood at a past change set (Statement.asOf): the
// entity if it stood then ({{{then}}}), read through its state then ({{view}}); null where it did not.
CALL () {
  UNWIND {{{ids}}} AS {{id}}
  CALL ({{id}}) {
    OPTIONAL MATCH ({{node}}:Entity {id: {{id}}})
    RETURN {{node}}
    UNION
    MATCH ({{node}}:Retracted {id: {{id}}})
    RETURN {{node}}
  }
  WITH {{id}}, {{node}} ORDER BY {{node}} IS NULL
  WITH {{id}}, head(collect({{node}})) AS {{node}}
  WITH {{id}}, CASE WHEN {{node}} IS NOT NULL AND {{{then}}} THEN {{node}} END AS {{node}}
  WITH {{id}}, {{node}}, {{{view}}} AS {{view}}
  {{{calls}}}
  RETURN collect({id: {{id}}, node: {{{item}}}}) AS {{out}}
}

// name: read.search
// Full-text matches, best first. The index ranks them and hands over at most {{{scan}}}; kinds are
// filtered from those, so a search never reads every hit of a common word.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}, score AS {{score}}
  WHERE {{{where}}}
  WITH {{node}}, {{score}} ORDER BY {{score}} DESC, {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({score: {{score}}, node: {{{item}}}}) AS {{out}}
}

// name: read.searchWithRetracted
// read.search with retracted entities too (includeRetracted: true), from their own full-text index:
// the best of each index, merged by score.
CALL () {
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}, score AS {{score}}
    RETURN {{node}}, {{score}}
    UNION
    CALL db.index.fulltext.queryNodes('retracted_search', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}, score AS {{score}}
    RETURN {{node}}, {{score}}
  }
  WITH {{node}}, {{score}}
  WHERE {{{where}}}
  WITH {{node}}, {{score}} ORDER BY {{score}} DESC, {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({score: {{score}}, node: {{{item}}}}) AS {{out}}
}

// name: read.timeline
// Dated entities of the kinds asked between two days, in date order (a range seek on
// :Entity(dateStart), which also gives the order), at most {{{limit}}}.
CALL () {
  MATCH ({{node}}:Entity)
  WHERE {{node}}.dateStart >= {{{from}}} AND {{node}}.dateStart <= {{{to}}} AND {{{where}}}
  WITH {{node}} ORDER BY {{node}}.dateStart, {{node}}.name, {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.timelineWithRetracted
// read.timeline with retracted entities of the kinds asked (includeRetracted: true): those from the
// :Retracted(kind) index, merged into the date order.
CALL () {
  CALL () {
    MATCH ({{node}}:Entity)
    WHERE {{node}}.dateStart >= {{{from}}} AND {{node}}.dateStart <= {{{to}}} AND {{{where}}}
    WITH {{node}} ORDER BY {{node}}.dateStart, {{node}}.name, {{node}}.id LIMIT {{{limit}}}
    RETURN {{node}}
    UNION
    MATCH ({{node}}:Retracted)
    WHERE {{node}}.kind IN {{{kinds}}} AND {{node}}.dateStart >= {{{from}}} AND {{node}}.dateStart <= {{{to}}}
    WITH {{node}} ORDER BY {{node}}.dateStart, {{node}}.name, {{node}}.id LIMIT {{{limit}}}
    RETURN {{node}}
  }
  WITH {{node}} ORDER BY {{node}}.dateStart, {{node}}.name, {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.findings
// The checker's findings, by id, at most {{{limit}}}.
CALL () {
  MATCH ({{node}}:Finding)
  WITH {{node}} ORDER BY {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.lags
// Reforms before a product's approval, or approvals after a reform, for one node named by id; `found`
// tells an unknown id (or one of another kind) from an empty answer.
CALL () {
  OPTIONAL MATCH ({{node}}:Entity {id: {{{id}}}})
  WHERE {{node}}:{{label}}
  {{{calls}}}
  RETURN {{node}} IS NOT NULL AS {{found}}, {{{lags}}} AS {{out}}
}

// name: read.path
// A shortest path of the allowed types between two nodes named by id; `found` says whether both exist.
CALL () {
  OPTIONAL MATCH ({{from}}:Entity {id: {{{fromId}}}})
  OPTIONAL MATCH ({{to}}:Entity {id: {{{toId}}}})
  OPTIONAL MATCH {{path}} = shortestPath(({{from}})-[:{{{types}}}*1..{{maxHops}}]-({{to}})){{{stated}}}
  RETURN {{from}} IS NOT NULL AND {{to}} IS NOT NULL AS {{found}}, {{path}}
}

// name: read.pathWithRetracted
// read.path along retracted links of the allowed types too, between entities either of which may be
// retracted (includeRetracted: true).
CALL () {
  CALL () {
    OPTIONAL MATCH ({{from}}:Entity {id: {{{fromId}}}})
    RETURN {{from}}
    UNION
    MATCH ({{from}}:Retracted {id: {{{fromId}}}})
    RETURN {{from}}
  }
  WITH {{from}} ORDER BY {{from}} IS NULL LIMIT 1
  CALL () {
    OPTIONAL MATCH ({{to}}:Entity {id: {{{toId}}}})
    RETURN {{to}}
    UNION
    MATCH ({{to}}:Retracted {id: {{{toId}}}})
    RETURN {{to}}
  }
  WITH {{from}}, {{to}} ORDER BY {{to}} IS NULL LIMIT 1
  OPTIONAL MATCH {{path}} = shortestPath(({{from}})-[:{{{types}}}|RETRACTED*1..{{maxHops}}]-({{to}}))
  WHERE all({{rel}} IN relationships({{path}}) WHERE NOT {{rel}}:RETRACTED OR {{rel}}.type IN {{{typeNames}}}){{{stated}}}
  RETURN {{from}} IS NOT NULL AND {{to}} IS NOT NULL AS {{found}}, {{path}}
}

// name: read.pathAsOf
// read.pathWithRetracted as the graph stood at a past change set (Statement.asOf): between two entities
// that stood then, along links and through entities that stood then; `found` says both ends stood then.
CALL () {
  CALL () {
    OPTIONAL MATCH ({{from}}:Entity {id: {{{fromId}}}})
    RETURN {{from}}
    UNION
    MATCH ({{from}}:Retracted {id: {{{fromId}}}})
    RETURN {{from}}
  }
  WITH {{from}} ORDER BY {{from}} IS NULL LIMIT 1
  CALL () {
    OPTIONAL MATCH ({{to}}:Entity {id: {{{toId}}}})
    RETURN {{to}}
    UNION
    MATCH ({{to}}:Retracted {id: {{{toId}}}})
    RETURN {{to}}
  }
  WITH {{from}}, {{to}} ORDER BY {{to}} IS NULL LIMIT 1
  WITH CASE WHEN {{from}} IS NOT NULL AND {{{fromThen}}} THEN {{from}} END AS {{from}}, CASE WHEN {{to}} IS NOT NULL AND {{{toThen}}} THEN {{to}} END AS {{to}}
  OPTIONAL MATCH {{path}} = shortestPath(({{from}})-[:{{{types}}}|RETRACTED*1..{{maxHops}}]-({{to}}))
  WHERE all({{rel}} IN relationships({{path}}) WHERE (NOT {{rel}}:RETRACTED OR {{rel}}.type IN {{{typeNames}}}) AND {{{relThen}}})
    AND all({{node}} IN nodes({{path}}) WHERE {{{nodeThen}}}){{{stated}}}
  RETURN {{from}} IS NOT NULL AND {{to}} IS NOT NULL AS {{found}}, {{path}}
}

// name: read.neighborhoodCentreAsOf
// The centre of a neighbourhood, by id, as the graph stood at a past change set: null unless it stood then.
CALL () {
  CALL () {
    OPTIONAL MATCH ({{node}}:Entity {id: {{{id}}}})
    RETURN {{node}}
    UNION
    MATCH ({{node}}:Retracted {id: {{{id}}}})
    RETURN {{node}}
  }
  WITH {{node}} ORDER BY {{node}} IS NULL LIMIT 1
  RETURN CASE WHEN {{node}} IS NOT NULL AND {{{then}}} THEN {{node}} END AS {{node}}
}

// name: read.neighborhoodCentre
// The centre of a neighbourhood, by id.
CALL () {
  OPTIONAL MATCH ({{node}}:Entity {id: {{{id}}}})
  RETURN {{node}}
}

// name: read.neighborhoodCentreWithRetracted
// The centre of a neighbourhood, by id, a retracted entity too (includeRetracted: true).
CALL () {
  CALL () {
    OPTIONAL MATCH ({{node}}:Entity {id: {{{id}}}})
    RETURN {{node}}
    UNION
    MATCH ({{node}}:Retracted {id: {{{id}}}})
    RETURN {{node}}
  }
  WITH {{node}} ORDER BY {{node}} IS NULL LIMIT 1
  RETURN {{node}}
}

// name: read.neighborhoodHopWithRetracted
// read.neighborhoodHop along retracted links of the allowed types too, to retracted entities too.
CALL (*) {
  UNWIND {{{ring}}} AS {{from}}
  MATCH ({{from}})-[{{rel}}:{{{types}}}|RETRACTED WHERE NOT {{rel}}:RETRACTED OR {{rel}}.type IN {{{typeNames}}}]-({{other}}:Entity|Retracted)
  WHERE NOT {{other}} IN {{{seen}}}{{{stated}}}
  WITH DISTINCT {{other}} LIMIT {{{limit}}}
  RETURN collect({{other}}) AS {{next}}
}

// name: read.neighborhoodEdgesWithRetracted
// read.neighborhoodEdges with the retracted links of the allowed types among the members.
CALL (*) {
  UNWIND {{{members}}} AS {{from}}
  UNWIND {{{members}}} AS {{to}}
  MATCH ({{from}})-[{{rel}}]->({{to}})
  WHERE CASE WHEN {{rel}}:RETRACTED THEN {{rel}}.type ELSE type({{rel}}) END IN {{{typeNames}}}{{{stated}}}
  WITH {{rel}}, {{from}}, {{to}} ORDER BY {{from}}.id, type({{rel}}), {{to}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.neighborhoodHop
// The next ring of a neighbourhood: nodes one allowed hop from the previous ring and not seen yet. The
// expansion stops after {{{limit}}} nodes, so a hub of any degree costs the same.
CALL (*) {
  UNWIND {{{ring}}} AS {{from}}
  MATCH ({{from}})-[{{rel}}:{{{types}}}]-({{other}}:Entity)
  WHERE NOT {{other}} IN {{{seen}}}{{{stated}}}
  WITH DISTINCT {{other}} LIMIT {{{limit}}}
  RETURN collect({{other}}) AS {{next}}
}

// name: read.neighborhoodNodes
// The nearest others (by ring, name and id), at most {{{limit}}}.
CALL (*) {
  WITH {{{rings}}} AS {{all}}
  UNWIND range(0, size({{all}}) - 1) AS {{hop}}
  UNWIND {{all}}[{{hop}}] AS {{other}}
  WITH {{other}}, {{hop}} ORDER BY {{hop}}, {{other}}.name, {{other}}.id LIMIT {{{limit}}}
  RETURN collect({{other}}) AS {{members}}
}

// name: read.neighborhoodEdges
// The allowed relationships between two members, at most {{{limit}}}: an untyped expand-into (from
// the lower-degree side, so a hub member does not expand its whole degree), the types then checked.
// Typed, Neo4j read the hub's relationships of each type for every pair: at 1M nodes a hub agency's
// 51 members cost 83,852 db hits (18.1 ms), untyped 16,227 (9.1 ms; bench/results.md).
CALL (*) {
  UNWIND {{{members}}} AS {{from}}
  UNWIND {{{members}}} AS {{to}}
  MATCH ({{from}})-[{{rel}}]->({{to}})
  WHERE type({{rel}}) IN {{{typeNames}}}{{{stated}}}
  WITH {{rel}}, {{from}}, {{to}} ORDER BY {{from}}.id, type({{rel}}), {{to}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.membersProjected
// The members of a neighbourhood (or the nodes of a path), projected, in order.
CALL (*) {
  UNWIND {{{members}}} AS {{node}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.membersProjectedAsOf
// read.membersProjected as the graph stood at a past change set: each member read through its state then.
CALL (*) {
  UNWIND {{{members}}} AS {{node}}
  WITH {{node}}, {{{view}}} AS {{view}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.relationshipsProjected
// Relationships (of a path), with their ends and provenance, in order.
CALL (*) {
  UNWIND {{{rels}}} AS {{rel}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}

// name: read.relationshipItem
// A relationship as the API serves it: type, ends by id, properties (provenance included).
{type: type({{rel}}), from: startNode({{rel}}).id, to: endNode({{rel}}).id, rel: properties({{rel}}){{{refs}}}}

// name: read.relationshipItemAsOf
// A relationship as it stood at a past change set: its type, ends and properties then (read.relationshipThen).
{type: CASE WHEN {{rel}}:RETRACTED THEN {{rel}}.type ELSE type({{rel}}) END, from: startNode({{rel}}).id, to: endNode({{rel}}).id, rel: {{{then}}}{{{refs}}}}

// name: read.relationshipItemWithRetracted
// The same, a retracted relationship by the type it keeps as a property (includeRetracted: true).
{type: CASE WHEN {{rel}}:RETRACTED THEN {{rel}}.type ELSE type({{rel}}) END, from: startNode({{rel}}).id, to: endNode({{rel}}).id, rel: properties({{rel}}){{{refs}}}}

// name: read.kindIn
// Whether a node is of one of the kinds asked ({{{kind}}}: read.kind, or read.kindWithRetracted).
{{{kind}}} IN {{{kinds}}}

// name: read.searchPage
// One page of full-text matches among the best {{{scan}}} the index hands over: best first, after
// the cursor (score, then id), at most {{{limit}}}. The node's text is read for the highlight.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}, score AS {{score}}
  WHERE {{{where}}}
  WITH {{node}}, {{score}} ORDER BY {{score}} DESC, {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({score: {{score}}, node: {{{item}}}, text: {name: {{node}}.name, aliases: {{node}}.aliases, description: {{node}}.description, quote: {{node}}.sourceQuote}}) AS {{out}}
}

// name: read.searchPageWithRetracted
// read.searchPage with retracted entities too (includeRetracted: true): the best {{{scan}}} of each
// full-text index, merged by score.
CALL () {
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}, score AS {{score}}
    RETURN {{node}}, {{score}}
    UNION
    CALL db.index.fulltext.queryNodes('retracted_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}, score AS {{score}}
    RETURN {{node}}, {{score}}
  }
  WITH {{node}}, {{score}}
  WHERE {{{where}}}
  WITH {{node}}, {{score}} ORDER BY {{score}} DESC, {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({score: {{score}}, node: {{{item}}}, text: {name: {{view}}.name, aliases: {{view}}.aliases, description: {{view}}.description, quote: {{view}}.sourceQuote}}) AS {{out}}
}

// name: read.searchKindsAsOf
// read.searchKindsWithRetracted as the graph stood at a past change set: the matches that stood then
// ({{{where}}}), each under its kind.
CALL () {
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}
    RETURN {{node}}
    UNION
    CALL db.index.fulltext.queryNodes('retracted_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}
    RETURN {{node}}
  }
  WITH {{node}} WHERE {{{where}}}
  WITH {{{kind}}} AS kind, count(*) AS count
  ORDER BY count DESC, kind
  RETURN collect({kind: kind, count: count}) AS {{out}}
}

// name: read.withView
// As of a past change set: the entity in {{node}} read through its state then, as {{view}} (the first
// line of a projection's subqueries, where the question's block reads the entity once).
WITH *, {{{view}}} AS {{view}}

// name: read.searchKindsWithRetracted
// read.searchKinds over both indexes, a retracted entity counted under the kind it keeps.
CALL () {
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}
    RETURN {{node}}
    UNION
    CALL db.index.fulltext.queryNodes('retracted_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}
    RETURN {{node}}
  }
  WITH {{{kind}}} AS kind, count(*) AS count
  ORDER BY count DESC, kind
  RETURN collect({kind: kind, count: count}) AS {{out}}
}

// name: read.searchKinds
// How many of the best {{{scan}}} full-text matches are of each kind, most first.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_full', {{{text}}}, {limit: {{{scan}}}}) YIELD node AS {{node}}
  WITH {{{kind}}} AS kind, count(*) AS count
  ORDER BY count DESC, kind
  RETURN collect({kind: kind, count: count}) AS {{out}}
}

// name: read.searchAfter
// Past a search cursor: a lower score, or the same score and a greater id.
({{score}} < {{{value}}} OR ({{score}} = {{{value}}} AND {{node}}.id > {{{id}}}))

// name: read.stated
// Only relationships the article states (not ones the graph infers; see Source.inferred), as a
// condition appended to a WHERE.
AND {{rel}}.sourceInferred IS NULL

// name: read.pathStated
// Every relationship of a path is stated by the article.
WHERE all({{rel}} IN relationships({{path}}) WHERE {{rel}}.sourceInferred IS NULL)

// name: read.timelineAsOf
// read.timeline as it stood at a past change set (read.listAsOf's way): the dated entities that have
// not changed since, merged with the states then of those that have ({{{states}}}, each with its kind).
// Both sides leave the union as maps with their kind, so one projection reads either.
CALL () {
  CALL () {
    MATCH ({{node}}:Entity)
    WHERE {{node}}.dateStart >= {{{from}}} AND {{node}}.dateStart <= {{{to}}} AND {{{where}}} AND NOT {{node}}.id IN {{{changed}}}
    WITH {{node}} ORDER BY {{node}}.dateStart, {{node}}.name, {{node}}.id LIMIT {{{limit}}}
    RETURN {{node}} {.*, kind: head([l IN labels({{node}}) WHERE l <> 'Entity'])} AS {{node}}
    UNION
    UNWIND {{{states}}} AS {{node}}
    WITH {{node}} WHERE {{node}}.kind IN {{{kinds}}} AND {{node}}.dateStart >= {{{from}}} AND {{node}}.dateStart <= {{{to}}}
    WITH {{node}} ORDER BY {{node}}.dateStart, {{node}}.name, {{node}}.id LIMIT {{{limit}}}
    RETURN {{node}}
  }
  WITH {{node}} ORDER BY {{node}}.dateStart, {{node}}.name, {{node}}.id LIMIT {{{limit}}}
  {{{calls}}}
  RETURN collect({{{item}}}) AS {{out}}
}
