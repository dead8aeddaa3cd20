/**
 * What an integrator's client does with this API: Apollo Client with the cache README gives
 * (docs/apollo-client/cache.ts), against the real server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, HttpLink, gql } from '@apollo/client';
import { buildSchema, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache, possibleTypes } from '../docs/apollo-client/cache.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { startTestApi, type TestApi } from './support/api.js';

let api: TestApi;
let requests = 0;
const client = () =>
  new ApolloClient({
    cache: createCache(),
    link: new HttpLink({ uri: `${api.url}/graphql`, fetch: (input, init) => (requests++, fetch(input, init)) }),
  });

beforeAll(async () => {
  api = await startTestApi({});
});
afterAll(() => api.close());

describe('Apollo Client with the README\'s cache', () => {
  it('knows every kind that implements Node (possibleTypes), as schema.graphql declares them', () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
    const kinds = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node')).map((t) => t.name).sort();
    expect(possibleTypes.Node).toEqual(kinds);
  });

  it('answers node(id) from the cache once a list has read the entity, without a request', async () => {
    const apollo = client();
    await apollo.query({ query: gql`{ products(first: 5) { edges { node { id name date } } } }` });
    const before = requests;
    const { data } = await apollo.query({
      query: gql`query One($id: ID!) { node(id: $id) { id ... on Product { name date } } }`,
      variables: { id: 'product:ciltacabtagene-autoleucel' },
    });
    expect(data).toEqual({ node: { __typename: 'Product', id: 'product:ciltacabtagene-autoleucel', name: 'Ciltacabtagene autoleucel', date: '2024' } });
    expect(requests).toBe(before);
    // One it has not seen goes to the server.
    const other = await apollo.query({ query: gql`query One($id: ID!) { node(id: $id) { id ... on Target { name } } }`, variables: { id: 'target:bcma' } });
    expect(other.data).toMatchObject({ node: { id: 'target:bcma' } });
    expect(requests).toBe(before + 1);
  });

  it('merges the pages fetchMore brings into one list (relayStylePagination), and keeps other filters apart', async () => {
    const apollo = client();
    const query = gql`query Page($after: String, $filter: ProductFilter) { products(first: 2, after: $after, filter: $filter) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const all = await api.post('{ products(first: 100) { edges { node { id } } } }');
    const ids = all.body.data!.products.edges.map((e: any) => e.node.id);

    // The watched list as the client shows it: each merge arrives as a new result.
    const watched = apollo.watchQuery({ query, variables: {} });
    let shown: any;
    const subscription = watched.subscribe({ next: (result) => result.data && (shown = result.data) });
    await expect.poll(() => shown?.products.edges.length).toBe(2);
    for (let page = 1; shown.products.pageInfo.hasNextPage && page < 10; page++) {
      const before = shown.products.edges.length;
      await watched.fetchMore({ variables: { after: shown.products.pageInfo.endCursor } });
      await expect.poll(() => shown.products.edges.length).toBeGreaterThan(before);
    }
    expect(shown.products.edges.map((e: any) => e.node.id)).toEqual(ids);
    subscription.unsubscribe();

    const filtered = await apollo.query({ query, variables: { filter: { target: 'target:bcma' } } });
    expect((filtered.data as any).products.edges.map((e: any) => e.node.id)).toEqual(['product:ciltacabtagene-autoleucel', 'product:equecabtagene-autoleucel']);
    expect((apollo.readQuery({ query, variables: {} }) as any).products.edges).toHaveLength(ids.length);
  });
});
