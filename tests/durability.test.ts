/**
 * A change set lands whole or not at all, also when Neo4j or the API process is killed (-9) while
 * Neo4j runs its transaction: afterwards every one of its 5,000 entities is there with its change
 * set, or none is, and the change log's seq has no gap. A Neo4j of its own, killed and restarted.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareGraph } from '../src/bootstrap.js';
import { applyChangeSet } from '../src/graph/changes/apply.js';
import { createDriver, Executor } from '../src/graph/executor.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { sponsorsChangeSet } from './support/durable-change-set.js';
import { ownNeo4j, TEST_PASSWORD } from './support/test-env.js';

const DURABLE_NEO4J = ownNeo4j('test-durability', 20, '512m');
const URI = `bolt://127.0.0.1:${DURABLE_NEO4J.boltPort}`;
const OPERATIONS = 5_000;

let driver: ReturnType<typeof createDriver>;
let executor: Executor;

/** The change set's traces; retried while a restarted Neo4j recovers its database. */
async function state(tag: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await stateOnce(tag);
    } catch (error) {
      if (attempt > 240) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function stateOnce(tag: string) {
  const [row] = await executor.readText<{ seq: number; entities: number; changeSets: number; changes: number }>(
    'test',
    `MATCH (log:ChangeLog {id: 'main'})
     CALL () { MATCH (n:Sponsor) WHERE n.id STARTS WITH $prefix RETURN count(n) AS entities }
     CALL () { MATCH (c:ChangeSet) WHERE c.reason = $reason RETURN count(c) AS changeSets }
     CALL () { MATCH (c:Change) WHERE c.target STARTS WITH $prefix RETURN count(c) AS changes }
     RETURN log.seq AS seq, entities, changeSets, changes`,
    { prefix: `sponsor:durable-${tag}-`, reason: `durability ${tag}` },
  );
  return row;
}

/** Resolves once Neo4j runs the change set's transaction (it is then neither committed nor rolled back). */
async function untilApplying(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = await executor.readText<{ query: string | null }>('test', 'SHOW TRANSACTIONS YIELD metaData RETURN metaData.query AS query').catch(() => []);
    if (rows.some((r) => r.query === 'changes.apply')) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the change set never started');
}

/** All or nothing, and seq moved by exactly the change sets that are there. */
function expectWholeOrNothing(before: number, after: Awaited<ReturnType<typeof state>>) {
  const landed = after.changeSets === 1;
  expect(after.entities).toBe(landed ? OPERATIONS : 0);
  expect(after.changes).toBe(landed ? OPERATIONS : 0);
  expect(after.seq).toBe(before + (landed ? 1 : 0));
  return landed;
}

describe('a 5,000-operation change set under kill -9', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    await localServer.start(DURABLE_NEO4J, { fresh: true, log: () => {} });
    driver = createDriver(URI, 'neo4j', TEST_PASSWORD);
    executor = new Executor(driver, { database: 'neo4j', timeoutMs: 300_000, app: 'tests' });
    await prepareGraph(executor, () => {});
  });
  afterAll(async () => {
    await driver?.close();
    await localServer.stop(DURABLE_NEO4J);
  });

  it('of Neo4j: after the restart the change set is all there or not at all, and seq has no gap', async () => {
    const before = (await state('neo4j')).seq;
    const applying = applyChangeSet(executor, { reason: 'durability neo4j', baseSeq: before, actor: 'durability-test', operations: sponsorsChangeSet('neo4j', OPERATIONS) }).then(
      () => 'committed',
      (error: Error) => `failed: ${error.message}`,
    );
    await untilApplying();
    const { pid } = await localServer.status(DURABLE_NEO4J);
    process.kill(pid!, 'SIGKILL');
    // Gone before it is started again (the launcher would take a dying process for a running one).
    for (let i = 0; i < 100 && (await localServer.status(DURABLE_NEO4J)).running; i++) await new Promise((r) => setTimeout(r, 100));
    await localServer.start(DURABLE_NEO4J, { log: () => {} });
    // The driver retries a transaction that failed on a lost connection: it may land, whole, after the restart.
    const outcome = await applying;
    const landed = expectWholeOrNothing(before, await state('neo4j'));
    console.log(`kill -9 of Neo4j mid change set: ${landed ? 'the retried transaction landed whole' : 'nothing of it landed'} (${outcome})`);
    // The next change set takes the next seq.
    const next = await applyChangeSet(executor, { reason: 'durability after', baseSeq: before + (landed ? 1 : 0), actor: 'durability-test', operations: sponsorsChangeSet('after', 10) });
    expect(next.seq).toBe(before + (landed ? 2 : 1));
  });

  it('of the API: Neo4j rolls the transaction back, and seq has no gap', async () => {
    const before = (await state('api')).seq;
    // One process (node --import tsx), so the kill reaches the one that holds the Bolt connection.
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tests', 'support', 'durable-change-set.ts'), URI, TEST_PASSWORD, 'api', String(OPERATIONS)], { stdio: 'ignore', cwd: PROJECT_ROOT });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await untilApplying();
    child.kill('SIGKILL');
    await exited;
    // Neo4j ends the transaction of a closed connection; wait until it has.
    for (let i = 0; i < 400; i++) {
      const rows = await executor.readText<{ query: string | null }>('test', 'SHOW TRANSACTIONS YIELD metaData RETURN metaData.query AS query');
      if (!rows.some((r) => r.query === 'changes.apply')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Killed while its transaction was open: Neo4j rolls it back (had the kill raced its COMMIT, it would be whole).
    const landed = expectWholeOrNothing(before, await state('api'));
    console.log(`kill -9 of the API mid change set: ${landed ? 'it had committed, whole' : 'nothing of it landed'}`);
    const next = await applyChangeSet(executor, { reason: 'durability after api', baseSeq: before + (landed ? 1 : 0), actor: 'durability-test', operations: sponsorsChangeSet('after-api', 10) });
    expect(next.seq).toBe(before + (landed ? 2 : 1));
  });
});
