import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../src/bootstrap.js';
import { createDriver, Executor } from '../../src/graph/executor.js';
import { TEST_PASSWORD, TEST_URI } from './test-env.js';

/** An executor on the test Neo4j, as the scripts use one. */
export function testExecutor(): { executor: Executor; close(): Promise<void> } {
  const driver = createDriver(TEST_URI, 'neo4j', TEST_PASSWORD);
  return { executor: new Executor(driver, { database: 'neo4j', timeoutMs: 60_000, app: 'tests' }), close: () => driver.close() };
}

/** A scratch copy of seeds/ to corrupt or extend. */
export function copyOfSeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctkg-seeds-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  return dir;
}
