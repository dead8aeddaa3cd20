import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { printApiSchema } from '../src/resolvers/print.js';
import { dataOf, errorOf as firstError, startTestApi, type TestApi } from './support/api.js';
import { testConfig } from './support/test-env.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const data = (query: string, variables?: Record<string, unknown>) => dataOf(api, query, variables);
const errorOf = (query: string, variables?: Record<string, unknown>) => firstError(api, query, variables);

describe('nodes by id', () => {
  it('returns a node with its provenance, and null for an unknown id', async () => {
    const d = await data(`{
      node(id: "product:ciltacabtagene-autoleucel") { id kind name aliases sources { section quote stated referenceNumber reference { number } } }
      missing: node(id: "product:nope") { id }
    }`);
    expect(d.node).toEqual({
      id: 'product:ciltacabtagene-autoleucel',
      kind: 'PRODUCT',
      name: 'Ciltacabtagene autoleucel',
      aliases: ['cilta-cel', 'Carvykti'],
      sources: [{ section: 'Table 1', quote: 'Ciltacabtagene autoleucl\t2024\tNanjing Legend Biotechnology\tBCMA', stated: 'Ciltacabtagene autoleucl', referenceNumber: null, reference: null }],
    });
    expect(d.missing).toBeNull();
  });

  it('returns nodes in the order asked, with null for unknown ids', async () => {
    const d = await data(`{ nodes(ids: ["target:cd19", "nope", "agency:nmpa"]) { id ... on Agency { acronym } } }`);
    expect(d.nodes).toEqual([{ id: 'target:cd19' }, null, { id: 'agency:nmpa', acronym: 'NMPA' }]);
  });
});

describe('lists as Relay connections', () => {
  it('counts every kind', async () => {
    const d = await data(`{
      agencies { totalCount } departments { totalCount } tracks { totalCount } guidelines { totalCount }
      reforms { totalCount } pathways { totalCount } events { totalCount } products { totalCount }
      targets { totalCount } sponsors { totalCount } classifications { totalCount } statistics { totalCount }
      references { totalCount }
    }`);
    const counts = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, (v as { totalCount: number }).totalCount]));
    expect(counts).toEqual({
      agencies: 5, departments: 4, tracks: 2, guidelines: 3, reforms: 6, pathways: 5, events: 5, products: 6,
      targets: 2, sponsors: 7, classifications: 5, statistics: 46, references: 20,
    });
  });

  it('pages with first/after and reports pageInfo', async () => {
    const first = await data(`{ references(first: 8, orderBy: { field: ID }) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    expect(first.references.edges).toHaveLength(8);
    expect(first.references.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await data(`query($after: String) { references(first: 100, after: $after, orderBy: { field: ID }) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }`, {
      after: first.references.pageInfo.endCursor,
    });
    expect(rest.references.edges).toHaveLength(12);
    expect(rest.references.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const ids = [...first.references.edges, ...rest.references.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(20);
  });

  it('filters products by target, sponsor and approval years, ordered by date', async () => {
    const d = await data(`{
      bcma: products(filter: { target: "target:bcma" }, orderBy: { field: DATE, direction: DESC }) { edges { node { name year } } }
      kite: products(filter: { sponsor: "sponsor:kite-pharma" }) { edges { node { name } } }
      early: products(filter: { yearFrom: 2021, yearTo: 2022 }, orderBy: { field: NAME }) { edges { node { name } } }
    }`);
    expect(d.bcma.edges.map((e: any) => e.node.year)).toEqual([2024, 2024, 2023]);
    expect(d.kite.edges).toEqual([{ node: { name: 'Axicabtagene ciloleucel' } }]);
    expect(d.early.edges.map((e: any) => e.node.name)).toEqual(['Axicabtagene ciloleucel', 'Relmacabtagene autoleucel']);
  });

  it('filters statistics by metric, year and dimension', async () => {
    const d = await data(`{
      phases: statistics(filter: { metric: "clinical_trials", dimension: "phase" }, orderBy: { field: VALUE, direction: DESC }) { edges { node { category value } } }
      in2030: statistics(filter: { year: 2030 }) { edges { node { id forecast } } }
    }`);
    expect(d.phases.edges.map((e: any) => [e.node.category, e.node.value])).toEqual([
      ['phase I', 143], ['phase I/II', 45], ['phase II', 42], ['other', 17], ['phase III', 10],
    ]);
    expect(d.in2030.edges.map((e: any) => e.node.id).sort()).toEqual(['stat:car-t-market-2030', 'stat:car-t-market-cagr-2022-2030']);
    expect(d.in2030.edges.every((e: any) => e.node.forecast)).toBe(true);
  });

  it('filters guidelines, reforms, agencies and events', async () => {
    const d = await data(`{
      guidelines(filter: { issuedBy: "agency:sfda" }) { edges { node { name year } } }
      reforms(filter: { enactedBy: "agency:cde" }) { edges { node { id } } }
      agencies(filter: { status: "former" }) { edges { node { acronym } } }
      events(filter: { eventType: "funding" }) { totalCount }
      named: agencies(filter: { nameContains: "review" }) { edges { node { acronym } } }
    }`);
    expect(d.guidelines.edges).toEqual([{ node: { name: 'Technical Guidelines for the Research and Evaluation of Cell Therapy Products (Trial Implementation)', year: 2017 } }]);
    expect(d.reforms.edges).toEqual([{ node: { id: 'reform:2024-atmp-classification' } }]);
    expect(d.agencies.edges).toEqual([{ node: { acronym: 'SFDA' } }]);
    expect(d.events.totalCount).toBe(3);
    expect(d.named.edges).toEqual([{ node: { acronym: 'CDE' } }]);
  });
});

describe('relationship fields', () => {
  it('resolves every relationship of agencies, departments and tracks', async () => {
    const d = await data(`{
      cde: node(id: "agency:cde") { ... on Agency { parent { acronym } departments { id } enactedReforms { id } establishedClassifications { id } } }
      nmpa: node(id: "agency:nmpa") { ... on Agency { units { acronym } governs { id } issuedGuidelines { id } approvedProducts { id } predecessors { acronym } enactedReforms { id } } }
      sfda: node(id: "agency:sfda") { ... on Agency { successor { acronym } issuedGuidelines { id } } }
      dept: node(id: "department:cde-clinical-biologics") { ... on Department { agency { acronym } reviews { id } } }
      track: node(id: "track:technology") { ... on Track { governedBy { acronym } } }
    }`);
    expect(d.cde).toEqual({
      parent: { acronym: 'NMPA' },
      departments: expect.arrayContaining([{ id: 'department:cde-clinical-biologics' }]),
      enactedReforms: [{ id: 'reform:2024-atmp-classification' }],
      establishedClassifications: [{ id: 'classification:atmp' }],
    });
    expect(d.cde.departments).toHaveLength(4);
    expect(d.nmpa.units).toEqual([{ acronym: 'CDE' }]);
    expect(d.nmpa.governs).toEqual([{ id: 'track:drug' }]);
    expect(d.nmpa.issuedGuidelines).toEqual([{ id: 'guideline:classification-filing-biological-products' }]);
    expect(d.nmpa.approvedProducts).toHaveLength(6);
    expect(d.nmpa.predecessors).toEqual([{ acronym: 'SFDA' }]);
    expect(d.nmpa.enactedReforms).toHaveLength(5);
    expect(d.sfda).toEqual({ successor: { acronym: 'NMPA' }, issuedGuidelines: [{ id: 'guideline:2017-cell-therapy-technical-guidelines' }] });
    expect(d.dept).toEqual({ agency: { acronym: 'CDE' }, reviews: [{ id: 'classification:atmp-cell-therapy' }] });
    expect(d.track).toEqual({ governedBy: [{ acronym: 'NHC' }] });
  });

  it('resolves every relationship of guidelines, reforms, pathways and events', async () => {
    const d = await data(`{
      provisions: node(id: "guideline:2020-provisions-for-drug-registration") { ... on Guideline { issuedBy { acronym } implements { id } establishedClassifications { id } } }
      timelines: node(id: "reform:2020-registration-timelines") { ... on Reform { enactedBy { acronym } pathwaysIntroduced { id } implementedBy { id } approvalsFollowing { lagYears product { id } } } }
      r2017: node(id: "reform:2017-review-approval-reform") { ... on Reform { triggeredBy { id } } }
      priority: node(id: "pathway:priority-review") { ... on Pathway { introducedBy { id } statistics { value } reviewDays } }
      weiZexi: node(id: "event:2016-wei-zexi-incident") { ... on Event { triggered { id } } }
      carvykti: node(id: "event:2022-carvykti-us-authorization") { ... on Event { involves { id } } }
    }`);
    expect(d.provisions).toEqual({
      issuedBy: { acronym: 'SAMR' },
      implements: [{ id: 'reform:2020-registration-timelines' }],
      establishedClassifications: [{ id: 'classification:therapeutic-biological-products' }],
    });
    expect(d.timelines.enactedBy).toEqual([{ acronym: 'NMPA' }]);
    expect(d.timelines.pathwaysIntroduced).toEqual([{ id: 'pathway:priority-review' }]);
    expect(d.timelines.implementedBy).toEqual([{ id: 'guideline:2020-provisions-for-drug-registration' }]);
    expect(d.timelines.approvalsFollowing.map((a: any) => a.lagYears)).toEqual([1, 1, 3, 3, 4, 4]);
    expect(d.r2017.triggeredBy).toEqual([{ id: 'event:2016-wei-zexi-incident' }]);
    expect(d.priority).toEqual({ introducedBy: [{ id: 'reform:2020-registration-timelines' }], statistics: [{ value: 15 }], reviewDays: 130 });
    expect(d.weiZexi.triggered).toEqual([{ id: 'reform:2017-review-approval-reform' }]);
    expect(d.carvykti.involves.map((n: any) => n.id).sort()).toEqual(['product:ciltacabtagene-autoleucel', 'sponsor:nanjing-legend-biotechnology']);
  });

  it('resolves every relationship of products, targets, sponsors, classifications and references', async () => {
    const d = await data(`{
      eque: node(id: "product:equecabtagene-autoleucel") { ... on Product { targets { id } sponsors { id } approvedBy { acronym } classifications { id } events { id } precedingReforms { lagYears reform { id } } } }
      cilta: node(id: "product:ciltacabtagene-autoleucel") { ... on Product { events { id } } }
      cd19: node(id: "target:cd19") { ... on Target { products { id } } }
      legend: node(id: "sponsor:nanjing-legend-biotechnology") { ... on Sponsor { products { id } events { id } } }
      cell: node(id: "classification:atmp-cell-therapy") { ... on Classification { parent { id } subcategories { id } classifiedAs { id } members { id } reviewedBy { id } } }
      atmp: node(id: "classification:atmp") { ... on Classification { subcategories { id } establishedBy { id } } }
      ref7: node(id: "ref:7") { ... on Reference { number citedBy { id } } }
    }`);
    expect(d.eque.targets).toEqual([{ id: 'target:bcma' }]);
    expect(d.eque.sponsors.map((s: any) => s.id).sort()).toEqual(['sponsor:innovent-suzhou', 'sponsor:nanjing-iaso-biotherapeutics']);
    expect(d.eque.approvedBy).toEqual({ acronym: 'NMPA' });
    expect(d.eque.classifications).toEqual([{ id: 'classification:atmp-cell-therapy' }]);
    expect(d.eque.events).toEqual([]);
    expect(d.eque.precedingReforms).toEqual([
      { lagYears: 6, reform: { id: 'reform:2017-review-approval-reform' } },
      { lagYears: 5, reform: { id: 'reform:2018-implicit-approval' } },
      { lagYears: 4, reform: { id: 'reform:2019-regulatory-science-action-plan' } },
      { lagYears: 3, reform: { id: 'reform:2020-registration-timelines' } },
    ]);
    expect(d.cilta.events).toEqual([{ id: 'event:2022-carvykti-us-authorization' }]);
    expect(d.cd19.products).toHaveLength(3);
    expect(d.legend).toEqual({ products: [{ id: 'product:ciltacabtagene-autoleucel' }], events: [{ id: 'event:2022-carvykti-us-authorization' }] });
    expect(d.cell.parent).toEqual({ id: 'classification:atmp' });
    expect(d.cell.subcategories).toEqual([]);
    expect(d.cell.classifiedAs).toEqual([{ id: 'classification:therapeutic-biological-products' }]);
    expect(d.cell.members).toHaveLength(6);
    expect(d.cell.reviewedBy).toHaveLength(4);
    expect(d.atmp.subcategories).toHaveLength(3);
    expect(d.atmp.establishedBy).toEqual([{ id: 'agency:cde' }]);
    expect(d.ref7.number).toBe(7);
    expect(d.ref7.citedBy.map((n: any) => n.id)).toContain('classification:atmp');
  });

  it('resolves every relationship of statistics and findings', async () => {
    const d = await data(`{
      phaseII: node(id: "stat:inaugural-trials-2024-phase-ii") { ... on Statistic { breakdownOf { id } siblings { category } findings { rule statistics { id } } } }
      total: node(id: "stat:ind-applications-2017-2024") { ... on Statistic { breakdown { value } } }
      share: node(id: "stat:clinical-trials-2017-2024-early-phase-share") { ... on Statistic { numerators { value } denominator { value } } }
      cagr: node(id: "stat:car-t-market-cagr-2022-2030") { ... on Statistic { growthFrom { value } growthTo { value } findings { computedValue } } }
      pr: node(id: "stat:priority-review-entries-2024") { ... on Statistic { about { id } } }
    }`);
    expect(d.phaseII.breakdownOf).toEqual({ id: 'stat:inaugural-trials-2024' });
    expect(d.phaseII.siblings.map((s: any) => s.category)).toEqual(['phase I', 'other', 'phase III']);
    expect(d.phaseII.findings).toEqual([{ rule: 'percent-of-total', statistics: expect.arrayContaining([{ id: 'stat:inaugural-trials-2024' }]) }]);
    expect(d.total.breakdown.map((s: any) => s.value).sort((a: number, b: number) => a - b)).toEqual([17, 84, 156]);
    expect(d.share.numerators.map((s: any) => s.value).sort((a: number, b: number) => a - b)).toEqual([42, 45, 143]);
    expect(d.share.denominator).toEqual({ value: 257 });
    expect(d.cagr.growthFrom).toEqual({ value: 200000000 });
    expect(d.cagr.growthTo).toEqual({ value: 28900000000 });
    expect(d.cagr.findings[0].computedValue).toBeCloseTo(73.77, 2);
    expect(d.pr.about).toEqual([{ id: 'pathway:priority-review' }]);
  });
});

describe('traversals, search and findings', () => {
  it('answers which reforms preceded the first CD19 approval, with sources', async () => {
    const d = await data(`{
      products(filter: { target: "target:cd19" }, orderBy: { field: DATE }, first: 1) { edges { node { id } } }
      reformsPreceding(productId: "product:axicabtagene-ciloleucel") { lagYears reform { name date sources { section reference { number } } } }
    }`);
    expect(d.products.edges[0].node.id).toBe('product:axicabtagene-ciloleucel');
    expect(d.reformsPreceding).toEqual([
      { lagYears: 4, reform: { name: 'Reform of the drug review and approval system', date: '2017', sources: [{ section: 'Industry: current status', reference: null }] } },
      { lagYears: 3, reform: { name: 'Implicit approval for clinical trials', date: '2018', sources: [{ section: 'Framework: optimizing the review process', reference: null }] } },
      {
        lagYears: 2,
        reform: {
          name: 'Regulatory Science Action Plan',
          date: '2019',
          // Sentence 69 cites [10]; [11] belongs to the plan's aim (sentence 70, a claim of its own).
          sources: [{ section: 'Framework: regulatory science action', reference: { number: 10 } }],
        },
      },
      { lagYears: 1, reform: { name: 'Registration review timelines of the 2020 Provisions', date: '2020', sources: [{ section: 'Framework: optimizing the review process', reference: { number: 8 } }] } },
    ]);
  });

  it('lists approvals following a reform', async () => {
    const d = await data(`{ approvalsFollowing(reformId: "reform:2019-regulatory-science-action-plan") { lagYears product { name } } }`);
    expect(d.approvalsFollowing.map((a: any) => a.lagYears)).toEqual([2, 2, 4, 4, 5, 5]);
  });

  it('gives NOT_FOUND for traversals from unknown ids', async () => {
    expect((await errorOf(`{ reformsPreceding(productId: "product:nope") { lagYears } }`)).code).toBe('NOT_FOUND');
    expect((await errorOf(`{ reformsPreceding(productId: "agency:nmpa") { lagYears } }`)).code).toBe('NOT_FOUND');
    expect((await errorOf(`{ approvalsFollowing(reformId: "reform:nope") { lagYears } }`)).code).toBe('NOT_FOUND');
    expect((await errorOf(`{ neighborhood(id: "nope") { truncated } }`)).code).toBe('NOT_FOUND');
    expect((await errorOf(`{ path(fromId: "nope", toId: "agency:nmpa") { length } }`)).code).toBe('NOT_FOUND');
  });

  it('orders the timeline and honours from, to and kinds', async () => {
    const d = await data(`{
      all: timeline { date kind title }
      window: timeline(from: "2018", to: "2020", kinds: [REFORM]) { date title node { id } }
    }`);
    const dates = d.all.map((e: any) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(d.all[0]).toEqual({ date: '2016', kind: 'EVENT', title: 'Event: Wei Zexi incident' });
    expect(d.all.filter((e: any) => e.kind === 'PRODUCT')).toHaveLength(6);
    expect(d.window.map((e: any) => e.node.id)).toEqual([
      'reform:2018-implicit-approval',
      'reform:2019-regulatory-science-action-plan',
      'reform:2020-registration-timelines',
    ]);
  });

  it('finds a shortest path as nodes and relationships', async () => {
    const d = await data(`{
      path(fromId: "target:bcma", toId: "agency:nmpa", maxHops: 3) { length nodes { id } relationships { type from to sources { section } } }
      same: path(fromId: "agency:nmpa", toId: "agency:nmpa") { length nodes { id } }
      tooFar: path(fromId: "event:crc-pharma-funding", toId: "agency:nmpa", maxHops: 2) { length }
    }`);
    expect(d.path.length).toBe(2);
    expect(d.path.nodes[0].id).toBe('target:bcma');
    expect(d.path.nodes[2].id).toBe('agency:nmpa');
    expect(d.path.relationships.map((r: any) => r.type)).toEqual(['TARGETS', 'APPROVED_BY']);
    expect(d.same).toEqual({ length: 0, nodes: [{ id: 'agency:nmpa' }] });
    expect(d.tooFar).toBeNull();
  });

  it('returns a neighbourhood subgraph with edges only among its nodes', async () => {
    const d = await data(`{ neighborhood(id: "target:bcma", depth: 2, limit: 5) { truncated nodes { id } edges { type from to properties } } }`);
    const ids = new Set(d.neighborhood.nodes.map((n: any) => n.id));
    expect(d.neighborhood.nodes[0].id).toBe('target:bcma');
    expect(ids.size).toBe(6);
    expect(d.neighborhood.truncated).toBe(true);
    for (const e of d.neighborhood.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    expect(d.neighborhood.edges.some((e: any) => e.type === 'TARGETS')).toBe(true);
  });

  it('searches names, aliases and stated spellings, ranked', async () => {
    const d = await data(`{
      brand: search(text: "Carvykti") { score node { id } }
      stated: search(text: "ciloleuce", kinds: [PRODUCT]) { node { id } }
      acronym: search(text: "NMPA", kinds: [AGENCY], first: 1) { node { id } }
      odd: search(text: "CD19) OR (*") { node { id } }
    }`);
    // The brand name is an alias of the product and the name of the U.S. authorization event.
    expect(d.brand.slice(0, 2).map((h: any) => h.node.id).sort()).toEqual(['event:2022-carvykti-us-authorization', 'product:ciltacabtagene-autoleucel']);
    const scores = d.brand.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(d.stated).toEqual([{ node: { id: 'product:axicabtagene-ciloleucel' } }]);
    expect(d.acronym).toEqual([{ node: { id: 'agency:nmpa' } }]);
    expect(Array.isArray(d.odd)).toBe(true);
  });

  it('lists the checker\'s findings', async () => {
    const d = await data(`{ inconsistencies { id rule statedValue computedValue tolerance sources { section } statistics { id } } }`);
    expect(d.inconsistencies).toHaveLength(16);
    const china = d.inconsistencies.find((f: any) => f.id === 'finding:percent-of-total:china-approvals-2024-05');
    expect(china).toMatchObject({ rule: 'percent-of-total', statedValue: 12, tolerance: 0.5, sources: [{ section: 'Derived: consistency checker' }] });
    expect(china.computedValue).toBeCloseTo(2.1978, 3);
  });
});

describe('limits and error codes', () => {
  const deep = `{ products { edges { node { sponsors { products { sponsors { products { sponsors { products { name } } } } } } } } } }`;

  it('refuses a query that is too deep, before touching Neo4j', async () => {
    const { status, code } = await errorOf(deep);
    expect({ status, code }).toEqual({ status: 400, code: 'QUERY_TOO_DEEP' });
    expect((await api.execute(deep)).roundTrips).toEqual([]);
  });

  it('refuses a query that costs too much, before touching Neo4j', async () => {
    // Estimates cap each list at the graph's count of its kind: 43 statistics, nested four deep.
    const costly = `{ statistics(first: 100) { edges { node { breakdown(first: 100) { breakdown(first: 100) { breakdown(first: 100) { name } } } } } } }`;
    const { status, code, message } = await errorOf(costly);
    expect({ status, code }).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    expect(message).toMatch(/estimated cost is \d+; at most 10000/);
    expect((await api.execute(costly)).roundTrips).toEqual([]);
  });

  it('refuses too many aliases', async () => {
    const aliased = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: node(id: "agency:nmpa") { id }`).join(' ')} }`;
    expect(await errorOf(aliased)).toMatchObject({ status: 400, code: 'TOO_MANY_ALIASES' });
  });

  it('refuses page sizes and hop counts over their caps with BAD_USER_INPUT', async () => {
    for (const q of [
      `{ products(first: 101) { totalCount } }`,
      `{ products(first: -1) { totalCount } }`,
      `{ search(text: "cd19", first: 500) { score } }`,
      `{ path(fromId: "agency:nmpa", toId: "target:bcma", maxHops: 7) { length } }`,
      `{ neighborhood(id: "agency:nmpa", depth: 4) { truncated } }`,
      `{ neighborhood(id: "agency:nmpa", limit: 1000) { truncated } }`,
      `{ products(after: "not-a-cursor") { totalCount } }`,
      `{ search(text: "  ") { score } }`,
    ]) {
      expect((await errorOf(q)).code, q).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses malformed arguments with BAD_USER_INPUT', async () => {
    expect((await errorOf(`{ timeline(from: "2018-13") { date } }`)).code).toBe('BAD_USER_INPUT');
    expect((await errorOf(`query($from: PartialDate) { timeline(from: $from) { date } }`, { from: 'yesterday' })).code).toBe('BAD_USER_INPUT');
    expect((await errorOf(`query($first: Int) { products(first: $first) { totalCount } }`, { first: 'ten' })).code).toBe('BAD_USER_INPUT');
  });

  it('masks internal errors outside development', async () => {
    // A database that does not exist makes Neo4j fail in a way no client input explains.
    const config = testConfig({ env: 'production' });
    const broken = await startTestApi({ env: 'production', neo4j: { ...config.neo4j, database: 'nosuchdb' } });
    const { status, body } = await broken.post(`{ products { totalCount } }`);
    await broken.close();
    expect(status).toBe(200);
    expect(body.errors?.[0]).toEqual({ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['products'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('artifacts', () => {
  it('keeps schema.graphql in step with the code (npm run schema:print)', async () => {
    expect(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8')).toBe(await printApiSchema());
  });

  it('describes every type, field, argument and enum value', async () => {
    const d = await data(`{ __schema { types { name description fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }`);
    const missing: string[] = [];
    for (const t of d.__schema.types.filter((t: any) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name))) {
      if (!t.description) missing.push(t.name);
      for (const f of [...(t.fields ?? []), ...(t.inputFields ?? [])]) {
        if (!f.description) missing.push(`${t.name}.${f.name}`);
        for (const a of f.args ?? []) if (!a.description) missing.push(`${t.name}.${f.name}(${a.name})`);
      }
      for (const v of t.enumValues ?? []) if (!v.description) missing.push(`${t.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
