/**
 * npm run bench:burst — goodput under a burst: what the API still answers when far more clients
 * arrive at once than it can serve. On the local Neo4j (or NEO4J_URI) with the seed graph:
 *   1. capacity: 8 connections for BURST_SECONDS,
 *   2. a burst of BURST_CLIENTS (100) connections for BURST_SECONDS, with load shedding as
 *      configured (NEO4J_MAX_IN_FLIGHT, NEO4J_MAX_QUEUED, NEO4J_QUEUE_WAIT_MS),
 *   3. the same burst with shedding switched off (a limit no burst reaches), for comparison.
 * Goodput counts HTTP 200 answers without errors per second; shed counts 503s with Retry-After.
 * Writes its section of bench/results.md.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, prepareGraph } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/graph/local-server.js';
import { EXAMPLES_FILE } from '../src/resolvers/examples.js';
import { load, ms, startServers, type LoadResult } from './harness.js';
import { writeSection } from './report.js';

const SECONDS = Number(process.env.BURST_SECONDS ?? 20);
const CLIENTS = Number(process.env.BURST_CLIENTS ?? 100);
/** The heaviest example: a filtered list, nested three levels, with sources. */
const OPERATION = process.env.BURST_OPERATION ?? 'ReformsBeforeFirstCD19Approval';

const config = readConfig();
const connection = await connect(config, 'cell-therapy-kg bench:burst');
await prepareGraph(connection.executor, () => {});
const rawFiles = [join(PROJECT_ROOT, 'bench', 'raw-cypher.cypher')];
const body = { query: readFileSync(EXAMPLES_FILE, 'utf8'), operationName: OPERATION };

const rows: string[] = [];
function row(label: string, clients: number, r: LoadResult): void {
  rows.push(`| ${label} | ${clients} | ${r.sent} | ${r.goodput.toFixed(0)} | ${r.shed} | ${r.failed - r.shed} | ${ms(r.p50)} | ${ms(r.p99)} |`);
  console.error(rows.at(-1));
}

async function phase(label: string, env: Record<string, string>, port: number, runs: Array<[string, number]>): Promise<void> {
  const servers = await startServers(connection.uri, rawFiles, port, env);
  try {
    // Warm the plans and the JIT before measuring.
    await load({ url: servers.api, body }, { connections: 4, seconds: 3 });
    for (const [name, clients] of runs) row(`${label}: ${name}`, clients, await load({ url: servers.api, body }, { connections: clients, seconds: SECONDS }));
  } finally {
    await servers.stop();
  }
}

const { maxInFlight, maxQueued, queueWaitMs } = config.neo4j;
await phase(`shedding on (${maxInFlight} in flight, ${maxQueued} queued, ${queueWaitMs} ms wait)`, {}, 24100, [
  ['capacity', 8],
  ['burst', CLIENTS],
]);
await phase('shedding off', { NEO4J_MAX_IN_FLIGHT: '100000', NEO4J_MAX_QUEUED: '0' }, 24200, [['burst', CLIENTS]]);
await connection.close();

writeSection(
  'burst',
  `## Goodput under a burst (\`npm run bench:burst\`)

Operation \`${OPERATION}\` of examples.graphql on the seed graph, ${SECONDS} s per row, autocannon with the given
number of connections (each sends its next request when its answer arrives). Goodput: HTTP 200 answers
without errors per second. Shed: 503 + Retry-After. Other failures: any other error, time-out or socket error.
Measured ${new Date().toISOString().slice(0, 10)}.

| run | clients | sent | goodput (req/s) | shed (503) | other failures | p50 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`,
);
process.exit(0);
