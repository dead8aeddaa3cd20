/**
 * Exports as an analyst uses them: a CSV per list that a CSV parser reads back as the same rows as the
 * GraphQL list, the whole graph as GraphML (one <node> per entity, one <edge> per relationship) and
 * as an XLSX workbook; APOC in the local Neo4j; and a neo4j.conf that keeps the user's own settings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../src/graph/seeds/load.js';
import { OWN_SETTINGS, writeConf } from '../src/local-neo4j/server.js';
import { dataOf, startTestApi, type TestApi } from './support/api.js';
import { TEST_PASSWORD, TEST_URI } from './support/test-env.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function csvOf(path: string): Promise<{ status: number; rows: Array<Record<string, string>>; headers: Headers }> {
  const res = await fetch(`${api.url}${path}`);
  const text = await res.text();
  return { status: res.status, headers: res.headers, rows: res.ok ? parseCsv(text, { columns: true }) : JSON.parse(text) };
}

const LISTS = ['agencies', 'departments', 'tracks', 'guidelines', 'reforms', 'pathways', 'events', 'products', 'targets', 'sponsors', 'classifications', 'statistics', 'references'];

describe('CSV exports', () => {
  it('gives, for every list, the rows of the GraphQL list in its order, with a header row and source references', async () => {
    for (const list of LISTS) {
      const { status, rows, headers } = await csvOf(`/export/${list}.csv`);
      expect(status, list).toBe(200);
      expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const data = await dataOf(api, `{ ${list}(first: 100) { totalCount edges { node { id name sources { referenceNumber } } } } }`);
      const nodes = data[list].edges.map((e: any) => e.node);
      expect(rows.map((r) => [r.id, r.name]), list).toEqual(nodes.map((n: any) => [n.id, n.name]));
      expect(rows.length).toBe(data[list].totalCount);
      expect(rows.map((r) => r.sourceRefs)).toEqual(
        nodes.map((n: any) => [...new Set(n.sources.map((s: any) => s.referenceNumber).filter((x: unknown) => x !== null))].join(';')),
      );
    }
  });

  it('opens right in a spreadsheet: a UTF-8 byte-order mark, one header vocabulary with the XLSX, every row with its section, quote and references', async () => {
    const raw = new Uint8Array(await (await fetch(`${api.url}/export/claims.csv`)).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { rows } = await csvOf('/export/products.csv?target=target:bcma');
    const cilta = rows.find((r) => r.id === 'product:ciltacabtagene-autoleucel')!;
    expect(Object.keys(cilta).slice(-6)).toEqual(['sourceSection', 'sourceQuote', 'sourceRefs', 'sourceDocument', 'sourceSentence', 'sourceLink']);
    // Its sentence, and where to read it beside its facts.
    expect(cilta.sourceDocument).toBe('doc:china-cell-therapy-review');
    expect(cilta.sourceLink).toBe(`/explore/source/doc:china-cell-therapy-review#s${cilta.sourceSentence}`);
    expect(cilta.sourceQuote.length).toBeGreaterThan(20);
    // A product names its targets, sponsors and approving agency: who holds BCMA products, from the file alone.
    expect({ targets: cilta.targets, sponsors: cilta.sponsors, approvedBy: cilta.approvedBy }).toEqual({ targets: 'BCMA', sponsors: 'Nanjing Legend Biotechnology', approvedBy: 'National Medical Products Administration' });
  });

  it('has tables that answer: approvals beside their preceding reforms, and the checker’s findings', async () => {
    const approvals = await csvOf('/export/approvals-and-preceding-reforms.csv');
    expect(approvals.status).toBe(200);
    const firstCd19 = approvals.rows.filter((r) => r.approval === 'product:axicabtagene-ciloleucel');
    expect(firstCd19.map((r) => [r.reform, r.lagYears])).toEqual([
      ['reform:2017-review-approval-reform', '4'], ['reform:2018-implicit-approval', '3'], ['reform:2019-regulatory-science-action-plan', '2'], ['reform:2020-registration-timelines', '1'],
    ]);
    expect(firstCd19.every((r) => r.sourceQuote.length > 0)).toBe(true);
    const findings = await csvOf('/export/findings.csv');
    const data = await dataOf(api, '{ inconsistencies { id } }');
    expect(findings.rows.map((r) => r.id)).toEqual(data.inconsistencies.map((f: { id: string }) => f.id));
    expect(findings.rows.every((r) => r.rule && r.statistics !== undefined)).toBe(true);
  });

  it('takes the list’s filters and order, as fields or as JSON', async () => {
    const graphql = await dataOf(api, `{ products(filter: { target: "target:bcma" }, orderBy: { field: NAME, direction: DESC }) { edges { node { id } } } }`);
    const ids = graphql.products.edges.map((e: any) => e.node.id);
    expect(ids.length).toBeGreaterThan(1);
    expect((await csvOf('/export/products.csv?target=target:bcma&orderBy={"field":"NAME","direction":"DESC"}')).rows.map((r) => r.id)).toEqual(ids);
    expect((await csvOf(`/export/products.csv?filter=${encodeURIComponent('{"target":"target:bcma"}')}&orderBy={"field":"NAME","direction":"DESC"}`)).rows.map((r) => r.id)).toEqual(ids);
  });

  it('for Excel (?for=excel), writes text that Excel would read as a date as a formula showing that text; plain for everyone else', async () => {
    let guarded = 0;
    for (const path of ['/export/statistics.csv', '/export/events.csv', '/export/reforms.csv', '/export/approvals-and-preceding-reforms.csv']) {
      const plain = await csvOf(path);
      const excel = await csvOf(`${path}?for=excel`);
      expect(excel.rows.length, path).toBe(plain.rows.length);
      plain.rows.forEach((row, i) => {
        for (const [column, value] of Object.entries(row)) {
          const dateLike = /^\d{4}-\d{2}(-\d{2})?$/.test(value);
          if (dateLike) guarded++;
          // Excel reads `="2024-05"` as a formula whose value is the text 2024-05.
          expect(excel.rows[i][column], `${path} ${column}`).toBe(dateLike ? `="${value}"` : value);
        }
      });
    }
    expect(guarded).toBeGreaterThan(0);
    const may2024 = (await csvOf('/export/statistics.csv?for=excel')).rows.find((r) => r.id === 'stat:china-approvals-2024-05')!;
    expect([may2024.date, may2024.value]).toEqual(['="2024-05"', '6']);
    // Years and lags stay numbers for both.
    expect((await csvOf('/export/approvals-and-preceding-reforms.csv?for=excel')).rows[0].lagYears).toMatch(/^\d+$/);
    expect(await csvOf('/export/reforms.csv?for=word')).toMatchObject({ status: 400, rows: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
  });

  it('answers unknown lists, unknown parameters and bad values with coded JSON errors', async () => {
    expect(await csvOf('/export/nothing.csv')).toMatchObject({ status: 404, rows: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });
    expect(await csvOf('/export/products.csv?colour=red')).toMatchObject({ status: 400, rows: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect(await csvOf('/export/products.csv?orderBy=nope')).toMatchObject({ status: 400, rows: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect(await csvOf('/export/statistics.csv?year=abc')).toMatchObject({ status: 400, rows: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
  });
});

describe('whole-graph exports', () => {
  it('writes GraphML that parses as XML, with one <node> per entity and one <edge> per relationship', async () => {
    const res = await fetch(`${api.url}/export/graph.graphml`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=cell-therapy-kg.graphml');
    const text = await res.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    const counts = await graphCounts(api.executor);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(doc.graphml.graph.node).toHaveLength(sum(counts.nodes));
    expect(doc.graphml.graph.edge).toHaveLength(sum(counts.relationships));
    const cilta = doc.graphml.graph.node.find((n: any) => n.id === 'product:ciltacabtagene-autoleucel');
    expect(cilta.data).toEqual(expect.arrayContaining([{ key: 'n_kind', '#text': 'Product' }, { key: 'n_label', '#text': 'Ciltacabtagene autoleucel' }]));
    expect(text).not.toContain('searchText');
    // Typed from the graph: a year reads back as an integer (not 2017.0), a figure as a double, a flag as a boolean.
    const keys = new Map(doc.graphml.key.map((k: any) => [`${k.for}:${k['attr.name']}`, k['attr.type']]));
    expect({ year: keys.get('node:year'), value: keys.get('node:value'), forecast: keys.get('node:forecast'), name: keys.get('node:name') }).toEqual({ year: 'long', value: 'double', forecast: 'boolean', name: 'string' });
    const year = cilta.data.find((d: any) => d.key === 'n_year')['#text'];
    expect(year).toBe(2024);
  });

  it('adds the retracted links, marked, only with ?includeRetracted=true', async () => {
    const parse = async (query: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await (await fetch(`${api.url}/export/graph.graphml${query}`)).text());
    const [{ retracted }] = await api.executor.readText<{ retracted: number }>('test', 'MATCH ()-[r:RETRACTED]->() RETURN count(r) AS retracted');
    expect(retracted).toBeGreaterThanOrEqual(7); // the curated change sets 0003 (six links) and 0005 (one)
    const live = await parse('');
    const all = await parse('?includeRetracted=true');
    expect(all.graphml.graph.edge).toHaveLength(live.graphml.graph.edge.length + retracted);
    const data = (e: any) => Object.fromEntries([e.data].flat().map((d: any) => [d.key, d['#text']]));
    const marked = all.graphml.graph.edge.map(data).filter((d: any) => d.e_status === 'RETRACTED');
    expect(marked).toHaveLength(retracted);
    expect(marked.filter((d: any) => d.e_type === 'CLASSIFIED_AS')).toHaveLength(6);
    expect(live.graphml.graph.edge.map(data).filter((d: any) => d.e_status === 'RETRACTED')).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await fetch(`${api.url}/export/graph.xlsx?includeRetracted=true`)).arrayBuffer()) as any);
    const counts = await graphCounts(api.executor);
    expect(workbook.getWorksheet('Relationships')!.actualRowCount).toBe(Object.values(counts.relationships).reduce((a, b) => a + b, 0) + retracted + 1);
  });

  it('writes an XLSX workbook with one sheet per kind and one of relationships', async () => {
    const res = await fetch(`${api.url}/export/graph.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const counts = await graphCounts(api.executor);
    for (const [kind, n] of Object.entries(counts.nodes)) expect(workbook.getWorksheet(kind)?.actualRowCount, kind).toBe(n + 1);
    const relationships = workbook.getWorksheet('Relationships')!;
    expect(relationships.getRow(1).values).toEqual([undefined, 'from', 'type', 'to', ...((relationships.getRow(1).values as string[]).slice(4))]);
    expect(relationships.actualRowCount).toBe(Object.values(counts.relationships).reduce((a, b) => a + b, 0) + 1);
  });
});

describe('the local Neo4j', () => {
  it('has APOC Core', async () => {
    const driver = neo4j.driver(TEST_URI, neo4j.auth.basic('neo4j', TEST_PASSWORD));
    try {
      const { records } = await driver.executeQuery('RETURN apoc.version() AS version');
      expect(records[0].get('version')).toBe('5.26.0');
    } finally {
      await driver.close();
    }
  });

  it('turns telemetry off and keeps the user’s own settings when neo4j.conf is regenerated', () => {
    const home = mkdtempSync(join(tmpdir(), 'ctkg-conf-'));
    const instance = { home, boltPort: 1, httpPort: 2, password: 'x' };
    writeConf(instance);
    const file = join(home, 'conf', 'neo4j.conf');
    const first = readFileSync(file, 'utf8');
    expect(first).toContain('client.allow_telemetry=false');
    expect(first.trimEnd().endsWith(OWN_SETTINGS)).toBe(true);
    // The user adds settings below the marker, one of them overriding a generated one.
    writeFileSync(file, `${first}db.logs.query.enabled=VERBOSE\nserver.memory.pagecache.size=1g\n`);
    writeConf(instance);
    const second = readFileSync(file, 'utf8');
    expect(second).toContain(`${OWN_SETTINGS}\ndb.logs.query.enabled=VERBOSE\nserver.memory.pagecache.size=1g\n`);
    expect(second.match(/server\.memory\.pagecache\.size=/g)).toHaveLength(1);
  });
});
