/**
 * A change set of `count` new sponsors, each cited from the review's Table 1 row of CARsgen
 * Therapeutics: big enough (thousands of operations) to be killed in the middle of. Run as a script by
 * tests/durability.test.ts, which kills this process while Neo4j runs the transaction:
 *   tsx tests/support/durable-change-set.ts <bolt uri> <password> <tag> <count>
 */
import { pathToFileURL } from 'node:url';
import { applyChangeSet } from '../../src/graph/changes/apply.js';
import type { Operation } from '../../src/graph/changes/operations.js';
import { createDriver, Executor } from '../../src/graph/executor.js';
import { REVIEW_ID } from '../../src/graph/documents.js';

export function sponsorsChangeSet(tag: string, count: number): Operation[] {
  return Array.from({ length: count }, (_, i) => ({
    op: 'createEntity' as const,
    kind: 'Sponsor' as const,
    id: `sponsor:durable-${tag}-${i}`,
    properties: { name: `Durable ${tag} ${i}` },
    source: { document: REVIEW_ID, sentence: 55, quote: 'CARsgen Therapeutics', refs: [] },
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [uri, password, tag, count] = process.argv.slice(2);
  const driver = createDriver(uri, 'neo4j', password);
  const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 300_000, app: 'durability-child' });
  const [{ seq }] = await executor.read<{ seq: number }>('changes.current');
  await applyChangeSet(executor, { reason: `durability ${tag}`, baseSeq: seq, actor: 'durability-test', operations: sponsorsChangeSet(tag, Number(count)) });
  await driver.close();
}
