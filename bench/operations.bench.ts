/**
 * npm run bench — every operation of examples.graphql on the seeded graph, measured interleaved in
 * one run against three servers on the same Neo4j (bench/servers.ts, in their own process):
 *   - the project's API over HTTP (production settings),
 *   - the same question as raw Cypher (bench/raw-cypher.cypher) served over HTTP by a minimal server,
 *   - @neo4j/graphql 7 with the same labels and types (bench/neo4j-graphql.graphql; n/a where its
 *     generated API cannot ask the question).
 * Reports the API's Neo4j round trips, p50/p95 per server and the ratios of medians; then
 * throughput at 1, 8 and 32 connections (autocannon) for a list and a nested operation.
 * Uses the local Neo4j (or NEO4J_URI) like `npm start`; writes its section of bench/results.md.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parse, print, Kind as AstKind } from 'graphql';
import { createApp } from '../src/app.js';
import { connect, prepareGraph } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { ReadinessProbe } from '../src/graph/readiness.js';
import { exampleOperations, EXAMPLES_FILE } from '../src/resolvers/examples.js';
import { interleaved, load, ms, startServers, type Call } from './harness.js';
import { writeSection } from './report.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 30;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);

const config = readConfig();
const connection = await connect(config, 'cell-therapy-kg bench');
await prepareGraph(connection.executor, () => {});
const servers = await startServers(connection.uri, [join(PROJECT_ROOT, 'bench', 'raw-cypher.cypher')]);

// Round trips are counted in-process, on an app of our own, with the executor's log.
const counting = await createApp({ config: { ...config, env: 'production', logLevel: 'silent' }, executor: connection.executor, readiness: new ReadinessProbe(connection.executor) });
const source = readFileSync(EXAMPLES_FILE, 'utf8');
const neoDocument = parse(readFileSync(join(PROJECT_ROOT, 'bench', 'neo4j-graphql.graphql'), 'utf8'));
const neoOperations = new Map(
  neoDocument.definitions.flatMap((d) => (d.kind === AstKind.OPERATION_DEFINITION && d.name ? [[d.name.value, print(d)] as const] : [])),
);

const rows: string[] = [];
for (const op of exampleOperations(source)) {
  const context = createContext(connection.executor, config.limits);
  await counting.apollo.executeOperation({ query: source, operationName: op.name }, { contextValue: context });
  const calls: Call[] = [
    // A client sends the operation it runs, not the whole examples file.
    { url: servers.api, body: { query: op.text, operationName: op.name } },
    { url: servers.raw, body: { name: op.name } },
  ];
  const neo = neoOperations.get(op.name);
  if (neo) calls.push({ url: servers.neo4jGraphql, body: { query: neo } });
  const [api, raw, neoLatency] = await interleaved(calls, ITERATIONS, WARMUP);
  rows.push(
    `| ${op.name} | ${context.executor.log.length} | ${ms(api.p50)} / ${ms(api.p95)} | ${ms(raw.p50)} / ${ms(raw.p95)} | ${neoLatency ? `${ms(neoLatency.p50)} / ${ms(neoLatency.p95)}` : 'n/a'} | ${(api.p50 / raw.p50).toFixed(2)} | ${neoLatency ? (api.p50 / neoLatency.p50).toFixed(2) : 'n/a'} |`,
  );
  console.error(rows.at(-1));
}

const throughput: string[] = [];
const textOf = new Map(exampleOperations(source).map((op) => [op.name, op.text]));
for (const name of ['SponsorsOfBCMAProducts', 'AgencyStructure']) {
  for (const connections of [1, 8, 32]) {
    const api = await load({ url: servers.api, body: { query: textOf.get(name), operationName: name } }, { connections, seconds: LOAD_SECONDS });
    const raw = await load({ url: servers.raw, body: { name } }, { connections, seconds: LOAD_SECONDS });
    const neo = await load({ url: servers.neo4jGraphql, body: { query: neoOperations.get(name) } }, { connections, seconds: LOAD_SECONDS });
    throughput.push(
      `| ${name} | ${connections} | ${api.requestsPerSecond.toFixed(0)} | ${raw.requestsPerSecond.toFixed(0)} | ${neo.requestsPerSecond.toFixed(0)} | ${(api.requestsPerSecond / raw.requestsPerSecond).toFixed(2)} | ${(api.requestsPerSecond / neo.requestsPerSecond).toFixed(2)} | ${api.failed + raw.failed + neo.failed} |`,
    );
    console.error(throughput.at(-1));
  }
}
await servers.stop();
await counting.stop();
await connection.close();

writeSection(
  'seed',
  [
    '## Seed graph: the example operations (`npm run bench`)',
    '',
    `\`npm run bench\`, ${ITERATIONS} interleaved iterations per operation after ${WARMUP} warm-up ones, ${new Date().toISOString().slice(0, 10)},`,
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, Neo4j 5.26 at ${connection.uri}. Latencies in milliseconds, all three over HTTP`,
    'on loopback from one client: the API (production settings), raw Cypher served by a minimal HTTP server, and @neo4j/graphql 7.',
    '',
    '| operation | Neo4j round trips (API) | API p50 / p95 | raw Cypher p50 / p95 | @neo4j/graphql p50 / p95 | API / raw | API / @neo4j/graphql |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Throughput (requests per second, autocannon, ${LOAD_SECONDS} s per cell, as many requests as the connections allow):`,
    '',
    '| operation | connections | API | raw Cypher | @neo4j/graphql | API / raw | API / @neo4j/graphql | failed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...throughput,
  ].join('\n'),
);
console.error('Wrote bench/results.md');
