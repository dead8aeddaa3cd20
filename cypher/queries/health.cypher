// Liveness and readiness checks (src/graph/readiness.ts).

// name: health.schemaObjects
// Constraints and indexes with their state; readiness wants every declared one ONLINE.
SHOW INDEXES YIELD name, state
RETURN name, state

// name: health.ping
// Whether Neo4j answers a query at all (the API's recovery after an outage polls it).
RETURN 1 AS ok

// name: health.entityCount
// Whether the database holds the graph yet (the start command seeds an empty database).
MATCH (n:Entity)
RETURN count(n) AS count

// name: health.kindCount
// How many nodes of one kind (read from the count store); the kinds' counts are one UNION ALL of these.
MATCH (n:{{label}})
RETURN '{{label}}' AS kind, count(n) AS count
