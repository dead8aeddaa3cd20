/**
 * The list fields (`products`, `statistics`, ...): one page of the entities of a kind as a Relay
 * connection, compiled into one unit in two steps. planList turns the request into a ListPlan
 * (plan.ts), checking everything a user can get wrong; renderList writes the plan as Cypher. A
 * filter that names a node (a target, a sponsor, an agency) starts the match from that node's index
 * entry; the page starts past its keyset cursor and ends at its LIMIT inside Cypher; the total is
 * counted only when `totalCount` is selected.
 */
import { badUserInput } from '../../errors.js';
import type { Entity } from '../entities.js';
import { FILTERS, filterRelation, labelAt, MAX_SORT_KEYS, requiredSortKey, SortField, sortKeysOf, type Kind, type SortKey } from '../model.js';
import { decodeCursor, encodeCursor, type SortValue } from './cursor.js';
import { toEntities } from './decode.js';
import { connectionOf, pageSize, type Aggregate, type Facet, type PageInfo } from './connection.js';
import { describeList, type Anchor, type ListPlan, type NodePlan, type Predicate, type SortKeys, type Via } from './plan.js';
import { countOf, pageOf, pageParts, scanOf } from './render.js';
import { nodeNamed } from './builder.js';
import { planNode, readsRelationships, renderNode, type Projection } from './projection.js';
import { storedById } from './patterns.js';
import { child, type PageLimits, type Selection, type Statement } from './statement.js';
import type { CompiledUnit, Unit } from './unit.js';
import type { GraphAt } from '../changes/feed.js';
import { planWhere, whereRelations, type WhereInput } from './where.js';
import { aggregateCall, facetsCall, planFacets } from './aggregate.js';

export type { SortKey };

export interface ListRequest {
  kind: Kind;
  filter: Record<string, unknown>;
  /** Conditions in @neo4j/graphql's style (where.ts), ANDed with the filter. */
  where?: WhereInput;
  /** The order asked (`orderBy`, or the keys of `sort`), checked while planning; none: by name. */
  order: SortKeys;
  /** The argument that gave the order, named in its errors. */
  orderArgument: 'sort' | 'orderBy';
  /** The page size asked, checked while planning (the default when omitted). */
  first?: number | null;
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
  /** Given when the selection reads relationship fields: the whole graph's changes since (Statement.asOf). */
  graph?: GraphAt;
}

export interface Page {
  edges: Array<{ cursor: string; node: Entity }>;
  totalCount: number | null;
  aggregate?: Aggregate;
  /** Facet buckets by the response key of each `facets` field. */
  facets?: Record<string, Facet>;
  pageInfo: PageInfo;
}

// ---------------------------------------------------------------------------------------------
// Planning: the request checked and turned into a ListPlan.

/** Whether a `where` asks anything. */
const asks = (p: Predicate) => !(p.is === 'all' && p.parts.length === 0);

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

/**
 * What a read as of a past change set (a list, the timeline) cannot answer, refused while planning:
 * retracted entities beside it, and relationships when the graph as it stood was not read for them
 * (the resolvers read it whenever the selection follows a link: statesAsOf).
 */
export function refuseUnpinnable(what: string, asked: { includeRetracted?: boolean; relationships: boolean }): void {
  const refuse = (part: string, argument: string) => {
    throw badUserInput(`${what} read "asOf" a past change set answers its entries' own fields; ${part} as of then are not read`, argument);
  };
  if (asked.includeRetracted) refuse('retracted entities ("includeRetracted")', 'includeRetracted');
  if (asked.relationships) refuse('relationship fields (and sources { reference })', 'asOf');
}

/**
 * The order of a list, checked: at most MAX_SORT_KEYS keys, none twice, ID alone, and only keys the
 * kind's entities have (a product has no value to order by); by name when none is asked.
 */
function planOrder(kind: Kind, asked: SortKeys, argument: 'sort' | 'orderBy'): SortKeys {
  if (argument === 'sort' && (asked.length < 1 || asked.length > MAX_SORT_KEYS)) throw badUserInput(`"sort" takes 1 to ${MAX_SORT_KEYS} keys; got ${asked.length}`, 'sort');
  if (new Set(asked.map((k) => k.key)).size < asked.length) throw badUserInput('"sort" names a key twice', 'sort');
  if (asked.length > 1 && asked.some((k) => k.key === 'id')) throw badUserInput('"sort": ID orders alone (it already breaks every tie)', 'sort');
  const allowed = sortKeysOf(kind);
  const other = asked.find((k) => !allowed.includes(k.key));
  if (other) {
    const name = (key: SortKey) => Object.entries(SortField).find(([, v]) => v === key)![0];
    throw badUserInput(`${kind} lists cannot be ordered by ${name(other.key)}; they can by ${allowed.map(name).join(', ')}`, argument);
  }
  return asked.length ? asked : [{ key: 'name', direction: 'ASC' }];
}

/** Whether a list's `facets` group by a related node (a target, a sponsor …), which as of a change set reads the links of then. */
export function facetsByRelated(kind: Kind, selection: Selection): boolean {
  return planFacets(kind, selection).some((f) => f.by.some((b) => 'type' in b.reads));
}

/** Whether a list's filter or where names a node it is related to (the list then starts from that node). */
export function namesNode(kind: Kind, filter: Record<string, unknown>, where: WhereInput | undefined): boolean {
  const byFilter = Object.entries(filter).some(([name, value]) => value !== undefined && value !== null && name in FILTERS[kind] && filterRelation(kind, name) !== undefined);
  return byFilter || (where !== undefined && whereAnchor(kind, where) !== undefined);
}

/**
 * The plan of a list request. The anchor is chosen here and only here: the first filter that names
 * a node (or a where naming one), else the kind, with its retracted entities when asked, or the
 * kind as it stood at a past change set.
 */
export function planList(request: ListRequest, limits: PageLimits): ListPlan {
  const { kind } = request;
  const order = planOrder(kind, request.order, request.orderArgument);
  const [{ key: sortKey, direction }] = order;
  const first = pageSize(request.first, limits);
  const cursorOrder = order.map((k) => `${k.key}:${k.direction}`).join(',');
  const after = request.after === undefined || request.after === null ? undefined : decodeCursor(request.after, cursorOrder);
  const node = planNode(child(child(request.selection, 'edges'), 'node'), [request.kind], limits);
  const aggregate = Boolean(child(request.selection, 'aggregate'));
  const facets = planFacets(kind, request.selection);

  let via: Via | undefined;
  const predicates: Predicate[] = [];
  for (const [name, value] of Object.entries(request.filter)) {
    if (value === undefined || value === null) continue;
    if (!(name in FILTERS[kind])) throw new Error(`Filter ${name} does not apply to ${kind}`);
    const relation = filterRelation(kind, name);
    const end = relation?.direction === 'OUT' ? 'to' : 'from';
    if (relation && !via) via = { type: relation.type, end, by: 'id', value: value as string };
    else if (relation) predicates.push({ is: 'related', type: relation.type, end, id: value });
    else predicates.push({ is: 'filter', name, value });
  }
  let where = request.where;
  if (!via && where) {
    const named = whereAnchor(kind, where);
    if (named) ({ via, rest: where } = named);
  }
  if (request.asOf && via) {
    // One named node, by id, along its links as they stood then (the graph's changes since were read for it).
    if (!request.asOf.graph) throw new Error('A list asOf filtered by a node is read with the graph as it stood (statesAsOf with relationships)');
    if (via.by === 'name') throw badUserInput('a list read "asOf" a past change set starts from a node named by id (`{some: {id: {eq: …}}}` or a filter), not by name', 'where');
    if (predicates.some((p) => p.is === 'related')) throw badUserInput('a list read "asOf" a past change set filters by one related node; give one of these filters', 'filter');
  }
  const wherePlan = planWhere(kind, where, request.asOf !== undefined);
  if (asks(wherePlan)) predicates.push(wherePlan);
  if (request.asOf) {
    // Relationship fields are read as of then when the whole graph's changes since were read for them.
    // A facet by a related node reads the links of then too.
    const byRelated = facets.some((f) => f.by.some((b) => 'type' in b.reads));
    refuseUnpinnable('a list', { includeRetracted: request.includeRetracted, relationships: !request.asOf.graph && (readsRelationships(node) || byRelated) });
  }

  const anchor: Anchor = request.asOf
    ? via
      ? { from: 'nodeAsOf', via, seq: request.asOf.seq }
      : { from: 'asOf', ...request.asOf }
    : via
      ? { from: 'node', via, hub: order.length === 1 && direction === 'ASC' && (sortKey === 'name' || (sortKey === 'dateStart' && requiredSortKey(kind, sortKey))) }
      : request.includeRetracted
        ? { from: 'kindWithRetracted' }
        : { from: 'kind' };
  // As of a change set the links that stood then are counted, not today's degree.
  const degree = !request.asOf && via?.by === 'id' && !predicates.length && !labelAt(via.type, via.end === 'from' ? 'to' : 'from', kind);
  return {
    kind,
    anchor,
    predicates,
    order,
    page: { first, after, cursorOrder },
    node,
    totalCount: child(request.selection, 'totalCount') ? (degree ? 'degree' : 'matches') : undefined,
    aggregate,
    facets,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering: the plan written as Cypher (render.ts), then the row decoded into a connection.

/** The plan as one unit of the request's statement: the page, then the total, aggregate and facets asked. */
export function renderList(plan: ListPlan): (st: Statement) => CompiledUnit<Page> {
  return (st) => {
    const { kind, order, page } = plan;
    const [{ key: sortKey }] = order;
    const several = order.length > 1;
    const { first, after } = page;
    const node = nodeNamed(st, 'n');
    const out = st.variable('page');
    const pinnedKind = plan.anchor.from === 'asOf' ? st.param(kind) : undefined;
    // Along a named node's links as of a change set, `node` holds each entity's state then and `stored`
    // the entity, where its relationship fields start.
    const stored = plan.anchor.from === 'nodeAsOf' ? nodeNamed(st, 'm') : undefined;
    const keys = order.map((k) => k.key);
    const projection = stored
      ? renderNode(st, stored.name, plan.node, keys, undefined, node.name)
      : plan.anchor.from === 'asOf' && st.asOf && readsRelationships(plan.node)
        ? projectThen(st, node.name, plan.node, keys, pinnedKind!)
        : renderNode(st, node.name, plan.node, keys, pinnedKind);
    const calls = [pageOf(st, plan, pageParts(st, plan, node, out, projection), stored)];
    const returns = [out];
    let total: string | undefined;
    if (plan.totalCount) {
      total = st.variable('total');
      calls.push(countOf(st, plan, total));
      returns.push(total);
    }
    let stats: string | undefined;
    if (plan.aggregate) {
      stats = st.variable('stats');
      calls.push(aggregateCall(st, scanOf(st, plan), stats));
      returns.push(stats);
    }
    const facets = plan.facets.map((facet) => {
      const variable = st.variable('facets');
      calls.push(facetsCall(st, scanOf(st, plan), facet, variable));
      returns.push(variable);
      return { alias: facet.alias, variable };
    });
    return {
      calls,
      returns,
      plan: () => describeList(plan),
      decode(row) {
        const nodes = toEntities(row[out] as Array<Record<string, unknown>>);
        const valueOf = (n: Entity) => (several ? order.map((k) => (n[k.key] as SortValue) ?? null) : ((n[sortKey] as SortValue) ?? null));
        return {
          ...connectionOf(nodes, first, after !== undefined, (n) => ({ cursor: encodeCursor(page.cursorOrder, { value: valueOf(n), id: n.id }), node: n })),
          totalCount: total ? (row[total] as number) : null,
          aggregate: stats ? (row[stats] as Aggregate) : undefined,
          facets: Object.fromEntries(facets.map(({ alias, variable }) => [alias, row[variable] as Facet])),
        };
      },
    };
  };
}

/**
 * The projection of an entry read as of a change set whose relationships are read too: the entry (a
 * node, or its state then from the log) is what its fields read; the stored entity, found by id, is
 * where its relationships start (patterns.ts storedById).
 */
export function projectThen(st: Statement, entry: string, plan: NodePlan, extra: string[], pinnedKind: string): Projection {
  const stored = st.variable('e');
  const projection = renderNode(st, stored, plan, extra, pinnedKind, entry);
  return { calls: [storedById(stored, `${entry}.id`, entry), ...projection.calls], item: projection.item };
}

export function listUnit(request: ListRequest): Unit<Page> {
  const { selection, ...args } = request;
  return {
    name: request.asOf ? `list.${request.kind}.asOf` : `list.${request.kind}`,
    // An asOf read carries the states of its change set: built for its request alone.
    reuse: request.asOf ? undefined : { selection, args: JSON.stringify(args) },
    includeRetracted: request.includeRetracted,
    asOf: request.asOf?.graph,
    build: (st) => renderList(planList(request, st.limits))(st),
  };
}
