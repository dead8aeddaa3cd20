// Liveness and readiness checks (src/graph/readiness.ts).

// name: health.schemaObjects
// Constraints and indexes with their state; readiness wants every declared one ONLINE.
SHOW INDEXES YIELD name, state
RETURN name, state

// name: health.entityCount
// Whether the database holds the graph yet (the start command seeds an empty database).
MATCH (n:Entity)
RETURN count(n) AS count
