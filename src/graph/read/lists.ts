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
import { FILTERS, filterRelation, labelAt, MAX_SORT_KEYS, requiredSortKey, SortField, sortKeysOf, type Kind, type RelationSpec, type SortKey } from '../model.js';
import { compose, conjunction } from '../queries.js';
import { decodeCursor, encodeCursor, type SortValue } from './cursor.js';
import { toEntities } from './decode.js';
import { connectionOf, pageSize, type Aggregate, type Facet, type PageInfo } from './connection.js';
import { describeList, type Anchor, type ListPlan, type NodePlan, type Predicate, type SortKeys, type Via } from './plan.js';
import { renderAll } from './predicate.js';
import { planNode, readsRelationships, renderNode, type Projection } from './projection.js';
import { relatedPattern, stoodThen, storedById, viewThen } from './patterns.js';
import { child, type PageLimits, type Selection, type Statement } from './statement.js';
import type { CompiledUnit, Unit } from './unit.js';
import type { GraphAt } from '../changes/feed.js';
import { planWhere, whereRelations, type WhereInput } from './where.js';
import { aggregateCall, facetsCall, planFacets, type Scan } from './aggregate.js';

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
  const degree = !request.asOf && via?.by === 'id' && !predicates.length && !viaLabel(kind, via);
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
// Rendering: the plan written as Cypher (blocks of cypher/queries/read.cypher), fresh variables.

function keyset(st: Statement, kind: Kind, node: string, key: SortKey, direction: 'ASC' | 'DESC', value: string, id: string): string {
  const idParam = st.param(id);
  if (key === 'id') return compose(`read.afterId.${direction}`, { node }, { id: idParam });
  const block = requiredSortKey(kind, key) ? `read.after.${direction}` : `read.afterOptional.${direction}`;
  return compose(block, { node, key }, { value, id: idParam });
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

/** The pattern of the named node (read.start.*), in variable `anchor`. */
function startOf(st: Statement, via: Via, anchor: string): string {
  const value = st.param(via.value);
  if (via.by === 'name') return compose('read.start.name', { anchor, label: via.label! }, { value });
  // By id, the :Entity(id) index finds the node; its label is checked when the type admits other kinds.
  const label = via.label ? labelAt(via.type, via.end, via.label) : '';
  return compose('read.start.id', { anchor }, { label, value });
}

/** Several nodes may share a name: a list started from a name reads its matches once each. */
const distinctOf = (anchor: Anchor) => (anchor.from === 'node' && anchor.via.by === 'name' ? 'DISTINCT ' : '');

/** The label of the listed kind in a pattern along `type`, or none when the type implies it. */
function viaLabel(kind: Kind, via: Via): string {
  return labelAt(via.type, via.end === 'from' ? 'to' : 'from', kind);
}

/** The MATCH pattern of a list: from the named node along its relationship, or every node of the kind. */
function anchorPattern(st: Statement, plan: ListPlan, node: string): string {
  const { anchor, kind } = plan;
  if (anchor.from === 'kindWithRetracted') return compose('read.anchor.kindWithRetracted', { node, label: kind });
  if (anchor.from !== 'node') return compose('read.anchor.kind', { node, label: kind });
  const start = startOf(st, anchor.via, st.variable('a'));
  return compose(`read.anchor.${anchor.via.end}`, { node, label: kind, type: anchor.via.type }, { start });
}

/** Every match of a list (no page): its anchor pattern and conditions, in fresh variables (aggregate, facets). */
function scanOf(st: Statement, plan: ListPlan): Scan {
  const node = st.variable('n');
  if (plan.anchor.from === 'asOf' || plan.anchor.from === 'nodeAsOf') return scanAsOf(st, plan, node);
  const predicates = renderAll(st, node, plan.predicates);
  // With retracted entities: the kind's label or :Retracted, and a retracted one of this kind only.
  const own = plan.anchor.from === 'kindWithRetracted' ? [compose('read.hasKind', { node, label: plan.kind }, { kind: st.param(plan.kind) })] : [];
  return { node, anchor: anchorPattern(st, plan, node), where: conjunction([...own, predicates]), distinct: distinctOf(plan.anchor), imports: '' };
}

/**
 * Every match of a list as of a change set (aggregate, facets): a subquery that yields each one's state
 * then (in `node`, what the conditions and property keys read) and its stored entity (where related
 * node keys start): the kind's two sides, or the named node's links then.
 */
function scanAsOf(st: Statement, plan: ListPlan, node: string): Scan {
  const stored = st.variable('m');
  const where = renderAll(st, node, plan.predicates);
  const { anchor } = plan;
  let source: string;
  if (anchor.from === 'nodeAsOf') {
    source = viaAsOf(st, plan, anchor.via, stored, node, where);
  } else if (anchor.from === 'asOf') {
    source = compose('aggregate.sourceAsOf', { node, stored, label: plan.kind }, { changed: st.param(anchor.changed), states: st.param(anchor.states), where, stored: storedById(stored, `${node}.id`, node) });
  } else throw new Error(`Not a list as of a change set: ${anchor.from}`);
  return { node, anchor: '', where: '', distinct: '', imports: '', asOf: { source, stored } };
}

/** `totalCount`: the count store, the named node's degree, or a count of the matches. */
function countOf(st: Statement, plan: ListPlan, out: string): string {
  const { anchor, kind } = plan;
  if (anchor.from === 'node' && plan.totalCount === 'degree') {
    const a = st.variable('a');
    const degree = compose(`read.via.${anchor.via.end}`, { anchor: a, type: anchor.via.type, node: st.variable('m') }, { label: '' });
    return compose('read.countVia', { anchor: a, out }, { start: startOf(st, anchor.via, a), degree });
  }
  if (anchor.from === 'nodeAsOf') {
    const [stored, view] = [st.variable('m'), st.variable('n')];
    return compose('read.countViaAsOf', { stored, out }, { matches: viaAsOf(st, plan, anchor.via, stored, view, renderAll(st, view, plan.predicates)) });
  }
  if (anchor.from === 'asOf' || anchor.from === 'kindWithRetracted') {
    const node = st.variable('n');
    const where = renderAll(st, node, plan.predicates);
    const block = anchor.from === 'asOf' ? 'read.countAsOf' : 'read.countWithRetracted';
    const values: Record<string, string> = anchor.from === 'asOf' ? { changed: st.param(anchor.changed), states: st.param(anchor.states) } : { kind: st.param(kind) };
    return compose(block, { node, label: kind, part: st.variable('c'), out }, { where, ...values });
  }
  const scan = scanOf(st, plan);
  return compose('read.count', { node: scan.node, out }, { anchor: scan.anchor, where: scan.where, distinct: scan.distinct });
}

/**
 * Every match of a list filtered by a node it was related to at a past change set (read.viaAsOf): the
 * named node by id, live or retracted since, if it stood then; its live and retracted links to entities
 * of the kind (in `stored`) that stood then; each read through its state then (in `node`), which `where`
 * reads. The page, the count, aggregates and facets all read these.
 */
function viaAsOf(st: Statement, plan: ListPlan, via: Via, stored: string, node: string, where: string): string {
  const [anchor, rel] = [st.variable('a'), st.variable('r')];
  // The named node's side of the relationship: OUT from it when it is the relationship's start.
  const spec = { type: via.type, direction: via.end === 'from' ? 'OUT' : 'IN', to: plan.kind, description: '' } as RelationSpec;
  return compose('read.viaAsOf', { anchor, stored, node }, {
    named: storedById(anchor, st.param(via.value)),
    anchorThen: stoodThen(st, undefined, anchor),
    pattern: relatedPattern(st, anchor, spec, rel, stored),
    then: stoodThen(st, rel, stored),
    view: viewThen(st, stored),
    where,
  });
}

/** The page's block: read.listAsOf, read.listWithRetracted, read.listVia (a hub, by name or date), or read.list. */
function pageOf(st: Statement, plan: ListPlan, node: string, out: string, shared: Record<string, string>, afterValue: string | undefined, stored?: string): string {
  const { anchor, kind } = plan;
  const [{ key: sortKey }] = plan.order;
  switch (anchor.from) {
    case 'asOf':
      return compose('read.listAsOf', { node, out, label: kind }, { ...shared, changed: st.param(anchor.changed), states: st.param(anchor.states) });
    case 'nodeAsOf':
      return compose('read.listViaAsOf', { stored: stored!, node, out }, { ...shared, matches: viaAsOf(st, plan, anchor.via, stored!, node, shared.where) });
    case 'kindWithRetracted':
      return compose('read.listWithRetracted', { node, out, label: kind }, { ...shared, kind: st.param(kind) });
    case 'node':
      if (anchor.hub) {
        // A hub may be read from the index of its order's key instead of its relationships (read.listVia):
        // the name or a date every node has, both strings, so the seek's "nothing" ('\uffff') applies.
        const a = st.variable('a');
        const hub = st.variable('hub');
        const via = (n: string, label: string) => compose(`read.via.${anchor.via.end}`, { anchor: a, type: anchor.via.type, node: n }, { label });
        // By date, the index is (dateStart, id): the list's own order, so ties need no sort.
        const indexed = sortKey === 'name' ? ['name'] : [sortKey, 'id'];
        const seek = compose('read.seekFrom', { other: node, property: sortKey, hub }, { from: afterValue ?? "''" });
        return compose('read.listVia', { anchor: a, degreeOf: st.variable('degree'), hub, scan: st.variable('s'), label: kind, node, out }, {
          ...shared,
          indexed: indexed.join(', '),
          seek: conjunction([seek, ...indexed.slice(1).map((property) => compose('read.exists', { other: node, property }))]),
          start: startOf(st, anchor.via, a),
          degree: via(st.variable('m'), ''),
          expand: via(node, viaLabel(kind, anchor.via)),
          related: via(node, ''),
        });
      }
    // falls through: a named node read along its relationships
    case 'kind':
      return compose('read.list', { node, out }, { ...shared, anchor: anchorPattern(st, plan, node) });
  }
}

/** The plan as one unit of the request's statement: the page, then the total, aggregate and facets asked. */
export function renderList(plan: ListPlan): (st: Statement) => CompiledUnit<Page> {
  return (st) => {
    const { kind, order, page } = plan;
    const [{ key: sortKey, direction }] = order;
    const several = order.length > 1;
    const { first, after } = page;
    const node = st.variable('n');
    const out = st.variable('page');
    const where = [renderAll(st, node, plan.predicates)];
    // The keyset's sort value, as a parameter a hub's index seek can also start from.
    let afterValue: string | undefined;
    if (after && several) where.push(keysetOnKeys(st, node, order, after.value as SortValue[], after.id));
    else if (after) {
      afterValue = st.param(after.value);
      where.push(keyset(st, kind, node, sortKey, direction, afterValue, after.id));
    }
    // The first key of the order, when every node has it, is stated non-null so its index is read in
    // order (a sort on several keys then sorts only within ties of the first: PartialTop).
    if (requiredSortKey(kind, sortKey) && (several || !after)) where.push(compose('read.first.required', { node, key: sortKey }));
    const pinnedKind = plan.anchor.from === 'asOf' ? st.param(kind) : undefined;
    // Along a named node's links as of a change set, `node` holds each entity's state then and `stored`
    // the entity, where its relationship fields start.
    const stored = plan.anchor.from === 'nodeAsOf' ? st.variable('m') : undefined;
    const keys = order.map((k) => k.key);
    const projection = stored
      ? renderNode(st, stored, plan.node, keys, undefined, node)
      : plan.anchor.from === 'asOf' && st.asOf && readsRelationships(plan.node)
        ? projectThen(st, node, plan.node, keys, pinnedKind!)
        : renderNode(st, node, plan.node, keys, pinnedKind);
    const sorted = several
      ? [...order.map(({ key, direction: d }) => compose('read.order.key', { node, key, direction: d })), compose('read.order.id', { node })].join(', ')
      : sortKey === 'id'
        ? compose('read.order.listById', { node, direction })
        : compose('read.order.list', { node, key: sortKey, direction });
    const shared = { where: conjunction(where), order: sorted, limit: st.param(first + 1), calls: projection.calls.join('\n'), item: projection.item, distinct: distinctOf(plan.anchor) };
    const calls = [pageOf(st, plan, node, out, shared, afterValue, stored)];
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
 * where its relationships start (read.stored).
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
