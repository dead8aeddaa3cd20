/**
 * Versions, time travel and live changes: every answer says the version it read; the ETag moves
 * exactly when a change set commits; repeated reads come from the response cache until then; reads
 * asOf a seq before and after a correction; subscriptions resumed after a disconnect get each change
 * set once, in order; a slow subscriber is cut off with memory bounded; a second API process sees a
 * write made through the first (with the version the write returned) and its subscribers get every
 * change set too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { applyChangeSet } from '../src/graph/changes/apply.js';
import { toNeo4jParams } from '../src/graph/executor.js';
import { mintDevToken } from '../src/identity/dev-key.js';
import type { Role } from '../src/identity/roles.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { startTestApi, untilReady, type TestApi } from './support/api.js';
import { undoChanges } from './support/undo-changes.js';
import { TEST_PASSWORD, TEST_URI } from './support/test-env.js';

const REVIEW = 'doc:china-cell-therapy-review';
const PATHWAY = 'pathway:conditional-approval';
const CITE = { document: REVIEW, sentence: 64, quote: 'conditional approval to facilitate rapid market entry', refs: [] as number[] };
const SPONSOR_CITE = { document: REVIEW, sentence: 55, quote: 'CARsgen Therapeutics', refs: [] as number[] };

let api: TestApi;
let startSeq: number;
let pathwayWas: Record<string, unknown>;

type Body = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }>; extensions?: Record<string, any> };

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, url = api.url): Promise<Body> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as Body;
}

const auth = async (subject: string, roles: Role[]) => ({ authorization: `Bearer ${await mintDevToken(subject, roles)}` });

/** A correction through the API: proposed by a curator, approved by an editor; the approval's answer. */
async function correct(operations: unknown[], url = api.url): Promise<Body> {
  const seq = (await post('{ meta { dataVersion { seq } } }', {}, {}, url)).data.meta.dataVersion.seq;
  const proposed = await post(
    'mutation($input: ChangeSetInput!) { proposeChanges(input: $input) { draft { id } } }',
    { input: { reason: 'versions test', baseSeq: seq, operations } },
    await auth('curator-versions', ['curator']),
    url,
  );
  expect(proposed.errors).toBeUndefined();
  const approved = await post('mutation($id: ID!) { approveDraft(id: $id) { changeSet { seq } } }', { id: proposed.data.proposeChanges.draft.id }, await auth('editor-versions', ['editor']), url);
  expect(approved.errors).toBeUndefined();
  return approved;
}

/** Waits until the API has seen change set `seq` (a write made straight through the applier reaches it by its poll). */
async function seen(seq: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq >= seq) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the API did not see change set ${seq}`);
}

const setAliases = (aliases: string[]) => [{ setProperties: { id: PATHWAY, properties: { aliases }, source: CITE } }];

/** A change set written straight through the applier (as an import would be), `n` sponsors at once. */
async function sponsors(tag: string, n: number, description = ''): Promise<number> {
  const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
  const operations = Array.from({ length: n }, (_, i) => ({
    op: 'createEntity' as const,
    kind: 'Sponsor' as const,
    id: `sponsor:test-live-${tag}-${i}`,
    properties: { name: `Live ${tag} ${i}`, ...(description ? { description } : {}) },
    source: SPONSOR_CITE,
  }));
  const result = await applyChangeSet(api.executor, { reason: `live ${tag}`, baseSeq: Number(seq), actor: 'test-live', operations });
  return result.seq;
}

interface Subscriber {
  seqs: number[];
  client: Client;
  closed: Promise<{ code: number; reason: string }>;
  dispose(): void;
}

function subscribe(url: string, variables: Record<string, unknown>, connectionParams: Record<string, unknown> = {}): Subscriber {
  let closedWith: (value: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
  const client = createClient({
    url: url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // A refused connection is what some tests expect: not worth a console line.
    onNonLazyError: () => undefined,
    on: { closed: (event) => closedWith({ code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }) },
  });
  const seqs: number[] = [];
  const dispose = client.subscribe<{ changes: { seq: number } }>(
    { query: 'subscription($since: Int, $kinds: [String!], $ids: [ID!]) { changes(since: $since, kinds: $kinds, ids: $ids) { seq actor changeCount changes { target op } } }', variables },
    { next: (value) => value.data && seqs.push(value.data.changes.seq), error: () => undefined, complete: () => undefined },
  );
  return { seqs, client, closed, dispose: () => (dispose(), void client.dispose()) };
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  // A small buffer, so that the slow subscriber below is cut off after a few change sets.
  api = await startTestApi({ writesEnabled: true, subscriptions: { perIdentity: 10, total: 5_000, perConnection: 5, buffer: 5 } });
  const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
  startSeq = Number(seq);
  [{ props: pathwayWas }] = await api.executor.readText<{ props: Record<string, unknown> }>('test', 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props', { id: PATHWAY });
});

afterAll(async () => {
  // Back to the seeds for the suites after this one, the corrected pathway as it was.
  await undoChanges(api.executor, startSeq, 'sponsor:test-live', async (tx) => {
    await tx.run('MATCH (n:Entity {id: $id}) SET n = $props', { id: PATHWAY, props: toNeo4jParams(pathwayWas) });
    await tx.run("MATCH (n:Event {id: 'event:test-live-asof'}) DETACH DELETE n");
    await tx.run("MATCH (n {id: 'reform:test-live-rel'}) WHERE n:Entity OR n:Retracted DETACH DELETE n");
    await tx.run("MATCH (s:Sentence) WHERE 'reform:test-live-rel' IN s.facts SET s.facts = [f IN s.facts WHERE f <> 'reform:test-live-rel']");
    await tx.run("MATCH (s:Sentence) WHERE 'event:test-live-asof' IN s.facts SET s.facts = [f IN s.facts WHERE f <> 'event:test-live-asof']");
  });
  await api.close();
});

let ORIGINAL_ALIASES: string[] = [];

describe('the version', () => {
  it('is in every answer, in meta with its commit time, and moves with a write at once', async () => {
    const read = await post('{ meta { dataVersion { seq committedAt } apiVersion } }');
    expect(read.extensions?.dataVersion).toEqual(read.data.meta.dataVersion);
    expect(read.data.meta.dataVersion.seq).toBe(startSeq);
    expect(Date.parse(read.data.meta.dataVersion.committedAt)).toBeGreaterThan(0);
    ORIGINAL_ALIASES = (await post(`{ node(id: "${PATHWAY}") { aliases } }`)).data.node.aliases;
    const written = await correct(setAliases(['conditional marketing approval']));
    // The write's answer carries the version it made; the next read (without polling) reads it.
    expect(written.extensions?.dataVersion.seq).toBe(startSeq + 1);
    expect((await post('{ products(first: 1) { totalCount } }')).extensions?.dataVersion.seq).toBe(startSeq + 1);
  });
});

describe('ETag and the response cache', () => {
  const GET = (headers: Record<string, string> = {}) => fetch(`${api.url}/graphql?operationName=SponsorsOfBCMAProducts`, { headers });

  it('answers GET with an ETag of the version, 304 for If-None-Match, and a new ETag exactly when a change set commits', async () => {
    const first = await GET();
    const etag = first.headers.get('etag')!;
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/"kg-\d+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect((await GET({ 'if-none-match': etag })).status).toBe(304);
    // Work that commits nothing (a rejected draft, a dry run) leaves the ETag as it was.
    const seq = (await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq;
    const proposed = await post('mutation($input: ChangeSetInput!) { proposeChanges(input: $input) { draft { id } } }', { input: { reason: 'to reject', baseSeq: seq, operations: setAliases(['x']) } }, await auth('curator-versions', ['curator']));
    await post('mutation($id: ID!) { rejectDraft(id: $id, reason: "no") { status } }', { id: proposed.data.proposeChanges.draft.id }, await auth('editor-versions', ['editor']));
    expect((await GET()).headers.get('etag')).toBe(etag);
    expect((await GET({ 'if-none-match': etag })).status).toBe(304);
    await correct(setAliases(['conditional marketing approval', 'conditional approval']));
    const after = await GET({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await GET({ 'if-none-match': after.headers.get('etag')! })).status).toBe(304);
  });

  it('serves a repeated read without Neo4j until a commit, then reads again', async () => {
    const query = `{ node(id: "${PATHWAY}") { aliases } }`;
    const first = await post(query);
    const again = await post(query);
    expect(again.data).toEqual(first.data);
    expect(again.extensions?.cost.roundTrips).toBe(0);
    await correct(setAliases(['conditional marketing approval']));
    const fresh = await post(query);
    expect(fresh.extensions?.cost.roundTrips).toBe(1);
    expect(fresh.data.node.aliases).toEqual(['conditional marketing approval']);
  });
});

describe('asOf', () => {
  it('answers an entity as it stood before and after a correction, by seq or by time', async () => {
    const before = (await post('{ meta { dataVersion { seq committedAt } } }')).data.meta.dataVersion;
    await new Promise((r) => setTimeout(r, 20));
    const corrected = await correct(setAliases(['conditional marketing approval (corrected)']));
    const at = corrected.data.approveDraft.changeSet.seq;
    const query = 'query($seq: Int, $time: String) { node(id: "pathway:conditional-approval", asOf: $seq, asOfTime: $time) { id name aliases sources { quote sentence } } }';
    const old = await post(query, { seq: before.seq });
    expect(old.errors).toBeUndefined();
    expect(old.data.node.aliases).toEqual(['conditional marketing approval']);
    expect((await post(query, { seq: at })).data.node.aliases).toEqual(['conditional marketing approval (corrected)']);
    expect((await post(query, { time: before.committedAt })).data.node.aliases).toEqual(['conditional marketing approval']);
    // Pinned to a version, a GET answer never changes: it may be kept for a year.
    const pinned = await fetch(`${api.url}/graphql?query=${encodeURIComponent(`{ node(id: "${PATHWAY}", asOf: ${before.seq}) { aliases } }`)}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const current = await fetch(`${api.url}/graphql?query=${encodeURIComponent(`{ node(id: "${PATHWAY}") { aliases } }`)}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(current.headers.get('cache-control')).toBe('no-cache');
    // Before the seeds' load the entity did not exist.
    expect((await post(query, { seq: 0 })).data.node).toBeNull();
    // The seeds as first loaded (change set 1).
    expect((await post(query, { seq: 1 })).data.node).toMatchObject({ id: PATHWAY, aliases: ORIGINAL_ALIASES });
  });

  it('answers a list as it stood at a change set: corrected values then, entities created later left out, retracted ones in, paged and counted as then', async () => {
    const before = (await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq;
    const was = (await post(`{ node(id: "${PATHWAY}") { aliases } }`)).data.node.aliases;
    expect(was.join(' ')).toContain('marketing');
    const corrected = (await correct(setAliases(['provisional approval (listed)']))).data.approveDraft.changeSet.seq;
    // A filter on a corrected value reads the value of the day: nameContains searches the aliases.
    const found = 'query($seq: Int, $text: String) { pathways(filter: { nameContains: $text }, asOf: $seq) { totalCount edges { node { id aliases } } } }';
    expect((await post(found, { seq: before, text: '(listed)' })).data.pathways).toEqual({ totalCount: 0, edges: [] });
    expect((await post(found, { seq: before, text: 'marketing' })).data.pathways).toEqual({ totalCount: 1, edges: [{ node: { id: PATHWAY, aliases: was } }] });
    expect((await post(found, { seq: corrected, text: '(listed)' })).data.pathways.edges.map((e: any) => e.node.id)).toEqual([PATHWAY]);
    expect((await post(found, { text: 'marketing' })).data.pathways.totalCount).toBe(0);
    expect((await post(found, { text: '(listed)' })).data.pathways.totalCount).toBe(1);

    // Sponsors created later are left out; one retracted later is in, as it was (not retracted).
    const list = 'query($seq: Int, $first: Int, $after: String) { sponsors(asOf: $seq, first: $first, after: $after, orderBy: { field: NAME, direction: DESC }) { totalCount edges { cursor node { id name retracted } } pageInfo { hasNextPage endCursor } } }';
    const created = await sponsors('asof', 3);
    const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
    const retracted = await applyChangeSet(api.executor, { reason: 'asOf test', baseSeq: Number(seq), actor: 'test-live', operations: [{ op: 'retract', id: 'sponsor:test-live-asof-0', reason: 'a test entity' }] });
    await seen(retracted.seq);
    const whole = async (at?: number) => {
      const ids: string[] = [];
      let total = -1;
      for (let after: string | null = null; ; ) {
        const page: Body = await post(list, { seq: at, first: 2, after });
        expect(page.errors).toBeUndefined();
        total = page.data.sponsors.totalCount;
        ids.push(...page.data.sponsors.edges.map((e: any) => e.node.id));
        if (!page.data.sponsors.pageInfo.hasNextPage) break;
        after = page.data.sponsors.pageInfo.endCursor;
      }
      expect(ids.length).toBe(total);
      return ids;
    };
    const then = await whole(before);
    const withAll = await whole(created);
    const now = await whole();
    expect(then.some((id) => id.startsWith('sponsor:test-live-asof-'))).toBe(false);
    expect(withAll.filter((id) => id.startsWith('sponsor:test-live-asof-')).sort()).toEqual(['sponsor:test-live-asof-0', 'sponsor:test-live-asof-1', 'sponsor:test-live-asof-2']);
    expect(withAll.length).toBe(then.length + 3);
    expect(now).toEqual(withAll.filter((id) => id !== 'sponsor:test-live-asof-0'));
    // In the same order as a current read of the same entities (name descending, then id).
    expect(then).toEqual(now.filter((id) => !id.startsWith('sponsor:test-live-asof-')));
    const atCreation = (await post(list, { seq: created, first: 100 })).data.sponsors.edges.find((e: any) => e.node.id === 'sponsor:test-live-asof-0').node;
    expect(atCreation).toEqual({ id: 'sponsor:test-live-asof-0', name: 'Live asof 0', retracted: false });
    expect(retracted.seq).toBeGreaterThan(created);

    // The CSV export takes it too, with the same rows.
    const csv = await (await fetch(`${api.url}/export/sponsors.csv?asOf=${before}`)).text();
    expect(csv.trim().split('\n').length - 1).toBe(then.length);
  });

  it('answers the timeline as it stood at a change set: an event dated later in the log is not on it, a corrected date is as it was', async () => {
    const before = (await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq;
    const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
    const source = { document: REVIEW, sentence: 46, quote: 'The "Wei Zexi incident" in 2016', refs: [] as number[] };
    const added = await applyChangeSet(api.executor, {
      reason: 'timeline asOf test',
      baseSeq: Number(seq),
      actor: 'test-live',
      operations: [{ op: 'createEntity', kind: 'Event', id: 'event:test-live-asof', properties: { name: 'A test event', date: '2016-06', eventType: 'incident' }, source }],
    });
    await seen(added.seq);
    const timeline = 'query($seq: Int) { timeline(first: 100, kinds: [EVENT], asOf: $seq) { date title node { id name } } }';
    const then = (await post(timeline, { seq: before })).data.timeline;
    const now = (await post(timeline)).data.timeline;
    expect(then.map((e: any) => e.node.id)).not.toContain('event:test-live-asof');
    expect(now.map((e: any) => e.node.id)).toContain('event:test-live-asof');
    expect(now.filter((e: any) => e.node.id !== 'event:test-live-asof')).toEqual(then);
    expect((await post(timeline, { seq: added.seq })).data.timeline).toEqual(now);
    // A corrected date: where the entry stood then, and where it stands now.
    const moved = await applyChangeSet(api.executor, { reason: 'timeline asOf test', baseSeq: added.seq, actor: 'test-live', operations: [{ op: 'setProperties', id: 'event:test-live-asof', properties: { date: '2016-11' }, source }] });
    await seen(moved.seq);
    const dateIn = (entries: any[]) => entries.find((e: any) => e.node.id === 'event:test-live-asof')?.date;
    const at = async (seq: number) => {
      const body = await post(timeline, { seq });
      expect(body.errors).toBeUndefined();
      return body.data.timeline;
    };
    expect(dateIn(await at(added.seq))).toBe('2016-06');
    expect(dateIn(await at(moved.seq))).toBe('2016-11');
    expect(dateIn((await post('{ timeline(first: 100, kinds: [EVENT], from: "2016-07") { date node { id } } }')).data.timeline)).toBe('2016-11');
    expect(dateIn((await post('query($seq: Int) { timeline(first: 100, kinds: [EVENT], from: "2016-07", asOf: $seq) { date node { id } } }', { seq: added.seq })).data.timeline)).toBeUndefined();
    // An entry's lists derived from dates read the dates of then too.
    const derived = await post('{ timeline(asOf: 1, kinds: [PRODUCT], first: 5) { node { ... on Product { precedingReforms { lagYears } } } } }');
    expect(derived.errors).toBeUndefined();
  });

  it("answers relationship fields as they stood at a change set: links added, renamed, retracted and retracted with their entity, each as it was", async () => {
    const CILTA = 'product:ciltacabtagene-autoleucel';
    const [s0, s1] = ['sponsor:test-live-rel-0', 'sponsor:test-live-rel-1'];
    const before = (await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq;
    const apply = async (operations: unknown[]) => {
      const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
      const result = await applyChangeSet(api.executor, { reason: 'relationships asOf test', baseSeq: Number(seq), actor: 'test-live', operations: operations as never });
      await seen(result.seq);
      return result.seq;
    };
    const added = await apply([
      ...[s0, s1].map((id, i) => ({ op: 'createEntity', kind: 'Sponsor', id, properties: { name: `Live rel ${i}` }, source: SPONSOR_CITE })),
      ...[s0, s1].map((to) => ({ op: 'addRelationship', type: 'SPONSORED_BY', from: CILTA, to, source: SPONSOR_CITE })),
    ]);
    const renamed = await apply([{ op: 'setProperties', id: s0, properties: { name: 'Live rel renamed' }, source: SPONSOR_CITE }]);
    // A correction of a link's citation retracts it and adds it anew in one change set.
    const recited = await apply([
      { op: 'retractRelationship', type: 'SPONSORED_BY', from: CILTA, to: s1, reason: 'cited anew' },
      { op: 'addRelationship', type: 'SPONSORED_BY', from: CILTA, to: s1, source: { ...SPONSOR_CITE, quote: 'Therapeutics' } },
    ]);
    const unlinked = await apply([{ op: 'retractRelationship', type: 'SPONSORED_BY', from: CILTA, to: s0, reason: 'a test link' }]);
    const gone = await apply([{ op: 'retract', id: s1, reason: 'a test entity' }]);

    const query = `query($seq: Int) { node(id: "${CILTA}", asOf: $seq) { id name ... on Product { sponsors { id name retracted } sponsorsConnection(first: 50) { totalCount edges { node { id name } sources { quote } } } } } }`;
    const at = async (seq?: number) => {
      const body = await post(query, { seq });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data.node;
    };
    const now = await at();
    const original = now.sponsors.map((s: any) => s.id);
    expect(original).not.toContain(s0);
    const names = (node: any) => Object.fromEntries(node.sponsors.map((s: any) => [s.id, s.name]));
    expect(await at(before)).toEqual(now);
    const atAdded = await at(added);
    expect(names(atAdded)).toMatchObject({ [s0]: 'Live rel 0', [s1]: 'Live rel 1' });
    expect(atAdded.sponsors.length).toBe(original.length + 2);
    expect(atAdded.sponsorsConnection.totalCount).toBe(original.length + 2);
    expect(atAdded.sponsorsConnection.edges.find((e: any) => e.node.id === s0).sources).toEqual([{ quote: SPONSOR_CITE.quote }]);
    // The sponsor's name then, the relationship list in the order of the names then.
    const atRenamed = await at(renamed);
    expect(names(atRenamed)[s0]).toBe('Live rel renamed');
    expect(atRenamed.sponsors.map((s: any) => s.name)).toEqual(now.sponsors.map((s: any) => s.name).concat(['Live rel 1', 'Live rel renamed']).sort());
    // A link cited anew: once, with the citation of each day.
    const quoteOf = (node: any) => node.sponsorsConnection.edges.filter((e: any) => e.node.id === s1).map((e: any) => e.sources[0].quote);
    expect(quoteOf(atRenamed)).toEqual([SPONSOR_CITE.quote]);
    const atRecited = await at(recited);
    expect(quoteOf(atRecited)).toEqual(['Therapeutics']);
    expect(atRecited.sponsors.length).toBe(original.length + 2);
    // The link retracted since stood then, not retracted; the sponsor retracted with its links stood until it was.
    expect(Object.keys(names(await at(unlinked))).sort()).toEqual([...original, s1].sort());
    expect((await at(unlinked)).sponsors.every((s: any) => s.retracted === false)).toBe(true);
    expect(await at(gone)).toEqual(now);
    // From the other end, and a list read as of then with the same field.
    const sponsor = `query($seq: Int) { node(id: "${s1}", asOf: $seq) { id ... on Sponsor { products { id } } } }`;
    expect((await post(sponsor, { seq: before })).data.node).toBeNull();
    expect((await post(sponsor, { seq: unlinked })).data.node).toEqual({ id: s1, products: [{ id: CILTA }] });
    expect((await post(sponsor, { seq: gone })).data.node).toBeNull();
    const list = 'query($seq: Int) { products(asOf: $seq, filter: { nameContains: "cilta" }) { edges { node { id sponsors { id name } } } } }';
    const listed = await post(list, { seq: renamed });
    expect(listed.errors).toBeUndefined();
    expect(listed.data.products.edges.find((e: any) => e.node.id === CILTA).node.sponsors).toEqual(atRenamed.sponsors.map(({ id, name }: any) => ({ id, name })));
    // A list filtered by a node it was related to then (a filter, or a where naming it by id).
    const bySponsor = `query($seq: Int) { products(filter: { sponsor: "${s1}" }, asOf: $seq) { totalCount edges { node { id name } } } byWhere: products(where: { sponsors: { some: { id: { eq: "${s1}" } } } }, asOf: $seq) { totalCount } }`;
    const heldBy = async (seq: number) => {
      const body = await post(bySponsor, { seq });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data.byWhere.totalCount).toBe(body.data.products.totalCount);
      return body.data.products;
    };
    expect(await heldBy(before)).toEqual({ totalCount: 0, edges: [] });
    expect(await heldBy(added)).toEqual({ totalCount: 1, edges: [{ node: { id: CILTA, name: now.name } }] });
    expect(await heldBy(unlinked)).toEqual({ totalCount: 1, edges: [{ node: { id: CILTA, name: now.name } }] });
    expect(await heldBy(gone)).toEqual({ totalCount: 0, edges: [] });
    // Aggregates and facets as of then: by a related node (its name then), on a list and on a connection.
    const grouped = `query($seq: Int) { products(asOf: $seq, first: 0) { totalCount aggregate { count } facets(by: [SPONSOR], first: 100) { keys { id value } count } } sponsor: node(id: "${s1}", asOf: $seq) { ... on Sponsor { productsConnection(first: 1) { totalCount aggregate { count } facets(by: [YEAR]) { count } } } } }`;
    const groups = async (seq: number) => {
      const body = await post(grouped, { seq });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data.products.aggregate.count).toBe(body.data.products.totalCount);
      const mine = body.data.products.facets.filter((b: any) => b.keys[0].id?.startsWith('sponsor:test-live-rel-'));
      return { buckets: Object.fromEntries(mine.map((b: any) => [b.keys[0].id, [b.keys[0].value, b.count]])), connection: body.data.sponsor?.productsConnection ?? null };
    };
    expect(await groups(before)).toEqual({ buckets: {}, connection: null });
    expect(await groups(added)).toEqual({ buckets: { [s0]: ['Live rel 0', 1], [s1]: ['Live rel 1', 1] }, connection: { totalCount: 1, aggregate: { count: 1 }, facets: [{ count: 1 }] } });
    expect((await groups(renamed)).buckets[s0]).toEqual(['Live rel renamed', 1]);
    expect(await groups(gone)).toEqual({ buckets: {}, connection: null });
    // The timeline's entries with their links as of then too.
    const timeline = 'query($seq: Int) { timeline(first: 100, kinds: [PRODUCT], asOf: $seq) { node { id ... on Product { sponsors { id } } } } }';
    const entry = (await post(timeline, { seq: added })).data.timeline.find((e: any) => e.node.id === CILTA);
    expect(entry.node.sponsors.map((s: any) => s.id).sort()).toEqual([...original, s0, s1].sort());
    // A neighbourhood and a path as of then: along the links that stood then, through the entities then.
    const around = `query($seq: Int) { neighborhood(id: "${s0}", asOf: $seq) { nodes { id name } edges { type from to retracted } } }`;
    const near = (await post(around, { seq: renamed })).data.neighborhood;
    expect(near.nodes.map((n: any) => n.id).sort()).toEqual([CILTA, s0].sort());
    expect(near.nodes.find((n: any) => n.id === s0).name).toBe('Live rel renamed');
    expect(near.edges).toEqual([{ type: 'SPONSORED_BY', from: CILTA, to: s0, retracted: false }]);
    expect((await post(around, { seq: unlinked })).data.neighborhood).toEqual({ nodes: [{ id: s0, name: 'Live rel renamed' }], edges: [] });
    expect((await post(around, { seq: before })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const path = `query($seq: Int) { path(fromId: "${s1}", toId: "${CILTA}", asOf: $seq) { length nodes { id name } relationships { type retracted } } }`;
    expect((await post(path, { seq: added })).data.path).toEqual({ length: 1, nodes: [{ id: s1, name: 'Live rel 1' }, { id: CILTA, name: now.name }], relationships: [{ type: 'SPONSORED_BY', retracted: false }] });
    expect((await post(path, { seq: gone })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await post(path)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await post(`{ path(fromId: "${s0}", toId: "${CILTA}", asOf: ${unlinked}, maxHops: 1) { length } }`)).data.path).toBeNull();
    // A search as of then: the hits that stood then, with their values then (found by the words of now).
    const search = `query($seq: Int) { search(text: "Live rel", kinds: [SPONSOR], asOf: $seq) { node { id name } } searchConnection(text: "Live rel", kinds: [SPONSOR], asOf: $seq) { totalCount edges { node { id } } } }`;
    const hits = async (seq: number) => {
      const body = await post(search, { seq });
      expect(body.errors).toBeUndefined();
      expect(body.data.searchConnection.edges.map((e: any) => e.node.id).sort()).toEqual(body.data.search.map((h: any) => h.node.id).sort());
      expect(body.data.searchConnection.totalCount).toBe(body.data.search.length);
      // Other suites' sponsors ("Live asof 1") match "live" too: this test's own are compared.
      return Object.fromEntries(body.data.search.filter((h: any) => h.node.id.startsWith('sponsor:test-live-rel-')).map((h: any) => [h.node.id, h.node.name]));
    };
    expect(await hits(before)).toEqual({});
    expect(await hits(added)).toEqual({ [s0]: 'Live rel 0', [s1]: 'Live rel 1' });
    expect(await hits(gone)).toEqual({ [s0]: 'Live rel renamed' });
    // The whole-graph exports as of then: the entities and links that stood then, with their values then.
    const graphml = async (seq: number) => {
      const res = await fetch(`${api.url}/export/graph.graphml?asOf=${seq}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const edge = (to: string) => new RegExp(`<edge id="e\\d+" source="${CILTA}" target="${to}"><data key="e_type">SPONSORED_BY</data>`);
    const atUnlinked = await graphml(unlinked);
    expect(atUnlinked).toContain(`<node id="${s0}">`);
    expect(atUnlinked).toContain('Live rel renamed');
    expect(atUnlinked).toMatch(edge(s1));
    expect(atUnlinked).not.toMatch(edge(s0));
    const atBefore = await graphml(before);
    expect(atBefore).not.toContain(`<node id="${s0}">`);
    expect(atBefore).not.toContain('RETRACTED');
    const atAddedExport = await graphml(added);
    expect(atAddedExport).toMatch(edge(s0));
    expect(atAddedExport).toContain('Live rel 0');
    expect((await graphml(gone))).not.toContain(`<node id="${s1}">`);
    const workbook = await fetch(`${api.url}/export/graph.xlsx?asOf=${unlinked}`);
    expect(workbook.status).toBe(200);
    expect((await workbook.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    const refused = await fetch(`${api.url}/export/graph.xlsx?asOf=${gone + 100}`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Body).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // A table derived from dates as they stand says so rather than answering today's rows.
    const derived = await fetch(`${api.url}/export/approvals-and-preceding-reforms.csv?asOf=${added}`);
    expect(derived.status).toBe(400);
    expect(((await derived.json()) as Body).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // What is derived from dates reads the dates then: a reform dated after the approval, then redated before it.
    const REFORM = 'reform:test-live-rel';
    const dated = await apply([{ op: 'createEntity', kind: 'Reform', id: REFORM, properties: { name: 'A test reform', date: '2099' }, source: SPONSOR_CITE }]);
    const redated = await apply([{ op: 'setProperties', id: REFORM, properties: { date: '2010' }, source: SPONSOR_CITE }]);
    const lags = `query($seq: Int) { node(id: "${CILTA}", asOf: $seq) { ... on Product { year precedingReforms(first: 100) { lagYears reform { id date } } } } approvalsFollowing(reformId: "${REFORM}", asOf: $seq) { lagYears product { id } } }`;
    const lagsAt = async (seq?: number) => {
      const body = await post(lags, { seq });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return { preceding: body.data.node.precedingReforms.filter((l: any) => l.reform.id === REFORM), following: body.data.approvalsFollowing.filter((l: any) => l.product.id === CILTA), year: body.data.node.year };
    };
    expect(await lagsAt(dated)).toMatchObject({ preceding: [], following: [] });
    const { year } = await lagsAt(redated);
    expect(await lagsAt(redated)).toEqual({ preceding: [{ lagYears: year - 2010, reform: { id: REFORM, date: '2010' } }], following: [{ lagYears: year - 2010, product: { id: CILTA } }], year });
    expect(await lagsAt()).toEqual(await lagsAt(redated));
    expect((await post(`{ approvalsFollowing(reformId: "${REFORM}", asOf: ${added}) { lagYears } }`)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    // A statistic's siblings along the breakdown links of then (the seeds' load: the same as now).
    const siblings = 'query($seq: Int) { node(id: "stat:clinical-trials-2017-2024-phase-i", asOf: $seq) { ... on Statistic { siblings(first: 10) { id value } } } }';
    const siblingsNow = (await post(siblings)).data.node.siblings;
    expect(siblingsNow.length).toBe(4);
    expect((await post(siblings, { seq: 1 })).data.node.siblings).toEqual(siblingsNow);
    // Retracted entities beside a read as of then: refused, coded.
    expect((await post(`{ neighborhood(id: "${CILTA}", asOf: ${added}, includeRetracted: true) { nodes { id } } }`)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'includeRetracted' });
  });

  it('refuses what a read as of a change set does not answer (two related nodes, a node by name, where through relationships, retracted entities beside it), while planning', async () => {
    for (const [query, argument] of [
      ['{ products(asOf: 1, filter: { target: "target:bcma", sponsor: "sponsor:legend-biotech" }) { totalCount } }', 'filter'],
      ['{ products(asOf: 1, where: { targets: { some: { name: { eq: "BCMA" } } } }) { totalCount } }', 'where'],
      ['{ products(asOf: 1, where: { targets: { some: { name: { contains: "BCMA" } } } }) { totalCount } }', 'where'],
      ['{ node(id: "target:bcma", asOf: 1) { ... on Target { productsConnection(where: { sponsors: { some: { id: { eq: "sponsor:x" } } } }) { totalCount } } } }', 'where'],
      ['{ products(asOf: 1, includeRetracted: true) { totalCount } }', 'includeRetracted'],
      ['{ products(asOf: 1, asOfTime: "2026-01-01T00:00:00Z") { totalCount } }', 'asOf'],
    ] as const) {
      const { errors } = await post(query);
      expect(errors?.[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('refuses a seq not yet committed, both arguments, and retracted entities beside a past node, with codes', async () => {
    const now = (await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq;
    for (const [query, argument] of [
      [`{ node(id: "${PATHWAY}", asOf: ${now + 5}) { id } }`, 'asOf'],
      [`{ node(id: "${PATHWAY}", asOf: 1, asOfTime: "2026-01-01T00:00:00Z") { id } }`, 'asOf'],
      [`{ node(id: "${PATHWAY}", asOfTime: "yesterday") { id } }`, 'asOfTime'],
      [`{ node(id: "product:ciltacabtagene-autoleucel", asOf: ${now}, includeRetracted: true) { id } }`, 'includeRetracted'],
    ] as const) {
      const { errors } = await post(query);
      expect(errors?.[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('subscriptions', () => {
  it('streams change sets as they commit; a subscriber away for 10 change sets resumes and gets each once, in order', async () => {
    const since = (await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq;
    const live = subscribe(api.url, { since });
    const first = await sponsors('a', 1);
    await until(() => live.seqs.includes(first));
    live.dispose();
    const missed: number[] = [];
    for (let i = 0; i < 10; i++) missed.push(await sponsors(`b${i}`, 1));
    const resumed = subscribe(api.url, { since: first });
    const next = await sponsors('c', 2);
    await until(() => resumed.seqs.includes(next));
    expect(resumed.seqs).toEqual([...missed, next]);
    // A filter by id gets only the change sets that touched it.
    const filtered = subscribe(api.url, { since, ids: ['sponsor:test-live-b3-0'] });
    await until(() => filtered.seqs.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(filtered.seqs).toEqual([missed[3]]);
    resumed.dispose();
    filtered.dispose();
  });

  it('refuses a bad token, too many connections per caller, a query over the socket and a subscription over HTTP, with codes', async () => {
    const forged = subscribe(api.url, {}, { authorization: 'Bearer a.b.c' });
    expect(await forged.closed).toMatchObject({ code: 4401, reason: expect.stringContaining('UNAUTHENTICATED') });
    const token = await auth('reader-many', ['reader']);
    const open = Array.from({ length: api.config.subscriptions.perIdentity }, () => subscribe(api.url, {}, token));
    await until(() => api.app.follower.subscribers >= open.length);
    const extra = subscribe(api.url, {}, token);
    expect(await extra.closed).toMatchObject({ code: 4029, reason: expect.stringContaining('TOO_MANY_CONNECTIONS') });
    for (const s of open) s.dispose();
    const http = await post('subscription { changes { seq } }');
    expect(http.errors?.[0].message).toContain('WebSocket');
    const client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0 });
    const errors = await new Promise<Array<{ message: string; extensions?: Record<string, unknown> }>>((resolve) => {
      client.subscribe({ query: '{ meta { apiVersion } }' }, { next: () => undefined, error: (e) => resolve(e as never), complete: () => undefined });
    });
    expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    await client.dispose();
  });

  it('cuts off a subscriber that stops reading, with SLOW_CONSUMER, and memory stays bounded', async () => {
    // A raw client that subscribes five times (each answer repeated by 15 aliases) and then stops
    // reading its socket: the kernel's buffers fill, the server's sends stop completing, and the
    // change sets waiting for it reach the cap.
    const socket = new WebSocket(api.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    const fields = Array.from({ length: 15 }, (_, i) => `c${i}: changes { target before after }`).join(' ');
    for (let i = 0; i < 5; i++) socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: `subscription { changes { seq ${fields} } }` } }));
    await until(() => api.app.follower.subscribers >= 5);
    (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const rss = process.memoryUsage().rss;
    let written = 0;
    const limit = api.config.subscriptions.buffer + 40;
    while (api.app.follower.subscribers > 0 && written < limit) {
      await sponsors(`slow${written}`, 100, 'd'.repeat(1_000));
      written++;
    }
    await until(() => api.app.follower.subscribers === 0, 30_000);
    const grew = (process.memoryUsage().rss - rss) / 1024 / 1024;
    console.log(`slow consumer cut off after ${written} change sets of 100 entities; RSS grew ${grew.toFixed(0)} MB`);
    expect(written).toBeLessThan(limit);
    expect(grew).toBeLessThan(300);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toMatchObject({ code: 4008, reason: expect.stringContaining('SLOW_CONSUMER') });
  }, 180_000);
});

describe('two API processes on one Neo4j', () => {
  let second: ChildProcess | undefined;
  let secondUrl = '';
  beforeAll(async () => {
    const port = 14_100 + Math.floor(Math.random() * 500);
    second = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: 'test', NEO4J_URI: TEST_URI, NEO4J_PASSWORD: TEST_PASSWORD, PORT: String(port), SEED_ON_START: 'false', WRITES_ENABLED: 'true', LOG_LEVEL: 'warn', VERSION_POLL_MS: '1000' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    secondUrl = `http://127.0.0.1:${port}`;
    // Until it listens (it compiles its TypeScript first), then until it is ready.
    for (const deadline = Date.now() + 120_000; ; ) {
      const up = await fetch(`${secondUrl}/healthz`).then((r) => r.ok, () => false);
      if (up || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await untilReady(secondUrl, 120_000);
  }, 150_000);
  afterAll(() => {
    second?.kill('SIGTERM');
  });

  it('reads a write made through the other process when sent the version it returned; subscribers on both get every change set once, in order', async () => {
    const since = (await post('{ meta { dataVersion { seq } } }')).data.meta.dataVersion.seq;
    const here = subscribe(api.url, { since });
    const there = subscribe(secondUrl, { since });
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const aliases = [`two processes ${i}`];
      const written = await correct(setAliases(aliases), i % 2 ? secondUrl : api.url);
      const version = written.extensions!.dataVersion.seq;
      seqs.push(version);
      // The other process polls once a second here: the version header makes it read the write now.
      const other = i % 2 ? api.url : secondUrl;
      const read = await post(`{ node(id: "${PATHWAY}") { aliases } }`, {}, { 'x-data-version': String(version), ...(written.extensions!.bookmarks ? { 'x-neo4j-bookmarks': written.extensions!.bookmarks.join(',') } : {}) }, other);
      expect(read.data.node.aliases).toEqual(aliases);
      expect(read.extensions?.dataVersion.seq).toBeGreaterThanOrEqual(version);
    }
    await until(() => here.seqs.length >= 3 && there.seqs.length >= 3);
    expect(here.seqs).toEqual(seqs);
    expect(there.seqs).toEqual(seqs);
    here.dispose();
    there.dispose();
  }, 60_000);
});
