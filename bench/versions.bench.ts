/**
 * npm run bench:versions — what versions and live changes cost and buy, on a Neo4j of its own
 * (.neo4j/bench-versions, fresh, the seed graph), with two API processes on it: one with the response
 * cache, one without (RESPONSE_CACHE_MB=0).
 *   1. Repeated reads: every example operation, interleaved across the two (the cache's ratio).
 *   2. A node and a list as they stand and as of an earlier change set (asOf reads the change log).
 *   3. Subscription fan-out: --subscribers graphql-ws clients (1,000) on the cached API, then
 *      --changeSets change sets (100) proposed and approved through it; the delivery latency of each
 *      event, from its commit (`at`) to its arrival, and the API's RSS before and after.
 * Not run in CI.
 *   npm run bench:versions -- [--iterations 200] [--subscribers 1000] [--changeSets 100]
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { prepareGraph } from '../src/bootstrap.js';
import { applyChangeSet } from '../src/graph/changes/apply.js';
import { AS_OF_STATES } from '../src/graph/changes/feed.js';
import { createDriver, Executor } from '../src/graph/executor.js';
import { mintDevToken } from '../src/identity/dev-key.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { exampleOperations } from '../src/resolvers/examples.js';
import { apiProcess, interleaved, ms, quantile, send } from './harness.js';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '200' }, subscribers: { type: 'string', default: '1000' }, changeSets: { type: 'string', default: '100' } } });
const iterations = Number(values.iterations);
const subscribers = Number(values.subscribers);
const changeSets = Number(values.changeSets);
const NEO4J: localServer.LocalInstance = { home: join(PROJECT_ROOT, '.neo4j', 'bench-versions'), boltPort: 28087, httpPort: 28074, password: 'bench-versions-password', heap: '1g' };
const EXAMPLES = readFileSync(join(PROJECT_ROOT, 'examples.graphql'), 'utf8');
const STAT = 'stat:ind-applications-2017-2024';

/** One API process on the bench Neo4j, writes on and limits raised for the fan-out. */
const api = (port: number, env: Record<string, string>) =>
  apiProcess({
    port,
    neo4jUri: `bolt://127.0.0.1:${NEO4J.boltPort}`,
    password: NEO4J.password,
    env: { WRITES_ENABLED: 'true', WRITE_BURST: '1000000', WRITE_RATE_PER_MINUTE: '1000000', SUBSCRIPTIONS_PER_IDENTITY: String(subscribers + 10), SUBSCRIPTIONS_MAX: String(subscribers + 10), ...env },
  });

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

await localServer.start(NEO4J, { fresh: true, log: () => {} });
const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', NEO4J.password);
const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 300_000, app: 'bench-versions' });
const rows: string[] = [];
const apis: Array<{ stop(): void }> = [];
try {
  await prepareGraph(executor, () => {}, true);
  const cached = await api(24_300, {});
  const uncached = await api(24_301, { RESPONSE_CACHE_MB: '0' });
  apis.push(cached, uncached);

  // 1. Repeated reads.
  rows.push('| example operation | cached p50 ms | uncached p50 ms | uncached / cached |', '| --- | --- | --- | --- |');
  const ratios: number[] = [];
  for (const op of exampleOperations(EXAMPLES)) {
    const body = { query: EXAMPLES, operationName: op.name };
    const [hit, miss] = await interleaved([{ url: `${cached.url}/graphql`, body }, { url: `${uncached.url}/graphql`, body }], iterations, 10);
    ratios.push(miss.p50 / hit.p50);
    rows.push(`| ${op.name} | ${ms(hit.p50)} | ${ms(miss.p50)} | ${(miss.p50 / hit.p50).toFixed(1)} |`);
  }
  rows.push(`| **median of ${ratios.length}** | | | **${quantile(ratios, 0.5).toFixed(1)}** |`);

  // 2. asOf.
  const seq = (await send({ url: `${uncached.url}/graphql`, body: { query: '{ meta { dataVersion { seq } } }' } })).meta.dataVersion.seq;
  const node = (asOf: string) => ({ url: `${uncached.url}/graphql`, body: { query: `{ node(id: "${STAT}"${asOf}) { id name description sources { quote sentence } } }` } });
  const [now, then] = await interleaved([node(''), node(`, asOf: ${seq - 1}`)], iterations, 10);
  rows.push('', '| read (uncached API) | p50 ms | p95 ms |', '| --- | --- | --- |');
  rows.push(`| node(id) as it stands | ${ms(now.p50)} | ${ms(now.p95)} |`, `| node(id, asOf: ${seq - 1}) | ${ms(then.p50)} | ${ms(then.p95)} |`);
  // A list: as it stands, and as of the seed load (every change since read from the log).
  const list = (asOf: string) => ({ url: `${uncached.url}/graphql`, body: { query: `{ statistics(first: 20, orderBy: { field: VALUE, direction: DESC }${asOf}) { totalCount edges { node { id name value } } } }` } });
  const [listNow, listThen] = await interleaved([list(''), list(', asOf: 1')], iterations, 10);
  rows.push(`| statistics(first: 20) as it stands | ${ms(listNow.p50)} | ${ms(listNow.p95)} |`, `| statistics(first: 20, asOf: 1) | ${ms(listThen.p50)} | ${ms(listThen.p95)} |`);
  // Relationships as of a change set: a product's links and a neighbourhood, as they stand and as of
  // the seed load (versions.graphSince, then the traversal keeps what stood then).
  const CILTA = 'product:ciltacabtagene-autoleucel';
  const related = (asOf: string) => ({ url: `${uncached.url}/graphql`, body: { query: `{ node(id: "${CILTA}"${asOf}) { id name ... on Product { targets { name } sponsors { name } approvedBy { name } classificationsConnection(first: 5) { totalCount edges { node { name } } } } } }` } });
  const [relatedNow, relatedThen] = await interleaved([related(''), related(', asOf: 1')], iterations, 10);
  const around = (asOf: string) => ({ url: `${uncached.url}/graphql`, body: { query: `{ neighborhood(id: "target:bcma", depth: 2, limit: 50${asOf}) { nodes { id name } edges { type from to } } }` } });
  const [aroundNow, aroundThen] = await interleaved([around(''), around(', asOf: 1')], iterations, 10);
  rows.push(
    `| a product's relationship fields as it stands | ${ms(relatedNow.p50)} | ${ms(relatedNow.p95)} |`,
    `| the same, asOf: 1 | ${ms(relatedThen.p50)} | ${ms(relatedThen.p95)} |`,
    `| neighborhood(target:bcma, depth 2) as it stands | ${ms(aroundNow.p50)} | ${ms(aroundNow.p95)} |`,
    `| the same, asOf: 1 | ${ms(aroundThen.p50)} | ${ms(aroundThen.p95)} |`,
  );
  // The worst a list asOf carries: AS_OF_STATES entities of its kind changed since (one import-sized
  // change set of new sponsors, then one correcting each), so every one travels as a state.
  const [{ seq: base }] = await executor.read<{ seq: number }>('changes.current');
  const ids = Array.from({ length: AS_OF_STATES }, (_, i) => `sponsor:bench-asof-${i}`);
  const cite = { document: 'doc:china-cell-therapy-review', sentence: 55, quote: 'CARsgen Therapeutics', refs: [] as number[] };
  const made = await applyChangeSet(executor, { reason: 'bench asOf', baseSeq: Number(base), actor: 'bench', operations: ids.map((id, i) => ({ op: 'createEntity' as const, kind: 'Sponsor' as const, id, properties: { name: `Bench sponsor ${i}` }, source: cite })) });
  await applyChangeSet(executor, { reason: 'bench asOf', baseSeq: made.seq, actor: 'bench', operations: ids.map((id, i) => ({ op: 'setProperties' as const, id, properties: { name: `Bench sponsor ${i} (renamed)` }, source: cite })) });
  await new Promise((r) => setTimeout(r, 500)); // the API follows the log every 100 ms
  const sponsors = (asOf: string) => ({ url: `${uncached.url}/graphql`, body: { query: `{ sponsors(first: 20${asOf}) { totalCount edges { node { id name } } } }` } });
  const [sponsorsNow, sponsorsThen] = await interleaved([sponsors(''), sponsors(`, asOf: ${made.seq}`)], Math.min(iterations, 50), 5);
  rows.push(
    `| sponsors(first: 20) as it stands (${AS_OF_STATES} more sponsors) | ${ms(sponsorsNow.p50)} | ${ms(sponsorsNow.p95)} |`,
    `| sponsors(first: 20, asOf: ${made.seq}): ${AS_OF_STATES} states from the log | ${ms(sponsorsThen.p50)} | ${ms(sponsorsThen.p95)} |`,
  );

  // 3. Fan-out.
  const rssBefore = rssMb(cached.pid);
  const latencies: number[] = [];
  const received = new Map<number, number>();
  const clients: Client[] = [];
  let subscribed = 0;
  const since = (await send({ url: `${cached.url}/graphql`, body: { query: '{ meta { dataVersion { seq } } }' } })).meta.dataVersion.seq;
  for (let i = 0; i < subscribers; i++) {
    const client = createClient({ url: cached.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    clients.push(client);
    client.subscribe<{ changes: { seq: number; at: string } }>(
      { query: `subscription { changes(since: ${since}) { seq at } }` },
      {
        next: ({ data }) => {
          if (!data) return;
          latencies.push(Date.now() - Date.parse(data.changes.at));
          received.set(data.changes.seq, (received.get(data.changes.seq) ?? 0) + 1);
        },
        error: (e) => console.error('subscriber', JSON.stringify(e).slice(0, 200)),
        complete: () => undefined,
      },
    );
    subscribed++;
  }
  // Every subscriber connected and listening before the first change set.
  await new Promise((r) => setTimeout(r, 3_000));
  const rssSubscribed = rssMb(cached.pid);
  const curator = await mintDevToken('bench-curator', ['curator']);
  const editor = await mintDevToken('bench-editor', ['editor']);
  const post = async (token: string, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${cached.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const [cited] = await executor.readText<{ sentence: number; quote: string; refs: number[] }>('bench', 'MATCH (s:Statistic {id: $id}) RETURN s.sourceSentence AS sentence, s.sourceQuote AS quote, s.sourceRefs AS refs', { id: STAT });
  const started = performance.now();
  for (let i = 0; i < changeSets; i++) {
    const baseSeq = (await post(curator, '{ meta { dataVersion { seq } } }', {})).meta.dataVersion.seq;
    const draft = await post(curator, 'mutation($input: ChangeSetInput!) { proposeChanges(input: $input) { draft { id } } }', {
      input: { reason: `fan-out ${i}`, baseSeq, operations: [{ setProperties: { id: STAT, properties: { description: `Fan-out ${i}` }, source: { document: 'doc:china-cell-therapy-review', ...cited } } }] },
    });
    await post(editor, 'mutation($id: ID!) { approveDraft(id: $id) { changeSet { seq } } }', { id: draft.proposeChanges.draft.id });
  }
  const expected = subscribed * changeSets;
  for (const deadline = Date.now() + 60_000; latencies.length < expected && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
  const writing = (performance.now() - started) / 1000;
  const rssAfter = rssMb(cached.pid);
  const once = [...received.values()].every((n) => n === subscribed) && received.size === changeSets;
  rows.push('', `| fan-out: ${subscribed} subscribers, ${changeSets} change sets | |`, '| --- | --- |');
  rows.push(`| events delivered | ${latencies.length} of ${expected}${once ? ', each change set once to every subscriber' : ''} |`);
  rows.push(`| delivery from commit: p50 / p95 / p99 / max ms | ${ms(quantile(latencies, 0.5))} / ${ms(quantile(latencies, 0.95))} / ${ms(quantile(latencies, 0.99))} / ${ms(Math.max(...latencies))} |`);
  rows.push(`| change sets written (through review, over HTTP) | ${changeSets} in ${writing.toFixed(1)} s |`);
  rows.push(`| API RSS: idle / ${subscribed} subscribed / after | ${rssBefore.toFixed(0)} / ${rssSubscribed.toFixed(0)} / ${rssAfter.toFixed(0)} MB |`);
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  for (const a of apis) a.stop();
  await driver.close();
  await localServer.stop(NEO4J);
}
console.log(`\nnpm run bench:versions -- --iterations ${iterations} --subscribers ${subscribers} --changeSets ${changeSets} (${new Date().toISOString().slice(0, 16)}Z, 2 cores)\n`);
console.log(rows.join('\n'));
process.exit(0);
