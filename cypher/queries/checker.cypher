// The consistency checker (src/graph/checker.ts): its inputs and its findings.

// name: checker.statistics
// Every statistic with its links to other statistics (breakdowns, shares, growth).
MATCH (s:Statistic)
RETURN properties(s) AS props, COLLECT {
  MATCH (s)-[r]->(o:Statistic)
  RETURN {type: type(r), to: o.id, props: properties(r)}
} AS links
ORDER BY s.id

// name: checker.references
// The article's reference list, for the duplicate-reference rule.
MATCH (r:Reference)
RETURN properties(r) AS props
ORDER BY r.number

// name: checker.kindCounts
// Nodes per kind, for statistics that count something the graph holds.
MATCH (n:Entity)
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, count(*) AS count

// name: checker.replaceFindings
// Replaces the stored findings with this run's, each attached to the statistics (or references) it concerns.
OPTIONAL MATCH (old:Finding)
WHERE NOT old.id IN [f IN $findings | f.id]
DETACH DELETE old
WITH count(*) AS _
UNWIND $findings AS f
MERGE (n:Entity {id: f.id})
SET n:Finding, n = f.props
WITH n, f
CALL (n, f) {
  MATCH (n)-[stale:CONCERNS]->(s)
  WHERE NOT s.id IN f.statistics
  DELETE stale
}
UNWIND f.statistics AS sid
MATCH (s:Entity {id: sid})
WHERE s:Statistic OR s:Reference
MERGE (n)-[c:CONCERNS]->(s)
SET c.sourceSection = 'Derived: consistency checker', c.sourceRefs = s.sourceRefs, c.sourceQuote = s.sourceQuote
RETURN count(DISTINCT n) AS findings


// name: checker.countUntil
// Nodes of one kind dated up to each statistic's day, for statistics that count them as of a date.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:{{label}})
  WHERE n.dateStart <= row.end
  RETURN count(n) AS count
}
RETURN row.id AS id, count
