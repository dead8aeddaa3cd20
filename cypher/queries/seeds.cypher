// Loading, exporting and resetting the graph (src/graph/seeds). {{label}} and {{type}} come from
// the allow-lists in src/graph/model.ts; every value is a parameter.

// name: seeds.knownIds
// The kind of each id that already exists, for endpoint and reference checks before writing.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind

// name: seeds.mergeNodes
// Creates or updates nodes of one kind; a node whose properties already match is not touched.
// Returns the change set: ids created, and per updated id the keys changed and the keys removed
// (a record that leaves a property out deletes it: SET n = props replaces them all) with the state
// before. The link to the sentence that states the fact is not the record's: it is kept. What the load
// writes is stamped with its change set's seq.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing, [k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]] AS changedKeys,
  [k IN keys(existing) WHERE NOT k IN keys(row.props) AND NOT k IN ['sourceDocument', 'sourceSentence', 'changedSeq']] AS removedKeys
WITH row, existing, existing IS NULL AS created, existing IS NOT NULL AND (size(changedKeys) > 0 OR size(removedKeys) > 0) AS changed, changedKeys, removedKeys
WITH row, created, changed, existing {.sourceDocument, .sourceSentence} AS kept,
  CASE WHEN changed THEN {id: row.id, changed: changedKeys, removed: removedKeys, before: properties(existing)} END AS update
MERGE (n:Entity {id: row.id})
SET n:{{label}}
FOREACH (_ IN CASE WHEN created OR changed THEN [1] ELSE [] END |
  SET n = row.props, n.sourceDocument = kept.sourceDocument, n.sourceSentence = kept.sourceSentence, n.changedSeq = $seq)
RETURN collect(CASE WHEN created THEN row.id END) AS created, collect(update) AS updated

// name: seeds.mergeRelationships
// Creates or updates relationships of one type between existing nodes; returns the change set
// as seeds.mergeNodes does, each relationship named "from -[TYPE]-> to" (its sentence link kept too).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[existing:{{type}}]->(b)
WITH a, b, row, existing, [k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]] AS changedKeys,
  [k IN keys(existing) WHERE NOT k IN keys(row.props) AND NOT k IN ['sourceDocument', 'sourceSentence', 'changedSeq']] AS removedKeys,
  row.from + ' -[' + $type + ']-> ' + row.to AS name
WITH a, b, row, existing, existing IS NULL AS created, existing IS NOT NULL AND (size(changedKeys) > 0 OR size(removedKeys) > 0) AS changed, name, changedKeys, removedKeys
WITH a, b, row, created, changed, name, existing {.sourceDocument, .sourceSentence} AS kept,
  CASE WHEN changed THEN {id: name, changed: changedKeys, removed: removedKeys, before: properties(existing)} END AS update
MERGE (a)-[r:{{type}}]->(b)
FOREACH (_ IN CASE WHEN created OR changed THEN [1] ELSE [] END |
  SET r = row.props, r.sourceDocument = kept.sourceDocument, r.sourceSentence = kept.sourceSentence, r.changedSeq = $seq)
RETURN collect(CASE WHEN created THEN name END) AS created, collect(update) AS updated

// name: seeds.syncCitations
// Keeps one CITES relationship from each loaded or changed node to each of the review's references
// its provenance cites, and no other. A fact cited from another document ($review is the review's id)
// cites that document's own reference list, which the graph does not hold: it has no CITES.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, CASE WHEN coalesce(n.sourceDocument, $review) = $review THEN coalesce(n.sourceRefs, []) ELSE [] END AS cited
CALL (n, cited) {
  UNWIND cited AS number
  MATCH (ref:Reference {number: number})
  OPTIONAL MATCH (n)-[existing:CITES]->(ref)
  WITH n, ref, existing IS NULL AS created
  MERGE (n)-[c:CITES]->(ref)
  SET c.sourceSection = n.sourceSection, c.sourceRefs = [ref.number], c.sourceQuote = n.sourceQuote
  RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
}
CALL (n, cited) {
  OPTIONAL MATCH (n)-[stale:CITES]->(ref:Reference)
  WHERE NOT ref.number IN cited
  DELETE stale
  RETURN count(stale) AS deleted
}
RETURN sum(created) AS created, sum(deleted) AS deleted

// name: seeds.reset
// Empties the database (import --reset).
MATCH (n) DETACH DELETE n

// name: seeds.exportNodes
// Every node of the seeded kinds, for export.
MATCH (n:Entity)
WHERE NOT n:Finding
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
ORDER BY n.id

// name: seeds.exportRelationships
// Every seeded relationship (derived CITES and CONCERNS are left out, and so are retracted ones and
// SUPERSEDES links, which the change log keeps), for export.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT type(r) IN ['CITES', 'CONCERNS', 'RETRACTED', 'SUPERSEDES']
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY from, type, to

// name: seeds.counts
// Nodes per kind and relationships per type.
CALL () {
  MATCH (n:Entity)
  RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS name, count(*) AS count, 'node' AS what
  UNION ALL
  MATCH ()-[r]->()
  WHERE NOT type(r) IN ['RETRACTED', 'SUPERSEDES']
  RETURN type(r) AS name, count(*) AS count, 'relationship' AS what
}
RETURN what, name, count ORDER BY what, name

// name: seeds.searchTextMixedCase
// Whether a graph loaded before searchText was stored in lower case is still here (a sample is enough:
// one loader wrote every node).
MATCH (n:Entity)
WHERE n.searchText IS NOT NULL
WITH n LIMIT 100
RETURN count(CASE WHEN n.searchText <> toLower(n.searchText) THEN 1 END) > 0 AS mixed

// name: seeds.lowerSearchText
// Once, for such a graph: searchText in lower case, in batches.
MATCH (n:Entity)
WHERE n.searchText <> toLower(n.searchText)
CALL (n) {
  SET n.searchText = toLower(n.searchText)
} IN TRANSACTIONS OF 10000 ROWS
