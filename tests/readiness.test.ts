import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as localServer from '../src/local-neo4j/server.js';
import { startTestApi, untilReady as awaitReady, type TestApi } from './support/api.js';
import { ownNeo4j } from './support/test-env.js';

// A Neo4j of its own, so stopping it cannot disturb the other suites.
const OUTAGE_NEO4J = ownNeo4j('test-outage', 10);

async function readyz(api: TestApi) {
  const res = await fetch(`${api.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

/** Resolves once every thread of the process has stopped (state T in /proc): a SIGSTOP has taken effect. */
async function untilStopped(pid: number): Promise<void> {
  const state = () => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
  for (const started = Date.now(); state() !== 'T'; ) {
    if (Date.now() - started > 10_000) throw new Error(`Neo4j (pid ${pid}) did not stop: state ${state()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Readiness after a restart applies the schema, maybe loads the seeds, and plans the examples on a cold Neo4j. */
const untilReady = (api: TestApi) => awaitReady(api.url, 150_000);

// Each test stops or kills a real Neo4j and waits for readiness (schema, seeds, plan warm-up) twice.
describe('when Neo4j goes away and comes back', { timeout: 400_000 }, () => {
  let api: TestApi;
  beforeAll(async () => {
    await localServer.start(OUTAGE_NEO4J, { fresh: true, log: () => {} });
    // These requests must reach Neo4j: no response cache (it answers for at most a second into an outage).
    api = await startTestApi({ responseCacheMb: 0 }, 0, `bolt://127.0.0.1:${OUTAGE_NEO4J.boltPort}`);
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
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual({ agencies: { totalCount: 5 } });
  });

  it('under load, answers a coded 503 with Retry-After while Neo4j is killed, and serves again within 10 s of it answering', async () => {
    expect((await untilReady(api)).status).toBe(200);
    const outcomes: Array<{ at: number; status: number; code?: string; retryAfter: string | null }> = [];
    let running = true;
    // 20 requests a second of a list with nested fields, as in the probe.
    const load = (async () => {
      while (running) {
        const started = Date.now();
        void fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ products(first: 5) { edges { node { name sponsors { name } targets { name } } } } }' }),
        })
          .then(async (res) => {
            const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
            outcomes.push({ at: started, status: res.status, code: body.errors?.[0]?.extensions?.code, retryAfter: res.headers.get('retry-after') });
          })
          .catch(() => outcomes.push({ at: started, status: 0, retryAfter: null }));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await new Promise((r) => setTimeout(r, 1000));
    const { pid } = await localServer.status(OUTAGE_NEO4J);
    process.kill(pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 2000));
    await localServer.start(OUTAGE_NEO4J, { log: () => {} });
    const answering = Date.now();
    // Serving again: the first success after Neo4j answers, then every request succeeding for 2 s.
    let recovered: number | undefined;
    while (Date.now() - answering < 20_000) {
      await new Promise((r) => setTimeout(r, 250));
      const since = outcomes.filter((o) => o.at >= answering);
      const firstGood = since.find((o) => o.status === 200 && !o.code);
      if (firstGood && since.filter((o) => o.at >= firstGood.at + 2000).length > 10) {
        recovered = firstGood.at;
        break;
      }
    }
    running = false;
    await load;
    await new Promise((r) => setTimeout(r, 1500));

    expect(recovered, 'served again after Neo4j came back').toBeDefined();
    const failed = outcomes.filter((o) => o.status !== 200 || o.code).length;
    console.log(`kill -9 under 20 req/s: ${outcomes.length} requests, ${failed} failed (coded 503); serving again ${recovered! - answering} ms after Neo4j answered`);
    expect(recovered! - answering).toBeLessThan(10_000);
    const failures = outcomes.filter((o) => o.status !== 200 || o.code);
    expect(failures.length).toBeGreaterThan(0);
    // Every failure, during the outage and the recovery, is a coded 503 that says when to retry.
    for (const f of failures) expect(f).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '1' });
    const afterRecovery = outcomes.filter((o) => o.at >= recovered! + 2000);
    expect(afterRecovery.every((o) => o.status === 200 && !o.code)).toBe(true);
  });

  it('answers a coded 503 within its own timeout while Neo4j is paused', async () => {
    // Neo4j was restarted by the test before: start from a Neo4j that answers and has its plans again.
    expect((await untilReady(api)).status).toBe(200);
    const quick = await startTestApi({ responseCacheMb: 0, neo4j: { ...api.config.neo4j, queryTimeoutMs: 2_000 } }, 0, `bolt://127.0.0.1:${OUTAGE_NEO4J.boltPort}`);
    const { pid } = await localServer.status(OUTAGE_NEO4J);
    try {
      expect((await quick.post('{ agencies { totalCount } }')).status).toBe(200);
      process.kill(pid!, 'SIGSTOP');
      await untilStopped(pid!);
      const started = Date.now();
      const { status, body } = await quick.post('{ agencies { totalCount } }');
      const took = Date.now() - started;
      expect(body.errors?.[0].extensions, JSON.stringify(body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'timed out' });
      expect(status).toBe(503);
      expect(took).toBeLessThan(3_000);
      console.log(`Neo4j paused: coded 503 after ${took} ms (timeout 2000 ms)`);
    } finally {
      process.kill(pid!, 'SIGCONT');
      await quick.close();
    }
  });
});
