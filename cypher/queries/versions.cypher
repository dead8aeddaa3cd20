// Versions and live changes (src/versions): the data version, the change log read as a feed for
// subscriptions, and entities as they stood at a past change set. Each reads the change log by its
// indexes (ChangeSet.seq unique, Change(seq), Change(target, seq)).

// name: versions.current
// The data version: the newest change set's seq and when it was committed.
MATCH (log:ChangeLog {id: 'main'})
OPTIONAL MATCH (cs:ChangeSet {seq: log.seq})
RETURN log.seq AS seq, CASE WHEN cs IS NULL THEN null ELSE toString(cs.at) END AS committedAt

// name: versions.feed
// Change sets after a seq, oldest first, a page at a time: each with its first changes (the event a
// subscriber receives) and, capped, what each of its changes touched (to match a subscription's
// kinds and ids against every change, not only the first ones).
MATCH (cs:ChangeSet)
WHERE cs.seq > $since
WITH cs ORDER BY cs.seq LIMIT $limit
RETURN cs {.seq, .baseSeq, .actor, .approver, at: toString(cs.at), .reason, .operations, .changeCount} AS changeSet,
  COLLECT {
    MATCH (c:Change {seq: cs.seq})
    RETURN properties(c) AS change ORDER BY c.index LIMIT $changes
  } AS changes,
  COLLECT {
    MATCH (c:Change {seq: cs.seq})
    RETURN [c.target, coalesce(c.kind, '')] AS touched LIMIT $touched
  } AS touched

// name: versions.seqAt
// The newest change set committed at or before a date-time (0 when none was).
OPTIONAL MATCH (cs:ChangeSet)
WHERE cs.at <= datetime($at)
WITH cs ORDER BY cs.at DESC LIMIT 1
RETURN coalesce(cs.seq, 0) AS seq

// name: versions.entitiesAt
// Entities as they stood when change set $asOf committed: the state after the newest change to each at
// or before it; else, if it changed only later, the state before the first of those; else (never
// changed) its state now. A state of null means it did not exist then, or had been retracted. A change
// set changes a fact once, so seq alone orders a fact's changes (sorting on the index too doubled the
// db hits of an entity changed 1,300 times, PROFILE at 1M).
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (c:Change {target: id})
  WHERE c.seq <= $asOf
  WITH c ORDER BY c.seq DESC LIMIT 1
  RETURN c.after AS after, c.seq AS afterSeq, c.kind AS afterKind
}
CALL (id) {
  OPTIONAL MATCH (c:Change {target: id})
  WHERE c.seq > $asOf
  WITH c ORDER BY c.seq LIMIT 1
  RETURN c.before AS before, c.seq AS laterSeq, c.kind AS laterKind
}
OPTIONAL MATCH (n:Entity {id: id})
RETURN id,
  CASE WHEN afterSeq IS NOT NULL THEN after WHEN laterSeq IS NOT NULL THEN before ELSE null END AS state,
  CASE WHEN afterSeq IS NULL AND laterSeq IS NULL AND n IS NOT NULL THEN properties(n) ELSE null END AS now,
  coalesce(afterKind, laterKind, [l IN labels(n) WHERE l <> 'Entity'][0]) AS kind,
  afterSeq AS changedSeq

// name: versions.changedSince
// The entities of the kinds $kinds that changed after change set $asOf, each with its state before the first of
// those changes (null: it did not exist then). A list read as of $asOf takes these states in place of
// the entities' current ones. The scan of the log after $asOf stops at $scan changes: `scanned` equal
// to $scan means the read would go further back than a list answers (the caller refuses it).
CALL () {
  MATCH (c:Change)
  WHERE c.seq > $asOf
  WITH c ORDER BY c.seq LIMIT $scan
  RETURN count(c) AS scanned, collect(CASE WHEN c.targetType = 'node' AND c.kind IN $kinds THEN c END) AS mine
}
RETURN scanned, COLLECT {
  UNWIND mine AS c
  WITH c.target AS target, min(c.seq) AS firstSeq
  MATCH (first:Change {target: target, seq: firstSeq})
  RETURN {target: target, kind: first.kind, before: first.before}
} AS firsts

// name: versions.graphSince
// What a read of relationships as of change set $asOf needs from the log, beside the changedSeq every
// entity and relationship carries (src/graph/read/patterns.ts nodeThen, relationshipThen): each entity that changed after
// it and existed then, with its kind and its state before its first change since, and with $created
// those created since too (a list's share of them: a list as of a seq that reads relationships need not
// run versions.changedSince besides; a traversal needs none, their changedSeq says so); each
// relationship that changed after it, and whether it existed then (its first change since was not its
// creation). The same bounded scan as versions.changedSince; the first change of each fact is picked
// from the changes already read (seq, then index, orders them).
CALL () {
  MATCH (c:Change)
  WHERE c.seq > $asOf
  WITH c ORDER BY c.seq LIMIT $scan
  RETURN count(c) AS scanned, collect(c) AS changes
}
RETURN scanned, COLLECT {
  UNWIND changes AS c
  WITH c ORDER BY c.seq, c.index
  WITH c.target AS target, head(collect(c)) AS first
  WITH target, first WHERE first.targetType = 'relationship' OR first.before IS NOT NULL OR $created
  RETURN {target: target, relationship: first.targetType = 'relationship', kind: first.kind, before: first.before}
} AS firsts
