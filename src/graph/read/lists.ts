/**
 * The list fields (`products`, `statistics`, ...): one page of the entities of a kind as a Relay
 * connection, compiled into one unit. A filter that names a node (a target, a sponsor, an agency)
 * starts the match from that node's index entry; the page starts past its keyset cursor and ends at
 * its LIMIT inside Cypher; the total is counted only when `totalCount` is selected.
 */
import type { Entity } from '../entities.js';
import type { Kind, RelType } from '../model.js';
import { compose, conjunction } from '../queries.js';
import { decodeCursor, encodeCursor, type SortValue } from './cursor.js';
import { toEntities } from './decode.js';
import { projectNode } from './projection.js';
import { child, type Selection, type Statement } from './statement.js';
import type { Unit } from './unit.js';

/** Filters that name a node: the relationship from the listed entity to it, and which end it is. */
export const VIA_FILTERS: Record<string, { type: RelType; end: 'from' | 'to' }> = {
  target: { type: 'TARGETS', end: 'to' },
  sponsor: { type: 'SPONSORED_BY', end: 'to' },
  issuedBy: { type: 'ISSUED', end: 'from' },
  enactedBy: { type: 'ENACTED', end: 'from' },
};

/**
 * The filters each kind accepts: a key of VIA_FILTERS, or a predicate block in
 * cypher/queries/filters.cypher. src/schema/filters.input.ts declares the same names.
 */
export const FILTERS_BY_KIND: Record<Kind, readonly string[]> = {
  Agency: ['nameContains', 'status'],
  Department: ['nameContains'],
  Track: ['nameContains'],
  Guideline: ['nameContains', 'yearFrom', 'yearTo', 'issuedBy'],
  Reform: ['nameContains', 'yearFrom', 'yearTo', 'enactedBy'],
  Pathway: ['nameContains'],
  Event: ['nameContains', 'yearFrom', 'yearTo', 'eventType'],
  Product: ['nameContains', 'yearFrom', 'yearTo', 'target', 'sponsor'],
  Target: ['nameContains'],
  Sponsor: ['nameContains'],
  Classification: ['nameContains'],
  Statistic: ['nameContains', 'metric', 'year', 'dimension'],
  Reference: ['nameContains', 'yearFrom', 'yearTo'],
  Finding: ['nameContains'],
};

/** Sort keys (node properties) a list may be ordered by. */
export const SORT_KEYS = ['id', 'name', 'dateStart', 'year', 'value'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** Keys every entity has: ordering on them can read their index in order and seek past a cursor. */
const REQUIRED_KEYS: readonly SortKey[] = ['id', 'name'];

export interface ListRequest {
  kind: Kind;
  filter: Record<string, unknown>;
  sortKey: SortKey;
  direction: 'ASC' | 'DESC';
  first: number;
  after?: string;
  /** The connection's selection (edges, pageInfo, totalCount). */
  selection: Selection;
}

export interface Page {
  edges: Array<{ cursor: string; node: Entity }>;
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function keyset(st: Statement, node: string, key: SortKey, direction: 'ASC' | 'DESC', value: SortValue, id: string): string {
  const idParam = st.param(id);
  if (key === 'id') return compose(`read.afterId.${direction}`, { node }, { id: idParam });
  const block = REQUIRED_KEYS.includes(key) ? `read.after.${direction}` : `read.afterOptional.${direction}`;
  return compose(block, { node, key }, { value: st.param(value), id: idParam });
}

/** The anchor and the filter predicates of a list, with fresh parameters. */
function matchOf(st: Statement, request: ListRequest, node: string): { anchor: string; predicates: string[] } {
  const allowed = FILTERS_BY_KIND[request.kind];
  const active = Object.entries(request.filter).filter(([, value]) => value !== undefined && value !== null);
  let anchor = compose('read.anchor.kind', { node, label: request.kind });
  let anchored = false;
  const predicates: string[] = [];
  for (const [name, value] of active) {
    if (!allowed.includes(name)) throw new Error(`Filter ${name} does not apply to ${request.kind}`);
    const via = VIA_FILTERS[name];
    if (via && !anchored) {
      anchor = compose(`read.anchor.${via.end}`, { node, label: request.kind, type: via.type }, { value: st.param(value) });
      anchored = true;
    } else if (via) {
      predicates.push(compose(`filter.via.${via.end}`, { node, type: via.type }, { value: st.param(value) }));
    } else {
      predicates.push(compose(`filter.${name}`, { node }, { value: st.param(value) }));
    }
  }
  return { anchor, predicates };
}

export function listUnit(request: ListRequest): Unit<Page> {
  return {
    name: `list.${request.kind}`,
    build(st) {
      const { sortKey, direction, first } = request;
      const order = `${sortKey}:${direction}`;
      const after = request.after === undefined || request.after === null ? undefined : decodeCursor(request.after, order);
      const node = st.variable('n');
      const out = st.variable('page');
      const { anchor, predicates } = matchOf(st, request, node);
      const where = [...predicates];
      if (after) where.push(keyset(st, node, sortKey, direction, after.value, after.id));
      else if (REQUIRED_KEYS.includes(sortKey)) where.push(compose('read.first.required', { node, key: sortKey }));
      const projection = projectNode(st, node, child(child(request.selection, 'edges'), 'node'), [request.kind], [sortKey]);
      const calls = [
        compose(
          'read.list',
          { node, out },
          {
            anchor,
            where: conjunction(where),
            order: sortKey === 'id' ? compose('read.order.listById', { node, direction }) : compose('read.order.list', { node, key: sortKey, direction }),
            limit: st.param(first + 1),
            calls: projection.calls.join('\n'),
            item: projection.item,
          },
        ),
      ];
      const returns = [out];
      let total: string | undefined;
      if (child(request.selection, 'totalCount')) {
        const counted = st.variable('n');
        total = st.variable('total');
        const match = matchOf(st, request, counted);
        calls.push(compose('read.count', { node: counted, out: total }, { anchor: match.anchor, where: conjunction(match.predicates) }));
        returns.push(total);
      }
      return {
        calls,
        returns,
        decode(row) {
          const nodes = toEntities(row[out] as Array<Record<string, unknown>>);
          const edges = nodes.slice(0, first).map((n) => ({ cursor: encodeCursor(order, { value: (n[sortKey] as SortValue) ?? null, id: n.id }), node: n }));
          return {
            edges,
            totalCount: total ? (row[total] as number) : null,
            pageInfo: {
              hasNextPage: nodes.length > first,
              hasPreviousPage: after !== undefined,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges.at(-1)?.cursor ?? null,
            },
          };
        },
      };
    },
  };
}
