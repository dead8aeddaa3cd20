/**
 * Connecting to Neo4j, shared by the server and the command-line scripts: with no NEO4J_URI the
 * project's local Neo4j is started (or reused) first.
 */
import type { Driver } from 'neo4j-driver';
import { boltUrl, type Config } from './config.js';
import { Admission } from './graph/admission.js';
import { createDriver, Executor, PoolUsage, RecentStatements } from './graph/executor.js';
import { linkReviewFacts, registerDocuments, REVIEW_ID } from './graph/documents.js';
import * as localServer from './local-neo4j/server.js';
import { CHANGES_DIR, PROJECT_ROOT } from './paths.js';
import { applyChangeFiles } from './graph/changes/files.js';
import { applySchema } from './graph/schema-apply.js';
import { runChecker } from './graph/checker.js';
import { loadSeeds } from './graph/seeds/load.js';
import { readSeeds } from './graph/seeds/read.js';
import { join } from 'node:path';

export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');

export interface Connection {
  uri: string;
  driver: Driver;
  executor: Executor;
  close(): Promise<void>;
}

export async function connect(config: Config, app = 'cell-therapy-kg', log: (line: string) => void = console.error): Promise<Connection> {
  let uri = config.neo4j.uri;
  if (!uri) {
    const { reused } = await localServer.start(config.local);
    uri = boltUrl(config);
    log(`${reused ? 'Using the running' : 'Started the'} local Neo4j: ${uri}`);
  }
  const driver = createDriver(uri, config.neo4j.username, config.neo4j.password);
  const executor = createExecutor(driver, config, app);
  return { uri, driver, executor, close: () => driver.close() };
}

/** The process's executor: the configured database and timeout, and one admission limit for all its requests. */
export function createExecutor(driver: Driver, config: Config, app: string): Executor {
  const { database, queryTimeoutMs, maxInFlight, maxQueued, queueWaitMs } = config.neo4j;
  // While Neo4j recovers, a queued request may wait as long as a query may run (see Admission).
  const admission = new Admission(maxInFlight, maxQueued, queueWaitMs, Math.max(queueWaitMs, queryTimeoutMs));
  const executor = new Executor(driver, { database, timeoutMs: queryTimeoutMs, app, admission, pool: new PoolUsage(), recent: new RecentStatements() });
  admission.recoverWith(() => executor.recover());
  return executor;
}

/** Applies the schema and, when the database holds no entities yet, loads seeds/ and runs the checker. */
export async function prepareGraph(executor: Executor, log: (line: string) => void = console.error, seed = true): Promise<void> {
  const added = await applySchema(executor);
  if (added) log(`Applied ${added} constraints and indexes.`);
  const [{ mixed }] = await executor.read<{ mixed: boolean }>('seeds.searchTextMixedCase');
  if (mixed) {
    await executor.autoCommit('seeds.lowerSearchText', {}, 600_000);
    log('Stored searchText in lower case (a graph loaded by an earlier version).');
  }
  await executor.write('changes.init');
  if (!seed) return;
  const [{ count }] = await executor.read<{ count: number }>('health.entityCount');
  if (count === 0) {
    const report = await loadSeeds(executor, readSeeds(SEEDS_DIR));
    const { findings } = await runChecker(executor, { record: true });
    log(`Loaded the seed graph (${report.nodesCreated} nodes, ${report.relationshipsCreated + report.citationsCreated} relationships); ${findings} consistency findings.`);
  }
  await registerSources(executor, log, count === 0);
  // The curated corrections of seeds/changes/ that this graph has not seen yet, each its own change set.
  await applyChangeFiles(executor, CHANGES_DIR, log);
}

/**
 * Registers the documents whose text changed and, after a load or a new text of the review, names in
 * each seed fact's provenance the review's sentence that states it.
 */
export async function registerSources(executor: Executor, log: (line: string) => void = console.error, loaded = false): Promise<void> {
  const registered = await registerDocuments(executor);
  if (registered.length) log(`Registered ${registered.length} document(s): ${registered.join(', ')}.`);
  if (loaded || registered.includes(REVIEW_ID)) await linkReviewFacts(executor);
}
