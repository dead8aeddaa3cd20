/**
 * Per-request loading. Every relationship field of the API, and every node looked up by id, goes
 * through one DataLoader whose batch is a whole nesting level: however many parents and whichever
 * fields a level asks for, it costs one Cypher query (entities.level).
 */
import DataLoader from 'dataloader';
import type { Entity } from './entities.js';
import { levelBatch, relatedKeyString, type Lagged, type LevelRequest, type RelatedKey } from './entities.repository.js';
import type { Executor } from './executor.js';

type LevelKey =
  | { op: 'node'; id: string }
  | ({ op: 'related' } & RelatedKey)
  | { op: 'siblings' | 'preceding' | 'following'; id: string };

const keyString = (k: LevelKey) => (k.op === 'related' ? `related|${relatedKeyString(k)}` : `${k.op}|${k.id}`);

export interface Loaders {
  node: { load(id: string): Promise<Entity | null>; loadMany(ids: string[]): Promise<Array<Entity | null>> };
  related: { load(key: RelatedKey): Promise<Entity[]> };
  siblings: { load(statisticId: string): Promise<Entity[]> };
  reformsPreceding: { load(productId: string): Promise<Lagged[]> };
  approvalsFollowing: { load(reformId: string): Promise<Lagged[]> };
}

export function createLoaders(executor: Executor): Loaders {
  const level = new DataLoader<LevelKey, unknown, string>(
    async (keys) => {
      const request: LevelRequest = { ids: [], related: [], siblings: [], preceding: [], following: [] };
      for (const k of keys) {
        if (k.op === 'node') request.ids.push(k.id);
        else if (k.op === 'related') request.related.push({ id: k.id, type: k.type, direction: k.direction });
        else request[k.op].push(k.id);
      }
      const result = await levelBatch(executor, request);
      // Results in key order: null for an unknown node, an empty list for anything else not found.
      return keys.map((k) => {
        if (k.op === 'node') return result.nodes.get(k.id) ?? null;
        if (k.op === 'related') return result.related.get(relatedKeyString(k)) ?? [];
        return result[k.op].get(k.id) ?? [];
      });
    },
    { cacheKeyFn: keyString },
  );
  const load = <T>(key: LevelKey) => level.load(key) as Promise<T>;
  return {
    node: {
      load: (id) => load<Entity | null>({ op: 'node', id }),
      loadMany: (ids) => Promise.all(ids.map((id) => load<Entity | null>({ op: 'node', id }))),
    },
    related: { load: (key) => load<Entity[]>({ op: 'related', ...key }) },
    siblings: { load: (id) => load<Entity[]>({ op: 'siblings', id }) },
    reformsPreceding: { load: (id) => load<Lagged[]>({ op: 'preceding', id }) },
    approvalsFollowing: { load: (id) => load<Lagged[]>({ op: 'following', id }) },
  };
}
