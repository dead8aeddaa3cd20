// Connected questions: timelines, paths and neighbourhoods (src/graph/traversals.repository.ts);
// reforms before approvals and back are part of entities.level. {{maxHops}} and {{depth}} are integers checked against caps.

// name: traversals.timeline
// Dated entities of the requested kinds between two days, in date order.
MATCH (n:Entity)
WHERE n.dateStart >= $from AND n.dateStart <= $to
  AND [l IN labels(n) WHERE l <> 'Entity'][0] IN $kinds
RETURN n ORDER BY n.dateStart, n.name, n.id

// name: traversals.shortestPath
// A shortest path between two nodes, ignoring the excluded relationship types.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[rels*..{{maxHops}}]-(b))
WHERE all(r IN rels WHERE NOT type(r) IN $excluded)
RETURN nodes(p) AS nodes, [r IN relationships(p) | {rel: r, from: startNode(r).id, to: endNode(r).id}] AS rels

// name: traversals.neighborhood
// The node, the nearest others within {{depth}} hops (at most $limit), and every relationship among them.
MATCH (c:Entity {id: $id})
OPTIONAL MATCH (c)-[rels*1..{{depth}}]-(m:Entity)
WHERE m <> c AND all(r IN rels WHERE NOT type(r) IN $excluded)
WITH c, m, min(size(rels)) AS hops
ORDER BY hops, m.name, m.id
WITH c, collect(m) AS reachable
WITH c, size(reachable) AS reachableCount, [c] + reachable[..$limit] AS ns
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r]->(b)
  WHERE b IN ns AND NOT type(r) IN $excluded
  WITH a, r, b ORDER BY a.id, type(r), b.id
  RETURN collect({rel: r, from: a.id, to: b.id}) AS rels
}
RETURN ns AS nodes, rels, reachableCount
