/**
 * Test helpers that mirror what users do: run the real app against the test Neo4j and send it
 * GraphQL over HTTP, or run operations in-process with a context whose round trips are counted.
 */
import 'reflect-metadata';
import { expect } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createContext, type Context } from '../../src/context.js';
import { createDriver, type Executor } from '../../src/graph/executor.js';
import { ReadinessProbe } from '../../src/graph/readiness.js';
import { createExecutor, prepareGraph } from '../../src/bootstrap.js';
import { createLogger, type Logger } from '../../src/observability/logger.js';
import { testConfig, TEST_PASSWORD, TEST_URI } from './test-env.js';

export interface TestApi {
  app: App;
  url: string;
  executor: Executor;
  config: Config;
  /** POSTs an operation to /graphql and returns the HTTP status and body. */
  post(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<{ status: number; body: GraphQLBody }>;
  /** Runs an operation in-process; `roundTrips` lists the Neo4j queries it made, `statements` their Cypher. */
  execute(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ body: GraphQLBody; roundTrips: string[]; statements: Array<{ text: string; params: Record<string, unknown> }> }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

/** A logger whose JSON lines are kept for the test to read. */
export function captureLogs(): { logger: Logger; lines: Array<Record<string, any>> } {
  const lines: Array<Record<string, any>> = [];
  return { logger: createLogger({ env: 'test', level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) }), lines };
}

export async function startTestApi(overrides: Partial<Config> = {}, port = 0, uri = TEST_URI, logger?: Logger): Promise<TestApi> {
  const config = testConfig(overrides);
  const driver = createDriver(uri, 'neo4j', TEST_PASSWORD);
  const executor = createExecutor(driver, config, 'tests');
  // As in src/main.ts: a database that comes back empty is prepared (schema, seeds) by readiness.
  const app = await createApp({ config, executor, readiness: new ReadinessProbe(executor, () => prepareGraph(executor, () => {})), logger: logger ?? createLogger({ env: 'test' }) });
  await app.listen(port, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  return {
    app,
    url,
    executor,
    config,
    async post(query, variables, operationName) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables, operationName }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLBody };
    },
    async execute(query, variables) {
      const context: Context = createContext(executor, config.limits);
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return { body: response.body.singleResult as GraphQLBody, roundTrips: context.executor.log, statements: context.reader.statements };
    },
    async close() {
      await app.stop();
      await driver.close();
    },
  };
}

/** Runs an operation over HTTP and returns `data`, failing the test on any error. */
export async function dataOf(api: TestApi, query: string, variables?: Record<string, unknown>): Promise<any> {
  const { body } = await api.post(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Runs an operation over HTTP and returns its first error's code, message and argument, with the HTTP status and data. */
export async function errorOf(api: TestApi, query: string, variables?: Record<string, unknown>) {
  const { status, body } = await api.post(query, variables);
  const first = body.errors?.[0];
  return { status, code: first?.extensions?.code, message: first?.message, argument: first?.extensions?.argument, data: body.data };
}

/**
 * Polls /readyz until it answers 200 or `timeoutMs` passes, and returns the last answer. Readiness
 * is awaited, never asserted at once: on a busy machine (or a fresh database, whose first readiness
 * applies the schema, loads the seeds and plans the examples) it comes later.
 */
export async function untilReady(url: string, timeoutMs = 150_000): Promise<{ status: number; body: { status: string; reason?: string } }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/readyz`);
    const state = { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
    if (state.status === 200 || Date.now() >= deadline) return state;
    await new Promise((r) => setTimeout(r, 500));
  }
}
