/**
 * npm run bench:burst — goodput under a burst: what the API still answers when far more clients
 * arrive at once than it can serve. On the local Neo4j (or NEO4J_URI) with the seed graph:
 *   1. capacity: 8 connections for BURST_SECONDS,
 *   2. a burst of BURST_CLIENTS (100) connections, then a flood of BURST_FLOOD (400), past what the
 *      queue holds, for BURST_SECONDS each, with load shedding as configured (NEO4J_MAX_IN_FLIGHT,
 *      NEO4J_MAX_QUEUED, NEO4J_QUEUE_WAIT_MS),
 *   3. the same two with shedding switched off (a limit no burst reaches), for comparison.
 * Goodput counts HTTP 200 answers without errors per second; shed counts 503s with Retry-After.
 * Writes its section of bench/results.md.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, prepareGraph } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { EXAMPLES_FILE, exampleOperations } from '../src/resolvers/examples.js';
import { load, ms, politeClients, startServers, type LoadResult } from './harness.js';
import { writeSection } from './report.js';

const SECONDS = Number(process.env.BURST_SECONDS ?? 20);
const CLIENTS = Number(process.env.BURST_CLIENTS ?? 100);
/** A burst past what the queue holds (NEO4J_MAX_IN_FLIGHT + NEO4J_MAX_QUEUED = 264 by default). */
const FLOOD = Number(process.env.BURST_FLOOD ?? 400);
/** The heaviest example: a filtered list, nested three levels, with sources. */
const OPERATION = process.env.BURST_OPERATION ?? 'ReformsBeforeFirstCD19Approval';

const config = readConfig();
const connection = await connect(config, 'cell-therapy-kg bench:burst');
await prepareGraph(connection.executor, () => {});
const rawFiles = [join(PROJECT_ROOT, 'bench', 'raw-cypher.cypher')];
// A client sends the operation it runs, not the whole examples file.
const operation = exampleOperations(readFileSync(EXAMPLES_FILE, 'utf8')).find((op) => op.name === OPERATION);
if (!operation) throw new Error(`${OPERATION} is not an operation of examples.graphql`);
const body = { query: operation.text, operationName: OPERATION };

const rows: string[] = [];
function row(label: string, clients: number, r: LoadResult): void {
  rows.push(`| ${label} | ${clients} | ${r.sent} | ${r.goodput.toFixed(0)} | ${r.shed} | ${r.failed - r.shed} | ${ms(r.p50)} | ${ms(r.p99)} |`);
  console.error(rows.at(-1));
}

/** A run: its name, how many clients, and whether they wait out Retry-After (polite) or retry at once (autocannon). */
type Run = [name: string, clients: number, polite: boolean];

async function phase(label: string, env: Record<string, string>, port: number, runs: Run[]): Promise<void> {
  const servers = await startServers(connection.uri, rawFiles, port, env);
  try {
    // Warm the plans and the JIT before measuring.
    await load({ url: servers.api, body }, { connections: 8, seconds: 10 });
    for (const [name, clients, polite] of runs) {
      const call = { url: servers.api, body };
      const options = { connections: clients, clients, seconds: SECONDS };
      row(`${label}: ${name}`, clients, polite ? await politeClients(call, options) : await load(call, options));
    }
  } finally {
    await servers.stop();
  }
}

const { maxInFlight, maxQueued, queueWaitMs } = config.neo4j;
const runs: Run[] = [
  ['burst', CLIENTS, false],
  ['flood, clients retry at once', FLOOD, false],
  ['flood, clients honour Retry-After', FLOOD, true],
];
await phase(`shedding on (${maxInFlight} in flight, ${maxQueued} queued, ${queueWaitMs} ms wait)`, {}, 24100, [['capacity', 8, false], ...runs]);
await phase('shedding off', { NEO4J_MAX_IN_FLIGHT: '100000', NEO4J_MAX_QUEUED: '0' }, 24200, runs);
await connection.close();

writeSection(
  'burst',
  `## Goodput under a burst (\`npm run bench:burst\`)

Operation \`${OPERATION}\` of examples.graphql on the seed graph, ${SECONDS} s per row. Each client sends its
next request when its answer arrives: with autocannon (a refused client retries at once: a retry storm), or,
where the row says so, waiting out the 503's Retry-After first (bench/harness.ts \`politeClients\`). Goodput:
HTTP 200 answers without errors per second. Shed: 503 + Retry-After. Other failures: any other error,
time-out (10 s) or socket error. Latencies are those of all answers (autocannon) or of good ones (polite).
Measured ${new Date().toISOString().slice(0, 10)}.

| run | clients | sent | goodput (req/s) | shed (503) | other failures | p50 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`,
);
process.exit(0);
