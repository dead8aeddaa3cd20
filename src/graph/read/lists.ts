/**
 * The list fields (`products`, `statistics`, ...): one page of the entities of a kind as a Relay
 * connection, compiled into one unit. A filter that names a node (a target, a sponsor, an agency)
 * starts the match from that node's index entry; the page starts past its keyset cursor and ends at
 * its LIMIT inside Cypher; the total is counted only when `totalCount` is selected.
 */
import { badUserInput } from '../../errors.js';
import type { Entity } from '../entities.js';
import { labelAt, requiredSortKey, type Kind, type RelType, type SortKey } from '../model.js';
import { compose, conjunction } from '../queries.js';
import { decodeCursor, encodeCursor, type SortValue } from './cursor.js';
import { toEntities } from './decode.js';
import { connectionOf, type Aggregate, type FacetBucket, type PageInfo } from './connection.js';
import { projectNode } from './projection.js';
import { child, type Selection, type Statement } from './statement.js';
import type { Unit } from './unit.js';
import { wherePredicate, whereRelations, type WhereInput } from './where.js';
import { aggregateCall, facetFields, facetsCall, type FacetKey, type Scan } from './aggregate.js';

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
  Statistic: ['nameContains', 'metric', 'year', 'dateYear', 'periodCovers', 'dimension'],
  Claim: ['nameContains', 'claimType'],
  Reference: ['nameContains', 'yearFrom', 'yearTo'],
  Finding: ['nameContains'],
};

export type { SortKey };

export interface ListRequest {
  kind: Kind;
  filter: Record<string, unknown>;
  /** Conditions in @neo4j/graphql's style (where.ts), ANDed with the filter. */
  where?: WhereInput;
  sortKey: SortKey;
  direction: 'ASC' | 'DESC';
  /** Further sort keys, after the first (a sort on several keys). */
  thenBy?: Array<{ key: SortKey; direction: 'ASC' | 'DESC' }>;
  first: number;
  after?: string;
  /** The connection's selection (edges, pageInfo, totalCount). */
  selection: Selection;
  /**
   * Retracted entities of the kind too (marked `retracted: true`), ordered and paged with the others;
   * counts, aggregates and facets count them, traversals follow retracted links. Filters naming a node
   * (target, sponsor, a where on a relationship) follow live links only.
   */
  includeRetracted?: boolean;
  /**
   * The list as it stood at a past change set: the ids of the kind's entities changed since and the
   * states then of those that existed (versions.changedSince). Own fields only: a filter or where
   * through a relationship, relationship fields, aggregate and facets are refused.
   */
  asOf?: AsOfStates;
}

export interface AsOfStates {
  seq: number;
  changed: string[];
  states: Array<Record<string, unknown>>;
}

export interface Page {
  edges: Array<{ cursor: string; node: Entity }>;
  totalCount: number | null;
  aggregate?: Aggregate;
  /** Facet buckets by the response key of each `facets` field. */
  facets?: Record<string, FacetBucket[]>;
  pageInfo: PageInfo;
}

function keyset(st: Statement, kind: Kind, node: string, key: SortKey, direction: 'ASC' | 'DESC', value: string, id: string): string {
  const idParam = st.param(id);
  if (key === 'id') return compose(`read.afterId.${direction}`, { node }, { id: idParam });
  const block = requiredSortKey(kind, key) ? `read.after.${direction}` : `read.afterOptional.${direction}`;
  return compose(block, { node, key }, { value, id: idParam });
}

/** The node a list starts from: named by a filter (by id) or by a where (by id or by name). */
interface Via {
  type: RelType;
  /** Which end of the relationship the named node is. */
  end: 'from' | 'to';
  by: 'id' | 'name';
  /** The named node's kind (a where names it through a relationship field of known kind). */
  label?: Kind;
  value: string;
}

/**
 * Past the cursor of a sort on several keys: for some key, the earlier keys tie and this one comes
 * later; or every key ties and the id is greater. Cypher sorts a missing key last ascending and first
 * descending, and so does this; a null in the cursor is compiled as such, not compared.
 */
function keysetOnKeys(st: Statement, node: string, keys: SortKeys, values: SortValue[], id: string): string {
  const alternatives: string[] = [];
  const ties: string[] = [];
  keys.forEach(({ key, direction }, i) => {
    const value = values[i] === null ? undefined : st.param(values[i]);
    const later =
      value !== undefined
        ? compose(`read.key.after.${direction}`, { node, key }, { value })
        : direction === 'DESC'
          ? compose('read.key.notNull', { node, key })
          : undefined;
    if (later) alternatives.push(conjunction([...ties, later]));
    ties.push(value !== undefined ? compose('read.key.eq', { node, key }, { value }) : compose('read.key.isNull', { node, key }));
  });
  alternatives.push(conjunction([...ties, compose('read.afterId.ASC', { node }, { id: st.param(id) })]));
  return `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

type SortKeys = Array<{ key: SortKey; direction: 'ASC' | 'DESC' }>;

interface Match {
  /** The node the list starts from, if a filter or the where names one. */
  via?: Via;
  /** Every other active filter as a predicate on the node. */
  predicates: string[];
}

/** A list's filters: the first that names a node becomes the anchor, the rest predicates (fresh parameters). */
function matchOf(st: Statement, request: ListRequest, node: string): Match {
  const allowed = FILTERS_BY_KIND[request.kind];
  const match: Match = { predicates: [] };
  for (const [name, value] of Object.entries(request.filter)) {
    if (value === undefined || value === null) continue;
    if (!allowed.includes(name)) throw new Error(`Filter ${name} does not apply to ${request.kind}`);
    const via = VIA_FILTERS[name];
    if (via && !match.via) match.via = { ...via, by: 'id', value: value as string };
    else if (via) match.predicates.push(compose(`filter.via.${via.end}`, { node, type: via.type }, { value: st.param(value) }));
    else match.predicates.push(compose(`filter.${name}`, { node }, { value: st.param(value) }));
  }
  let where = request.where;
  if (!match.via && where) {
    const named = whereAnchor(request.kind, where);
    if (named) ({ via: match.via, rest: where } = named);
  }
  if (request.asOf && match.via) {
    throw badUserInput(`a list read "asOf" a past change set filters on the entity's own fields; its relationships then (a ${match.via.type} filter) are not read`, 'filter');
  }
  const predicate = wherePredicate(st, request.kind, node, where, request.asOf !== undefined);
  if (predicate !== 'true') match.predicates.push(predicate);
  return match;
}

/**
 * A where whose top level asks for `<relation>: {some: {id|name: {eq: "…"}}}` names one node (or, by
 * name, the few of that name): the list starts from it, as the `target` filter does, instead of
 * testing the relationship on every node of the kind. The condition leaves the where it came from.
 */
function whereAnchor(kind: Kind, where: WhereInput): { via: Via; rest: WhereInput } | undefined {
  for (const [field, spec] of whereRelations(kind)) {
    const quantifiers = where[field] as Record<string, unknown> | undefined | null;
    if (!quantifiers || Object.entries(quantifiers).some(([q, v]) => q !== 'some' && v != null)) continue;
    const inner = Object.entries((quantifiers.some ?? {}) as Record<string, unknown>).filter(([, v]) => v != null);
    if (inner.length !== 1 || (inner[0][0] !== 'id' && inner[0][0] !== 'name')) continue;
    const operators = Object.entries(inner[0][1] as Record<string, unknown>).filter(([, v]) => v != null);
    if (operators.length !== 1 || operators[0][0] !== 'eq' || typeof operators[0][1] !== 'string') continue;
    const { [field]: _used, ...rest } = where;
    const end = spec.direction === 'OUT' ? 'to' : 'from';
    return { via: { type: spec.type, end, by: inner[0][0] as 'id' | 'name', label: spec.to, value: operators[0][1] }, rest };
  }
  return undefined;
}

/** The pattern of the named node (read.start.*), in variable `anchor`. */
function startOf(st: Statement, via: Via, anchor: string): string {
  const value = st.param(via.value);
  if (via.by === 'name') return compose('read.start.name', { anchor, label: via.label! }, { value });
  // By id, the :Entity(id) index finds the node; its label is checked when the type admits other kinds.
  const label = via.label ? labelAt(via.type, via.end, via.label) : '';
  return compose('read.start.id', { anchor }, { label, value });
}

/** Several nodes may share a name: a list started from a name reads its matches once each. */
const distinctOf = (match: Match) => (match.via?.by === 'name' ? 'DISTINCT ' : '');

/** The label of the listed kind in a pattern along `type`, or none when the type implies it. */
function viaLabel(kind: Kind, via: NonNullable<Match['via']>): string {
  return labelAt(via.type, via.end === 'from' ? 'to' : 'from', kind);
}

/** Every match of a list (no page): its anchor pattern and conditions, in fresh variables. */
function scanOf(st: Statement, request: ListRequest, node = st.variable('n'), match = matchOf(st, request, node)): Scan {
  // With retracted entities: the kind's label or :Retracted, and a retracted one of this kind only.
  const own = withRetracted(st, match) ? [compose('read.hasKind', { node, label: request.kind }, { kind: st.param(request.kind) })] : [];
  return { node, anchor: anchorOf(st, request.kind, node, match), where: conjunction([...own, ...match.predicates]), distinct: distinctOf(match), imports: '' };
}

/**
 * Whether a list reads retracted entities too: asked, and not started from a named node (a retracted
 * entity's links were retracted with it, so no live relationship leads to it).
 */
const withRetracted = (st: Statement, match: Match) => st.includeRetracted && !match.via;

/** The MATCH pattern of a list: from the named node along its relationship, or every node of the kind. */
function anchorOf(st: Statement, kind: Kind, node: string, match: Match): string {
  if (withRetracted(st, match)) return compose('read.anchor.kindWithRetracted', { node, label: kind });
  if (!match.via) return compose('read.anchor.kind', { node, label: kind });
  const start = startOf(st, match.via, st.variable('a'));
  return compose(`read.anchor.${match.via.end}`, { node, label: kind, type: match.via.type }, { start });
}

/** `totalCount`: the count store, the filter node's degree, or a count of the matches. */
function countOf(st: Statement, request: ListRequest, out: string): string {
  const node = st.variable('n');
  const match = matchOf(st, request, node);
  if (request.asOf) {
    const { changed, states } = request.asOf;
    return compose('read.countAsOf', { node, label: request.kind, part: st.variable('c'), out }, { where: conjunction(match.predicates), changed: st.param(changed), states: st.param(states) });
  }
  if (match.via?.by === 'id' && !match.predicates.length && !viaLabel(request.kind, match.via)) {
    const anchor = st.variable('a');
    const degree = compose(`read.via.${match.via.end}`, { anchor, type: match.via.type, node: st.variable('m') }, { label: '' });
    return compose('read.countVia', { anchor, out }, { start: startOf(st, match.via, anchor), degree });
  }
  if (withRetracted(st, match)) {
    return compose('read.countWithRetracted', { node, label: request.kind, part: st.variable('c'), out }, { where: conjunction(match.predicates), kind: st.param(request.kind) });
  }
  const scan = scanOf(st, request, node, match);
  return compose('read.count', { node, out }, { anchor: scan.anchor, where: scan.where, distinct: scan.distinct });
}

/**
 * What a read as of a past change set (a list, the timeline) cannot answer, refused while planning:
 * retracted entities, relationship fields (and `sources { reference }`), aggregates and facets.
 */
export function refuseUnpinnable(what: string, asked: { includeRetracted?: boolean; relationships: boolean; aggregates?: boolean }): void {
  const refuse = (part: string, argument: string) => {
    throw badUserInput(`${what} read "asOf" a past change set answers its entries' own fields; ${part} as of then are not read`, argument);
  };
  if (asked.includeRetracted) refuse('retracted entities ("includeRetracted")', 'includeRetracted');
  if (asked.relationships) refuse('relationship fields (and sources { reference })', 'asOf');
  if (asked.aggregates) refuse('"aggregate" and "facets"', 'asOf');
}

export function listUnit(request: ListRequest): Unit<Page> {
  const { selection, ...args } = request;
  return {
    name: request.asOf ? `list.${request.kind}.asOf` : `list.${request.kind}`,
    // An asOf read carries the states of its change set: built for its request alone.
    reuse: request.asOf ? undefined : { selection, args: JSON.stringify(args) },
    includeRetracted: request.includeRetracted,
    build(st) {
      const { sortKey, direction, first } = request;
      const keys: SortKeys = [{ key: sortKey, direction }, ...(request.thenBy ?? [])];
      const several = keys.length > 1;
      const cursorOrder = keys.map((k) => `${k.key}:${k.direction}`).join(',');
      const after = request.after === undefined || request.after === null ? undefined : decodeCursor(request.after, cursorOrder);
      const node = st.variable('n');
      const out = st.variable('page');
      const match = matchOf(st, request, node);
      const where = [...match.predicates];
      // The keyset's sort value, as a parameter a hub's index seek can also start from.
      let afterValue: string | undefined;
      if (after && several) where.push(keysetOnKeys(st, node, keys, after.value as SortValue[], after.id));
      else if (after) {
        afterValue = st.param(after.value);
        where.push(keyset(st, request.kind, node, sortKey, direction, afterValue, after.id));
      }
      // The first key of the order, when every node has it, is stated non-null so its index is read in
      // order (a sort on several keys then sorts only within ties of the first: PartialTop).
      if (requiredSortKey(request.kind, sortKey) && (several || !after)) where.push(compose('read.first.required', { node, key: sortKey }));
      const projection = projectNode(st, node, child(child(request.selection, 'edges'), 'node'), [request.kind], keys.map((k) => k.key), request.asOf ? st.param(request.kind) : undefined);
      if (request.asOf) {
        const aggregates = Boolean(child(request.selection, 'aggregate')) || facetFields(request.selection).length > 0;
        refuseUnpinnable('a list', { includeRetracted: request.includeRetracted, relationships: projection.calls.length > 0, aggregates });
      }
      const order = several
        ? [...keys.map(({ key, direction }) => compose('read.order.key', { node, key, direction })), compose('read.order.id', { node })].join(', ')
        : sortKey === 'id'
          ? compose('read.order.listById', { node, direction })
          : compose('read.order.list', { node, key: sortKey, direction });
      const shared = { where: conjunction(where), order, limit: st.param(first + 1), calls: projection.calls.join('\n'), item: projection.item, distinct: distinctOf(match) };
      const calls = [];
      if (request.asOf) {
        calls.push(compose('read.listAsOf', { node, out, label: request.kind }, { ...shared, changed: st.param(request.asOf.changed), states: st.param(request.asOf.states) }));
      } else if (withRetracted(st, match)) {
        calls.push(compose('read.listWithRetracted', { node, out, label: request.kind }, { ...shared, kind: st.param(request.kind) }));
      } else if (match.via && !several && sortKey === 'name' && direction === 'ASC') {
        // A hub may be read from the name index instead of its relationships (read.listVia).
        const anchor = st.variable('a');
        const hub = st.variable('hub');
        const via = (n: string, label: string) => compose(`read.via.${match.via!.end}`, { anchor, type: match.via!.type, node: n }, { label });
        calls.push(
          compose('read.listVia', { anchor, degreeOf: st.variable('degree'), hub, scan: st.variable('s'), label: request.kind, node, out }, {
            ...shared,
            seek: compose('read.seekFrom', { other: node, property: 'name', hub }, { from: afterValue ?? "''" }),
            start: startOf(st, match.via, anchor),
            degree: via(st.variable('m'), ''),
            expand: via(node, viaLabel(request.kind, match.via)),
            related: via(node, ''),
          }),
        );
      } else {
        calls.push(compose('read.list', { node, out }, { ...shared, anchor: anchorOf(st, request.kind, node, match) }));
      }
      const returns = [out];
      let total: string | undefined;
      if (child(request.selection, 'totalCount')) {
        total = st.variable('total');
        calls.push(countOf(st, request, total));
        returns.push(total);
      }
      let stats: string | undefined;
      if (child(request.selection, 'aggregate')) {
        stats = st.variable('stats');
        calls.push(aggregateCall(st, scanOf(st, request), stats));
        returns.push(stats);
      }
      const facets = facetFields(request.selection).map(([alias, field]) => {
        const variable = st.variable('facets');
        const by = field.args.by as FacetKey[];
        calls.push(facetsCall(st, request.kind, scanOf(st, request), by, Number(field.args.first ?? 20), variable));
        returns.push(variable);
        return { alias, variable };
      });
      return {
        calls,
        returns,
        decode(row) {
          const nodes = toEntities(row[out] as Array<Record<string, unknown>>);
          const valueOf = (n: Entity) =>
            several ? keys.map((k) => (n[k.key] as SortValue) ?? null) : ((n[sortKey] as SortValue) ?? null);
          return {
            ...connectionOf(nodes, first, after !== undefined, (n) => ({ cursor: encodeCursor(cursorOrder, { value: valueOf(n), id: n.id }), node: n })),
            totalCount: total ? (row[total] as number) : null,
            aggregate: stats ? (row[stats] as Aggregate) : undefined,
            facets: Object.fromEntries(facets.map(({ alias, variable }) => [alias, row[variable] as FacetBucket[]])),
          };
        },
      };
    },
  };
}
