/**
 * Starts the suite's throwaway Neo4j with fresh data, loads seeds/ with the same loader users run,
 * and stops that Neo4j when the run ends, passed or failed.
 */
import 'reflect-metadata';
import { createDriver, Executor } from '../../src/graph/executor.js';
import * as localServer from '../../src/local-neo4j/server.js';
import { prepareGraph } from '../../src/bootstrap.js';
import { TEST_NEO4J, TEST_PASSWORD, TEST_URI } from './test-env.js';

export async function setup(): Promise<void> {
  const started = Date.now();
  await localServer.stop(TEST_NEO4J);
  await localServer.start(TEST_NEO4J, { fresh: true, log: () => {} });
  const driver = createDriver(TEST_URI, 'neo4j', TEST_PASSWORD);
  try {
    await driver.verifyConnectivity();
    await prepareGraph(new Executor(driver, { database: 'neo4j', timeoutMs: 60_000 }), () => {});
  } finally {
    await driver.close();
  }
  console.log(`Test Neo4j ready on ${TEST_URI} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function teardown(): Promise<void> {
  await localServer.stop(TEST_NEO4J);
}
