// Change sets (src/graph/changes): every write is one, in one transaction. The change log's counter
// is taken first, which locks it: writers run one after another, so seq has no gap and no write is
// lost. Labels and relationship types ({{label}}, {{type}}) come from the allow-lists in model.ts.

// name: changes.init
// The change log's counter, created once (0: the seeds as loaded).
MERGE (log:ChangeLog {id: 'main'})
ON CREATE SET log.seq = 0
RETURN log.seq AS seq

// name: changes.tick
// The next seq, taking the change log's write lock until this transaction ends.
MATCH (log:ChangeLog {id: 'main'})
SET log.seq = log.seq + 1
RETURN log.seq AS seq

// name: changes.tickOrInit
// As changes.tick, creating the change log on a database that has none yet (an import into an empty one).
MERGE (log:ChangeLog {id: 'main'})
ON CREATE SET log.seq = 0
SET log.seq = log.seq + 1
RETURN log.seq AS seq

// name: changes.current
// The seq of the newest change set.
MATCH (log:ChangeLog {id: 'main'})
RETURN log.seq AS seq

// name: changes.curatedTargets
// Of the given facts (entity ids and `from|TYPE|to` keys), those a curated change set (one not written
// by an import) has changed: an import leaves them as the curators made them.
// EXISTS stops at the first such change: a fact with a long history is not read whole.
UNWIND $targets AS target
WITH target
WHERE EXISTS {
  MATCH (c:Change {target: target})
  WHERE c.seq > 0
  MATCH (cs:ChangeSet {seq: c.seq})
  WHERE cs.actor <> $importActor
}
RETURN DISTINCT target

// name: changes.readNodes
// The current state of the nodes a change set touches: live (:Entity) or retracted.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
OPTIONAL MATCH (gone:Retracted {id: id})
RETURN id,
  CASE WHEN n IS NULL THEN null ELSE [l IN labels(n) WHERE l <> 'Entity'][0] END AS kind,
  properties(n) AS props,
  gone IS NOT NULL AS retracted,
  gone.changedSeq AS retractedSeq

// name: changes.readRelationships
// The current state of the relationships a change set touches, by endpoints and type.
UNWIND $keys AS k
OPTIONAL MATCH (:Entity {id: k.from})-[r]->(:Entity {id: k.to})
WHERE type(r) = k.type
RETURN k.key AS key, properties(r) AS props

// name: changes.createNodes
// New entities of one kind.
UNWIND $rows AS row
CREATE (n:Entity:{{label}})
SET n = row.props
RETURN count(n) AS created

// name: changes.replaceNodes
// Entities whose properties change: the whole new set of properties.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n = row.props
RETURN count(n) AS replaced

// name: changes.createRelationships
// New relationships of one type.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
RETURN count(r) AS created

// name: changes.retractRelationships
// Retracts relationships of one type: each becomes a RETRACTED relationship between the same nodes,
// keeping its properties, its type, the change set and the reason. No read follows RETRACTED.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r:{{type}}]->(b:Entity {id: row.to})
CREATE (a)-[x:RETRACTED]->(b)
SET x = properties(r), x.type = type(r), x.status = 'RETRACTED', x.retractedSeq = $seq, x.retractedReason = row.reason, x.changedSeq = $seq
DELETE r
RETURN count(x) AS retracted

// name: changes.retractNodes
// Retracts entities of one kind with every relationship they have: each node loses its :Entity and
// kind labels for :Retracted (so no list, count, traversal or export sees it) and keeps its
// properties, its kind, the change set and the reason.
UNWIND $rows AS row
MATCH (n:{{label}} {id: row.id})
CALL (n, row) {
  MATCH (n)-[r]-()
  WHERE type(r) <> 'RETRACTED' AND type(r) <> 'SUPERSEDES'
  WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b, properties(r) AS was
  CREATE (a)-[x:RETRACTED]->(b)
  SET x = was, x.type = type(r), x.status = 'RETRACTED', x.retractedSeq = $seq, x.retractedReason = row.reason, x.changedSeq = $seq
  WITH r, a, b, x, was
  DELETE r
  RETURN collect(CASE WHEN x.type IN ['CITES', 'CONCERNS'] THEN null ELSE {key: a.id + '|' + x.type + '|' + b.id, props: was} END) AS relationships
}
REMOVE n:Entity:{{label}}
SET n:Retracted, n.kind = $kind, n.retracted = true, n.retractedSeq = $seq, n.retractedReason = row.reason, n.changedSeq = $seq
RETURN n.id AS id, relationships

// name: changes.supersede
// Links each new entity to the retracted one it replaces.
UNWIND $rows AS row
MATCH (new:Entity {id: row.by}), (old:Retracted {id: row.id})
CREATE (new)-[:SUPERSEDES {changedSeq: $seq, reason: row.reason}]->(old)
SET old.supersededBy = row.by
RETURN count(*) AS superseded

// name: changes.linkSentences
// Lists the changed facts on the sentence each now cites (one row per sentence).
UNWIND $rows AS row
MATCH (s:Sentence {document: row.document, number: row.sentence})
SET s.facts = s.facts + [k IN row.keys WHERE NOT k IN s.facts]
RETURN count(s) AS linked

// name: changes.record
// The change set and one Change per entity or relationship it touched, with the state before and
// after (JSON, the shape of Neo4j's change data capture events).
CREATE (cs:ChangeSet {seq: $seq, actor: $actor, at: datetime(), reason: $reason, baseSeq: $baseSeq, operations: $operations, changeCount: size($changes), ops: $ops, file: $file, approver: $approver})
WITH cs
UNWIND $changes AS c
CREATE (:Change {seq: $seq, index: c.index, target: c.target, targetType: c.targetType, kind: c.kind, op: c.op, reason: c.reason, before: c.before, after: c.after})
RETURN count(*) AS changes

// name: changes.get
// One change set and its first changes.
MATCH (cs:ChangeSet {seq: $seq})
RETURN properties(cs) AS changeSet, COLLECT {
  MATCH (c:Change {seq: $seq})
  RETURN properties(c) AS change ORDER BY c.index LIMIT $limit
} AS changes

// name: changes.since
// Change sets after a seq, oldest first, a page at a time.
MATCH (cs:ChangeSet)
WHERE cs.seq > $since
WITH cs ORDER BY cs.seq LIMIT $limit
RETURN properties(cs) AS changeSet

// name: changes.history
// The changes to one entity or relationship (`from|TYPE|to`), newest first, a page at a time, with
// their change sets.
MATCH (c:Change {target: $target})
WHERE c.seq < $before
WITH c ORDER BY c.seq DESC, c.index DESC LIMIT $limit
MATCH (cs:ChangeSet {seq: c.seq})
RETURN properties(c) AS change, properties(cs) AS changeSet

// name: changes.findings
// The checker's findings (before and after a change set, to tell the new ones).
MATCH (f:Finding)
RETURN f.id AS id, f.name AS name

// name: changes.files
// The files of seeds/changes/ the graph holds as change sets.
MATCH (cs:ChangeSet)
WHERE cs.file IS NOT NULL
RETURN cs.file AS file

// name: changes.curated
// Every change set not written by an import, oldest first, with its operations (for export:seeds).
MATCH (cs:ChangeSet)
WHERE cs.actor <> $importActor
RETURN cs.seq AS seq, cs.actor AS actor, cs.reason AS reason, cs.ops AS ops, cs.file AS file
ORDER BY seq

// name: changes.markExported
// Remembers the file a change set made through the API was written to (npm run export:seeds).
UNWIND $rows AS row
MATCH (cs:ChangeSet {seq: row.seq})
WHERE cs.file IS NULL
SET cs.file = row.file
RETURN count(cs) AS marked

// name: changes.curatedBefore
// For each fact a curated change set changed, its state before the first of them (null: created by
// one) and its kind, for export:seeds to write the seed files as imported.
MATCH (cs:ChangeSet)
WHERE cs.actor <> $importActor
MATCH (c:Change {seq: cs.seq})
WITH c ORDER BY c.seq, c.index
WITH c.target AS target, head(collect(c)) AS first
OPTIONAL MATCH (n:Entity {id: target})
OPTIONAL MATCH (gone:Retracted {id: target})
RETURN target, first.targetType AS targetType, first.before AS before,
  coalesce([l IN labels(n) WHERE l <> 'Entity'][0], gone.kind) AS kind
ORDER BY target

// name: changes.retractions
// Retractions, newest first, a page at a time: the change that retracted each fact, with the fact's
// state before it, the reason given and what superseded it. (A fact retracted, added again and
// retracted again is listed once per retraction.)
MATCH (c:Change {op: 'retract'})
WHERE c.seq < $seq OR (c.seq = $seq AND c.index < $index)
WITH c ORDER BY c.seq DESC, c.index DESC LIMIT $limit
MATCH (cs:ChangeSet {seq: c.seq})
OPTIONAL MATCH (gone:Retracted {id: c.target})
WITH c, cs, gone, split(c.target, '|') AS key
RETURN properties(c) AS change, properties(cs) AS changeSet, gone.supersededBy AS supersededBy,
  CASE WHEN c.targetType = 'node' THEN EXISTS { MATCH (:Entity {id: c.target}) }
    ELSE EXISTS { MATCH (:Entity {id: key[0]})-[r]->(:Entity {id: key[2]}) WHERE type(r) = key[1] } END AS restored

// name: changes.lastRetraction
// The newest retraction of one fact (an entity id or `from|TYPE|to`).
MATCH (c:Change {target: $target})
WHERE c.seq > 0 AND c.op = 'retract'
WITH c ORDER BY c.seq DESC, c.index DESC LIMIT 1
MATCH (cs:ChangeSet {seq: c.seq})
OPTIONAL MATCH (gone:Retracted {id: c.target})
WITH c, cs, gone, split(c.target, '|') AS key
RETURN properties(c) AS change, properties(cs) AS changeSet, gone.supersededBy AS supersededBy,
  CASE WHEN c.targetType = 'node' THEN EXISTS { MATCH (:Entity {id: c.target}) }
    ELSE EXISTS { MATCH (:Entity {id: key[0]})-[r]->(:Entity {id: key[2]}) WHERE type(r) = key[1] } END AS restored

// name: changes.captionClashes
// Of the captions a change set would give, those another entity of the same kind already has.
UNWIND $rows AS row
MATCH (n:Entity {caption: row.caption})
WHERE n.id <> row.id AND row.kind IN labels(n)
RETURN DISTINCT row.kind AS kind, row.caption AS caption

// name: changes.countedKinds
// The kinds some statistic counts (countsKind): creating or retracting one may move a finding.
MATCH (s:Statistic)
WHERE s.countsKind IS NOT NULL
RETURN DISTINCT s.countsKind AS kind
