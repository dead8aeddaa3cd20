/**
 * npm run bench:scale -- --nodes N — the read path on a synthetic graph of N nodes.
 *
 * Builds (or reuses) a deterministic graph with the project's labels, types, provenance and hubs
 * (bench/synthetic.ts) in its own Neo4j (.neo4j/bench-<N>, Bolt 27687, HTTP 27474), after timing the
 * project's importer on 10k records. Then measures, interleaved in one run, the project's API over
 * HTTP, the same questions as raw Cypher over HTTP (bench/raw-scale.cypher), and @neo4j/graphql on
 * the same database: p50/p95/p99 per question, and a fixed-rate load with errors counted. Results
 * for each size go to bench/scale-results.json; bench/results.md shows every size measured.
 *
 * Options: --nodes N (10000), --iterations (100), --rate R (100 req/s), --seconds S (30), --rebuild.
 */
import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applySchema } from '../src/graph/schema-apply.js';
import { createDriver, Executor } from '../src/graph/executor.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadSeeds } from '../src/graph/seeds/load.js';
import { RECORD_SCHEMAS } from '../src/graph/seeds/schema.js';
import { interleaved, load, ms, paced, send, startServers, type Call, type Latency, type LoadResult } from './harness.js';
import { writeSection } from './report.js';
import { build, plan, seedSet, syntheticCypher, SYNTHETIC_VERSION } from './synthetic.js';

const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '10000' },
    iterations: { type: 'string', default: '100' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    rebuild: { type: 'boolean', default: false },
  },
});
const N = Number(args.nodes);
const ITERATIONS = Number(args.iterations);
/** Time each server may spend on one question before it leaves the rotation (see harness.interleaved). */
const BUDGET_MS = 60_000;
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const PASSWORD = 'bench-password';
// One home per size, so measuring another size does not cost a rebuild; they share ports, so only
// one runs at a time.
const benchHome = (nodes: number) => join(PROJECT_ROOT, '.neo4j', `bench-${nodes}`);
const instance: localServer.LocalInstance = {
  home: benchHome(N),
  boltPort: 27687,
  httpPort: 27474,
  password: PASSWORD,
  heap: N >= 500_000 ? '4g' : '1g',
  pageCache: N >= 500_000 ? '3g' : '512m',
};
const uri = `bolt://127.0.0.1:${instance.boltPort}`;
process.env.NEO4J_PASSWORD = PASSWORD;

// Restarted every run, so the heap and page cache fit this size (data is kept); any other size's
// instance is stopped first.
for (const home of readdirSync(join(PROJECT_ROOT, '.neo4j')).filter((d) => d.startsWith('bench-'))) {
  await localServer.stop({ ...instance, home: join(PROJECT_ROOT, '.neo4j', home) });
}
await localServer.start(instance, { log });
const driver = createDriver(uri, 'neo4j', PASSWORD);
const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 600_000, app: 'bench:scale' });
const graph = plan(N);

async function emptyDatabase(): Promise<void> {
  for (;;) {
    const result = await executor.transaction('WRITE', 'synthetic.deleteBatch', (tx) => tx.run(syntheticCypher('synthetic.deleteBatch')), { timeoutMs: 600_000 });
    if (Number(result.records[0].get('deleted')) === 0) return;
  }
}


const [marker] = (await executor.transaction('READ', 'synthetic.readMarker', (tx) => tx.run(syntheticCypher('synthetic.readMarker')))).records;
let importer10k: number | undefined;
let buildSeconds: number | undefined;
if (args.rebuild || Number(marker.get('nodes')) !== N || Number(marker.get('version')) !== SYNTHETIC_VERSION) {
  log('Emptying the bench database...');
  await emptyDatabase();
  await applySchema(executor);
  // The project's own importer (validation, MERGE, citations, one transaction) on 10k records.
  const set = seedSet(10_000);
  let started = Date.now();
  for (const e of set.entities) RECORD_SCHEMAS[e.kind as keyof typeof RECORD_SCHEMAS].parse(e.record);
  const report = await loadSeeds(executor, set);
  importer10k = (Date.now() - started) / 1000;
  log(`Project importer: ${report.nodesCreated} nodes, ${report.relationshipsCreated + report.citationsCreated} relationships in ${importer10k.toFixed(1)} s`);
  await emptyDatabase();
  log(`Building the synthetic graph of ${N} nodes...`);
  started = Date.now();
  const relationships = await build(executor, graph, log);
  await executor.transaction('WRITE', 'synthetic.awaitIndexes', (tx) => tx.run(syntheticCypher('synthetic.awaitIndexes')), { timeoutMs: 1_300_000 });
  await executor.transaction('WRITE', 'synthetic.marker', (tx) => tx.run(syntheticCypher('synthetic.marker'), { nodes: N, version: SYNTHETIC_VERSION }));
  buildSeconds = (Date.now() - started) / 1000;
  log(`Built ${N} nodes and ${relationships} relationships in ${buildSeconds.toFixed(0)} s (indexes online)`);
} else {
  await applySchema(executor);
  log(`Reusing the synthetic graph of ${N} nodes in ${instance.home}`);
}

const servers = await startServers(uri, [join(PROJECT_ROOT, 'bench', 'raw-scale.cypher')]);
const { target, agency, sponsor } = graph.hubs;
const gql = (query: string, variables: Record<string, unknown> = {}): Call => ({ url: servers.api, body: { query, variables } });
const raw = (name: string, params: Record<string, unknown> = {}): Call => ({ url: servers.raw, body: { name, params } });
const neo = (query: string, variables: Record<string, unknown> = {}): Call => ({ url: servers.neo4jGraphql, body: { query, variables } });

const targetName: string = (await send(gql(`query($t: ID!) { node(id: $t) { name } }`, { t: target }))).node.name;

// The cursor of the 5,000th product of the hub target (or of the last full page, on a graph too
// small to have 5,000), found by paging as a client would.
let after: string | null = null;
let last = { name: '', id: '' };
let skipped = 0;
while (skipped < 5000) {
  const data = await send(gql(`query($t: ID!, $after: String) { products(filter: {target: $t}, first: 100, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id name } } } }`, { t: target, after }));
  if (!data.products.pageInfo.hasNextPage) break;
  after = data.products.pageInfo.endCursor;
  last = data.products.edges.at(-1).node;
  skipped += data.products.edges.length;
}

interface Question {
  name: string;
  what: string;
  api: Call;
  raw: Call;
  neo4jGraphql?: Call;
}
// Nested lists sized as a client sizes them (a product has one or two sponsors and targets), which
// keeps the estimated cost under the default limit.
const NESTED = `query($s: ID!) { products(filter: {sponsor: $s}, first: 20) { edges { node { name sponsors(first: 2) { name products(first: 5) { name targets(first: 3) { name } } } } } } }`;
const LIST_NESTED = `query($t: ID!) { products(filter: {target: $t}, first: 20) { edges { node { name sponsors(first: 2) { name } targets(first: 3) { name } } } } }`;
const questions: Question[] = [
  {
    name: 'filteredListFirstPage',
    what: `first page of products(filter: {target}) on the hub target (${target})`,
    api: gql(`query($t: ID!) { products(filter: {target: $t}, first: 20) { edges { node { id name year } } } }`, { t: target }),
    raw: raw('filteredListFirstPage', { target }),
    neo4jGraphql: neo(`query($t: ID!) { products(where: {targets: {some: {id: {eq: $t}}}}, limit: 20, sort: [{name: ASC}]) { id name year } }`, { t: target }),
  },
  {
    name: 'filteredListAfter5000',
    what: `the same list, the page after ${skipped.toLocaleString('en')} items (keyset cursor; @neo4j/graphql: offset)`,
    api: gql(`query($t: ID!, $after: String) { products(filter: {target: $t}, first: 20, after: $after) { edges { node { id name year } } } }`, { t: target, after }),
    raw: raw('filteredListAfter5000', { target, ...last }),
    neo4jGraphql: neo(`query($t: ID!, $offset: Int) { products(where: {targets: {some: {id: {eq: $t}}}}, limit: 20, offset: $offset, sort: [{name: ASC}]) { id name year } }`, { t: target, offset: skipped }),
  },
  {
    name: 'hubByDate',
    what: `first page of products(filter: {target}, orderBy: {field: DATE}) on the hub target (${target})`,
    api: gql(`query($t: ID!) { products(filter: {target: $t}, orderBy: {field: DATE}, first: 20) { edges { node { id name year } } } }`, { t: target }),
    raw: raw('hubByDate', { target }),
    neo4jGraphql: neo(`query($t: ID!) { products(where: {targets: {some: {id: {eq: $t}}}}, limit: 20, sort: [{date: ASC}]) { id name year } }`, { t: target }),
  },
  {
    name: 'nested3',
    what: `3-level nested list: products of the hub sponsor (${sponsor}) -> sponsors -> products (5) -> targets`,
    api: gql(NESTED, { s: sponsor }),
    raw: raw('nested3', { sponsor }),
    neo4jGraphql: neo(
      `query($s: ID!) { products(where: {sponsors: {some: {id: {eq: $s}}}}, limit: 20, sort: [{name: ASC}]) { name sponsors(limit: 2) { name products(limit: 5, sort: [{date: ASC}, {name: ASC}]) { name targets(limit: 3) { name } } } } }`,
      { s: sponsor },
    ),
  },
  {
    name: 'listNested',
    what: 'list with nested fields: the first 20 products of the hub target, each with its sponsors and targets',
    api: gql(LIST_NESTED, { t: target }),
    raw: raw('listNested', { target }),
    neo4jGraphql: neo(`query($t: ID!) { products(where: {targets: {some: {id: {eq: $t}}}}, limit: 20, sort: [{name: ASC}]) { name sponsors(limit: 2) { name } targets(limit: 3) { name } } }`, { t: target }),
  },
  {
    name: 'hubNeighborhood',
    what: `neighbourhood (depth 1, limit 50) of the hub agency (${agency})`,
    api: gql(`query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 50) { truncated nodes { id name } edges { type from to } } }`, { id: agency }),
    raw: raw('hubNeighborhood', { id: agency }),
  },
  {
    name: 'yearTotal',
    what: 'products(filter: {yearFrom: 2012}) { totalCount }: how many of every product were approved from 2012 on (about 379,000 of 421,000), with the first 20 by name',
    api: gql(`{ products(filter: {yearFrom: 2012}, first: 20) { totalCount edges { node { id name year } } } }`),
    raw: raw('yearTotal', { year: 2012 }),
    neo4jGraphql: neo(`{ productsConnection(where: {year: {gte: 2012}}, first: 20, sort: [{name: ASC}]) { totalCount edges { node { id name year } } } }`),
  },
  {
    name: 'whereThroughRelationship',
    what: `products(where: {targets: {some: {name: {eq}}}}): the first 20 products whose target is named like the hub target (${targetName})`,
    api: gql(`query($n: String!) { products(where: {targets: {some: {name: {eq: $n}}}}, first: 20) { edges { node { id name year } } } }`, { n: targetName }),
    raw: raw('whereThroughRelationship', { name: targetName }),
    neo4jGraphql: neo(`query($n: String!) { products(where: {targets: {some: {name: {eq: $n}}}}, limit: 20, sort: [{name: ASC}]) { id name year } }`, { n: targetName }),
  },
  {
    name: 'nameContains',
    what: 'products(filter: {nameContains: "cilta"}): the first 20 products whose name holds a syllable one in eight carries',
    api: gql(`{ products(filter: {nameContains: "cilta"}, first: 20) { edges { node { id name year } } } }`),
    raw: raw('nameContains', { text: 'cilta' }),
    neo4jGraphql: neo(`{ products(where: {name: {contains: "cilta"}}, limit: 20, sort: [{name: ASC}]) { id name year } }`),
  },
  {
    name: 'facetYearTarget',
    what: 'facets of every product by approval year and target (20 largest groups); the API reads GRAPHQL_MAX_GROUPED + 1 matches and refuses (QUERY_TOO_COMPLEX) when the kind holds more: its time is the time to that refusal; @neo4j/graphql has no grouping',
    api: { ...gql(`{ products(first: 0) { facets(by: [YEAR, TARGET]) { keys { value id } count } } }`), refusedWith: 'QUERY_TOO_COMPLEX' },
    raw: raw('facetYearTarget'),
  },
  {
    name: 'facetHubYearSponsor',
    what: `facets of the hub target's products (${target}) by approval year and sponsor (20 largest groups): a facet narrowed by a named node`,
    api: gql(`query($t: ID!) { products(filter: {target: $t}, first: 0) { facets(by: [YEAR, SPONSOR]) { keys { value id } count } } }`, { t: target }),
    raw: raw('facetHubYearSponsor', { target }),
  },
  {
    name: 'commonSearch',
    what: 'search for a word every product carries ("autoleucel"), first 20',
    api: gql(`{ search(text: "autoleucel", first: 20) { score node { id name } } }`),
    raw: raw('commonSearch', { text: '(autoleucel OR autoleucel*)' }),
  },
];

type Row = { name: string; what: string; api: Latency; raw: Latency; neo4jGraphql?: Latency };
const rows: Row[] = [];
for (const q of questions) {
  const calls = [q.api, q.raw, ...(q.neo4jGraphql ? [q.neo4jGraphql] : [])];
  const [api, rawLatency, neoLatency] = await interleaved(calls, ITERATIONS, 10, BUDGET_MS);
  rows.push({ name: q.name, what: q.what, api, raw: rawLatency, neo4jGraphql: neoLatency });
  log(`${q.name}: api p50 ${ms(api.p50)} ms, raw ${ms(rawLatency.p50)} ms${neoLatency ? `, @neo4j/graphql ${ms(neoLatency.p50)} ms` : ''}`);
}

/**
 * Waits until Neo4j runs nothing but this check: a load against a slow server leaves queries running
 * after its client stops (each timed-out request's query runs on), and the next measurement would pay
 * for them. After 20 s the leftovers, whose clients gave up long ago, are terminated (and counted).
 */
async function quiesce(): Promise<void> {
  const others = async () =>
    (
      await driver.executeQuery(
        "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN collect(transactionId) AS ids",
        {},
        { database: 'neo4j' },
      )
    ).records[0].get('ids') as string[];
  for (let i = 0; i < 20; i++) {
    if (!(await others()).length) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  for (let i = 0; i < 30; i++) {
    const ids = await others();
    if (!ids.length) return;
    await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids }, { database: 'neo4j' }).catch(() => undefined);
    log(`quiesce: terminated ${ids.length} leftover transaction(s) of an earlier load`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const rate = Number(args.rate);
const seconds = Number(args.seconds);
// Fixed-rate load on the list with nested fields (the issue's "list+nested") and on the heavier
// 3-level question, for each server in turn: with autocannon -R (each second's requests in one burst),
// then evenly paced (one request every 1000 / rate ms, latency from when it was due), the load the
// target describes.
async function fixedRate(label: string, run: (call: Call) => Promise<LoadResult>): Promise<Record<string, Record<string, LoadResult>>> {
  const results: Record<string, Record<string, LoadResult>> = {};
  for (const name of ['listNested', 'nested3']) {
    const q = questions.find((x) => x.name === name)!;
    results[name] = {};
    for (const [server, call] of [['api', q.api], ['raw', q.raw], ['neo4jGraphql', q.neo4jGraphql!]] as const) {
      await quiesce();
      results[name][server] = await run(call);
      log(`${label} ${rate} req/s for ${seconds} s, ${name}, ${server}: ${JSON.stringify(results[name][server])}`);
    }
  }
  return results;
}
const loads = await fixedRate('fixed', (call) => load(call, { connections: 100, seconds, rate }));
const pacedLoads = await fixedRate('paced', (call) => paced(call, { rate, seconds }));
// Capacity: as many requests as 16 connections allow (no fixed rate), to read the fixed-rate figures
// against: a rate above a server's capacity can only queue, and then shed or time out.
const capacity: Record<string, LoadResult> = {};
for (const [server, call] of [['api', questions.find((x) => x.name === 'listNested')!.api], ['raw', questions.find((x) => x.name === 'listNested')!.raw]] as const) {
  await quiesce();
  capacity[server] = await load(call, { connections: 16, seconds: 10 });
  log(`capacity, listNested, ${server}: ${JSON.stringify(capacity[server])}`);
}
await servers.stop();
await driver.close();

const file = join(PROJECT_ROOT, 'bench', 'scale-results.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all[N] = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Neo4j 5.26 heap ${instance.heap} page cache ${instance.pageCache}`,
  command: `npm run bench:scale -- --nodes ${N} --iterations ${ITERATIONS} --rate ${rate} --seconds ${seconds}`,
  iterations: ITERATIONS,
  importer10kSeconds: importer10k ?? all[N]?.importer10kSeconds ?? null,
  buildSeconds: buildSeconds ?? all[N]?.buildSeconds ?? null,
  // A run that reused the graph says so, and when the graph it measured was built.
  builtOn: buildSeconds !== undefined ? new Date().toISOString().slice(0, 10) : (all[N]?.builtOn ?? all[N]?.date ?? null),
  reused: buildSeconds === undefined,
  rows,
  load: { rate, seconds, connections: 100, results: loads },
  paced: { rate, seconds, results: pacedLoads },
  capacity,
};
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
writeSection('scale', renderScale(all));
log('Wrote bench/scale-results.json and bench/results.md');

function renderScale(results: Record<string, any>): string {
  const sizes = Object.keys(results).map(Number).sort((a, b) => a - b);
  const out = ['## Scale: synthetic graphs (`npm run bench:scale`)', ''];
  for (const size of sizes) {
    const r = results[size];
    out.push(`### ${size.toLocaleString('en')} nodes`, '', `\`${r.command}\`, ${r.date}; ${r.machine}.`, '');
    if (r.buildSeconds) {
      const when = r.reused ? `This run reused the graph built on ${r.builtOn}, which took` : 'Synthetic graph built in';
      out.push(`${when} ${Math.round(r.buildSeconds)} s (UNWIND batches of 10k, indexes online); the project's importer took ${r.importer10kSeconds?.toFixed(1)} s for 10k records${r.reused ? ' then' : ''}.`, '');
    }
    out.push(
      `Latencies in ms over HTTP from one client, ${r.iterations} interleaved requests per server and question (fewer, with n, where a server spent its 60 s budget).`,
      '',
      '| question | API p50 / p95 / p99 | raw Cypher p50 / p95 / p99 | @neo4j/graphql p50 / p95 / p99 | API / raw | API / @neo4j/graphql |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const row of r.rows as Row[]) {
      const f = (l?: Latency) => (l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}${l.n < r.iterations ? ` (n=${l.n})` : ''}` : 'n/a');
      out.push(`| ${row.name}: ${row.what} | ${f(row.api)} | ${f(row.raw)} | ${f(row.neo4jGraphql)} | ${(row.api.p50 / row.raw.p50).toFixed(2)} | ${row.neo4jGraphql ? (row.api.p50 / row.neo4jGraphql.p50).toFixed(2) : 'n/a'} |`);
    }
    const l = r.load;
    out.push('', `Fixed rate: ${l.rate} req/s for ${l.seconds} s over ${l.connections} connections (autocannon -R: each second's requests sent at once); failed = not HTTP 200, GraphQL errors, time-outs (10 s):`, '');
    out.push('| question | server | served req/s | p50 ms | p99 ms | sent | failed |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const [question, servers] of Object.entries(l.results as Record<string, Record<string, LoadResult>>)) {
      for (const [name, x] of Object.entries(servers)) out.push(`| ${question} | ${name} | ${x.requestsPerSecond.toFixed(1)} | ${x.p50} | ${x.p99} | ${x.sent} | ${x.failed} |`);
    }
    if (r.paced) {
      out.push('', `The same rate evenly paced: one request every ${(1000 / r.paced.rate).toFixed(0)} ms for ${r.paced.seconds} s, each sent when due whatever the earlier ones (open loop, bench/harness.ts \`paced\`), latency counted from when it was due:`, '');
      out.push('| question | server | answered req/s | p50 ms | p99 ms | sent | failed |', '| --- | --- | --- | --- | --- | --- | --- |');
      for (const [question, servers] of Object.entries(r.paced.results as Record<string, Record<string, LoadResult>>)) {
        for (const [name, x] of Object.entries(servers)) out.push(`| ${question} | ${name} | ${x.requestsPerSecond.toFixed(1)} | ${x.goodput ? ms(x.p50) : 'none answered'} | ${x.goodput ? ms(x.p99) : 'none answered'} | ${x.sent} | ${x.failed} |`);
      }
    }
    if (r.capacity) {
      out.push('', 'Capacity on this machine (listNested, 16 connections, as fast as they allow, 10 s):', '', '| server | req/s | p50 ms | p99 ms | failed |', '| --- | --- | --- | --- | --- |');
      for (const [name, x] of Object.entries(r.capacity as Record<string, LoadResult>)) out.push(`| ${name} | ${x.requestsPerSecond.toFixed(1)} | ${x.p50} | ${x.p99} | ${x.failed} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
