/**
 * Change sets against the real Neo4j: a fact added from a second document, a figure corrected, a
 * link retracted, each one's history; twenty writers at once on one entity; every bad write coded and
 * changing nothing. The test's own facts are removed afterwards, so the other suites see the seeds.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { readDocument, registerDocuments } from '../src/graph/documents.js';
import { runChecker } from '../src/graph/checker.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { dataOf, startTestApi, type TestApi } from './support/api.js';
import { mintDevToken } from '../src/identity/dev-key.js';
import type { Role } from '../src/identity/roles.js';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'documents');
const DOC = 'doc:test-press-release';
const PRODUCT = 'product:testacabtagene-autoleucel';
const STAT = 'stat:test-pivotal-patients';

let api: TestApi;
let startSeq: number;

const CHANGE_SET = 'changeSet { seq baseSeq actor approver reason operations changeCount changes { index target targetType op before after } }';
const PROPOSE = `mutation($input: ChangeSetInput!, $dryRun: Boolean) {
  proposeChanges(input: $input, dryRun: $dryRun) { dryRun newFindings { id } draft { id status } ${CHANGE_SET} }
}`;
const APPROVE = `mutation($id: ID!) { approveDraft(id: $id) { dryRun newFindings { id } draft { id status seq } ${CHANGE_SET} } }`;

async function seqNow(): Promise<number> {
  return (await dataOf(api, '{ meta { dataVersion { seq } } }')).meta.dataVersion.seq;
}

type Answer = { status: number; body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> } };

async function gql(subject: string, roles: Role[], query: string, variables: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken(subject, roles)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/**
 * A curator proposes (a draft) and an editor approves it, as the review asks; the answer is the
 * approval's, under `proposeChanges` as the tests read it. A dry run, or a proposal refused, stops at
 * the proposal.
 */
async function propose(operations: unknown[], options: { reason?: string; baseSeq?: number; dryRun?: boolean; actor?: string } = {}): Promise<Answer> {
  const input = { reason: options.reason ?? 'test', baseSeq: options.baseSeq ?? (await seqNow()), operations };
  const proposed = await gql(options.actor ?? 'curator-test', ['curator'], PROPOSE, { input, dryRun: options.dryRun ?? false });
  if (options.dryRun || proposed.body.errors) return proposed;
  expect(proposed.body.data.proposeChanges.draft.status).toBe('PROPOSED');
  const approved = await gql('editor-test', ['editor'], APPROVE, { id: proposed.body.data.proposeChanges.draft.id });
  return { status: approved.status, body: approved.body.data ? { data: { proposeChanges: approved.body.data.approveDraft } } : approved.body };
}

const cite = (sentence: number, quote: string, refs: number[] = []) => ({ document: DOC, sentence, quote, refs });

beforeAll(async () => {
  api = await startTestApi({ writesEnabled: true });
  await registerDocuments(api.executor, [readDocument(join(FIXTURES, 'test-press-release.json')), readDocument(join(FIXTURES, 'test-paywalled.json'))]);
  startSeq = await seqNow();
});

afterAll(async () => {
  // Test facts out, so the suites after this one see exactly the seeds (nothing in the API deletes).
  await api.executor.transaction('WRITE', 'test.cleanup', async (tx) => {
    await tx.run("MATCH (n) WHERE (n:Entity OR n:Retracted) AND n.id CONTAINS 'test' DETACH DELETE n");
    await tx.run('MATCH (n) WHERE (n:ChangeSet OR n:Change) AND n.seq > $seq DETACH DELETE n', { seq: startSeq });
    await tx.run("MATCH (d:Document) WHERE d.id STARTS WITH 'doc:test' MATCH (s:Sentence {document: d.id}) DETACH DELETE s, d");
    await tx.run("MATCH (s:Sentence) WHERE any(f IN s.facts WHERE f CONTAINS 'test') SET s.facts = [f IN s.facts WHERE NOT f CONTAINS 'test']");
    await tx.run("MATCH (log:ChangeLog {id: 'main'}) SET log.seq = $seq", { seq: startSeq });
  });
  await runChecker(api.executor, { record: true });
  await api.close();
});

describe('a fact from a second document', () => {
  it('registers the document with its sentences, each with the references it cites', async () => {
    const d = await dataOf(api, `{ document(id: "${DOC}") { title licence textStored sentenceCount sha256 sentences(first: 2, after: null) { nodes { number text refs } pageInfo { hasNextPage endCursor } } } }`);
    expect(d.document).toMatchObject({ licence: 'CC0-1.0', textStored: true, sentenceCount: 5 });
    expect(d.document.sentences.nodes[1]).toEqual({ number: 2, text: expect.stringContaining('the NMPA approved Testacabtagene autoleucel'), refs: [1] });
    const rest = await dataOf(api, `query($a: String) { document(id: "${DOC}") { sentences(first: 10, after: $a) { nodes { number } pageInfo { hasNextPage } } } }`, { a: d.document.sentences.pageInfo.endCursor });
    expect(rest.document.sentences.nodes.map((s: any) => s.number)).toEqual([3, 4, 5]);
  });

  it('adds a product, its approval and its target, cited, in one change set; reads and history show them', async () => {
    const { body } = await propose(
      [
        { createEntity: { kind: 'PRODUCT', id: PRODUCT, properties: { name: 'Testacabtagene autoleucel', date: '2025-03', modality: 'CAR-T' }, source: cite(2, 'the NMPA approved Testacabtagene autoleucel', [1]) } },
        { addRelationship: { type: 'APPROVED_BY', from: PRODUCT, to: 'agency:nmpa', source: cite(2, 'In March 2025 the NMPA approved Testacabtagene autoleucel') } },
        { addRelationship: { type: 'TARGETS', from: PRODUCT, to: 'target:cd19', source: cite(5, 'the product targets CD19') } },
        { createEntity: { kind: 'STATISTIC', id: STAT, properties: { name: 'Patients treated in the pivotal trial', metric: 'clinical_trials', value: 40, unit: 'count' }, source: cite(4, 'A total of 42 patients were treated', [2, 3]) } },
      ],
      { reason: 'A 2025 approval from a press release', actor: 'curator-1' },
    );
    expect(body.errors).toBeUndefined();
    const { changeSet } = body.data.proposeChanges;
    expect(changeSet).toMatchObject({ seq: startSeq + 1, baseSeq: startSeq, actor: 'curator-1', operations: 4, changeCount: 4 });
    expect(changeSet.changes.map((c: any) => [c.target, c.op, c.before])).toEqual([
      [PRODUCT, 'create', null],
      [`${PRODUCT}|APPROVED_BY|agency:nmpa`, 'create', null],
      [`${PRODUCT}|TARGETS|target:cd19`, 'create', null],
      [STAT, 'create', null],
    ]);
    const d = await dataOf(api, `{ node(id: "${PRODUCT}") { name sources { document sentence quote referenceNumber unverified } ... on Product { approvedBy { id } targets { id } } } }`);
    expect(d.node).toMatchObject({ name: 'Testacabtagene autoleucel', approvedBy: { id: 'agency:nmpa' }, targets: [{ id: 'target:cd19' }] });
    expect(d.node.sources).toEqual([{ document: DOC, sentence: 2, quote: 'the NMPA approved Testacabtagene autoleucel', referenceNumber: 1, unverified: false }]);
    const cd19 = await dataOf(api, `{ products(filter: {target: "target:cd19"}, first: 50) { edges { node { id } } } }`);
    expect(cd19.products.edges.map((e: any) => e.node.id)).toContain(PRODUCT);
    const sentence = await dataOf(api, `{ document(id: "${DOC}") { sentences(first: 2) { nodes { number facts } } } }`);
    expect(sentence.document.sentences.nodes[1].facts).toEqual([PRODUCT, `${PRODUCT}|APPROVED_BY|agency:nmpa`]);
  });

  it('corrects a figure: the value changes, the history keeps the misread one', async () => {
    const { body } = await propose([{ setProperties: { id: STAT, properties: { value: 42 }, source: cite(4, 'A total of 42 patients were treated in the pivotal trial', [2, 3]) } }], { reason: 'The release says 42, not 40' });
    expect(body.errors).toBeUndefined();
    expect(body.data.proposeChanges.changeSet.changes[0]).toMatchObject({ target: STAT, op: 'update', before: { value: 40 }, after: { value: 42 } });
    expect((await dataOf(api, `{ node(id: "${STAT}") { ... on Statistic { value } } }`)).node.value).toBe(42);
    const h = await dataOf(api, `{ history(id: "${STAT}") { edges { change { op before after } changeSet { seq reason actor } } pageInfo { hasNextPage } } }`);
    expect(h.history.edges.map((e: any) => [e.change.op, e.change.after.value, e.changeSet.reason])).toEqual([
      ['update', 42, 'The release says 42, not 40'],
      ['create', 40, 'A 2025 approval from a press release'],
    ]);
  });

  it('retracts a link: no read sees it, the history says why, and the link is kept', async () => {
    const link = `${PRODUCT}|TARGETS|target:cd19`;
    const { body } = await propose([{ retractRelationship: { type: 'TARGETS', from: PRODUCT, to: 'target:cd19', reason: 'The release does not say which antigen' } }], { reason: 'Unsupported target' });
    expect(body.errors).toBeUndefined();
    const d = await dataOf(api, `{ node(id: "${PRODUCT}") { ... on Product { targets { id } } } products(filter: {target: "target:cd19"}, first: 50) { totalCount edges { node { id } } } }`);
    expect(d.node.targets).toEqual([]);
    expect(d.products.edges.map((e: any) => e.node.id)).not.toContain(PRODUCT);
    const h = await dataOf(api, `{ history(id: "${link}") { edges { change { op before after } changeSet { reason } } } }`);
    expect(h.history.edges.map((e: any) => [e.change.op, e.changeSet.reason])).toEqual([['retract', 'Unsupported target'], ['create', 'A 2025 approval from a press release']]);
    const [kept] = await api.executor.readText<{ type: string; reason: string }>('test', 'MATCH (:Entity {id: $id})-[r:RETRACTED]->(:Target {id: "target:cd19"}) RETURN r.type AS type, r.retractedReason AS reason', { id: PRODUCT });
    expect(kept).toEqual({ type: 'TARGETS', reason: 'The release does not say which antigen' });
  });

  it('lists the change sets since a seq, and one by its seq', async () => {
    const { body } = await api.post(`{ changes(since: ${startSeq}) { seq reason at } changeSet(seq: ${startSeq + 2}) { reason changes { target } } }`);
    expect(body.errors).toBeUndefined();
    const d = body.data;
    expect(d.changes.map((c: any) => c.seq)).toEqual([startSeq + 1, startSeq + 2, startSeq + 3]);
    expect(d.changeSet).toEqual({ reason: 'The release says 42, not 40', changes: [{ target: STAT }] });
  });

  it('keeps a fact from a document whose text is not stored, marked unverified', async () => {
    const { body } = await propose([{ createEntity: { kind: 'SPONSOR', id: 'sponsor:test-paywalled-biotech', properties: { name: 'Paywalled Biotech' }, source: { document: 'doc:test-paywalled', sentence: 9, quote: 'words nobody can check here', refs: [] } } }]);
    expect(body.errors).toBeUndefined();
    const d = await dataOf(api, '{ node(id: "sponsor:test-paywalled-biotech") { sources { document sentence unverified } } }');
    expect(d.node.sources).toEqual([{ document: 'doc:test-paywalled', sentence: 9, unverified: true }]);
  });
});

describe('imports are change sets too', () => {
  it('records the seed load with every entity\'s state after it, attributed to the importer', async () => {
    const h = await dataOf(api, '{ history(id: "product:ciltacabtagene-autoleucel", first: 100) { edges { change { op before after } changeSet { seq actor operations } } } }');
    const first = h.history.edges.at(-1);
    expect(first.change).toMatchObject({ op: 'create', before: null, after: { id: 'product:ciltacabtagene-autoleucel', date: '2024' } });
    expect(first.changeSet).toMatchObject({ actor: 'import' });
    expect(first.changeSet.operations).toBeGreaterThan(100);
  });
});

describe('retraction and dry runs', () => {
  it('shows a dry run, with the seq it would take, and writes nothing', async () => {
    const before = await seqNow();
    const { body } = await propose([{ retract: { id: STAT, reason: 'dry' } }], { dryRun: true });
    expect(body.data.proposeChanges).toMatchObject({ dryRun: true, changeSet: { seq: before + 1, changes: [{ target: STAT, op: 'retract' }] } });
    expect(await seqNow()).toBe(before);
    expect((await dataOf(api, `{ node(id: "${STAT}") { id } }`)).node).toEqual({ id: STAT });
  });

  it('retracts an entity with its links; it is gone from reads and its id is never reused', async () => {
    const { body } = await propose([{ retract: { id: PRODUCT, reason: 'Test product' } }]);
    expect(body.errors).toBeUndefined();
    expect(body.data.proposeChanges.changeSet.changes.map((c: any) => [c.target, c.op])).toEqual([
      [PRODUCT, 'retract'],
      [`${PRODUCT}|APPROVED_BY|agency:nmpa`, 'retract'],
    ]);
    const d = await dataOf(api, `{ node(id: "${PRODUCT}") { id } node2: node(id: "agency:nmpa") { ... on Agency { approvedProducts(first: 100) { id } } } search(text: "Testacabtagene") { node { id } } }`);
    expect(d.node).toBeNull();
    expect(d.node2.approvedProducts.map((p: any) => p.id)).not.toContain(PRODUCT);
    expect(d.search).toEqual([]);
    const again = await propose([{ createEntity: { kind: 'PRODUCT', id: PRODUCT, properties: { name: 'Again', date: '2025', modality: 'CAR-T' }, source: cite(2, 'the NMPA approved Testacabtagene autoleucel', [1]) } }]);
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', operation: 0, field: 'id' });
  });
});

describe('retracted facts: kept, and read when asked for', () => {
  it('tells why an entity is gone: retracted(id) with its state before, the reason and the change set', async () => {
    const d = await dataOf(api, `{
      retracted(id: "${PRODUCT}") { status restored supersededBy change { target kind op reason before } changeSet { actor reason } }
      never: retracted(id: "product:ciltacabtagene-autoleucel") { status }
    }`);
    expect(d.retracted).toMatchObject({
      status: 'RETRACTED',
      restored: false,
      supersededBy: null,
      change: { target: PRODUCT, kind: 'Product', op: 'retract', reason: 'Test product', before: { name: 'Testacabtagene autoleucel' } },
      changeSet: { actor: 'curator-test' },
    });
    expect(d.never).toBeNull();
  });

  it('answers a retracted entity by id only when asked (includeRetracted), marked, with its retracted links', async () => {
    const q = (flag: boolean) => `{ node(id: "${PRODUCT}", includeRetracted: ${flag}) { id kind retracted name ... on Product { date approvedBy { id } targets { id } } } }`;
    expect((await dataOf(api, q(false))).node).toBeNull();
    expect((await dataOf(api, q(true))).node).toEqual({ id: PRODUCT, kind: 'PRODUCT', retracted: true, name: 'Testacabtagene autoleucel', date: '2025-03', approvedBy: { id: 'agency:nmpa' }, targets: [{ id: 'target:cd19' }] });
    const live = await dataOf(api, '{ nodes(ids: ["product:ciltacabtagene-autoleucel", "product:nothing"], includeRetracted: true) { id retracted } }');
    expect(live.nodes).toEqual([{ id: 'product:ciltacabtagene-autoleucel', retracted: false }, null]);
  });

  it('lists, counts and groups retracted entities only when asked, and follows retracted links below them', async () => {
    const q = (flag: boolean) => `{
      products(first: 100, filter: {yearFrom: 2025}, orderBy: {field: NAME, direction: ASC}, includeRetracted: ${flag}) {
        totalCount aggregate { count } facets(by: [YEAR]) { keys { value } count }
        edges { node { id retracted targets { id } approvedBy { id } } }
      }
      cd19: node(id: "target:cd19") { ... on Target { products(first: 100) { id } } }
    }`;
    const live = (await dataOf(api, q(false))).products;
    const all = (await dataOf(api, q(true))).products;
    expect(live.edges.map((e: any) => e.node.id)).not.toContain(PRODUCT);
    expect(all.edges.find((e: any) => e.node.id === PRODUCT).node).toEqual({ id: PRODUCT, retracted: true, targets: [{ id: 'target:cd19' }], approvedBy: { id: 'agency:nmpa' } });
    // The same live entities, in the same order, and the retracted one in its place by name.
    expect(all.edges.filter((e: any) => !e.node.retracted)).toEqual(live.edges);
    const names = all.edges.map((e: any) => e.node.id);
    expect(names.filter((id: string) => id !== PRODUCT)).toEqual(live.edges.map((e: any) => e.node.id));
    expect(all.totalCount).toBe(live.totalCount + 1);
    expect(all.aggregate.count).toBe(live.aggregate.count + 1);
    const in2025 = (p: any) => p.facets.find((f: any) => f.keys[0].value === '2025')?.count ?? 0;
    expect(in2025(all)).toBe(in2025(live) + 1);
    // A traversal from a live node: the retracted TARGETS link to the retracted product, only when asked.
    const withFlag = await dataOf(api, `{ node(id: "target:cd19", includeRetracted: true) { ... on Target { products(first: 100) { id retracted } } } }`);
    expect(withFlag.node.products).toContainEqual({ id: PRODUCT, retracted: true });
    expect((await dataOf(api, q(true))).cd19.products.map((p: any) => p.id)).not.toContain(PRODUCT);
  });

  it('shows retracted entities and links on the timeline, in a neighbourhood and in a list export only when asked', async () => {
    const timeline = (flag: boolean) => dataOf(api, `{ timeline(kinds: [PRODUCT], from: "2025", includeRetracted: ${flag}) { date node { id retracted } } }`);
    expect((await timeline(false)).timeline.map((e: any) => e.node.id)).not.toContain(PRODUCT);
    expect((await timeline(true)).timeline).toContainEqual({ date: '2025-03', node: { id: PRODUCT, retracted: true } });

    const around = (flag: boolean) => api.post(`{ neighborhood(id: "${PRODUCT}", includeRetracted: ${flag}) { nodes { id retracted } edges { id type retracted } } }`);
    expect((await around(false)).body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const { neighborhood } = await dataOf(api, `{ neighborhood(id: "${PRODUCT}", includeRetracted: true) { nodes { id retracted } edges { id type retracted } } }`);
    expect(neighborhood.nodes[0]).toEqual({ id: PRODUCT, retracted: true });
    expect(neighborhood.edges).toEqual(
      expect.arrayContaining([
        { id: `${PRODUCT}|APPROVED_BY|agency:nmpa`, type: 'APPROVED_BY', retracted: true },
        { id: `${PRODUCT}|TARGETS|target:cd19`, type: 'TARGETS', retracted: true },
      ]),
    );

    // Found by search, and on a path, only when asked.
    const search = (flag: boolean) => dataOf(api, `{ search(text: "Testacabtagene", includeRetracted: ${flag}) { node { id retracted } } }`);
    expect((await search(false)).search).toEqual([]);
    expect((await search(true)).search).toEqual([{ node: { id: PRODUCT, retracted: true } }]);
    const paged = (flag: boolean) => dataOf(api, `{ searchConnection(text: "Testacabtagene", includeRetracted: ${flag}) { totalCount kinds { kind count } edges { node { id retracted } } } }`);
    expect((await paged(false)).searchConnection).toMatchObject({ totalCount: 0, edges: [] });
    expect((await paged(true)).searchConnection).toEqual({ totalCount: 1, kinds: [{ kind: 'PRODUCT', count: 1 }], edges: [{ node: { id: PRODUCT, retracted: true } }] });
    const path = (flag: boolean) => api.post(`{ path(fromId: "target:cd19", toId: "${PRODUCT}", includeRetracted: ${flag}) { nodes { id } relationships { type retracted } } }`);
    expect((await path(false)).body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await path(true)).body.data!.path).toEqual({ nodes: [{ id: 'target:cd19' }, { id: PRODUCT }], relationships: [{ type: 'TARGETS', retracted: true }] });

    const csv = async (query: string) => (await fetch(`${api.url}/export/products.csv${query}`)).text();
    expect(await csv('')).not.toContain(PRODUCT);
    const rows = parseCsv(await csv('?includeRetracted=true'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.id === PRODUCT)).toMatchObject({ name: 'Testacabtagene autoleucel', retracted: '1' });
    expect(rows.filter((r) => r.retracted === '1')).toHaveLength(1);

    // The whole graph: the retracted entity after the live ones, with the kind it keeps.
    const graphml = async (query: string) => (await fetch(`${api.url}/export/graph.graphml${query}`)).text();
    expect(await graphml('')).not.toContain(`<node id="${PRODUCT}">`);
    const all = await graphml('?includeRetracted=true');
    const node = new RegExp(`<node id="${PRODUCT}">(.*?)</node>`).exec(all)![1];
    expect(node).toContain('<data key="n_kind">Product</data>');
    expect(node).toContain('<data key="n_retracted">true</data>');
    expect(all).toContain(`source="${PRODUCT}" target="target:cd19"`);
  });

  it('pages a list with retracted entities by its cursor, as the list without them', async () => {
    const page = (after: string | null) => dataOf(api, `{ products(first: 3, includeRetracted: true, orderBy: {field: YEAR, direction: DESC}${after ? `, after: "${after}"` : ''}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const { products } = await page(after);
      seen.push(...products.edges.map((e: any) => e.node.id));
      if (!products.pageInfo.hasNextPage) break;
      after = products.pageInfo.endCursor;
    }
    const whole = await dataOf(api, '{ products(first: 100, includeRetracted: true, orderBy: {field: YEAR, direction: DESC}) { totalCount edges { node { id } } } }');
    expect(seen).toEqual(whole.products.edges.map((e: any) => e.node.id));
    expect(seen).toContain(PRODUCT);
    expect(seen).toHaveLength(whole.products.totalCount);
  });

  it('lists every retraction newest first, a page at a time, links retracted with their entity included', async () => {
    const first = await dataOf(api, '{ retractions(first: 2) { edges { change { target kind reason } cursor } pageInfo { hasNextPage endCursor } } }');
    expect(first.retractions.edges.map((e: any) => [e.change.target, e.change.reason])).toEqual([
      [`${PRODUCT}|APPROVED_BY|agency:nmpa`, 'Test product'],
      [PRODUCT, 'Test product'],
    ]);
    expect(first.retractions.pageInfo.hasNextPage).toBe(true);
    const next = await dataOf(api, `{ retractions(first: 1, after: "${first.retractions.pageInfo.endCursor}") { edges { change { target reason } } } }`);
    expect(next.retractions.edges[0].change).toEqual({ target: `${PRODUCT}|TARGETS|target:cd19`, reason: 'The release does not say which antigen' });
    const bad = await api.post('{ retractions(after: "not-a-cursor") { edges { cursor } } }');
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('superseding an entity', () => {
  it('retracts the old one in favour of its replacement, linked SUPERSEDES, and says so when asked', async () => {
    const OLD = 'sponsor:test-misnamed-biotech';
    const NEW = 'sponsor:test-named-biotech';
    const created = await propose([{ createEntity: { kind: 'SPONSOR', id: OLD, properties: { name: 'Misnamed Biotech' }, source: cite(2, 'the NMPA approved Testacabtagene autoleucel', [1]) } }]);
    expect(created.body.errors).toBeUndefined();
    const { body } = await propose(
      [
        { createEntity: { kind: 'SPONSOR', id: NEW, properties: { name: 'Named Biotech' }, source: cite(2, 'the NMPA approved Testacabtagene autoleucel', [1]) } },
        { supersede: { id: OLD, by: NEW, reason: 'The sponsor was misnamed' } },
      ],
      { reason: 'Correct a sponsor name' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.proposeChanges.changeSet.changes.map((c: any) => [c.target, c.op])).toEqual([
      [NEW, 'create'],
      [OLD, 'retract'],
    ]);
    const d = await dataOf(api, `{ old: node(id: "${OLD}") { id } new: node(id: "${NEW}") { name } retracted(id: "${OLD}") { supersededBy change { reason } } sponsors(first: 100) { totalCount edges { node { id } } } }`);
    expect(d.old).toBeNull();
    expect(d.new.name).toBe('Named Biotech');
    expect(d.retracted).toEqual({ supersededBy: NEW, change: { reason: 'The sponsor was misnamed' } });
    expect(d.sponsors.edges.map((e: any) => e.node.id)).not.toContain(OLD);
    const [link] = await api.executor.readText<{ reason: string }>('test', 'MATCH (:Sponsor {id: $new})-[s:SUPERSEDES]->(:Retracted {id: $old}) RETURN s.reason AS reason', { new: NEW, old: OLD });
    expect(link).toEqual({ reason: 'The sponsor was misnamed' });
    // Counts and exports leave the retracted sponsor out too.
    const csv = await (await fetch(`${api.url}/export/sponsors.csv`)).text();
    expect(csv).toContain('Named Biotech');
    expect(csv).not.toContain('Misnamed Biotech');
  });
});

describe('twenty writers on one entity with the same baseSeq', () => {
  it('lets exactly one win; the nineteen others get CONFLICT naming its seq, and no update is lost', async () => {
    const base = await seqNow();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        propose([{ setProperties: { id: STAT, properties: { description: `writer ${i}` }, source: cite(4, 'A total of 42 patients were treated in the pivotal trial', [2, 3]) } }], { baseSeq: base, reason: `writer ${i}` }),
      ),
    );
    const won = results.filter((r) => !r.body.errors);
    const lost = results.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', newerSeq: base + 1 });
    expect(await seqNow()).toBe(base + 1);
    const winner = won[0].body.data.proposeChanges.changeSet.reason;
    expect((await dataOf(api, `{ node(id: "${STAT}") { description } }`)).node.description).toBe(winner.replace('writer', 'writer'));
  });
});

describe('bad writes: a coded error, and nothing changes', () => {
  const cases: Array<[string, unknown, string, Record<string, unknown>]> = [
    ['an unknown document', { setProperties: { id: STAT, properties: { value: 1 }, source: { document: 'doc:nope', sentence: 1, quote: 'anything at all', refs: [] } } }, 'BAD_USER_INPUT', { field: 'source.document' }],
    ['a quote not in the sentence', { setProperties: { id: STAT, properties: { value: 1 }, source: cite(4, 'A total of 41 patients were treated', [2, 3]) } }, 'BAD_USER_INPUT', { field: 'source.quote' }],
    ['a sentence the document lacks', { setProperties: { id: STAT, properties: { value: 1 }, source: cite(99, 'A total of 42 patients') } }, 'BAD_USER_INPUT', { field: 'source.sentence' }],
    ['a reference the sentence does not cite', { setProperties: { id: STAT, properties: { value: 1 }, source: cite(4, 'A total of 42 patients', [7]) } }, 'BAD_USER_INPUT', { field: 'source.refs' }],
    ['a property the kind does not have', { setProperties: { id: STAT, properties: { colour: 'red' }, source: cite(4, 'A total of 42 patients', [2, 3]) } }, 'BAD_USER_INPUT', { field: 'properties' }],
    ['a value of the wrong type', { setProperties: { id: STAT, properties: { value: 'many' }, source: cite(4, 'A total of 42 patients', [2, 3]) } }, 'BAD_USER_INPUT', { field: 'properties.value' }],
    ['a relationship between kinds it does not join', { addRelationship: { type: 'TARGETS', from: STAT, to: 'target:cd19', source: cite(5, 'the product targets CD19') } }, 'BAD_USER_INPUT', { field: 'from' }],
    ['an entity that does not exist', { retract: { id: 'product:nope', reason: 'x' } }, 'BAD_USER_INPUT', { field: 'id' }],
    ['no operation, or two in one', { retract: { id: STAT, reason: 'x' }, supersede: { id: STAT, by: STAT, reason: 'x' } }, 'BAD_USER_INPUT', {}],
  ];
  for (const [name, operation, code, extensions] of cases) {
    it(name, async () => {
      const before = await seqNow();
      const [{ count: changeSets }] = await api.executor.readText<{ count: number }>('test', 'MATCH (c:ChangeSet) RETURN count(c) AS count');
      const { body } = await propose([{ createEntity: { kind: 'SPONSOR', id: 'sponsor:test-never-written', properties: { name: 'Never written' }, source: cite(5, 'The sponsor said') } }, operation]);
      expect(body.errors?.[0].extensions).toMatchObject({ code, ...extensions });
      expect(await seqNow()).toBe(before);
      expect((await dataOf(api, '{ node(id: "sponsor:test-never-written") { id } }')).node).toBeNull();
      const [{ count: after }] = await api.executor.readText<{ count: number }>('test', 'MATCH (c:ChangeSet) RETURN count(c) AS count');
      expect(after).toBe(changeSets);
    });
  }

  it('an unknown kind or relationship type: a validation error before any resolver', async () => {
    for (const operation of [{ createEntity: { kind: 'SPACESHIP', id: 'x:y', properties: {}, source: cite(2, 'the NMPA approved') } }, { addRelationship: { type: 'LOVES', from: STAT, to: STAT, source: cite(2, 'the NMPA approved') } }]) {
      const { status, body } = await propose([operation]);
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a stale baseSeq: CONFLICT naming the newer change set', async () => {
    const { body } = await propose([{ setProperties: { id: STAT, properties: { value: 43 }, source: cite(4, 'A total of 42 patients', [2, 3]) } }], { baseSeq: startSeq });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(body.errors![0].extensions!.newerSeq).toBeGreaterThan(startSeq);
  });

  it('10 MB of operations: refused before it is read, coded', async () => {
    const big = JSON.stringify({ query: PROPOSE, variables: { input: { reason: 'big', baseSeq: 0, operations: Array.from({ length: 45_000 }, (_, i) => ({ retract: { id: `product:x${i}`, reason: 'x'.repeat(200) } })) } } });
    expect(big.length).toBeGreaterThan(10_000_000);
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('writes switched off: WRITES_DISABLED, before any Neo4j work', async () => {
    const reads = await startTestApi();
    try {
      const res = await fetch(`${reads.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken('curator-test', ['curator'])}` },
        body: JSON.stringify({ query: PROPOSE, variables: { input: { reason: 'x', baseSeq: 0, operations: [{ retract: { id: STAT, reason: 'x' } }] } } }),
      });
      const body = (await res.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
      expect(body.errors?.[0].extensions?.code).toBe('WRITES_DISABLED');
    } finally {
      await reads.close();
    }
  });
});
