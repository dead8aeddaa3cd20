// Reading entities: by id, in pages, and along relationships (src/graph/entities.repository.ts, loaders.ts).

// name: entities.page
// One page of the nodes matched above it, in the requested order, with the total count.
WITH n ORDER BY {{sortKey}} {{direction}}, n.id ASC
WITH collect(n) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $limit + 1)] AS nodes

// name: entities.level
// Everything one nesting level of the API asks for, in one round trip (src/graph/loaders.ts): nodes
// by id; for each (id, type, direction) the nodes at the other end; each statistic's siblings (other
// parts of its total along the same dimension); the reforms of an earlier year than each product's
// approval; the approvals of a later year than each reform. Each list is in a stable order.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN collect(n) AS nodes
}
CALL () {
  UNWIND $related AS key
  OPTIONAL MATCH (n:Entity {id: key.id})
  RETURN collect({key: key.key, nodes: COLLECT {
    MATCH (n)-[r]-(m:Entity)
    WHERE type(r) = key.type AND (startNode(r) = n) = (key.direction = 'OUT')
    RETURN m ORDER BY m.dateStart, m.name, m.id
  }}) AS related
}
CALL () {
  UNWIND $siblings AS id
  MATCH (s:Statistic {id: id})
  RETURN collect({id: id, nodes: COLLECT {
    MATCH (s)-[b:BREAKDOWN_OF]->(:Statistic)<-[b2:BREAKDOWN_OF]-(sibling:Statistic)
    WHERE sibling <> s AND b2.dimension = b.dimension
    RETURN sibling ORDER BY sibling.value DESC, sibling.id
  }}) AS siblings
}
CALL () {
  UNWIND $preceding AS id
  MATCH (p:Product {id: id})
  RETURN collect({id: id, year: p.year, nodes: COLLECT {
    MATCH (r:Reform) WHERE r.year < p.year
    RETURN r ORDER BY r.dateStart, r.name, r.id
  }}) AS preceding
}
CALL () {
  UNWIND $following AS id
  MATCH (r:Reform {id: id})
  RETURN collect({id: id, year: r.year, nodes: COLLECT {
    MATCH (p:Product) WHERE r.year IS NOT NULL AND p.year > r.year
    RETURN p ORDER BY p.dateStart, p.name, p.id
  }}) AS following
}
RETURN nodes, related, siblings, preceding, following

// name: entities.matchKind
// The start of a list query; filter predicates and entities.page follow it.
MATCH (n:{{label}})
