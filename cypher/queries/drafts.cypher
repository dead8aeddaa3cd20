// Drafts (src/graph/changes/drafts.ts): a change set proposed by one person and applied only when
// another approves it. A draft keeps its operations as JSON until then; approving applies them as a
// change set in the same transaction that marks the draft, whose write lock makes a second approval
// wait and then find it no longer PROPOSED.

// name: drafts.create
// A new draft, PROPOSED.
CREATE (d:Draft {id: $id, status: 'PROPOSED', proposer: $proposer, proposedAt: datetime(), reason: $reason, baseSeq: $baseSeq, operations: $operations, ops: $ops})
RETURN properties(d) AS draft

// name: drafts.lock
// One draft, write-locked until the transaction ends (a second reviewer waits here).
MATCH (d:Draft {id: $id})
SET d.lockedAt = datetime()
RETURN properties(d) AS draft

// name: drafts.review
// Closes a draft: APPLIED (with the change set it became), REJECTED or WITHDRAWN, by whom, when, why.
MATCH (d:Draft {id: $id})
SET d.status = $status, d.reviewer = $reviewer, d.reviewedAt = datetime(), d.reviewReason = $reason, d.seq = $seq
REMOVE d.lockedAt
RETURN properties(d) AS draft

// name: drafts.get
// One draft by id.
MATCH (d:Draft {id: $id})
RETURN properties(d) AS draft

// name: drafts.list
// Drafts of one status (and, for a curator, of one proposer), newest first, a page at a time.
MATCH (d:Draft {status: $status})
WHERE ($proposer IS NULL OR d.proposer = $proposer) AND d.proposedAt < datetime($before)
WITH d ORDER BY d.proposedAt DESC LIMIT $limit
RETURN properties(d) AS draft

// name: changes.by
// Change sets made by one actor, oldest first after a seq, a page at a time.
MATCH (cs:ChangeSet {actor: $actor})
WHERE cs.seq > $since
WITH cs ORDER BY cs.seq LIMIT $limit
RETURN properties(cs) AS changeSet
