// The whole-graph exports (src/exports/graph.ts): GraphML and XLSX. Each reads at most $limit rows;
// the caller asks for one more than it serves, to tell a graph too large to export.

// name: exports.nodes
// Every entity, findings included, with its kind and properties, in id order (the Entity(id) index).
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
ORDER BY id
LIMIT $limit

// name: exports.relationships
// Every relationship between entities, derived ones (CITES, CONCERNS) included, with its properties.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY from, type, to
LIMIT $limit
