// Reading entities: by id, in pages, and along relationships (src/graph/entities.repository.ts, loaders.ts).

// name: entities.byIds
// Nodes by id, for node(id:), nodes(ids:) and the per-request node loader.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n

// name: entities.page
// One page of the nodes matched above it, in the requested order, with the total count.
WITH n ORDER BY {{sortKey}} {{direction}}, n.id ASC
WITH collect(n) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $limit + 1)] AS nodes

// name: entities.related
// For each key (id, relationship type, direction), the nodes at the other end, in date then name order.
UNWIND $keys AS key
OPTIONAL MATCH (n:Entity {id: key.id})
RETURN key.key AS key, COLLECT {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) = key.type AND (startNode(r) = n) = (key.direction = 'OUT')
  RETURN m ORDER BY m.dateStart, m.name, m.id
} AS nodes

// name: entities.siblings
// For each statistic, the other parts of the same total along the same dimension.
UNWIND $ids AS id
MATCH (s:Statistic {id: id})
RETURN id, COLLECT {
  MATCH (s)-[b:BREAKDOWN_OF]->(total:Statistic)<-[b2:BREAKDOWN_OF]-(sibling:Statistic)
  WHERE sibling <> s AND b2.dimension = b.dimension
  RETURN sibling ORDER BY sibling.value DESC, sibling.id
} AS nodes

// name: entities.matchKind
// The start of a list query; filter predicates and entities.page follow it.
MATCH (n:{{label}})
