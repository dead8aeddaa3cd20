/**
 * npm run bench:exports [-- --nodes 100000] — the whole-graph exports at the size the HTTP exports
 * allow: time, bytes, and the API process's peak resident memory (VmRSS, sampled every 50 ms) for
 * GraphML, XLSX, and four XLSX requests at once; and how long /healthz takes while an export runs.
 * The synthetic graph is built (or reused) as by `npm run bench:scale` (.neo4j/bench-<N>, Bolt 27687),
 * and the API runs as its own process with production settings. Not run in CI.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDriver, Executor } from '../src/graph/executor.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { devProviderEnv } from '../src/identity/dev-key.js';
import { applySchema } from '../src/graph/schema-apply.js';
import { build, plan, syntheticCypher, SYNTHETIC_VERSION } from './synthetic.js';

const at = process.argv.indexOf('--nodes');
const N = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const PASSWORD = 'bench-password';
const PORT = 24600;
const API = `http://127.0.0.1:${PORT}`;
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const instance: localServer.LocalInstance = { home: join(PROJECT_ROOT, '.neo4j', `bench-${N}`), boltPort: 27687, httpPort: 27474, password: PASSWORD, heap: '1g', pageCache: '512m' };

for (const home of readdirSync(join(PROJECT_ROOT, '.neo4j')).filter((d) => d.startsWith('bench-'))) {
  await localServer.stop({ ...instance, home: join(PROJECT_ROOT, '.neo4j', home) });
}
await localServer.start(instance, { log });
const driver = createDriver(`bolt://127.0.0.1:${instance.boltPort}`, 'neo4j', PASSWORD);
const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 1_300_000, app: 'bench:exports' });
const [marker] = (await executor.transaction('READ', 'synthetic.readMarker', (tx) => tx.run(syntheticCypher('synthetic.readMarker')))).records;
if (Number(marker.get('nodes')) !== N || Number(marker.get('version')) !== SYNTHETIC_VERSION) {
  for (;;) {
    const result = await executor.transaction('WRITE', 'synthetic.deleteBatch', (tx) => tx.run(syntheticCypher('synthetic.deleteBatch')));
    if (Number(result.records[0].get('deleted')) === 0) break;
  }
  await applySchema(executor);
  log(`Building the synthetic graph of ${N} nodes...`);
  const relationships = await build(executor, plan(N), log);
  await executor.transaction('WRITE', 'synthetic.awaitIndexes', (tx) => tx.run(syntheticCypher('synthetic.awaitIndexes')));
  await executor.transaction('WRITE', 'synthetic.marker', (tx) => tx.run(syntheticCypher('synthetic.marker'), { nodes: N, version: SYNTHETIC_VERSION }));
  log(`Built ${N} nodes and ${relationships} relationships`);
} else {
  await applySchema(executor);
}

// API_ROOT: another checkout of the project (e.g. a `git worktree` of an older commit) to measure its API instead.
const apiRoot = process.env.API_ROOT ?? PROJECT_ROOT;
const api = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], {
  cwd: apiRoot,
  env: { ...process.env, NODE_ENV: 'production', ...(await devProviderEnv()), PORT: String(PORT), NEO4J_URI: `bolt://127.0.0.1:${instance.boltPort}`, NEO4J_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', SEED_ON_START: 'false', METRICS_TOKEN: 'bench' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
/** The API's own process: tsx's launcher runs the server as its child. */
const serverPid = () => Number(readFileSync(`/proc/${api.pid}/task/${api.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid()}/status`, 'utf8'))![1]) / 1024;

/** Runs `work` while sampling the API's RSS and timing /healthz; returns the peak and the slowest probe. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number; baseMb: number; healthzMs: number; healthzFailures: number }> {
  const baseMb = rssMb();
  let peakMb = baseMb;
  let healthzMs = 0;
  let healthzFailures = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peakMb = Math.max(peakMb, rssMb());
      const t = performance.now();
      const alive = await fetch(`${API}/healthz`).then(() => true, () => false);
      healthzMs = Math.max(healthzMs, performance.now() - t);
      if (!alive) healthzFailures++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await sampler;
  return { result, seconds, peakMb, baseMb, healthzMs, healthzFailures };
}

const get = async (path: string) => {
  try {
    const res = await fetch(`${API}${path}`);
    return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
  } catch {
    return { status: 0, bytes: 0 };
  }
};

try {
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${API}/readyz`).then((r) => r.status === 200).catch(() => false)) break;
    if (i >= 120 && (await fetch(`${API}/healthz`).then((r) => r.ok).catch(() => false))) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const rows: string[] = ['| export | answers | MB sent | seconds | API RSS before → peak (MB) | slowest /healthz meanwhile (ms) |', '| --- | --- | --- | --- | --- | --- |'];
  // An API that does not get ready on a graph other than the seeds (before readiness stopped depending
  // on the data) is measured all the same once it answers /healthz.
  const row = (label: string, m: Awaited<ReturnType<typeof measured<Array<{ status: number; bytes: number }>>>>) =>
    rows.push(`| ${label} | ${m.result.map((r) => r.status).join(', ')} | ${(m.result.reduce((a, r) => a + r.bytes, 0) / 1e6).toFixed(1)} | ${m.seconds.toFixed(1)} | ${m.baseMb.toFixed(0)} → ${m.peakMb.toFixed(0)} | ${m.healthzMs.toFixed(0)}${m.healthzFailures ? ` (${m.healthzFailures} failed)` : ''} |`);
  row('GraphML', await measured(async () => [await get('/export/graph.graphml')]));
  row('XLSX', await measured(async () => [await get('/export/graph.xlsx')]));
  row('4 × XLSX at once', await measured(() => Promise.all(Array.from({ length: 4 }, () => get('/export/graph.xlsx')))));
  console.log(`## Whole-graph exports at ${N} synthetic nodes (\`npm run bench:exports -- --nodes ${N}\`, ${new Date().toISOString().slice(0, 16)}${process.env.API_ROOT ? `, API from ${apiRoot}` : ''})\n`);
  console.log(rows.join('\n'));
} finally {
  api.kill('SIGTERM');
  await driver.close();
}
