// The whole-graph exports (src/exports/graph.ts): GraphML and XLSX. The size is checked first, from
// the count store, so a graph too large to export is refused before anything is read or sorted.

// name: exports.size
// Entities and relationships, each one count-store lookup (no scan).
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships

// name: exports.keys
// Every property key of the entities, per kind, with the value types it holds (valueType, e.g.
// "INTEGER NOT NULL"): the GraphML key declarations and the XLSX columns, known before any row is
// written so both can be streamed. One pass over the entities.
MATCH (n:Entity)
UNWIND keys(n) AS key
WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, key, valueType(n[key]) AS type
RETURN kind, key, collect(DISTINCT type) AS types

// name: exports.relationshipKeys
// The same for the relationships of the model's types ({{{types}}}: the allow-list joined with |).
MATCH ()-[r:{{{types}}}]->()
UNWIND keys(r) AS key
RETURN key, collect(DISTINCT valueType(r[key])) AS types

// name: exports.nodePage
// One page of entities after $after in id order: the range predicate walks the Entity(id) index in
// order, so a page costs its own rows, not a sort of the graph.
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
ORDER BY id
LIMIT $limit

// name: exports.relationshipsFrom
// The relationships of the model's types ({{{types}}}) that start at these entities (one page of
// exports.nodePage), with their properties.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:{{{types}}}]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY from, type, to

// name: exports.retractedKeys
// The property keys of retracted entities, per kind they keep (?includeRetracted=true).
MATCH (n:Retracted)
UNWIND keys(n) AS key
RETURN n.kind AS kind, key, collect(DISTINCT valueType(n[key])) AS types

// name: exports.retractedRelationshipKeys
// The property keys of retracted relationships (?includeRetracted=true).
MATCH ()-[r:RETRACTED]->()
UNWIND keys(r) AS key
RETURN key, collect(DISTINCT valueType(r[key])) AS types

// name: exports.retractedNodePage
// One page of retracted entities after $after in id order (the Retracted(id) index), each with the
// kind it keeps as a property.
MATCH (n:Retracted)
WHERE n.id > $after
RETURN n.id AS id, n.kind AS kind, properties(n) AS props
ORDER BY id
LIMIT $limit

// name: exports.retractedRelationshipsFrom
// The retracted relationships that start at these entities ({{label}}: Entity or Retracted, the page
// they came from), by the type each keeps as a property.
UNWIND $ids AS id
MATCH (a:{{label}} {id: id})-[r:RETRACTED]->(b)
RETURN a.id AS from, r.type AS type, b.id AS to, properties(r) AS props
ORDER BY from, type, to
