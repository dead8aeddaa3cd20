/**
 * Per-request DataLoaders. Every relationship field of the API resolves through these, so all the
 * fields of one nesting level are answered by one Cypher query, whatever the number of parents.
 */
import DataLoader from 'dataloader';
import type { Entity } from './entities.js';
import { entitiesByIds, relatedBatch, relatedKeyString, siblingsBatch, type RelatedKey } from './entities.repository.js';
import type { Executor } from './executor.js';
import { approvalsFollowingBatch, reformsPrecedingBatch, type Lagged } from './traversals.repository.js';

export interface Loaders {
  node: DataLoader<string, Entity | null>;
  related: DataLoader<RelatedKey, Entity[], string>;
  siblings: DataLoader<string, Entity[]>;
  reformsPreceding: DataLoader<string, Lagged[]>;
  approvalsFollowing: DataLoader<string, Lagged[]>;
}

/** Results in key order; a key with no row gets `fallback`. */
function inKeyOrder<K, V>(keys: readonly K[], map: Map<string, V>, key: (k: K) => string, fallback: V): V[] {
  return keys.map((k) => map.get(key(k)) ?? fallback);
}

export function createLoaders(executor: Executor): Loaders {
  return {
    node: new DataLoader(async (ids) => inKeyOrder<string, Entity | null>(ids, await entitiesByIds(executor, ids), (k) => k, null)),
    related: new DataLoader(async (keys) => inKeyOrder(keys, await relatedBatch(executor, keys), relatedKeyString, []), {
      cacheKeyFn: relatedKeyString,
    }),
    siblings: new DataLoader(async (ids) => inKeyOrder(ids, await siblingsBatch(executor, ids), (k) => k, [])),
    reformsPreceding: new DataLoader(async (ids) => inKeyOrder(ids, await reformsPrecedingBatch(executor, ids), (k) => k, [])),
    approvalsFollowing: new DataLoader(async (ids) => inKeyOrder(ids, await approvalsFollowingBatch(executor, ids), (k) => k, [])),
  };
}
