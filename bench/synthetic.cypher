// Building the synthetic graph of `npm run bench:scale` (bench/synthetic.ts): the project's labels,
// relationship types and provenance properties, written in UNWIND batches into an empty database.
// {{label}} and {{type}} come from the allow-lists in src/graph/model.ts.

// name: synthetic.createNodes
// One batch of nodes of one kind.
UNWIND $rows AS row
CREATE (n:Entity:{{label}})
SET n = row

// name: synthetic.createRelationships
// One batch of relationships of one type between existing nodes (index lookups on :Entity(id)).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props

// name: synthetic.marker
// What the database holds: the size and version of the synthetic graph (a rerun with the same size reuses it).
MERGE (m:BenchMarker {id: 'synthetic'})
SET m.nodes = $nodes, m.version = $version

// name: synthetic.readMarker
// The marker of the graph already built, if any.
OPTIONAL MATCH (m:BenchMarker {id: 'synthetic'})
RETURN m.nodes AS nodes, m.version AS version

// name: synthetic.deleteBatch
// Empties the database in batches (a million nodes do not fit one transaction's memory).
MATCH (n)
WITH n LIMIT 10000
DETACH DELETE n
RETURN count(*) AS deleted

// name: synthetic.awaitIndexes
// Waits until every index is online (after a bulk load they catch up in the background).
CALL db.awaitIndexes(1200)
