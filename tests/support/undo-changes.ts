/**
 * Takes a suite's writes back, so the suites after it see the seeds (nothing in the API deletes): the
 * entities whose ids start with `prefix`, every change set after `startSeq` with its changes, the
 * drafts, the sentences' links to those entities, and the change log's counter.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Executor } from '../../src/graph/executor.js';

export async function undoChanges(executor: Executor, startSeq: number, prefix: string, more?: (tx: ManagedTransaction) => Promise<unknown>): Promise<void> {
  await executor.transaction('WRITE', 'test.cleanup', async (tx) => {
    await tx.run('MATCH (n) WHERE (n:Entity OR n:Retracted) AND n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    await more?.(tx);
    await tx.run('MATCH (n) WHERE (n:ChangeSet OR n:Change) AND n.seq > $seq DETACH DELETE n', { seq: startSeq });
    await tx.run('MATCH (d:Draft) DELETE d');
    await tx.run('MATCH (s:Sentence) WHERE any(f IN s.facts WHERE f STARTS WITH $prefix) SET s.facts = [f IN s.facts WHERE NOT f STARTS WITH $prefix]', { prefix });
    await tx.run("MATCH (log:ChangeLog {id: 'main'}) SET log.seq = $seq", { seq: startSeq });
  });
}
