/**
 * An Apollo Client cache for this API (README "Apollo Client"; tests/integrators.test.ts runs it
 * against the real server). Copy it into your client.
 *
 * - Every entity's `id` is unique across kinds ("product:…", "target:…"), and so is a relationship's
 *   ("from|TYPE|to"): the id alone is the cache key, so `node(id)` can be answered from the cache
 *   by a read function, without knowing the kind.
 * - `Node` is an interface: `possibleTypes` lets fragments on it match the kinds.
 * - Lists are Relay connections paged by `first`/`after`: `relayStylePagination` merges the pages
 *   `fetchMore` brings; the other arguments (filter, where, order, includeRetracted) keep separate lists.
 */
import { InMemoryCache, defaultDataIdFromObject } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** The kinds that implement Node (schema.graphql). */
export const possibleTypes = {
  Node: ['Agency', 'Claim', 'Classification', 'Department', 'Event', 'Finding', 'Guideline', 'Pathway', 'Product', 'Reference', 'Reform', 'Sponsor', 'Statistic', 'Target', 'Track'],
};

/** The root list fields (Relay connections). */
const LISTS = ['agencies', 'claims', 'classifications', 'departments', 'events', 'guidelines', 'pathways', 'products', 'references', 'reforms', 'sponsors', 'statistics', 'targets', 'tracks'];
/** What makes two lists different lists (everything but the page). */
const LIST_ARGS = ['filter', 'where', 'orderBy', 'sort', 'includeRetracted'];

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes,
    dataIdFromObject: (object) => (typeof object.id === 'string' ? object.id : defaultDataIdFromObject(object)),
    typePolicies: {
      Query: {
        fields: {
          // node(id) and nodes(ids): the entity already in the cache, if it is (asOf reads are the past: not redirected).
          node: { read: (existing, { args, toReference }) => existing ?? (args?.id && !args.asOf && !args.asOfTime ? toReference(args.id) : undefined) },
          nodes: { read: (existing, { args, toReference }) => existing ?? (args?.ids && !args.asOf && !args.asOfTime ? args.ids.map((id: string) => toReference(id)) : undefined) },
          ...Object.fromEntries(LISTS.map((field) => [field, relayStylePagination(LIST_ARGS)])),
          searchConnection: relayStylePagination(['text', 'kinds']),
        },
      },
    },
  });
}
