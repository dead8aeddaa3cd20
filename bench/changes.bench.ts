/**
 * npm run bench:changes — what a write costs: on a Neo4j of its own (.neo4j/bench-changes, fresh, the
 * seed graph), the p50 and p95 of a one-operation change set (a corrected description, cited, through
 * the applier the mutation calls), of the same through review over HTTP (a curator's proposeChanges, an
 * editor's approveDraft), and the time of one
 * 10,000-operation change set (the size of an import). Not run in CI.
 *   npm run bench:changes -- [--iterations 200]
 * With --graph N it measures on the synthetic graph of N nodes that `npm run bench:scale -- --nodes N`
 * built and keeps (.neo4j/bench-N; build it first): the documents are registered, and the corrected
 * fact is a synthetic product, cited from the review. The 10k sponsors it writes stay in that graph.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { existsSync } from 'node:fs';
import { prepareGraph } from '../src/bootstrap.js';
import { registerDocuments } from '../src/graph/documents.js';
import { mintDevToken } from '../src/identity/dev-key.js';
import { readConfig } from '../src/config.js';
import { applyChangeSet } from '../src/graph/changes/apply.js';
import type { Operation } from '../src/graph/changes/operations.js';
import { REVIEW_ID } from '../src/graph/documents.js';
import { createDriver, Executor } from '../src/graph/executor.js';
import { ReadinessProbe } from '../src/graph/readiness.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '200' }, graph: { type: 'string' } } });
const iterations = Number(values.iterations);
const graphSize = values.graph ? Number(values.graph) : null;
const NEO4J: localServer.LocalInstance = graphSize
  ? // bench:scale's instance of that size, as it runs it (its data kept).
    { home: join(PROJECT_ROOT, '.neo4j', `bench-${graphSize}`), boltPort: 27687, httpPort: 27474, password: 'bench-password', heap: graphSize >= 500_000 ? '4g' : '1g', pageCache: graphSize >= 500_000 ? '3g' : '512m' }
  : { home: join(PROJECT_ROOT, '.neo4j', 'bench-changes'), boltPort: 27987, httpPort: 27774, password: 'bench-changes-password', heap: '1g' };
const graphName = graphSize ? `${graphSize.toLocaleString('en')} nodes` : 'seed graph';
const STAT = 'stat:ind-applications-2017-2024';
/** A product of bench:scale's synthetic graph. */
const SYNTHETIC_PRODUCT = 'product:p0';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => x.toFixed(1);

if (graphSize && !existsSync(join(NEO4J.home, 'data'))) throw new Error(`No graph of ${graphSize} nodes in ${NEO4J.home}: build it with npm run bench:scale -- --nodes ${graphSize}`);
await localServer.start(NEO4J, { fresh: !graphSize, log: () => {} });
const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', NEO4J.password);
const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 300_000, app: 'bench-changes' });
const rows = ['| write | n | p50 ms | p95 ms |', '| --- | --- | --- | --- |'];
try {
  // The synthetic graph has no seeds: its schema, the change log and the documents, nothing else.
  await prepareGraph(executor, () => {}, !graphSize);
  if (graphSize) await registerDocuments(executor);
  const target = graphSize ? SYNTHETIC_PRODUCT : STAT;
  const [cited] = graphSize
    ? [{ sentence: 93, quote: "Legend Biotech's Carvykti obtained U.S. marketing authorization in 2022 [15]", refs: [15] }]
    : await executor.readText<{ sentence: number; quote: string; refs: number[] }>('bench', 'MATCH (s:Statistic {id: $id}) RETURN s.sourceSentence AS sentence, s.sourceQuote AS quote, s.sourceRefs AS refs', { id: STAT });
  if (!cited?.quote) throw new Error(`${STAT} has no sentence link in this graph`);
  const correction = (i: number): Operation[] => [{ op: 'setProperties', id: target, properties: { description: `Benchmark correction ${i}` }, source: { document: REVIEW_ID, ...cited } }];
  const seqNow = async () => Number((await executor.read<{ seq: number }>('changes.current'))[0].seq);

  const direct: number[] = [];
  for (let i = 0; i < iterations + 20; i++) {
    const baseSeq = await seqNow();
    const started = performance.now();
    await applyChangeSet(executor, { reason: `bench ${i}`, baseSeq, actor: 'bench', operations: correction(i) });
    if (i >= 20) direct.push(performance.now() - started);
  }
  rows.push(`| one-operation change set, applier (${graphName}) | ${iterations} | ${ms(percentile(direct, 50))} | ${ms(percentile(direct, 95))} |`);

  // The benchmark writes hundreds of times as one subject: no per-subject limit here.
  const config = { ...readConfig(), logLevel: 'silent', writesEnabled: true, writeLimits: { burst: 1_000_000, perMinute: 1_000_000, maxDraftOperations: 10_000 } };
  const app = await createApp({ config, executor, readiness: new ReadinessProbe(executor, async () => undefined, true) });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const propose = `mutation($input: ChangeSetInput!) { proposeChanges(input: $input) { draft { id } } }`;
  const approve = `mutation($id: ID!) { approveDraft(id: $id) { changeSet { seq } } }`;
  const curator = await mintDevToken('bench-curator', ['curator']);
  const editor = await mintDevToken('bench-editor', ['editor']);
  const post = async (token: string, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  // Through review, as a curator and an editor do it: the proposal (checked in full, kept as a draft)
  // and the approval (applied), each timed, and the two together.
  const proposed: number[] = [];
  const approved: number[] = [];
  const both: number[] = [];
  for (let i = 0; i < iterations + 20; i++) {
    const baseSeq = await seqNow();
    const [op] = correction(1000 + i) as Array<Extract<Operation, { op: 'setProperties' }>>;
    const started = performance.now();
    const data = await post(curator, propose, { input: { reason: `bench http ${i}`, baseSeq, operations: [{ setProperties: { id: op.id, properties: op.properties, source: op.source } }] } });
    const middle = performance.now();
    await post(editor, approve, { id: data.proposeChanges.draft.id });
    const done = performance.now();
    if (i >= 20) {
      proposed.push(middle - started);
      approved.push(done - middle);
      both.push(done - started);
    }
  }
  rows.push(`| proposeChanges over HTTP: checked, kept as a draft (${graphName}) | ${iterations} | ${ms(percentile(proposed, 50))} | ${ms(percentile(proposed, 95))} |`);
  rows.push(`| approveDraft over HTTP: applied (${graphName}) | ${iterations} | ${ms(percentile(approved, 50))} | ${ms(percentile(approved, 95))} |`);
  rows.push(`| one-operation change set through review, both over HTTP (${graphName}) | ${iterations} | ${ms(percentile(both, 50))} | ${ms(percentile(both, 95))} |`);
  await app.stop();

  const big: Operation[] = Array.from({ length: 10_000 }, (_, i) => ({
    op: 'createEntity',
    kind: 'Sponsor',
    id: `sponsor:bench-${Date.now().toString(36)}-${i}`,
    properties: { name: `Bench sponsor ${i}` },
    source: { document: REVIEW_ID, sentence: 55, quote: 'CARsgen Therapeutics', refs: [] },
  }));
  const baseSeq = await seqNow();
  const started = performance.now();
  const result = await applyChangeSet(executor, { reason: 'bench import', baseSeq, actor: 'bench', operations: big });
  const took = performance.now() - started;
  rows.push(`| 10,000-operation change set (new sponsors), one transaction (${graphName}) | 1 | ${ms(took)} | – |`);
  console.log(`10k change set: seq ${result.seq}, ${result.changes.length} changes recorded`);
} finally {
  await driver.close();
  await localServer.stop(NEO4J);
}
console.log(`\nnpm run bench:changes -- --iterations ${iterations}${graphSize ? ` --graph ${graphSize}` : ''} (${new Date().toISOString().slice(0, 10)}, 2 cores)\n`);
console.log(rows.join('\n'));
