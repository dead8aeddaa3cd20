import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as localServer from '../src/graph/local-server.js';
import { startTestApi, type TestApi } from './support/api.js';
import { TEST_NEO4J } from './support/test-env.js';

// A Neo4j of its own, so stopping it cannot disturb the other suites.
const OUTAGE_NEO4J: localServer.LocalInstance = {
  ...TEST_NEO4J,
  home: join(localServer.PROJECT_ROOT, '.neo4j', 'test-outage'),
  boltPort: TEST_NEO4J.boltPort + 10,
  httpPort: TEST_NEO4J.httpPort + 10,
  heap: '256m',
  extraConf: {},
};

async function readyz(api: TestApi) {
  const res = await fetch(`${api.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

/** Polls /readyz until it is 200 (readiness applies the schema and waits for indexes to come online). */
async function untilReady(api: TestApi) {
  let state = await readyz(api);
  for (let i = 0; i < 60 && state.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 500));
    state = await readyz(api);
  }
  return state;
}

describe('when Neo4j goes away and comes back', () => {
  let api: TestApi;
  beforeAll(async () => {
    await localServer.start(OUTAGE_NEO4J, { fresh: true, log: () => {} });
    api = await startTestApi({}, 0, `bolt://127.0.0.1:${OUTAGE_NEO4J.boltPort}`);
  });
  afterAll(async () => {
    await api?.close();
    await localServer.stop(OUTAGE_NEO4J);
  });

  it('turns /readyz 503 while Neo4j is down and 200 again after it restarts, without restarting the server', async () => {
    // A fresh, empty database: readiness applies the schema and loads the seeds itself.
    expect((await untilReady(api)).status).toBe(200);

    await localServer.stop(OUTAGE_NEO4J);
    const down = await readyz(api);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.reason).toMatch(/Neo4j/);

    const { status, body } = await api.post('{ agencies { totalCount } }');
    expect(status).toBe(503);
    expect(body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:/);

    await localServer.start(OUTAGE_NEO4J, { log: () => {} });
    expect(await untilReady(api)).toEqual({ status: 200, body: { status: 'ready' } });
    const after = await api.post('{ agencies { totalCount } }');
    expect(after.body).toEqual({ data: { agencies: { totalCount: 5 } } });
  });
});
