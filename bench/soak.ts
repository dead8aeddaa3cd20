/**
 * npm run soak [-- --seconds 360 --rate 20] — a chaos soak, not run in CI. On a Neo4j of its own
 * (.neo4j/soak, fresh) and an API process of its own (`src/main.ts`, production settings), a steady
 * load of the example operations runs while faults come in turn, one every FAULT_EVERY seconds:
 *   kill -9 of Neo4j (restarted 2 s later), SIGSTOP of Neo4j for 5 s, a burst of 200 clients for 3 s,
 *   and attackers (nested NOT wheres, 45 kB operation names, whole-graph exports) for 5 s.
 * It reports goodput (answers without errors per second) per 10 s window, how long after each
 * kill -9 or pause the API served again (first success after Neo4j answered) and served fully (from
 * the first request after the last failure of the following 30 s), and the graph's counts before and after.
 * Every loop is bounded in count and time; only 127.0.0.1 is contacted.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDriver, Executor } from '../src/graph/executor.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { devProviderEnv } from '../src/identity/dev-key.js';
import { graphCounts } from '../src/graph/seeds/load.js';
import { EXAMPLES_FILE, exampleOperations } from '../src/resolvers/examples.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SECONDS = arg('seconds', 360);
const RATE = arg('rate', 20);
const FAULT_EVERY = arg('fault-every', 45);
/** Only this fault (0 kill -9, 1 SIGSTOP, 2 burst, 3 attackers), every time; all in turn when absent. */
const ONLY = arg('only', -1);
const API_PORT = 24500;
const PASSWORD = 'soak-password-1';
const NEO4J: localServer.LocalInstance = { home: join(PROJECT_ROOT, '.neo4j', 'soak'), boltPort: 27787, httpPort: 27574, password: PASSWORD, heap: '512m' };
const API = `http://127.0.0.1:${API_PORT}`;

interface Outcome { at: number; ok: boolean; code: string }
const outcomes: Outcome[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

const operations = exampleOperations(readFileSync(EXAMPLES_FILE, 'utf8'));
async function ask(body: unknown, timeoutMs = 15_000): Promise<{ ok: boolean; code: string }> {
  try {
    const res = await fetch(`${API}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const json = (await res.json()) as { errors?: Array<{ extensions?: { code?: string; reason?: string } }> };
    const error = json.errors?.[0]?.extensions;
    const code = error ? `${error.code}${error.reason ? ` (${error.reason})` : ''}` : res.status === 200 ? 'OK' : `HTTP ${res.status}`;
    return { ok: res.status === 200 && !json.errors, code };
  } catch (error) {
    return { ok: false, code: (error as Error).name === 'TimeoutError' ? 'client timeout' : 'connection error' };
  }
}

/** The steady load: RATE requests a second, evenly paced, each an example operation in turn. */
async function steadyLoad(until: number): Promise<void> {
  const pending: Promise<void>[] = [];
  for (let i = 0; Date.now() < until; i++) {
    const at = Date.now();
    const op = operations[i % operations.length];
    pending.push(ask({ query: op.text, operationName: op.name }).then(({ ok, code }) => void outcomes.push({ at, ok, code })));
    await sleep(1000 / RATE);
  }
  await Promise.all(pending);
}

async function neo4jPid(): Promise<number> {
  return (await localServer.status(NEO4J)).pid!;
}

interface Recovery { fault: string; servingMs?: number; fullMs?: number }
const recoveryStarts: number[] = [];
const recoveries: Recovery[] = [];

/**
 * After Neo4j answers again: the first success, and full service, from when no request failed any
 * more: the first request after the last failure among those sent in the 30 s that follow. Measured
 * once the slowest of those requests has had its 15 s to answer.
 */
async function measureRecovery(fault: string, answering: number): Promise<void> {
  const recovery: Recovery = { fault };
  recoveries.push(recovery);
  const horizon = answering + 30_000;
  await sleep(horizon + 16_000 - Date.now());
  const since = outcomes.filter((o) => o.at >= answering && o.at < horizon).sort((a, b) => a.at - b.at);
  const first = since.find((o) => o.ok);
  if (first) recovery.servingMs = first.at - answering;
  const lastFailure = since.filter((o) => !o.ok).pop();
  const after = lastFailure ? since.find((o) => o.at > lastFailure.at) : since[0];
  if (after) recovery.fullMs = after.at - answering;
}

const faults: Array<[string, () => Promise<void>]> = [
  ['kill -9 Neo4j', async () => {
    process.kill(await neo4jPid(), 'SIGKILL');
    await sleep(2_000);
    await localServer.start(NEO4J, { log: () => {} });
    const answering = Date.now();
    recoveryStarts.push(answering);
    log('Neo4j answers again after kill -9');
    await measureRecovery('kill -9', answering);
  }],
  ['SIGSTOP Neo4j 5 s', async () => {
    const pid = await neo4jPid();
    process.kill(pid, 'SIGSTOP');
    await sleep(5_000);
    process.kill(pid, 'SIGCONT');
    await measureRecovery('SIGSTOP', Date.now());
  }],
  ['burst of 200 clients for 3 s', async () => {
    const until = Date.now() + 3_000;
    await Promise.all(Array.from({ length: 200 }, async () => {
      while (Date.now() < until) await ask({ query: operations[0].text, operationName: operations[0].name });
    }));
  }],
  ['attackers for 5 s', async () => {
    const until = Date.now() + 5_000;
    let where = '{"name":{"eq":"x"}}';
    for (let i = 0; i < 400; i++) where = `{"NOT":${where}}`;
    const hostile = [
      `{"query":"query($w: ProductWhere) { products(where: $w) { totalCount } }","variables":{"w":${where}}}`,
      JSON.stringify({ query: '{ __typename }', operationName: `X${'x'.repeat(45_000)}` }),
    ];
    await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      while (Date.now() < until) {
        if (i === 0) await fetch(`${API}/export/graph.xlsx`).then((r) => r.arrayBuffer()).catch(() => undefined);
        else await fetch(`${API}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: hostile[i % 2] }).then((r) => r.text()).catch(() => undefined);
      }
    }));
  }],
];

const started = Date.now();
log(`Fresh Neo4j at ${NEO4J.home}, API on ${API}; ${SECONDS} s at ${RATE} req/s, a fault every ${FAULT_EVERY} s`);
await localServer.start(NEO4J, { fresh: true, log: () => {} });
const api = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], {
  cwd: PROJECT_ROOT,
  env: { ...process.env, NODE_ENV: 'production', ...(await devProviderEnv()), PORT: String(API_PORT), NEO4J_URI: `bolt://127.0.0.1:${NEO4J.boltPort}`, NEO4J_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', METRICS_TOKEN: 'soak-metrics' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', PASSWORD);
const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 20_000 });
try {
  for (let i = 0; i < 240; i++) {
    const ready = await fetch(`${API}/readyz`).then((r) => r.status === 200).catch(() => false);
    if (ready) break;
    await sleep(500);
  }
  const before = await graphCounts(executor);
  log('API ready; load starts');
  const until = Date.now() + SECONDS * 1000;
  const load = steadyLoad(until);
  for (let n = 0; Date.now() + FAULT_EVERY * 1000 < until; n++) {
    await sleep(FAULT_EVERY * 1000);
    if (Date.now() + 20_000 > until) break;
    const [name, fault] = faults[ONLY >= 0 ? ONLY : n % faults.length];
    log(`fault: ${name}`);
    await fault();
  }
  await load;
  await sleep(2_000);
  const after = await graphCounts(executor);

  const windows: string[] = ['| window | sent | ok | goodput req/s | failed by code |', '| --- | --- | --- | --- | --- |'];
  const t0 = Math.min(...outcomes.map((o) => o.at));
  for (let w = 0; t0 + w * 10_000 <= Math.max(...outcomes.map((o) => o.at)); w++) {
    const inWindow = outcomes.filter((o) => o.at >= t0 + w * 10_000 && o.at < t0 + (w + 1) * 10_000);
    const failed = new Map<string, number>();
    for (const o of inWindow.filter((x) => !x.ok)) failed.set(o.code, (failed.get(o.code) ?? 0) + 1);
    const ok = inWindow.filter((o) => o.ok).length;
    windows.push(`| ${w * 10}-${w * 10 + 10} s | ${inWindow.length} | ${ok} | ${(ok / 10).toFixed(1)} | ${[...failed].map(([c, n]) => `${c} ${n}`).join(', ') || '-'} |`);
  }
  console.log(`# Soak: ${SECONDS} s at ${RATE} req/s, a fault every ${FAULT_EVERY} s (${new Date().toISOString()})\n`);
  console.log(windows.join('\n'));
  console.log('\n| fault | first success after Neo4j answered | full service (no failure after) from |\n| --- | --- | --- |');
  for (const r of recoveries) console.log(`| ${r.fault} | ${r.servingMs === undefined ? 'none' : `${r.servingMs} ms`} | ${r.fullMs === undefined ? 'not within 30 s' : `${r.fullMs} ms`} |`);
  for (const at of recoveryStarts) {
    console.log(`\nAfter Neo4j answered at ${((at - t0) / 1000).toFixed(1)} s, per second: ok / failed (codes)`);
    for (let s = -1; s < 16; s++) {
      const second = outcomes.filter((o) => o.at >= at + s * 1000 && o.at < at + (s + 1) * 1000);
      const codes = new Map<string, number>();
      for (const o of second.filter((x) => !x.ok)) codes.set(o.code, (codes.get(o.code) ?? 0) + 1);
      console.log(`  ${s >= 0 ? '+' : ''}${s} s: ${second.filter((o) => o.ok).length} / ${second.length - second.filter((o) => o.ok).length} ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    }
  }
  const total = outcomes.length;
  const ok = outcomes.filter((o) => o.ok).length;
  const uncoded = outcomes.filter((o) => !o.ok && !o.code.startsWith('SERVICE_UNAVAILABLE'));
  console.log(`\n${total} requests, ${ok} ok, ${total - ok} failed, of which not a coded 503: ${uncoded.length} (${[...new Set(uncoded.map((o) => o.code))].join(', ') || 'none'})`);
  console.log(`counts before: ${JSON.stringify(before.nodes)}\ncounts after:  ${JSON.stringify(after.nodes)}\nsame: ${JSON.stringify(before) === JSON.stringify(after)}`);
} finally {
  api.kill('SIGTERM');
  await driver.close();
  await localServer.stop(NEO4J);
}
