/**
 * The article's misreads, corrected through change sets (seeds/changes/), as a reader of the API sees
 * them on a fresh clone: each correction is its own change set with its reason, the corrected facts
 * read right, the misread ones stay retracted with their reason, and the checker reads the figures
 * the way the issue asks. Also: the importer leaves curated facts alone, and a change made through the
 * API is written back as a new change file.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChangeFiles, parseChangeFile, readChangeFiles } from '../src/graph/changes/files.js';
import { applyChangeSet } from '../src/graph/changes/apply.js';
import { REVIEW_ID } from '../src/graph/documents.js';
import { exportSeeds } from '../src/graph/seeds/export.js';
import { loadSeeds } from '../src/graph/seeds/load.js';
import { readSeeds } from '../src/graph/seeds/read.js';
import { CHANGES_DIR, SEEDS_DIR } from '../src/paths.js';
import { dataOf, startTestApi, type TestApi } from './support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const files = readChangeFiles(CHANGES_DIR);
const CELL_THERAPY_GROUP = 'classification:atmp-cell-therapy';
const PRODUCTS = ['axicabtagene-ciloleucel', 'ciltacabtagene-autoleucel', 'equecabtagene-autoleucel', 'inaticabtagene-autoleucel', 'relmacabtagene-autoleucel', 'zevorcabtagene-autoleucel'];

describe('the article corrected through change sets', () => {
  it('applies each file of seeds/changes as its own change set, in order, with its reason and curator', async () => {
    const d = await dataOf(api, '{ changes(since: 0, first: 100) { seq actor reason operations } }');
    const curated = d.changes.filter((c: any) => c.actor === 'curator');
    expect(curated.map((c: any) => c.reason)).toEqual(files.map((f) => f.reason));
    expect(curated.map((c: any) => c.operations)).toEqual(files.map((f) => f.operations.length));
    expect(new Set(curated.map((c: any) => c.actor))).toEqual(new Set(['curator']));
    // Applied once: a second pass over the files writes nothing.
    expect(await applyChangeFiles(api.executor, CHANGES_DIR, () => {})).toEqual([]);
  });

  it('links the Classification and Filing Requirements to the class they designate, as the Provisions are', async () => {
    const d = await dataOf(api, `{
      node(id: "guideline:classification-filing-biological-products") { ... on Guideline { establishedClassificationsConnection(first: 5) { edges { node { id } sources { sentence quote reference { number } } } } } }
    }`);
    const [edge] = d.node.establishedClassificationsConnection.edges;
    expect(edge.node.id).toBe('classification:therapeutic-biological-products');
    expect(edge.sources.map((s: any) => s.reference?.number)).toEqual([5, 6]);
    expect(edge.sources[0]).toMatchObject({ sentence: 40, quote: expect.stringContaining("Classification and Filing Requirements for Registered Biological Products") });
  });

  it('says "Baidu search" ads for the Wei Zexi incident, quotes it, finds it by "Baidu", and keeps the misread in history', async () => {
    const d = await dataOf(api, `{
      search(text: "Baidu") { node { id } }
      node(id: "event:2016-wei-zexi-incident") { description sources { quote sentence } }
      history(id: "event:2016-wei-zexi-incident") { edges { change { op before after } changeSet { actor reason } } }
    }`);
    expect(d.search.map((h: any) => h.node.id)).toContain('event:2016-wei-zexi-incident');
    expect(d.node.description).toContain('"Baidu search" ads');
    expect(d.node.sources[0]).toMatchObject({ sentence: 46, quote: expect.stringContaining('paid online "Baidu search" ads') });
    const [latest] = d.history.edges;
    expect(latest.changeSet).toMatchObject({ actor: 'curator', reason: expect.stringContaining('Baidu search') });
    expect(latest.change.before.description).toContain('paid search ads');
  });

  it('places genetically modified cells, not cell derivatives, under cell therapy products; the six links cite the right words', async () => {
    const d = await dataOf(api, `{
      node(id: "${CELL_THERAPY_GROUP}") { description sources { quote } }
      products(first: 10) { edges { node { id classificationsConnection(first: 5) { edges { node { id } sources { quote inferred } } } } } }
    }`);
    expect(d.node.description).not.toMatch(/includes cell derivatives/i);
    expect(d.node.sources[0].quote).toBe('genetically modified cells expressly placed under cell therapy products [7]');
    const links = d.products.edges.flatMap((e: any) => e.node.classificationsConnection.edges.filter((c: any) => c.node.id === CELL_THERAPY_GROUP));
    expect(links).toHaveLength(6);
    for (const link of links) expect(link.sources[0].quote).toBe('genetically modified cells expressly placed under cell therapy products [7]');
    // Each link was cited anew: its history shows the misread quote before, the change set says why,
    // and the misread link itself is kept, retracted with its reason.
    for (const p of PRODUCTS) {
      const key = `product:${p}|CLASSIFIED_AS|${CELL_THERAPY_GROUP}`;
      const h = await dataOf(api, `{ history(id: "${key}", first: 1) { edges { change { op kind before } changeSet { actor reason } } } }`);
      expect(h.history.edges[0]).toMatchObject({ change: { op: 'update', kind: 'CLASSIFIED_AS', before: { sourceQuote: expect.stringMatching(/^cell derivatives with/) } }, changeSet: { actor: 'curator' } });
    }
    const kept = await api.executor.readText<{ n: number; reason: string }>('test', `MATCH (:Product)-[x:RETRACTED {type: 'CLASSIFIED_AS'}]->(:Classification {id: $id}) RETURN count(x) AS n, min(x.retractedReason) AS reason`, { id: CELL_THERAPY_GROUP });
    expect(kept).toEqual([{ n: 6, reason: expect.stringContaining('cell derivatives') }]);
  });

  it('corrects the claims: the review departments, the reference of the Carvykti link, the conditional-approval pathway', async () => {
    const d = await dataOf(api, `{
      claim: node(id: "claim:no-specialized-review-division") { description }
      strategies: node(id: "claim:global-commercialization-strategies") { ... on Claim { evidenceConnection(first: 10) { edges { node { id } sources { sentence reference { number } } } } } }
      pathway: node(id: "pathway:conditional-approval") { description sources { sentence quote } }
    }`);
    expect(d.claim.description).not.toContain('in its biological products departments');
    expect(d.claim.description).toContain('two of them departments of biological products');
    const carvykti = d.strategies.evidenceConnection.edges.find((e: any) => e.node.id === 'event:2022-carvykti-us-authorization');
    expect(carvykti.sources).toEqual([{ sentence: 93, reference: { number: 15 } }]);
    expect(d.pathway.description).not.toContain('short-term clinical data');
    expect(d.pathway.sources[0]).toMatchObject({ sentence: 64 });
  });

  it('names the Insight database for the 89.5% early-phase share, so where on dataSource finds it', async () => {
    const d = await dataOf(api, '{ statistics(first: 50, where: {dataSource: {eq: "Insight database"}}) { edges { node { id } } } }');
    expect(d.statistics.edges.map((e: any) => e.node.id)).toContain('stat:clinical-trials-2017-2024-early-phase-share');
  });
});

describe('the consistency checker, as the issue reads the article', () => {
  it('reports 16 findings: the new rules find what it missed, and 257 used twice is a note', async () => {
    const d = await dataOf(api, '{ inconsistencies { id rule } }');
    const ids = d.inconsistencies.map((f: any) => f.id);
    expect(ids).toHaveLength(16);
    expect(ids).not.toContain('finding:same-total:ind-applications-2017-2024');
    expect(ids).toEqual(
      expect.arrayContaining([
        'finding:stated-trend:nda-review-period-2020',
        'finding:graph-count:china-approvals-2017',
        'finding:reference-date:atmp-ind-share-2023:ref-7',
        'finding:reference-date:atmp-ind-share-2024:ref-7',
        'finding:reference-date:new-cancer-cases-2022:ref-16',
      ]),
    );
    // A forecast may be older than its year: the 2030 market forecast of a 2024 reference is no finding.
    expect(ids.filter((id: string) => id.includes('car-t-market-2030'))).toEqual([]);
  });
});

describe('curated facts and the importer', () => {
  it('leaves facts a change set corrected as curated when the seed files are loaded again', async () => {
    const report = await loadSeeds(api.executor, readSeeds(SEEDS_DIR));
    expect(report.changes).toBe(0);
    expect(report.keptCurated).toEqual(expect.arrayContaining(['event:2016-wei-zexi-incident', `product:cilta${'cabtagene-autoleucel'}|CLASSIFIED_AS|${CELL_THERAPY_GROUP}`]));
    const d = await dataOf(api, '{ node(id: "event:2016-wei-zexi-incident") { description } }');
    expect(d.node.description).toContain('Baidu search');
  });

  it('writes a change made through the API back as a new change file, once', async () => {
    const [seq] = (await api.executor.read<{ seq: number }>('changes.current')).map((r) => Number(r.seq));
    // The pathway keeps its citation (file 0006's), so the undo below leaves it as it was.
    const source = { document: REVIEW_ID, sentence: 64, quote: 'conditional approval to facilitate rapid market entry for products demonstrating clear advantages over existing treatments', refs: [] };
    const operations = [{ op: 'setProperties' as const, id: 'pathway:conditional-approval', properties: { aliases: ['conditional marketing approval'] }, source }];
    const result = await applyChangeSet(api.executor, { reason: 'An alias for conditional approval', baseSeq: seq, actor: 'curator-test', operations });
    const dir = mkdtempSync(join(tmpdir(), 'ctkg-seeds-export-'));
    const { changeFiles } = await exportSeeds(api.executor, dir);
    // Numbered after the committed files (other suites' change sets through the API may come first).
    const name = changeFiles.find((f) => f.endsWith('-an-alias-for-conditional-approval.json'))!;
    expect(Number(name.slice(0, 4))).toBeGreaterThan(files.length);
    expect(changeFiles.slice(0, files.length)).toEqual(readdirSync(CHANGES_DIR).sort());
    const written = parseChangeFile(name.slice(0, -5), readFileSync(join(dir, 'changes', name), 'utf8'));
    expect(written).toMatchObject({ actor: 'curator-test', reason: 'An alias for conditional approval', operations });
    // The seed files are still as imported: the change lives in its file, not in pathways.json.
    expect(readFileSync(join(dir, 'pathways.json'), 'utf8')).toBe(readFileSync(join(SEEDS_DIR, 'pathways.json'), 'utf8'));
    // Exported once: the next export writes the same file under the same name, and no other.
    expect((await exportSeeds(api.executor, dir)).changeFiles).toEqual(changeFiles);
    // Undo, as a curator would: another change set (nothing is deleted).
    await applyChangeSet(api.executor, { reason: 'Test alias removed', baseSeq: result.seq, actor: 'curator-test', operations: [{ op: 'unsetProperties', id: 'pathway:conditional-approval', names: ['aliases'], source }] });
  });
});
