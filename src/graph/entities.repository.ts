/**
 * Reading entities: by id, as filtered and ordered pages, and along relationships in batches.
 */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { entityFromNode, type Entity } from './entities.js';
import type { Executor } from './executor.js';
import type { Kind, RelType } from './model.js';
import { query, render } from './queries.js';

/** The filters each kind accepts; each name is a predicate block in cypher/queries/filters.cypher. */
export const FILTERS_BY_KIND: Partial<Record<Kind, readonly string[]>> = {
  Agency: ['nameContains', 'status'],
  Guideline: ['nameContains', 'yearFrom', 'yearTo', 'issuedBy'],
  Reform: ['nameContains', 'yearFrom', 'yearTo', 'enactedBy'],
  Event: ['nameContains', 'yearFrom', 'yearTo', 'eventType'],
  Product: ['nameContains', 'yearFrom', 'yearTo', 'target', 'sponsor'],
  Statistic: ['nameContains', 'metric', 'year', 'dimension'],
};
const DEFAULT_FILTERS = ['nameContains'] as const;

/** Sort keys that may be spliced into ORDER BY. */
export const SORT_KEYS = ['n.id', 'n.name', 'n.dateStart', 'n.year', 'n.value'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface PageRequest {
  filter: Record<string, unknown>;
  sortKey: SortKey;
  direction: 'ASC' | 'DESC';
  skip: number;
  limit: number;
}

/**
 * One page of the entities of a kind, with the total number matching the filter, in one round trip.
 * Returns `limit + 1` nodes at most, so the caller can tell whether another page follows.
 */
export async function listEntities(executor: Executor, kind: Kind, page: PageRequest): Promise<{ totalCount: number; nodes: Entity[] }> {
  if (!SORT_KEYS.includes(page.sortKey)) throw new Error(`Unknown sort key ${page.sortKey}`);
  const allowed = FILTERS_BY_KIND[kind] ?? DEFAULT_FILTERS;
  const active = Object.entries(page.filter).filter(([, value]) => value !== undefined && value !== null);
  const predicates = active.map(([name]) => {
    if (!allowed.includes(name)) throw new Error(`Filter ${name} does not apply to ${kind}`);
    return `(${query(`filter.${name}`)})`;
  });
  const text = [
    render('entities.matchKind', { label: kind }),
    `WHERE ${predicates.length ? predicates.join(' AND ') : 'true'}`,
    render('entities.page', { sortKey: page.sortKey, direction: page.direction }),
  ].join('\n');
  const [row] = await executor.readText<{ totalCount: number; nodes: Neo4jNode[] }>(`entities.list.${kind}`, text, {
    filter: Object.fromEntries(active),
    skip: page.skip,
    limit: page.limit,
  });
  return { totalCount: row.totalCount, nodes: row.nodes.map(entityFromNode) };
}

/** Entities by id, in one round trip; ids not found are absent from the map. */
export async function entitiesByIds(executor: Executor, ids: readonly string[]): Promise<Map<string, Entity>> {
  const rows = await executor.read<{ n: Neo4jNode }>('entities.byIds', { ids: [...new Set(ids)] });
  return new Map(rows.map(({ n }) => [n.properties.id as string, entityFromNode(n)]));
}

export interface RelatedKey {
  id: string;
  type: RelType;
  direction: 'OUT' | 'IN';
}

export const relatedKeyString = (k: RelatedKey) => `${k.id}|${k.type}|${k.direction}`;

/** For each key, the entities at the other end of its relationships: one round trip for any mix of keys. */
export async function relatedBatch(executor: Executor, keys: readonly RelatedKey[]): Promise<Map<string, Entity[]>> {
  const rows = await executor.read<{ key: string; nodes: Neo4jNode[] }>('entities.related', {
    keys: keys.map((k) => ({ ...k, key: relatedKeyString(k) })),
  });
  return new Map(rows.map((r) => [r.key, r.nodes.map(entityFromNode)]));
}

/** For each statistic, the other parts of its total along the same dimension. */
export async function siblingsBatch(executor: Executor, ids: readonly string[]): Promise<Map<string, Entity[]>> {
  const rows = await executor.read<{ id: string; nodes: Neo4jNode[] }>('entities.siblings', { ids });
  return new Map(rows.map((r) => [r.id, r.nodes.map(entityFromNode)]));
}
