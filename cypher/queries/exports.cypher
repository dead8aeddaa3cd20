// The whole-graph exports (src/exports/graph.ts): GraphML and XLSX. The size is checked first, from
// the count store, so a graph too large to export is refused before anything is read or sorted.

// name: exports.size
// Entities and relationships, each one count-store lookup (no scan).
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships

// name: exports.nodes
// Every entity, findings included, with its kind and properties, in id order: the range predicate lets
// the planner walk the Entity(id) index in order instead of scanning the label and sorting.
MATCH (n:Entity)
WHERE n.id >= ''
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
ORDER BY id
LIMIT $limit

// name: exports.relationships
// Every relationship of the model's types (derived CITES and CONCERNS included), with its properties.
// {{{types}}} is the allow-list of src/graph/model.ts joined with |.
// Start nodes come in Entity(id) index order, so only each node's few relationships are sorted.
MATCH (a:Entity)
WHERE a.id >= ''
MATCH (a)-[r:{{{types}}}]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY from, type, to
LIMIT $limit
