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

export interface RelatedKey {
  id: string;
  type: RelType;
  direction: 'OUT' | 'IN';
}

export const relatedKeyString = (k: RelatedKey) => `${k.id}|${k.type}|${k.direction}`;

/** An entity with the lag in years between it and the entity it was asked for. */
export interface Lagged {
  other: Entity;
  lagYears: number;
}

/** What one nesting level of a request needs from the graph. */
export interface LevelRequest {
  ids: string[];
  related: RelatedKey[];
  siblings: string[];
  preceding: string[];
  following: string[];
}

export interface LevelResult {
  nodes: Map<string, Entity>;
  related: Map<string, Entity[]>;
  siblings: Map<string, Entity[]>;
  preceding: Map<string, Lagged[]>;
  following: Map<string, Lagged[]>;
}

interface LagRow {
  id: string;
  year: number | null;
  nodes: Neo4jNode[];
}

function lagged(rows: LagRow[], sign: 1 | -1): Map<string, Lagged[]> {
  return new Map(
    rows.map((r) => [
      r.id,
      r.nodes.map((n) => {
        const other = entityFromNode(n);
        return { other, lagYears: sign * ((r.year ?? 0) - (other.year as number)) };
      }),
    ]),
  );
}

/**
 * Answers a whole nesting level in one round trip: nodes by id, related nodes, statistic siblings,
 * reforms before each product's approval and approvals after each reform.
 */
export async function levelBatch(executor: Executor, request: LevelRequest): Promise<LevelResult> {
  const [row] = await executor.read<{
    nodes: Neo4jNode[];
    related: Array<{ key: string; nodes: Neo4jNode[] }>;
    siblings: Array<{ id: string; nodes: Neo4jNode[] }>;
    preceding: LagRow[];
    following: LagRow[];
  }>('entities.level', {
    ids: [...new Set(request.ids)],
    related: request.related.map((k) => ({ ...k, key: relatedKeyString(k) })),
    siblings: request.siblings,
    preceding: request.preceding,
    following: request.following,
  });
  return {
    nodes: new Map(row.nodes.map((n) => [n.properties.id as string, entityFromNode(n)])),
    related: new Map(row.related.map((r) => [r.key, r.nodes.map(entityFromNode)])),
    siblings: new Map(row.siblings.map((r) => [r.id, r.nodes.map(entityFromNode)])),
    preceding: lagged(row.preceding, 1),
    following: lagged(row.following, -1),
  };
}
