import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../src/graph/seeds/load.js';
import { exampleOperations } from '../src/resolvers/examples.js';
import type { SeedSet } from '../src/graph/seeds/read.js';
import { startTestApi, type TestApi } from './support/api.js';
import { testConfig } from './support/test-env.js';

/** Extra products (each with its own sponsor, aimed at BCMA), loaded with the same loader users run. */
function syntheticProducts(count: number): SeedSet {
  const source = { section: 'Table 1' as const, refs: [], quote: 'synthetic record for the batching test' };
  const set: SeedSet = { entities: [], relationships: [] };
  for (let i = 0; i < count; i++) {
    set.entities.push({ file: 'synthetic', kind: 'Product', record: { id: `product:synthetic-${i}`, name: `Synthetic ${i}`, date: '2025', modality: 'CAR-T', source } });
    set.entities.push({ file: 'synthetic', kind: 'Sponsor', record: { id: `sponsor:synthetic-${i}`, name: `Synthetic sponsor ${i}`, source } });
    set.relationships.push({ file: 'synthetic', record: { type: 'TARGETS', from: `product:synthetic-${i}`, to: 'target:bcma', source } });
    set.relationships.push({ file: 'synthetic', record: { type: 'SPONSORED_BY', from: `product:synthetic-${i}`, to: `sponsor:synthetic-${i}`, source } });
  }
  return set;
}

const PRODUCTS_WITH_SPONSORS_PRODUCTS = `query($first: Int) {
  products(first: $first) {
    edges { node { name targets { name } sponsors { name products { name } } } }
  }
}`;

describe('one Neo4j round trip per request', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The caps are lifted here so one page can hold 600 products; batching does not depend on them.
    const limits = { ...testConfig().limits, maxPageSize: 1000, maxCost: 1_000_000 };
    api = await startTestApi({ limits });
  });
  afterAll(async () => {
    await api.executor.transaction('WRITE', 'test.cleanup', (tx) =>
      tx.run(`MATCH (n:Entity) WHERE n.id STARTS WITH 'product:synthetic-' OR n.id STARTS WITH 'sponsor:synthetic-' DETACH DELETE n`),
    );
    await api.close();
  });

  it('makes the same single round trip for 6 products as for 600, nested three levels deep', async () => {
    const six = await api.execute(PRODUCTS_WITH_SPONSORS_PRODUCTS, { first: 1000 });
    expect(six.body.errors).toBeUndefined();
    expect(six.body.data.products.edges).toHaveLength(6);

    await loadSeeds(api.executor, syntheticProducts(594));
    const six100 = await api.execute(PRODUCTS_WITH_SPONSORS_PRODUCTS, { first: 1000 });
    expect(six100.body.errors).toBeUndefined();
    expect(six100.body.data.products.edges).toHaveLength(600);
    expect(six100.body.data.products.edges.every((e: any) => e.node.sponsors[0].products.length > 0)).toBe(true);

    // The page, the targets and sponsors of each product, and the sponsors' products: one statement.
    const expected = ['read:list.Product'];
    expect(six.roundTrips).toEqual(expected);
    expect(six100.roundTrips).toEqual(expected);
  });

  it("pages a hub target's products by date from the date index, in the order its relationships give", async () => {
    // After the load above BCMA has 597 of the 600 products: degree² (356,409) is over (first + 1) x 600,
    // so the page is read from the Product(dateStart, id) index in order (render.ts hubPage)
    // instead of sorting every product of the target.
    const rows = await api.executor.readText<{ id: string }>('test', "MATCH (:Entity {id: 'target:bcma'})<-[:TARGETS]-(n:Product) RETURN n.id AS id ORDER BY n.dateStart, n.id");
    const expected = rows.map((r) => r.id);
    expect(expected).toHaveLength(597);
    const got: string[] = [];
    for (let after: string | null = null; ; ) {
      const { body, statements } = await api.execute(
        'query($a: String) { products(filter: {target: "target:bcma"}, orderBy: {field: DATE}, first: 100, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      expect(body.errors).toBeUndefined();
      expect(statements[0].text).toMatch(/USING INDEX n_u0_\d+:Product\(dateStart, id\)/);
      got.push(...body.data.products.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!body.data.products.pageInfo.hasNextPage) break;
      after = body.data.products.pageInfo.endCursor;
    }
    expect(got).toEqual(expected);
  });

  it('answers different relationship fields and their references in the same round trip', async () => {
    const { body, roundTrips } = await api.execute(`{
      products(first: 10) { edges { node {
        targets { name } sponsors { name } approvedBy { acronym }
        precedingReforms { lagYears reform { sources { reference { number } } } }
      } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(roundTrips).toEqual(['read:list.Product']);
  });

  it('answers several root fields in one statement, so one request sees one state of the graph', async () => {
    const { body, roundTrips } = await api.execute(`{
      products(first: 2) { totalCount edges { node { name } } }
      agencies(first: 1) { edges { node { acronym enactedReforms { name } } } }
      nmpa: node(id: "agency:nmpa") { id }
      search(text: "BCMA", first: 1) { node { id } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(roundTrips).toEqual(['read:list.Product+list.Agency+nodes+search']);
  });

  it('makes one round trip for every example operation', async () => {
    // One after another: run all at once, the last would wait past the admission queue's limit.
    const trips: Record<string, number> = {};
    for (const op of exampleOperations()) trips[op.name] = (await api.execute(op.text)).roundTrips.length;
    expect(Object.values(trips).every((n) => n === 1), JSON.stringify(trips)).toBe(true);
  });
});
