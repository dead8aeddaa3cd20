import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Statement } from '../src/graph/read/statement.js';
import { planWhere } from '../src/graph/read/where.js';
import { renderPredicate } from '../src/graph/read/predicate.js';
import { dataOf, errorOf as firstError, startTestApi, type TestApi } from './support/api.js';
import { testConfig } from './support/test-env.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const data = (query: string, variables?: Record<string, unknown>) => dataOf(api, query, variables);
const errorOf = (query: string, variables?: Record<string, unknown>) => firstError(api, query, variables);
const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((e) => e.node.id).sort();

describe('where', () => {
  it('filters through a relationship by a name: products whose target is named BCMA', async () => {
    const { products } = await data(`{ products(where: {targets: {some: {name: {eq: "BCMA"}}}}) { totalCount edges { node { id } } } }`);
    expect(products.totalCount).toBe(3);
    expect(ids(products)).toEqual(['product:ciltacabtagene-autoleucel', 'product:equecabtagene-autoleucel', 'product:zevorcabtagene-autoleucel']);
  });

  it('starts a where that names one node from that node, as the target filter does (pinned Cypher)', async () => {
    const q = (where: string, order = 'NAME') => `{ products(where: ${where}, orderBy: {field: ${order}}, first: 2) {
      totalCount aggregate { count minYear } edges { node { id } } pageInfo { hasNextPage } } }`;
    const { statements } = await api.execute(q('{targets: {some: {name: {eq: "BCMA"}}}, year: {gte: 2023}}'));
    const text = statements[0].text;
    // The name is looked up on the Target name index, the relationship walked from there; the page,
    // the count and the aggregate each read every product once (DISTINCT: names are not unique).
    expect(text).toMatch(/MATCH \(a_u0_\d+:Target \{ name: \$u0_\d+ \}\)/);
    expect(text).toMatch(/WITH DISTINCT (n_u0_\d+)\s+ORDER BY \1\.name ASC, \1\.id ASC\s+LIMIT/);
    expect(text).toMatch(/count\(DISTINCT n_u0_\d+\)/);
    expect(text).not.toMatch(/EXISTS \{ MATCH \(n_u0_\d+\)-\[:TARGETS\]/);
    for (const order of ['NAME', 'DATE', 'ID']) {
      const byName = await data(q('{targets: {some: {name: {eq: "BCMA"}}}, year: {gte: 2023}}', order));
      const byId = await data(q('{targets: {some: {id: {eq: "target:bcma"}}}, year: {gte: 2023}}', order));
      const byFilter = await data(`{ products(filter: {target: "target:bcma"}, where: {year: {gte: 2023}}, orderBy: {field: ${order}}, first: 2) {
        totalCount aggregate { count minYear } edges { node { id } } pageInfo { hasNextPage } } }`);
      expect(byName, order).toEqual(byFilter);
      expect(byId, order).toEqual(byFilter);
    }
    expect((await data(q('{targets: {some: {name: {eq: "BCMA"}}}, year: {gte: 2023}}'))).products).toMatchObject({ totalCount: 3, aggregate: { count: 3, minYear: 2023 } });
    const nothing = await data(q('{targets: {some: {name: {eq: "No such target"}}}}'));
    expect(nothing.products).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    // By id through a relationship whose end may be of several kinds, the label is checked too.
    // (ABOUT starts at a statistic or a claim: a claim about priority review is not one of its statistics.)
    const figure = await data(`{ pathways(where: {statistics: {some: {id: {eq: "stat:priority-review-entries-2024"}}}}) { edges { node { id } } } }`);
    expect(ids(figure.pathways)).toEqual(['pathway:priority-review']);
    const claim = await data(`{ pathways(where: {statistics: {some: {id: {eq: "claim:accelerated-approval-aim"}}}}) { totalCount } }`);
    expect(claim.pathways.totalCount).toBe(0);
  });

  it('combines OR, AND and NOT, and the quantifiers none, all and single', async () => {
    const or = await data(`{ products(where: {OR: [{targets: {some: {name: {eq: "CD19"}}}}, {sponsors: {some: {name: {contains: "Legend"}}}}]}) { totalCount } }`);
    expect(or.products.totalCount).toBe(4);
    const not = await data(`{ products(where: {NOT: {targets: {some: {name: {eq: "CD19"}}}}, year: {gte: 2024}}) { edges { node { id } } } }`);
    expect(ids(not.products)).toEqual(['product:ciltacabtagene-autoleucel', 'product:zevorcabtagene-autoleucel']);
    const none = await data(`{ products(where: {targets: {none: {name: {eq: "BCMA"}}}}) { totalCount } }`);
    expect(none.products.totalCount).toBe(3);
    // Equecabtagene has two sponsors, one of them Innovent; every other product has one.
    const all = await data(`{ products(where: {sponsors: {all: {name: {startsWith: "Innovent"}}}}) { totalCount } }`);
    expect(all.products.totalCount).toBe(0);
    const single = await data(`{ products(where: {sponsors: {single: {name: {endsWith: "Therapeutics"}}}}) { edges { node { id } } } }`);
    expect(ids(single.products)).toEqual(['product:zevorcabtagene-autoleucel']);
  });

  it('filters on provenance: the data source a figure names, and the document and sentence that state it', async () => {
    const insight = await data(`{ statistics(where: {dataSource: {contains: "Insight"}}, first: 100) { totalCount edges { node { id sources { dataSource document sentence } } } } }`);
    expect(insight.statistics.totalCount).toBeGreaterThan(0);
    for (const { node } of insight.statistics.edges) expect(node.sources[0].dataSource).toMatch(/Insight/);
    const first = insight.statistics.edges[0].node.sources[0];
    const same = await data(`query($s: Int) { statistics(where: {document: {eq: "doc:china-cell-therapy-review"}, sentence: {eq: $s}}, first: 100) { edges { node { id } } } }`, { s: first.sentence });
    expect(same.statistics.edges.map((e: any) => e.node.id)).toContain(insight.statistics.edges[0].node.id);
  });

  it('tests dates at their precision, figures, flags and the cited reference', async () => {
    const stats = await data(`{ statistics(where: {date: {gte: "2024", lte: "2024"}, forecast: {eq: false}}, first: 100) { edges { node { id date } } } }`);
    expect(stats.statistics.edges.length).toBeGreaterThan(0);
    for (const e of stats.statistics.edges) expect(e.node.date.startsWith('2024')).toBe(true);
    const forecast = await data(`{ statistics(where: {forecast: {eq: true}}) { edges { node { id } } } }`);
    expect(ids(forecast.statistics)).toContain('stat:car-t-market-2030');
    const cites = await data(`{ statistics(where: {cites: 7}) { edges { node { id } } } }`);
    expect(ids(cites.statistics)).toEqual(['stat:atmp-ind-share-2023', 'stat:atmp-ind-share-2024']);
    const big = await data(`{ statistics(where: {value: {gt: 1000}, unit: {in: ["count"]}}) { edges { node { value unit } } } }`);
    for (const e of big.statistics.edges) expect(e.node.value).toBeGreaterThan(1000);
  });

  it('treats injection strings in every string operator as data: no match, nothing changed', async () => {
    const before = await data('{ products(first: 0) { totalCount } agencies(first: 0) { totalCount } }');
    const attacks = ['\' OR 1=1 //', '"}) MATCH (n) DETACH DELETE n //', '` DETACH DELETE n', '\\u0027 RETURN 1 UNION MATCH (n) RETURN n //'];
    for (const value of attacks) {
      for (const op of ['eq', 'contains', 'startsWith', 'endsWith']) {
        const { products } = await data(`query($v: String) { products(where: {name: {${op}: $v}, sponsors: {some: {name: {${op}: $v}}}}) { totalCount } }`, { v: value });
        expect(products.totalCount, `${op} ${value}`).toBe(0);
      }
      const { products } = await data(`query($v: [String!]) { products(where: {id: {in: $v}}) { totalCount } }`, { v: [value] });
      expect(products.totalCount).toBe(0);
    }
    expect(await data('{ products(first: 0) { totalCount } agencies(first: 0) { totalCount } }')).toEqual(before);
  });

  it('compiles to parameterised Cypher with the relationship typed and the label from the allow-list', () => {
    const st = new Statement('t', { defaultPageSize: 20, maxPageSize: 100 });
    const cypher = renderPredicate(st, 'n', planWhere('Product', { year: { gte: 2023 }, OR: [{ targets: { some: { name: { eq: 'BCMA' } } } }, { sponsors: { some: { name: { contains: 'Legend' } } } }] }));
    expect(cypher).toBe(
      '(n.year >= $t0 AND (EXISTS { MATCH (n)-[:TARGETS]->(w_t1) WHERE w_t1.name = $t2 } OR EXISTS { MATCH (n)-[:SPONSORED_BY]->(w_t3) WHERE w_t3.name CONTAINS $t4 }))',
    );
    expect(st.params).toEqual({ t0: 2023, t2: 'BCMA', t4: 'Legend' });
  });

  it('refuses a where that goes too deep or holds too many conditions, with a coded error', async () => {
    const deep = await errorOf(`{ products(where: {targets: {some: {products: {some: {sponsors: {some: {products: {some: {name: {eq: "x"}}}}}}}}}}) { totalCount } }`);
    expect(deep.code).toBe('BAD_USER_INPUT');
    expect(deep.message).toContain('at most 3 relationships');
    const many = Array.from({ length: 51 }, (_, i) => `{name: {eq: "n${i}"}}`).join(', ');
    const wide = await errorOf(`{ products(where: {OR: [${many}]}) { totalCount } }`);
    expect(wide.code).toBe('BAD_USER_INPUT');
  });

  it('filters relationship connections: a target\'s products by where, what cites a reference by kind', async () => {
    const { node } = await data(`{ node(id: "target:bcma") { ... on Target { productsConnection(where: {year: {eq: 2024}}) { totalCount edges { node { id } } } } } }`);
    expect(node.productsConnection.totalCount).toBe(2);
    expect(ids(node.productsConnection)).toEqual(['product:ciltacabtagene-autoleucel', 'product:zevorcabtagene-autoleucel']);
    const { reference } = await data(`{ reference(number: 7) { citedByConnection(kinds: [STATISTIC]) { totalCount edges { node { id } } } } }`);
    expect(reference.citedByConnection.totalCount).toBe(2);
    expect(ids(reference.citedByConnection)).toEqual(['stat:atmp-ind-share-2023', 'stat:atmp-ind-share-2024']);
  });

  it('keeps the filter shorthands working, ANDed with where', async () => {
    const { products } = await data(`{ products(filter: {target: "target:bcma"}, where: {year: {eq: 2023}}) { edges { node { id } } } }`);
    expect(ids(products)).toEqual(['product:equecabtagene-autoleucel']);
  });
});

describe('nameContains', () => {
  it('pages text matches in name order by cursor, for a common text, a rarer one and one nothing holds, with their count', async () => {
    // Every claim, the way the page would be read without any index: matches by name, then id.
    const all = await api.executor.readText<{ id: string; searchText: string }>('test', 'MATCH (c:Claim) RETURN c.id AS id, c.searchText AS searchText ORDER BY c.name, c.id');
    for (const [text, size] of [['a', 5], ['regulat', 3], ['zzz-none', 5]] as const) {
      const expected = all.filter((c) => c.searchText.includes(text.toLowerCase())).map((c) => c.id);
      const got: string[] = [];
      for (let after: string | null = null; ; ) {
        const data = await dataOf(api, 'query($t: String, $n: Int, $a: String) { claims(filter: { nameContains: $t }, first: $n, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }', { t: text, n: size, a: after });
        expect(data.claims.totalCount, text).toBe(expected.length);
        got.push(...data.claims.edges.map((e: any) => e.node.id));
        if (!data.claims.pageInfo.hasNextPage) break;
        after = data.claims.pageInfo.endCursor;
      }
      expect(got, text).toEqual(expected);
    }
    expect(all.filter((c) => c.searchText.includes('a')).length).toBeGreaterThan(6);
  });
});

describe('sort on several keys', () => {
  it('orders by year descending, then name, and pages with a cursor over both keys', async () => {
    const q = `query($after: String) { products(sort: [{field: YEAR, direction: DESC}, {field: NAME}], first: 2, after: $after) {
      edges { node { id year name } } pageInfo { hasNextPage endCursor } } }`;
    const seen: Array<{ year: number; name: string }> = [];
    let after: string | undefined;
    for (;;) {
      const { products } = await data(q, { after });
      seen.push(...products.edges.map((e: any) => e.node));
      if (!products.pageInfo.hasNextPage) break;
      after = products.pageInfo.endCursor;
    }
    const expected = [...seen].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(6);
    expect(seen.map((p) => p.year)).toEqual([2024, 2024, 2023, 2023, 2021, 2021]);
    // One statement, ordered and limited inside Cypher; the next page starts past both keys and the id.
    const { statements } = await api.execute(q, { after });
    expect(statements).toHaveLength(1);
    expect(statements[0].text).toMatch(/ORDER BY n_u0_0\.year DESC, n_u0_0\.name ASC, n_u0_0\.id ASC\s+LIMIT \$/);
    expect(statements[0].text).toMatch(/\(n_u0_0\.year < \$u0_\d+ OR \(n_u0_0\.year = \$u0_\d+ AND \(n_u0_0\.name > \$u0_\d+ OR n_u0_0\.name IS NULL\)\) OR \(n_u0_0\.year = \$u0_\d+ AND n_u0_0\.name = \$u0_\d+ AND n_u0_0\.id > \$u0_\d+\)\)/);
  });

  it('sorts missing values last ascending and first descending, across pages', async () => {
    // Reforms: one undated (parallel inspection); by date ascending then name it comes last.
    const q = (direction: string) => `query($after: String) { reforms(sort: [{field: DATE, direction: ${direction}}, {field: NAME}], first: 2, after: $after) {
      edges { node { id date } } pageInfo { hasNextPage endCursor } } }`;
    for (const direction of ['ASC', 'DESC']) {
      const ids: Array<string | null> = [];
      let after: string | undefined;
      for (;;) {
        const { reforms } = await data(q(direction), { after });
        ids.push(...reforms.edges.map((e: any) => e.node.date));
        if (!reforms.pageInfo.hasNextPage) break;
        after = reforms.pageInfo.endCursor;
      }
      const all = (await data(`{ reforms(first: 100) { totalCount } }`)).reforms.totalCount;
      expect(ids, direction).toHaveLength(all);
      if (direction === 'ASC') expect(ids.at(-1)).toBeNull();
      else expect(ids[0]).toBeNull();
    }
  });

  it('refuses orderBy with sort, too many keys, a key twice, ID among others, and a cursor of another sort', async () => {
    for (const args of ['orderBy: {field: NAME}, sort: [{field: YEAR}]', 'sort: [{field: YEAR}, {field: NAME}, {field: DATE}, {field: VALUE}]', 'sort: [{field: YEAR}, {field: YEAR}]', 'sort: [{field: ID}, {field: NAME}]', 'sort: []']) {
      expect((await errorOf(`{ products(${args}) { totalCount } }`)).code, args).toBe('BAD_USER_INPUT');
    }
    const { products } = await data(`{ products(sort: [{field: YEAR}, {field: NAME}], first: 1) { pageInfo { endCursor } } }`);
    const other = await errorOf(`{ products(sort: [{field: NAME}, {field: YEAR}], after: "${products.pageInfo.endCursor}") { totalCount } }`);
    expect(other.code).toBe('BAD_USER_INPUT');
    expect(other.message).toContain('cursor of another order');
  });
});

describe('aggregate and facets', () => {
  it('counts approvals per year and target, over every match and not one page', async () => {
    const { products } = await data(`{ products(first: 1) { totalCount aggregate { count minYear maxYear minDate maxDate } facets(by: [YEAR, TARGET]) { keys { value id } count } } }`);
    expect(products.aggregate).toEqual({ count: 6, minYear: 2021, maxYear: 2024, minDate: '2021', maxDate: '2024' });
    const buckets = Object.fromEntries(products.facets.map((b: any) => [`${b.keys[0].value} ${b.keys[1].id}`, b.count]));
    expect(buckets).toEqual({ '2021 target:cd19': 2, '2023 target:bcma': 1, '2023 target:cd19': 1, '2024 target:bcma': 2 });
  });

  it('follows the where, counts a product once per sponsor, and takes aliases with their own keys', async () => {
    const { products } = await data(`{ products(where: {targets: {some: {name: {eq: "BCMA"}}}}) {
      bySponsor: facets(by: [SPONSOR]) { keys { value id } count }
      byAgency: facets(by: [AGENCY]) { keys { id } count }
    } }`);
    expect(products.bySponsor.map((b: any) => b.keys[0].id).sort()).toEqual(['sponsor:carsgen-therapeutics', 'sponsor:innovent-suzhou', 'sponsor:nanjing-iaso-biotherapeutics', 'sponsor:nanjing-legend-biotechnology']);
    expect(products.byAgency).toEqual([{ keys: [{ id: 'agency:nmpa' }], count: 3 }]);
  });

  it('groups statistics by metric, unit, forecast and cited reference', async () => {
    const { statistics } = await data(`{ statistics(first: 0) { totalCount facets(by: [METRIC], first: 100) { count } byRef: facets(by: [REFERENCE, FORECAST], first: 100) { keys { value id } count } } }`);
    expect(statistics.facets.reduce((sum: number, b: any) => sum + b.count, 0)).toBe(statistics.totalCount);
    expect(statistics.byRef.some((b: any) => b.keys[0].id === 'ref:7' && b.keys[1].value === 'false' && b.count === 2)).toBe(true);
  });

  it('counts and groups on a relationship connection too: a target\'s products by year and sponsor', async () => {
    const { node } = await data(`{ node(id: "target:bcma") { ... on Target {
      productsConnection(first: 1, where: {year: {gte: 2023}}) {
        totalCount aggregate { count minYear maxYear }
        facets(by: [YEAR]) { keys { value } count }
        bySponsor: facets(by: [SPONSOR], first: 2) { keys { id } count }
        edges { node { id } }
      } } } }`);
    const c = node.productsConnection;
    expect(c.edges).toHaveLength(1);
    expect(c.aggregate).toEqual({ count: 3, minYear: 2023, maxYear: 2024 });
    expect(c.totalCount).toBe(3);
    expect(c.facets).toEqual([{ keys: [{ value: '2024' }], count: 2 }, { keys: [{ value: '2023' }], count: 1 }]);
    expect(c.bySponsor).toHaveLength(2);
    // On a connection to entities of any kind, facets need one kind: a coded error.
    const error = await errorOf(`{ reference(number: 7) { citedByConnection { facets(by: [YEAR]) { count } } } }`);
    expect(error.code).toBe('BAD_USER_INPUT');
    const cites = await data(`{ reference(number: 7) { citedByConnection(kinds: [STATISTIC]) { aggregate { count minValue maxValue } } } }`);
    expect(cites.reference.citedByConnection.aggregate).toMatchObject({ count: 2, minValue: 12, maxValue: 13 });
  });

  it('says which keys a kind has when asked for one it has not', async () => {
    const error = await errorOf('{ agencies { facets(by: [TARGET]) { count } } }');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('it can group by REFERENCE, STATUS');
    expect((await errorOf('{ products { facets(by: [YEAR, TARGET, SPONSOR]) { count } } }')).code).toBe('BAD_USER_INPUT');
    expect((await errorOf('{ products { facets(by: [YEAR], first: 101) { count } } }')).code).toBe('BAD_USER_INPUT');
  });
});

describe('aggregate and facets past GRAPHQL_MAX_GROUPED', () => {
  // The bound is 100,000 matches by default (a facet over a million-node kind scanned it for two
  // seconds); here it is 5, so the seed's six products are one too many and BCMA's three are not.
  let small: TestApi;
  beforeAll(async () => {
    small = await startTestApi({ limits: { ...testConfig().limits, maxGrouped: 5 } });
  });
  afterAll(() => small.close());

  it('refuses an aggregate or facet over more matches than it reads, coded, and answers a narrower one', async () => {
    for (const field of ['aggregate { count }', 'facets(by: [YEAR]) { count }']) {
      const { body } = await small.execute(`{ products(first: 1) { edges { node { id } } ${field} } }`);
      const error = body.errors?.[0];
      expect(error?.extensions?.code, field).toBe('QUERY_TOO_COMPLEX');
      expect(error?.extensions?.maxGrouped).toBe(5);
      expect(error?.message).toContain('at most 5 matches');
      expect((error as { path?: string[] } | undefined)?.path?.at(-1)).toBe(field.split(/[ (]/)[0]);
    }
    const narrow = await dataOf(small, `{ products(filter: {target: "target:bcma"}) { aggregate { count } facets(by: [YEAR]) { count } } }`);
    expect(narrow.products.aggregate.count).toBe(3);
    expect(narrow.products.facets.reduce((sum: number, b: { count: number }) => sum + b.count, 0)).toBe(3);
    // Exactly at the bound is answered.
    const five = await dataOf(small, `{ products(where: {id: {in: ["product:ciltacabtagene-autoleucel", "product:equecabtagene-autoleucel", "product:zevorcabtagene-autoleucel", "product:axicabtagene-ciloleucel", "product:relmacabtagene-autoleucel"]}}) { aggregate { count } } }`);
    expect(five.products.aggregate.count).toBe(5);
  });

  it('refuses it on a relationship connection too', async () => {
    const { body } = await small.execute(`{ node(id: "agency:nmpa") { ... on Agency { approvedProductsConnection(first: 1) { facets(by: [YEAR]) { count } } } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('statistics a user can find', () => {
  it('tells a point in time from a period that covers the year', async () => {
    const { point, period, either } = await data(`{
      point: statistics(filter: {dateYear: 2024}, first: 100) { totalCount edges { node { date periodStart } } }
      period: statistics(filter: {periodCovers: 2024}, first: 100) { totalCount edges { node { date periodStart periodEnd } } }
      either: statistics(filter: {year: 2024}, first: 0) { totalCount }
    }`);
    for (const e of point.edges) expect(e.node.date.startsWith('2024') && e.node.periodStart === null).toBe(true);
    for (const e of period.edges) expect(e.node.date === null && e.node.periodStart <= 2024 && e.node.periodEnd >= 2024).toBe(true);
    expect(point.totalCount + period.totalCount).toBe(either.totalCount);
  });

  it('lists the metrics with their units and descriptions, and every statistic\'s metric is one of them', async () => {
    const { metrics, statistics } = await data(`{ metrics { name unit description } statistics(first: 0) { facets(by: [METRIC], first: 100) { keys { value } } } }`);
    expect(metrics).toHaveLength(19);
    expect(metrics.find((m: any) => m.name === 'ind_applications')).toEqual({
      name: 'ind_applications',
      unit: 'count',
      description: 'Cell therapy programs that submitted IND applications over a period, and their breakdown by therapy type.',
    });
    const names = new Set(metrics.map((m: any) => m.name));
    for (const bucket of statistics.facets) expect(names.has(bucket.keys[0].value), bucket.keys[0].value).toBe(true);
  });
});

describe('references by number', () => {
  it('finds reference 7 by number, and by "reference:7" as well as "ref:7"', async () => {
    const result = await data(`{ reference(number: 7) { id number citedByConnection { totalCount } } long: node(id: "reference:7") { id } short: node(id: "ref:7") { id } }`);
    expect(result.reference).toMatchObject({ id: 'ref:7', number: 7 });
    expect(result.reference.citedByConnection.totalCount).toBeGreaterThan(0);
    expect(result.long).toEqual({ id: 'ref:7' });
    expect(result.short).toEqual({ id: 'ref:7' });
    expect((await data('{ reference(number: 99) { id } }')).reference).toBeNull();
  });

  it('sorts and filters references by number, in numeric order', async () => {
    const { references } = await data(`{ references(orderBy: {field: NUMBER}, first: 12) { edges { node { number } } } }`);
    expect(references.edges.map((e: any) => e.node.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const some = await data(`{ references(where: {number: {in: [2, 11]}}) { edges { node { number } } } }`);
    expect(some.references.edges.map((e: any) => e.node.number).sort()).toEqual([11, 2]);
  });
});

describe('searchConnection', () => {
  it('finds a figure by its number in the article\'s words, with the words highlighted', async () => {
    const { searchConnection } = await data(`{ searchConnection(text: "187") { totalCount edges { highlight node { id } } } }`);
    expect(searchConnection.edges.map((e: any) => e.node.id)).toContain('stat:trial-facilities-2017-2023');
    expect(searchConnection.edges[0].highlight).toContain('<em>187</em>');
  });

  it('gives a total and counts per kind that agree, and narrows by kind', async () => {
    const all = (await data(`{ searchConnection(text: "trials") { totalCount totalCountIsExact kinds { kind count } } }`)).searchConnection;
    expect(all.totalCountIsExact).toBe(true);
    expect(all.kinds.reduce((sum: number, k: any) => sum + k.count, 0)).toBe(all.totalCount);
    const stats = (await data(`{ searchConnection(text: "trials", kinds: [STATISTIC], first: 100) { totalCount edges { node { kind } } } }`)).searchConnection;
    expect(stats.totalCount).toBe(all.kinds.find((k: any) => k.kind === 'STATISTIC').count);
    expect(stats.edges).toHaveLength(stats.totalCount);
  });

  it('refuses a cursor from another list', async () => {
    const { products } = await data('{ products(first: 1) { pageInfo { endCursor } } }');
    const error = await errorOf(`query($a: String) { searchConnection(text: "trials", after: $a) { totalCount } }`, { a: products.pageInfo.endCursor });
    expect(error.code).toBe('BAD_USER_INPUT');
  });
});

describe('cost follows the data', () => {
  it('accepts a page of 100 agencies with nested lists, since there are only 5 agencies', async () => {
    const { body } = await api.post(`{ agencies(first: 100) { edges { node { id issuedGuidelines(first: 100) { id } enactedReforms(first: 100) { id } approvedProducts(first: 100) { id } departments(first: 100) { id } } } } }`);
    expect(body.errors).toBeUndefined();
  });

  it('still refuses nesting that could read more than the limit', async () => {
    const error = await errorOf(`{ statistics(first: 100) { edges { node { id breakdown(first: 100) { id breakdown(first: 100) { id breakdown(first: 100) { id } } } } } } }`);
    expect(error.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('inferred facts and data sources', () => {
  it('says which links the graph infers and why, and leaves them out of traversals on request', async () => {
    const { node } = await data(`{ node(id: "event:2016-wei-zexi-incident") { ... on Event { triggeredConnection { edges { node { id } sources { quote inferred } } } } } }`);
    const [edge] = node.triggeredConnection.edges;
    expect(edge.node.id).toBe('reform:2017-review-approval-reform');
    expect(edge.sources[0].inferred).toContain("the graph's reading");
    const stated = await data(`{ node(id: "product:axicabtagene-ciloleucel") { sources { inferred } } }`);
    expect(stated.node.sources[0].inferred).toBeNull();
    // The data source the article names for a figure is kept apart from the reference it cites.
    const trials = await data(`{ node(id: "stat:clinical-trials-2017-2024") { sources { dataSource referenceNumber } } }`);
    expect(trials.node.sources.map((x: any) => x.dataSource)).toEqual(trials.node.sources.map(() => 'Insight database'));
    const cases = await data(`{ node(id: "stat:new-cancer-cases-2022") { sources { dataSource } } }`);
    expect(cases.node.sources[0].dataSource).toBeNull();

    const all = await data(`{ neighborhood(id: "event:2016-wei-zexi-incident") { edges { type } } }`);
    expect(all.neighborhood.edges.map((e: any) => e.type)).toContain('TRIGGERED');
    const onlyStated = await data(`{ neighborhood(id: "event:2016-wei-zexi-incident", includeInferred: false) { nodes { id } edges { type } } }`);
    expect(onlyStated.neighborhood.edges.map((e: any) => e.type)).not.toContain('TRIGGERED');
    expect(onlyStated.neighborhood.nodes.map((n: any) => n.id)).not.toContain('reform:2017-review-approval-reform');

    const direct = await data(`{ path(fromId: "event:2016-wei-zexi-incident", toId: "reform:2017-review-approval-reform") { length } }`);
    expect(direct.path.length).toBe(1);
    const around = await data(`{ path(fromId: "event:2016-wei-zexi-incident", toId: "reform:2017-review-approval-reform", includeInferred: false) { length relationships { type } } }`);
    expect(around.path?.relationships.map((r: any) => r.type) ?? []).not.toContain('TRIGGERED');
  });
});
