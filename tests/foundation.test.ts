import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { devProviderEnv } from '../src/identity/dev-key.js';
import { TEST_NEO4J, TEST_PASSWORD, TEST_URI } from './support/test-env.js';
import { applySchema } from '../src/graph/schema-apply.js';
import { startTestApi, untilReady, type TestApi } from './support/api.js';

describe('the server on a real Neo4j', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers GraphQL over HTTP', async () => {
    const { status, body } = await api.post('{ __typename }');
    expect(status).toBe(200);
    // Outside production the answer also says what it cost: no Neo4j round trip for __typename.
    // And every answer says the data version it read.
    expect(body).toEqual({ data: { __typename: 'Query' }, extensions: { dataVersion: { seq: expect.any(Number), committedAt: expect.any(String) }, cost: { roundTrips: 0, neo4jMs: 0, estimated: 1 } } });
  });

  it('reports liveness and readiness', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await untilReady(api.url);
    expect(ready).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('applies the schema idempotently: the second run adds nothing', async () => {
    await applySchema(api.executor);
    expect(await applySchema(api.executor)).toBe(0);
  });
});

describe('the local Neo4j', () => {
  it('got its password over Bolt, never on a command line (the suite’s fresh instance)', () => {
    // neo4j-admin set-initial-password would have left data/dbms/auth.ini, with the password in `ps` meanwhile.
    expect(existsSync(join(TEST_NEO4J.home, 'data', 'password-set'))).toBe(true);
    expect(existsSync(join(TEST_NEO4J.home, 'data', 'dbms', 'auth.ini'))).toBe(false);
  });
});

describe('npm run neo4j:start without Java', () => {
  it('fails with a clear message that names the alternatives', () => {
    const bin = mkdtempSync(join(tmpdir(), 'ctkg-bin-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/neo4j.ts', 'start'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      // Only node on the PATH: no java, no mvn.
      env: { PATH: bin, NEO4J_LOCAL_HOME: mkdtempSync(join(tmpdir(), 'ctkg-nojava-')), NEO4J_LOCAL_BOLT_PORT: '27999', NEO4J_LOCAL_HTTP_PORT: '27998' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Java 17 or later is needed to run the local Neo4j, and no 'java' was found.");
    expect(result.stderr).toContain('docker compose up -d');
    expect(result.stderr).toContain('NEO4J_URI');
  });
});

describe('npm start (src/main.ts) against an existing Neo4j', () => {
  it('says in one line which port is taken and what to set, instead of a stack trace', { timeout: 90_000 }, async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(14101, '127.0.0.1', resolve));
    try {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NODE_ENV: 'production', ...(await devProviderEnv()), NEO4J_URI: TEST_URI, NEO4J_PASSWORD: TEST_PASSWORD, PORT: '14101', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe('Port 14101 on 127.0.0.1 is already in use (another `npm start`?). Stop that process, or choose another port: PORT=14102 npm start');
    } finally {
      taken.close();
    }
  });

  it('serves GraphQL, then drains and exits cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: 'production', ...(await devProviderEnv()), NEO4J_URI: TEST_URI, NEO4J_PASSWORD: TEST_PASSWORD, PORT: '14100' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await expect.poll(() => stdout, { timeout: 45_000 }).toContain('GraphQL API at http://localhost:14100/graphql');
    const res = await fetch('http://127.0.0.1:14100/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'foundation-1' },
      body: '{"query":"query Count { products { totalCount } }"}',
    });
    expect(await res.json()).toEqual({ data: { products: { totalCount: 6 } }, extensions: { dataVersion: { seq: expect.any(Number), committedAt: expect.any(String) } } });
    expect(res.headers.get('x-request-id')).toBe('foundation-1');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Logs are JSON lines on stdout: one per operation, with its request id.
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.find((l) => l.reqId === 'foundation-1')).toMatchObject({ msg: 'graphql', operation: 'Count', roundTrips: 1, status: 200, outcome: 'ok', executed: true });
    expect(lines.map((l) => l.msg)).toContain('SIGTERM: draining requests and closing the Neo4j driver...');
  });
});
