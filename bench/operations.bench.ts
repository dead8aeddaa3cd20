/**
 * npm run bench — for every operation of examples.graphql, on the seeded graph:
 *   - Neo4j round trips the GraphQL API makes (counted by the executor),
 *   - median and p95 latency over HTTP of the API, and of the same question asked as one raw Cypher
 *     query through the driver (bench/raw-cypher.cypher), measured interleaved in one run,
 *   - the ratio of the two medians.
 * Then, for one single-round-trip question (the timeline), where the time goes, layer by layer:
 * the driver alone, the project's executor, Apollo in-process, and the API over HTTP.
 * Uses the local Neo4j (or NEO4J_URI) like `npm start`; writes bench/results.md.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { connect, prepareGraph } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { PROJECT_ROOT } from '../src/graph/local-server.js';
import { parseNamedBlocks, query } from '../src/graph/queries.js';
import { ReadinessProbe } from '../src/graph/readiness.js';
import { exampleOperations, EXAMPLES_FILE } from '../src/resolvers/examples.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 30;

const config = readConfig();
const connection = await connect(config, 'cell-therapy-kg bench');
await prepareGraph(connection.executor, () => {});
const app = await createApp({ config: { ...config, env: 'production' }, executor: connection.executor, readiness: new ReadinessProbe(connection.executor) });
const base = await app.listen(0, '127.0.0.1');
const url = `${base.replace('localhost', '127.0.0.1')}/graphql`;

const source = readFileSync(EXAMPLES_FILE, 'utf8');
const raw = new Map(parseNamedBlocks('raw-cypher.cypher', readFileSync(join(PROJECT_ROOT, 'bench', 'raw-cypher.cypher'), 'utf8')));

async function viaGraphQL(operationName: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: source, operationName }) });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${operationName}: ${JSON.stringify(body.errors)}`);
}

async function viaCypher(name: string): Promise<void> {
  await connection.driver.executeQuery(raw.get(name)!, {}, { database: config.neo4j.database, routing: 'READ' });
}

async function time(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const rows: string[] = [];
for (const op of exampleOperations(source)) {
  if (!raw.has(op.name)) throw new Error(`bench/raw-cypher.cypher has no block for ${op.name}`);
  const context = createContext(connection.executor, config.limits);
  await app.apollo.executeOperation({ query: source, operationName: op.name }, { contextValue: context });
  const roundTrips = context.executor.log.length;
  for (let i = 0; i < WARMUP; i++) {
    await viaGraphQL(op.name);
    await viaCypher(op.name);
  }
  const api: number[] = [];
  const cypher: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    api.push(await time(() => viaGraphQL(op.name)));
    cypher.push(await time(() => viaCypher(op.name)));
  }
  const ratio = quantile(api, 0.5) / quantile(cypher, 0.5);
  rows.push(
    `| ${op.name} | ${roundTrips} | ${quantile(api, 0.5).toFixed(2)} | ${quantile(api, 0.95).toFixed(2)} | ${quantile(cypher, 0.5).toFixed(2)} | ${quantile(cypher, 0.95).toFixed(2)} | ${ratio.toFixed(2)} |`,
  );
  console.error(rows.at(-1));
}

// Layers: the same timeline question through each layer, interleaved.
const timelineQuery = '{ timeline(from: "2016", to: "2024") { date kind title node { id } } }';
const timelineParams = { kinds: ['Reform', 'Guideline', 'Product', 'Event'], from: '2016-01-01', to: '2024-12-31' };
const layers: Array<[string, () => Promise<unknown>]> = [
  ['driver.executeQuery (named query text)', () => connection.driver.executeQuery(query('traversals.timeline'), timelineParams, { database: config.neo4j.database, routing: 'READ' })],
  ['Executor.read', () => connection.executor.read('traversals.timeline', timelineParams)],
  ['Apollo executeOperation (in-process)', () => app.apollo.executeOperation({ query: timelineQuery }, { contextValue: createContext(connection.executor, config.limits) })],
  ['HTTP POST /graphql', () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: timelineQuery }) }).then((r) => r.json())],
];
const layerTimes = layers.map(() => [] as number[]);
for (let i = 0; i < WARMUP + ITERATIONS; i++) {
  for (const [j, [, fn]] of layers.entries()) {
    const ms = await time(async () => void (await fn()));
    if (i >= WARMUP) layerTimes[j].push(ms);
  }
}
const layerRows = layers.map(([name], j) => `| ${name} | ${quantile(layerTimes[j], 0.5).toFixed(2)} | ${quantile(layerTimes[j], 0.95).toFixed(2)} |`);
console.error(layerRows.join('\n'));

const report = [
  `# Benchmark: example operations, GraphQL API vs raw Cypher`,
  '',
  `\`npm run bench\`, ${ITERATIONS} interleaved iterations per operation after ${WARMUP} warm-up ones, ${new Date().toISOString().slice(0, 10)},`,
  `Node ${process.version}, Neo4j at ${connection.uri}, ${(await import('node:os')).cpus().length} cores. Latencies in milliseconds; the API is measured over HTTP`,
  '(POST /graphql on loopback, production settings), the raw Cypher with `driver.executeQuery`. Ratio = API median / Cypher median.',
  '',
  '| operation | Neo4j round trips (API) | API median | API p95 | Cypher median | Cypher p95 | ratio |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  '## Where the time goes: the timeline question (one round trip) through each layer',
  '',
  '| layer | median | p95 |',
  '| --- | --- | --- |',
  ...layerRows,
  '',
];
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.md'), report.join('\n'));
console.log(report.join('\n'));
await app.stop();
await connection.close();
