import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorOf as firstError, startTestApi, type TestApi } from './support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const data = (query: string, variables?: Record<string, unknown>) => dataOf(api, query, variables);
const errorOf = (query: string, variables?: Record<string, unknown>) => firstError(api, query, variables);

describe('relationship connections', () => {
  it('pages the products of a target with each relationship\'s own provenance', async () => {
    const query = `query($after: String) { node(id: "target:bcma") { ... on Target {
      productsConnection(first: 2, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { node { id } sources { section quote referenceNumber } properties }
      }
    } } }`;
    const first = (await data(query)).node.productsConnection;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.edges.map((e: any) => e.node.id)).toEqual(['product:ciltacabtagene-autoleucel', 'product:equecabtagene-autoleucel']);
    expect(first.edges[0].sources).toEqual([
      { section: 'Table 1', quote: 'Ciltacabtagene autoleucl\t2024\tNanjing Legend Biotechnology\tBCMA', referenceNumber: null },
    ]);
    const rest = (await data(query, { after: first.pageInfo.endCursor })).node.productsConnection;
    expect(rest.edges.map((e: any) => e.node.id)).toEqual(['product:zevorcabtagene-autoleucel']);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('reads the references an edge cites in the same round trip', async () => {
    const { body, roundTrips } = await api.execute(`{ node(id: "reform:2019-regulatory-science-action-plan") { ... on Reform {
      enactedByConnection { edges { node { id } sources { reference { number } } } }
    } } }`);
    expect(body.errors).toBeUndefined();
    expect(roundTrips).toHaveLength(1);
    expect(body.data.node.enactedByConnection.edges.length).toBeGreaterThan(0);
  });
});

describe('bounded lists', () => {
  it('limits a relationship list inside Cypher with first', async () => {
    const d = await data(`{ node(id: "classification:atmp") { ... on Classification { subcategories(first: 2) { id } all: subcategories { id } } } }`);
    expect(d.node.subcategories).toHaveLength(2);
    expect(d.node.all.length).toBeGreaterThan(2);
    expect(d.node.all.slice(0, 2)).toEqual(d.node.subcategories);
  });

  it('refuses a nested page size over the cap, naming the argument', async () => {
    expect(await errorOf(`{ products(first: 1) { edges { node { targets(first: 101) { name } } } } }`)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(await errorOf(`{ node(id: "target:bcma") { ... on Target { productsConnection(first: -1) { totalCount } } } }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('a list statement built once per question', () => {
  it('answers the same question alike, and the same document with other arguments differently', async () => {
    const query = `query($target: ID, $first: Int) { products(filter: {target: $target}, first: $first) { totalCount edges { node { id } } } }`;
    const bcma = await data(query, { target: 'target:bcma', first: 2 });
    expect(await data(query, { target: 'target:bcma', first: 2 })).toEqual(bcma);
    const ids = (d: any) => d.products.edges.map((e: any) => e.node.id);
    expect(ids(bcma)).toHaveLength(2);
    expect(ids(await data(query, { target: 'target:bcma', first: 3 }))).toHaveLength(3);
    const cd19 = await data(query, { target: 'target:cd19', first: 2 });
    expect(ids(cd19).some((id: string) => ids(bcma).includes(id))).toBe(false);
    expect(cd19.products.totalCount).toBeGreaterThan(0);
  });

  it('keeps a root question compiled for its arguments: the same document with other arguments answers differently', async () => {
    const around = `query($id: ID!, $limit: Int!) { neighborhood(id: $id, depth: 1, limit: $limit) { nodes { id } } }`;
    const nmpa = await data(around, { id: 'agency:nmpa', limit: 3 });
    expect(await data(around, { id: 'agency:nmpa', limit: 3 })).toEqual(nmpa);
    expect(nmpa.neighborhood.nodes).toHaveLength(4);
    expect((await data(around, { id: 'agency:nmpa', limit: 5 })).neighborhood.nodes).toHaveLength(6);
    expect((await data(around, { id: 'target:bcma', limit: 3 })).neighborhood.nodes[0].id).toBe('target:bcma');
    const search = `query($text: String!) { search(text: $text, first: 3) { node { id } } }`;
    expect(await data(search, { text: 'BCMA' })).not.toEqual(await data(search, { text: 'CD19' }));
  });
});

describe('keyset cursors', () => {
  it('pages by name without repeating or skipping, whatever the page size', async () => {
    const all = (await data(`{ statistics(first: 100) { edges { node { id } } } }`)).statistics.edges.map((e: any) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await data(`query($after: String) { statistics(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after })).statistics;
      paged.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it('pages by a key some entities lack (undated reforms and guidelines last), both directions', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const query = `query($after: String) { guidelines(first: 1, after: $after, orderBy: {field: DATE, direction: ${direction}}) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
      const all = (await data(query.replace('first: 1', 'first: 100'))).guidelines.edges.map((e: any) => e.node.id);
      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await data(query, { after })).guidelines;
        paged.push(...page.edges.map((e: any) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged, direction).toEqual(all);
    }
  });

  it('refuses a cursor of another order, a tampered one and an old offset cursor', async () => {
    const byName = (await data(`{ products(first: 1) { pageInfo { endCursor } } }`)).products.pageInfo.endCursor;
    expect(await errorOf(`query($a: String) { products(after: $a, orderBy: {field: DATE}) { totalCount } }`, { a: byName })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const tampered = Buffer.from(JSON.stringify(['name:ASC', { $gt: 1 }, 'x'])).toString('base64url');
    expect(await errorOf(`query($a: String) { products(after: $a) { totalCount } }`, { a: tampered })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const offset = Buffer.from('offset:2147483648').toString('base64url');
    expect(await errorOf(`query($a: String) { products(after: $a) { totalCount } }`, { a: offset })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('what a query costs', () => {
  it('reports round trips, Neo4j time and the estimated cost outside production', async () => {
    const { body } = await api.post(`{ products(first: 5) { edges { node { name targets { name } } } } }`);
    // `targets` takes 20 by default, capped at the 2 targets the graph holds.
    expect(body.extensions?.cost).toMatchObject({ roundTrips: 1, estimated: 1 + 5 * (1 + 1 + 1 + (1 + 2 * 1)) });
    expect(body.extensions?.cost.neo4jMs).toBeGreaterThanOrEqual(0);
  });

  it('counts a nested list at its cap, so deep fan-out is refused before Neo4j is asked', async () => {
    // Capped by the graph's counts (6 products, 7 sponsors) that nesting is cheap; 43 statistics three deep is not.
    expect((await errorOf(`{ products(first: 100) { edges { node { sponsors(first: 100) { products(first: 100) { name } } } } } }`)).code).toBeUndefined();
    const { code } = await errorOf(`{ statistics(first: 100) { edges { node { breakdown(first: 100) { breakdown(first: 100) { name } } } } } }`);
    expect(code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('the Cypher sent (pinned, as neo4j/graphql\'s TCK tests do)', () => {
  it('compiles a filtered list with nested fields into one anchored, limited statement', async () => {
    const { statements } = await api.execute(`{ products(filter: {target: "target:bcma"}, first: 2) { edges { node { name sponsors(first: 3) { name } } } } }`);
    expect(statements).toHaveLength(1);
    expect(statements[0].text).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (a_u0_0:Entity { id: $u0_0 })
        WITH a_u0_0, COUNT {
          (a_u0_0)<-[:TARGETS]-(m_u0_1)
        } AS degree_u0_2
        WITH a_u0_0, (degree_u0_2 * degree_u0_2) > ($u0_1 * COUNT {
          (s_u0_3:Product)
        }) AS hub_u0_4
        CALL (a_u0_0, hub_u0_4) {
          WITH a_u0_0, hub_u0_4
          WHERE NOT (hub_u0_4)
          MATCH (a_u0_0)<-[:TARGETS]-(n_u0_5)
          WHERE n_u0_5.name IS NOT NULL
          WITH n_u0_5
          ORDER BY n_u0_5.name ASC, n_u0_5.id ASC
          LIMIT $u0_1
          RETURN n_u0_5
          UNION
          MATCH (n_u0_5:Product) USING INDEX n_u0_5:Product(name)
          WHERE (n_u0_5.name >= CASE
            WHEN hub_u0_4 THEN ''
            ELSE '\\uffff'
          END AND n_u0_5.name IS NOT NULL AND (a_u0_0)<-[:TARGETS]-(n_u0_5))
          WITH n_u0_5
          ORDER BY n_u0_5.name ASC, n_u0_5.id ASC
          LIMIT $u0_1
          RETURN n_u0_5
        }
        WITH n_u0_5
        ORDER BY n_u0_5.name ASC, n_u0_5.id ASC
        LIMIT $u0_1
        CALL (n_u0_5) {
          MATCH (n_u0_5)-[r_u0_6:SPONSORED_BY]->(m_u0_7)
          WITH r_u0_6, m_u0_7
          ORDER BY m_u0_7.name ASC, m_u0_7.id ASC
          LIMIT $u0_2
          RETURN collect(m_u0_7 { .id, .name, kind: head([l IN labels(m_u0_7) WHERE l <> 'Entity']) }) AS list_u0_8
        }
        RETURN collect(n_u0_5 { .id, .name, kind: head([l IN labels(n_u0_5) WHERE l <> 'Entity']), __rel: {\`Product.sponsors\`: list_u0_8} }) AS page_u0_9
      }
      RETURN page_u0_9"
    `);
    expect(statements[0].params).toMatchInlineSnapshot(`
      {
        "u0_0": "target:bcma",
        "u0_1": 3,
        "u0_2": 3,
      }
    `);
  });

  it('compiles fields of several kinds under an interface with label guards', async () => {
    const { statements } = await api.execute(`{ node(id: "target:bcma") { id ... on Target { products { name } } ... on Sponsor { products { id } } } }`);
    expect(statements[0].text).toMatchInlineSnapshot(`
      "CALL () {
        UNWIND $u0_0 AS id_u0_0
        OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
        CALL (n_u0_1) {
          WITH n_u0_1, COUNT {
            (n_u0_1)<-[r_u0_2:TARGETS]-(m_u0_3)
          } AS degree_u0_4
          WITH n_u0_1, (degree_u0_4 * degree_u0_4) > ($u0_1 * COUNT {
            (s_u0_5:Product)
          }) AS hub_u0_6
          CALL (n_u0_1, hub_u0_6) {
            WITH n_u0_1, hub_u0_6
            WHERE NOT (hub_u0_6)
            MATCH (n_u0_1)<-[r_u0_7:TARGETS]-(m_u0_8)
            WHERE n_u0_1:Target
            WITH r_u0_7, m_u0_8
            ORDER BY m_u0_8.dateStart ASC, m_u0_8.name ASC, m_u0_8.id ASC
            LIMIT $u0_1
            RETURN r_u0_7, m_u0_8
            UNION
            MATCH (m_u0_8:Product) USING INDEX m_u0_8:Product(dateStart, name)
            WHERE (m_u0_8.dateStart >= CASE
              WHEN hub_u0_6 THEN ''
              ELSE '\\uffff'
            END AND m_u0_8.name IS NOT NULL)
            MATCH (n_u0_1)<-[r_u0_7:TARGETS]-(m_u0_8)
            WHERE n_u0_1:Target
            WITH r_u0_7, m_u0_8
            ORDER BY m_u0_8.dateStart ASC, m_u0_8.name ASC, m_u0_8.id ASC
            LIMIT $u0_1
            RETURN r_u0_7, m_u0_8
          }
          WITH r_u0_7, m_u0_8
          ORDER BY m_u0_8.dateStart ASC, m_u0_8.name ASC, m_u0_8.id ASC
          RETURN collect(m_u0_8 { .id, .name, kind: head([l IN labels(m_u0_8) WHERE l <> 'Entity']) }) AS list_u0_9
        }
        CALL (n_u0_1) {
          WITH n_u0_1, COUNT {
            (n_u0_1)<-[r_u0_10:SPONSORED_BY]-(m_u0_11)
          } AS degree_u0_12
          WITH n_u0_1, (degree_u0_12 * degree_u0_12) > ($u0_2 * COUNT {
            (s_u0_13:Product)
          }) AS hub_u0_14
          CALL (n_u0_1, hub_u0_14) {
            WITH n_u0_1, hub_u0_14
            WHERE NOT (hub_u0_14)
            MATCH (n_u0_1)<-[r_u0_15:SPONSORED_BY]-(m_u0_16)
            WHERE n_u0_1:Sponsor
            WITH r_u0_15, m_u0_16
            ORDER BY m_u0_16.dateStart ASC, m_u0_16.name ASC, m_u0_16.id ASC
            LIMIT $u0_2
            RETURN r_u0_15, m_u0_16
            UNION
            MATCH (m_u0_16:Product) USING INDEX m_u0_16:Product(dateStart, name)
            WHERE (m_u0_16.dateStart >= CASE
              WHEN hub_u0_14 THEN ''
              ELSE '\\uffff'
            END AND m_u0_16.name IS NOT NULL)
            MATCH (n_u0_1)<-[r_u0_15:SPONSORED_BY]-(m_u0_16)
            WHERE n_u0_1:Sponsor
            WITH r_u0_15, m_u0_16
            ORDER BY m_u0_16.dateStart ASC, m_u0_16.name ASC, m_u0_16.id ASC
            LIMIT $u0_2
            RETURN r_u0_15, m_u0_16
          }
          WITH r_u0_15, m_u0_16
          ORDER BY m_u0_16.dateStart ASC, m_u0_16.name ASC, m_u0_16.id ASC
          RETURN collect(m_u0_16 { .id, .name, kind: head([l IN labels(m_u0_16) WHERE l <> 'Entity']) }) AS list_u0_17
        }
        RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __rel: {\`Target.products\`: list_u0_9, \`Sponsor.products\`: list_u0_17} }}) AS nodes_u0_18
      }
      RETURN nodes_u0_18"
    `);
  });

  it('compiles a neighbourhood as bounded rings', async () => {
    const { statements } = await api.execute(`{ neighborhood(id: "agency:nmpa", depth: 2, limit: 10) { nodes { id } edges { type } truncated } }`);
    expect(statements[0].text).toMatchInlineSnapshot(`
      "CALL () {
        OPTIONAL MATCH (c_u0_0:Entity { id: $u0_0 })
        RETURN c_u0_0
      }
      CALL (*) {
        UNWIND [c_u0_0] AS x_u0_1
        MATCH (x_u0_1)-[h_u0_2:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY)]-(m_u0_3:Entity)
        WHERE NOT (m_u0_3 IN [c_u0_0])
        WITH DISTINCT m_u0_3
        LIMIT $u0_1
        RETURN collect(m_u0_3) AS ring_u0_4
      }
      CALL (*) {
        UNWIND ring_u0_4 AS x_u0_5
        MATCH (x_u0_5)-[h_u0_6:(PART_OF|DEPARTMENT_OF|SUCCEEDED_BY|GOVERNS|ISSUED|ENACTED|INTRODUCED|TRIGGERED|IMPLEMENTED_BY|ESTABLISHED|SUBCATEGORY_OF|CLASSIFIED_AS|REVIEWS|APPROVED_BY|TARGETS|SPONSORED_BY|INVOLVES|ABOUT|BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO|ADDRESSES|DRIVES|EVIDENCED_BY)]-(m_u0_7:Entity)
        WHERE NOT (m_u0_7 IN ([c_u0_0] + ring_u0_4))
        WITH DISTINCT m_u0_7
        LIMIT $u0_2
        RETURN collect(m_u0_7) AS ring_u0_8
      }
      CALL (*) {
        WITH [ring_u0_4, ring_u0_8] AS rings_u0_9
        UNWIND range(0, (size(rings_u0_9) - 1)) AS hop_u0_10
        UNWIND rings_u0_9[hop_u0_10] AS m_u0_11
        WITH m_u0_11, hop_u0_10
        ORDER BY hop_u0_10 ASC, m_u0_11.name ASC, m_u0_11.id ASC
        LIMIT $u0_3
        RETURN collect(m_u0_11) AS members_u0_12
      }
      CALL (*) {
        UNWIND ([c_u0_0] + members_u0_12) AS n_u0_13
        RETURN collect(n_u0_13 { .id, .name, kind: head([l IN labels(n_u0_13) WHERE l <> 'Entity']) }) AS nodes_u0_14
      }
      CALL (*) {
        UNWIND ([c_u0_0] + members_u0_12) AS a_u0_15
        UNWIND ([c_u0_0] + members_u0_12) AS b_u0_16
        MATCH (a_u0_15)-[r_u0_17]->(b_u0_16)
        WHERE type(r_u0_17) IN $u0_4
        WITH r_u0_17, a_u0_15, b_u0_16
        ORDER BY a_u0_15.id ASC, type(r_u0_17) ASC, b_u0_16.id ASC
        LIMIT $u0_5
        RETURN collect({type: type(r_u0_17), from: startNode(r_u0_17).id, to: endNode(r_u0_17).id}) AS edges_u0_18
      }
      RETURN c_u0_0 IS NOT NULL AS reach_u0_25_found, (size(ring_u0_4) + size(ring_u0_8)) AS reach_u0_19, nodes_u0_14, edges_u0_18"
    `);
  });

  it('compiles a second page as a keyset seek', async () => {
    const first = await api.execute(`{ references(first: 2, orderBy: {field: NAME}) { pageInfo { endCursor } } }`);
    const { statements } = await api.execute(`query($a: String) { references(first: 2, after: $a, orderBy: {field: NAME}) { totalCount edges { node { number } } } }`, {
      a: first.body.data.references.pageInfo.endCursor,
    });
    expect(statements[0].text).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (n_u0_0:Reference)
        WHERE (n_u0_0.name >= $u0_0 AND (n_u0_0.name > $u0_0 OR n_u0_0.id > $u0_1))
        WITH n_u0_0
        ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
        LIMIT $u0_2
        RETURN collect(n_u0_0 { .id, .name, .number, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
      }
      CALL () {
        MATCH (n_u0_2:Reference)
        RETURN count(n_u0_2) AS total_u0_3
      }
      RETURN page_u0_1, total_u0_3"
    `);
  });
});

describe('filters', () => {
  it('offers on every list exactly the filters the graph layer compiles, and each one runs', async () => {
    const { buildApiSchema } = await import('../src/resolvers/index.js');
    const { FILTERS } = await import('../src/graph/model.js');
    const { isInputObjectType, getNamedType } = await import('graphql');
    const schema = await buildApiSchema();
    const sample: Record<string, unknown> = { String: 'a', Int: 2020, ID: 'target:bcma' };
    let checked = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const type = getNamedType(field.type).name;
      if (!type.endsWith('Connection') || !field.args.some((a) => a.name === 'filter')) continue;
      const kind = type.slice(0, -'Connection'.length) as keyof typeof FILTERS;
      const input = field.args.find((a) => a.name === 'filter')!.type;
      if (!isInputObjectType(input)) throw new Error(`${field.name}: filter is not an input object`);
      const offered = Object.keys(input.getFields()).sort();
      expect(offered, field.name).toEqual(Object.keys(FILTERS[kind]).sort());
      for (const [name, f] of Object.entries(input.getFields())) {
        const value = sample[getNamedType(f.type).name];
        const { body } = await api.post(`query($v: ${getNamedType(f.type).name}) { ${field.name}(filter: {${name}: $v}) { totalCount edges { node { id } } } }`, { v: value });
        expect(body.errors, `${field.name}(filter: {${name}})`).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('unreadable requests', () => {
  it('answers invalid JSON with a coded GraphQL-shaped 400, no stack, no path', async () => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ products { totalCount } }"' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
