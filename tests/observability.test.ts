/**
 * What an operator sees: one JSON log line per operation with its request id, internal errors
 * logged with their stack (and masked for the client), and Prometheus metrics at /metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, startTestApi, type TestApi } from './support/api.js';
import { testConfig } from './support/test-env.js';

let api: TestApi;
const logs = captureLogs();
beforeAll(async () => {
  api = await startTestApi({}, 0, undefined, logs.logger);
});
afterAll(() => api.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, requestId: res.headers.get('x-request-id'), cacheControl: res.headers.get('cache-control'), body: (await res.json()) as any };
}

/** Samples of one metric from the /metrics text, as `{labels} value` strings. */
async function samples(name: string): Promise<string[]> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `)).map((line) => line.slice(name.length));
}

describe('logs', () => {
  it('logs one JSON line per operation with the request id, name, duration, round trips and outcome', async () => {
    const { requestId, cacheControl } = await post(JSON.stringify({ query: 'query Agencies { agencies { totalCount } }' }), { 'x-request-id': 'obs-1' });
    expect(requestId).toBe('obs-1');
    // An answer reflects the graph when asked: no cache may keep it.
    expect(cacheControl).toBe('no-store');
    expect(logs.lines.find((l) => l.reqId === 'obs-1')).toMatchObject({
      level: 30,
      msg: 'graphql',
      service: 'cell-therapy-kg',
      operation: 'Agencies',
      durationMs: expect.any(Number),
      roundTrips: 1,
      neo4jMs: expect.any(Number),
      status: 200,
      outcome: 'ok',
      executed: true,
    });
  });

  it('replaces a request id that is not plain with a fresh one', async () => {
    const { requestId } = await post(JSON.stringify({ query: '{ agencies { totalCount } }' }), { 'x-request-id': 'no spaces or <tags> please' });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.lines.find((l) => l.reqId === requestId)).toMatchObject({ operation: null, outcome: 'ok' });
  });

  it('logs client errors at warn with their code, and a body that is not JSON without the body', async () => {
    await post(JSON.stringify({ query: '{ products(first: 101) { totalCount } }' }), { 'x-request-id': 'obs-2' });
    expect(logs.lines.find((l) => l.reqId === 'obs-2')).toMatchObject({ level: 40, outcome: 'client_error', code: 'BAD_USER_INPUT', errors: 1 });
    const { status, body } = await post('{"query": "{ agencies', { 'x-request-id': 'obs-3' });
    expect({ status, body }).toEqual({ status: 400, body: { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] } });
    const line = logs.lines.find((l) => l.reqId === 'obs-3');
    expect(line).toMatchObject({ level: 40, msg: 'unreadable request', status: 400, code: 'BAD_REQUEST', path: '/graphql' });
    expect(JSON.stringify(line)).not.toContain('agencies');
  });

  it('logs an internal error with its stack, and sends the client only "Internal server error"', async () => {
    const brokenLogs = captureLogs();
    const config = testConfig({ env: 'production' });
    // A database that does not exist makes Neo4j fail in a way no client input explains.
    const broken = await startTestApi({ env: 'production', neo4j: { ...config.neo4j, database: 'nosuchdb' } }, 0, undefined, brokenLogs.logger);
    try {
      const { body } = await broken.post('query Count { products { totalCount } }');
      expect(body.errors?.[0]).toEqual({ message: 'Internal server error', locations: [{ line: 1, column: 15 }], path: ['products'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(body)).not.toMatch(/nosuchdb|at .*\.ts/);
      const internal = brokenLogs.lines.find((l) => l.msg === 'internal error');
      expect(internal).toMatchObject({ level: 50, operation: 'Count', path: ['products'], err: { message: expect.stringContaining('nosuchdb'), stack: expect.stringContaining('\n    at ') } });
      expect(brokenLogs.lines.find((l) => l.msg === 'graphql' && l.reqId === internal!.reqId)).toMatchObject({ outcome: 'internal_error', code: 'INTERNAL_SERVER_ERROR' });
    } finally {
      await broken.close();
    }
  });
});

describe('/metrics', () => {
  it('counts executed operations by name and outcome, refused ones as not executed, errors by code, and Neo4j round trips and time', async () => {
    const before = await samples('neo4j_round_trips_total');
    await post(JSON.stringify({ query: 'query MetricsProbe { agencies { totalCount } }' }));
    await post(JSON.stringify({ query: 'query MetricsProbe { agencies { totalCount } }' }));
    await post(JSON.stringify({ query: 'query TooDeep { products { edges { node { sponsors { products { sponsors { products { sponsors { name } } } } } } } } }' }));
    expect(await samples('graphql_requests_total')).toEqual(
      // A refused operation is counted without the name it claims (a client could make up any number).
      expect.arrayContaining(['{operation="MetricsProbe",outcome="ok"} 2', '{operation="(not executed)",outcome="client_error"} 1']),
    );
    expect(await samples('graphql_errors_total')).toEqual(expect.arrayContaining(['{code="QUERY_TOO_DEEP"} 1']));
    expect(await samples('graphql_request_duration_seconds_count')).toEqual(expect.arrayContaining(['{operation="MetricsProbe",outcome="ok"} 2']));
    // The second MetricsProbe came from the response cache: one round trip for both.
    expect(Number((await samples('neo4j_round_trips_total'))[0]) - Number(before[0])).toBe(1);
    expect(await samples('graphql_response_cache_hits_total')).toEqual([' 1']);
    expect(Number((await samples('neo4j_query_seconds_total'))[0])).toBeGreaterThan(0);
  });

  it('reports admission and pool gauges and process metrics', async () => {
    for (const name of ['neo4j_work_in_flight', 'neo4j_work_queued', 'neo4j_work_shed_total']) {
      expect(await samples(name), name).toEqual([' 0']);
    }
    // The change follower reads the log every 100 ms on a connection of its own: a scrape may meet it.
    await expect.poll(() => samples('neo4j_pool_connections_in_use'), { timeout: 5_000, interval: 20 }).toEqual([' 0']);
    expect(await samples('neo4j_pool_connections_max')).toEqual([' 100']);
    expect((await samples('process_resident_memory_bytes')).length).toBe(1);
  });

  it('counts shed requests when the admission queue is full', async () => {
    // No response cache: every one of the 20 must reach Neo4j, so they meet at the one place (with the
    // cache, the first answer could serve the rest before any of them had waited for it).
    const tight = await startTestApi({ responseCacheMb: 0, neo4j: { ...testConfig().neo4j, maxInFlight: 1, maxQueued: 0 } });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => tight.post('{ products { edges { node { sponsors { name } } } } }')));
      const shed = answers.filter((a) => a.status === 503).length;
      expect(shed).toBeGreaterThan(0);
      expect(answers.every((a) => a.status === 200 || a.body.errors?.[0].extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
      const text = await (await fetch(`${tight.url}/metrics`)).text();
      expect(text).toContain(`neo4j_work_shed_total ${shed}`);
      expect(text).toContain(`graphql_errors_total{code="SERVICE_UNAVAILABLE"} ${shed}`);
    } finally {
      await tight.close();
    }
  });
});
