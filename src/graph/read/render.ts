/**
 * A list's plan (plan.ts) written as Cypher with @neo4j/cypher-builder: the page, its `totalCount`,
 * the matches its aggregate and facets group, and (relatedRead, for projection.ts) the page of a
 * relationship field below a node. planList (lists.ts) has already checked the request; nothing here
 * can refuse one. Each shape says why it is written so (the PROFILE at 1M it was chosen
 * for); tests/tck pins each plan beside the Cypher this file renders for it.
 *
 *   anchor   every node of the kind            MATCH (n:Product)
 *            a named node's relationships      MATCH (a:Entity {id: $v})<-[:TARGETS]-(n:Product)
 *            a hub: the index of the order     hubPage (indexRead: the builder has no USING INDEX)
 *            with retracted ones / as of then  a UNION of the kind's page and the other page, merged
 *   where    the plan's predicates (predicate.ts) and the keyset past the cursor
 *   order    the sort keys, the id last; LIMIT first + 1 (one more says whether there is a next page)
 *
 * Below each entry, projection.ts writes what the selection reads, and aggregate.ts the aggregates
 * and facets, with the same builder: variables and parameters are the statement's (NamedNode,
 * NamedParam), and Statement.finish numbers them in output order. The two clauses the builder does
 * not write as Neo4j 5.26 plans them best are written as text, each in one function with its reason:
 * the hub branch's index hint (indexRead, here) and a path's shortestPath() (questions.ts).
 */
import Cypher from '@neo4j/cypher-builder';
import { labelAt, requiredSortKey, type Kind, type RelationSpec, type SortKey } from '../model.js';
import type { SortValue } from './cursor.js';
import type { Anchor, ListPlan, SortKeys, Via } from './plan.js';
import { conditionOf } from './predicate.js';
import type { Projection } from './projection.js';
import { hasKind, relatedPattern, stoodThen, storedById, viewThen } from './patterns.js';
import type { Scan } from './aggregate.js';
import type { Statement } from './statement.js';
import { collected as collectedRows, cypherText, holds, where as filtered, matchWritten, nodeNamed, param, paramNamed, subquery, variableNamed, written, writtenCondition, type Condition, type Node, type Param } from './builder.js';

/** The order of a list: its keys, then the id ascending to break ties (a list by id: the id alone). */
function orderOf(node: Node, order: SortKeys): Array<[Cypher.Expr, 'ASC' | 'DESC']> {
  if (order.length === 1 && order[0].key === 'id') return [[node.property('id'), order[0].direction]];
  return [...order.map(({ key, direction }): [Cypher.Expr, 'ASC' | 'DESC'] => [node.property(key), direction]), [node.property('id'), 'ASC']];
}

/**
 * Past the cursor of a sort on one key. On a key every entity has, a range on the key first (a seek
 * on its index) and the id to break the tie; on a key some lack, those come last ascending and first
 * descending, as Cypher sorts them, and a cursor whose item lacks it says so with a null.
 */
function pastCursor(kind: Kind, node: Node, key: SortKey, direction: 'ASC' | 'DESC', value: Param, id: Param): Cypher.Predicate {
  const [k, nodeId] = [node.property(key), node.property('id')];
  if (key === 'id') return direction === 'ASC' ? Cypher.gt(nodeId, id) : Cypher.lt(nodeId, id);
  const tie = Cypher.and(Cypher.eq(k, value), Cypher.gt(nodeId, id));
  if (requiredSortKey(kind, key)) {
    return direction === 'ASC'
      ? Cypher.and(Cypher.gte(k, value), Cypher.or(Cypher.gt(k, value), Cypher.gt(nodeId, id)))
      : Cypher.and(Cypher.lte(k, value), Cypher.or(Cypher.lt(k, value), Cypher.gt(nodeId, id)));
  }
  return direction === 'ASC'
    ? new Cypher.Case().when(Cypher.isNull(value)).then(Cypher.and(Cypher.isNull(k), Cypher.gt(nodeId, id))).else(Cypher.or(Cypher.gt(k, value), tie, Cypher.isNull(k)))
    : new Cypher.Case().when(Cypher.isNull(value)).then(Cypher.or(Cypher.isNotNull(k), Cypher.gt(nodeId, id))).else(Cypher.or(Cypher.lt(k, value), tie));
}

/**
 * Past the cursor of a sort on several keys: for some key, the earlier keys tie and this one comes
 * later; or every key ties and the id is greater. Cypher sorts a missing key last ascending and first
 * descending, and so does this; a null in the cursor is compiled as such, not compared.
 */
function pastCursorOnKeys(st: Statement, node: Node, keys: SortKeys, values: SortValue[], id: string): Cypher.Predicate {
  const alternatives: Condition[] = [];
  const ties: Cypher.Predicate[] = [];
  keys.forEach(({ key, direction }, i) => {
    const k = node.property(key);
    const value = values[i] === null ? undefined : param(st, values[i]);
    const later = value !== undefined ? (direction === 'ASC' ? Cypher.or(Cypher.gt(k, value), Cypher.isNull(k)) : Cypher.lt(k, value)) : direction === 'DESC' ? Cypher.isNotNull(k) : undefined;
    if (later) alternatives.push(Cypher.and(...ties, later));
    ties.push(value !== undefined ? Cypher.eq(k, value) : Cypher.isNull(k));
  });
  alternatives.push(Cypher.and(...ties, Cypher.gt(node.property('id'), param(st, id))));
  return Cypher.or(...alternatives)!;
}

/** The node a list starts from: by id on the :Entity(id) index (with its kind's label when the type admits others), or by name on its kind's name index. */
function startOf(st: Statement, via: Via, anchor: Node): Cypher.Pattern {
  const value = param(st, via.value);
  if (via.by === 'name') return new Cypher.Pattern(anchor, { labels: [via.label!], properties: { name: value } });
  const label = via.label && labelAt(via.type, via.end, via.label) ? [via.label] : [];
  return new Cypher.Pattern(anchor, { labels: ['Entity', ...label], properties: { id: value } });
}

/** The named node's relationship to `node` (labelled `label` when given). */
function along(start: Cypher.Pattern, via: Via, node: Node, label?: Kind): Cypher.Pattern {
  const relationship = start.related({ type: via.type, direction: via.end === 'from' ? 'right' : 'left' });
  return relationship.to(node, label ? { labels: [label] } : {});
}

/** Whether the listed kind needs its label in a pattern along the named node's type (it may be implied). */
function viaLabel(kind: Kind, via: Via): Kind | undefined {
  return labelAt(via.type, via.end === 'from' ? 'to' : 'from', kind) ? kind : undefined;
}

/** Several nodes may share a name: a list started from a name reads its matches once each. */
const distinctOf = (anchor: Anchor) => anchor.from === 'node' && anchor.via.by === 'name';

/** The MATCH pattern of a list: from the named node along its relationship, or every node of the kind (with the retracted ones). */
function anchorPattern(st: Statement, plan: ListPlan, node: Node): Cypher.Pattern {
  const { anchor, kind } = plan;
  if (anchor.from === 'kindWithRetracted') return new Cypher.Pattern(node, { labels: Cypher.labelExpr.or(kind, 'Retracted') });
  if (anchor.from !== 'node') return new Cypher.Pattern(node, { labels: [kind] });
  return along(startOf(st, anchor.via, nodeNamed(st, 'a')), anchor.via, node, kind);
}

/** A retracted entity counts as one of its kind when it keeps that kind (includeRetracted). */
const retractedOfKind = (st: Statement, node: Node, kind: Kind): Cypher.Predicate => hasKind(st, node, kind);

/** Every match of a list (no page), for its aggregate and facets: the anchor and conditions in fresh variables. */
export function scanOf(st: Statement, plan: ListPlan): Scan {
  const node = nodeNamed(st, 'n');
  if (plan.anchor.from === 'asOf' || plan.anchor.from === 'nodeAsOf') return scanAsOf(st, plan, node);
  const own = plan.anchor.from === 'kindWithRetracted' ? retractedOfKind(st, node, plan.kind) : undefined;
  const matches = filtered(new Cypher.Match(anchorPattern(st, plan, node)), Cypher.and(own, conditionOf(st, node, plan.predicates)));
  return { node, matches, distinct: distinctOf(plan.anchor), imports: [] };
}

/**
 * Every match of a list as of a change set (aggregate, facets): a subquery that yields each one's state
 * then (in `node`, what the conditions and property keys read) and its stored entity (where related
 * node keys start): the kind's entities not changed since and the states then of those changed since,
 * or the named node's links then.
 */
function scanAsOf(st: Statement, plan: ListPlan, node: Node): Scan {
  const stored = nodeNamed(st, 'm');
  const where = conditionOf(st, node, plan.predicates);
  const { anchor } = plan;
  if (anchor.from === 'nodeAsOf') return { node, matches: viaAsOf(st, plan, anchor.via, stored, node, where), distinct: false, imports: [], stored };
  if (anchor.from !== 'asOf') throw new Error(`Not a list as of a change set: ${anchor.from}`);
  const unchanged = Cypher.utils.concat(
    filtered(new Cypher.Match(new Cypher.Pattern(node, { labels: [plan.kind] })), Cypher.and(Cypher.not(Cypher.in(node.property('id'), param(st, anchor.changed))), where)),
    new Cypher.Return(node, [node, stored]),
  );
  const changed = Cypher.utils.concat(
    new Cypher.Unwind([param(st, anchor.states), node]),
    filtered(new Cypher.With(node), where),
    written(storedById(stored.name, `${node.name}.id`, node.name)),
    new Cypher.Return(node, stored),
  );
  return { node, matches: new Cypher.Call(new Cypher.Union(unchanged, changed).all(), []), distinct: false, imports: [], stored };
}

/**
 * Every match of a list filtered by a node it was related to at a past change set: the named node by
 * id, live or retracted since, if it stood then; its links to entities of the kind (in `stored`) that
 * stood then; each read through its state then (in `node`), which the conditions read. The page, the
 * count, aggregates and facets all read these; the whole degree is read, as a list with retracted
 * links reads it.
 */
function viaAsOf(st: Statement, plan: ListPlan, via: Via, stored: Node, node: Node, where: Condition): Cypher.Clause {
  const [anchor, rel] = [nodeNamed(st, 'a'), st.variable('r')];
  // The named node's side of the relationship: OUT from it when it is the relationship's start.
  const spec = { type: via.type, direction: via.end === 'from' ? 'OUT' : 'IN', to: plan.kind, description: '' } as RelationSpec;
  return Cypher.utils.concat(
    written(storedById(anchor.name, st.param(via.value))),
    new Cypher.With(anchor).where(written(stoodThen(st, undefined, anchor.name))),
    matchWritten(relatedPattern(st, anchor.name, spec, rel, stored.name), written(stoodThen(st, rel, stored.name))),
    filtered(new Cypher.With(stored, [written(viewThen(st, stored.name)), node]), where),
  );
}

/** `totalCount`: the named node's degree, or a count of the matches (the kind's, its retracted ones', or as of then). */
export function countOf(st: Statement, plan: ListPlan, out: string): string {
  const { anchor, kind } = plan;
  const total = new Cypher.NamedVariable(out);
  if (anchor.from === 'node' && plan.totalCount === 'degree') {
    // The relationship type implies the label, so Neo4j reads the degree without expanding.
    const a = nodeNamed(st, 'a');
    const start = startOf(st, anchor.via, a);
    const degree = new Cypher.Count(along(new Cypher.Pattern(a), anchor.via, nodeNamed(st, 'm')));
    return subquery([], new Cypher.OptionalMatch(start).return([new Cypher.Case().when(Cypher.isNull(a)).then(new Cypher.Literal(0)).else(degree), total]));
  }
  if (anchor.from === 'nodeAsOf') {
    const [stored, view] = [nodeNamed(st, 'm'), nodeNamed(st, 'n')];
    const matches = viaAsOf(st, plan, anchor.via, stored, view, conditionOf(st, view, plan.predicates));
    return subquery([], matches, new Cypher.Return([Cypher.count(stored), total]));
  }
  const node = nodeNamed(st, 'n');
  const part = variableNamed(st, 'c');
  const where = conditionOf(st, node, plan.predicates);
  const counted = (...clauses: Cypher.Clause[]) => Cypher.utils.concat(...clauses, new Cypher.Return([Cypher.count(node), part]));
  if (anchor.from === 'kindWithRetracted') {
    const parts = new Cypher.Union(
      counted(filtered(new Cypher.Match(new Cypher.Pattern(node, { labels: [kind] })), where)),
      counted(filtered(new Cypher.Match(new Cypher.Pattern(node, { labels: ['Retracted'], properties: { kind: param(st, kind) } })), where)),
    ).all();
    return subquery([], new Cypher.Call(parts, []), new Cypher.Return([Cypher.sum(part), total]));
  }
  if (anchor.from === 'asOf') {
    // Those that match now, less those of them changed since (found by id), plus the states then that
    // match. Without a filter the first count is the count store's (a scan of the kind otherwise:
    // 421,128 db hits at 1M).
    const changed = param(st, anchor.changed);
    const parts = new Cypher.Union(
      counted(filtered(new Cypher.Match(new Cypher.Pattern(node, { labels: [kind] })), where)),
      Cypher.utils.concat(
        new Cypher.Match(new Cypher.Pattern(node, { labels: ['Entity'] })).where(Cypher.and(Cypher.in(node.property('id'), changed), node.hasLabel(kind), where)),
        new Cypher.Return([Cypher.minus(Cypher.count(node)), part]),
      ),
      counted(new Cypher.Unwind([param(st, anchor.states), node]), filtered(new Cypher.With(node), where)),
    ).all();
    return subquery([], new Cypher.Call(parts, []), new Cypher.Return([Cypher.sum(part), total]));
  }
  // Asked only when totalCount is: every match of the anchor and conditions, over all pages.
  const count = Cypher.count(node);
  return subquery([],
    filtered(new Cypher.Match(anchorPattern(st, plan, node)), where),
    new Cypher.Return([distinctOf(anchor) ? count.distinct() : count, total]),
  );
}

/** What every shape of a page shares: its conditions, order and limit, and what it projects. */
interface PageParts {
  node: Node;
  out: string;
  where: Condition;
  order: Array<[Cypher.Expr, 'ASC' | 'DESC']>;
  limit: Param;
  projection: Projection;
  /** The keyset's sort value, which a hub's index seek also starts from. */
  after?: Param;
}

/** The page's own order and limit: `WITH n ORDER BY … LIMIT $first+1`. */
const ordered = (parts: PageParts, ...variables: Cypher.Variable[]) =>
  new Cypher.With(...(variables.length ? variables : [parts.node])).orderBy(...parts.order).limit(parts.limit);

/** One branch of a page: `match` (after `before`) with its conditions, in order, limited, returning the node. */
function branch(parts: PageParts, match: Cypher.Match | Cypher.With, where: Condition, ...before: Cypher.Clause[]): Cypher.Clause {
  return Cypher.utils.concat(...before, where ? match.where(where) : match, ordered(parts), new Cypher.Return(parts.node));
}

/** The page's ending: the projection's subqueries below each entry, collected in order. */
const collected = (parts: PageParts): Cypher.Clause => collectedRows(parts.projection, parts.out);

/**
 * The one clause the builder cannot write: a MATCH with an index hint (USING INDEX), which makes Neo4j
 * read the kind's index on the order's key, in order, rather than expand a hub's relationships. The
 * pattern and the condition are still the builder's; only the hint line is text.
 */
function indexRead(node: Node, label: Kind, indexed: string[], seek: Cypher.Predicate): Cypher.Clause {
  return new Cypher.Raw((context) => `MATCH ${context.compile(new Cypher.Pattern(node, { labels: [label] }))} USING INDEX ${node.name}:${label}(${indexed.join(', ')})\nWHERE ${context.compile(seek)}`);
}

/**
 * The seek of a hub's index branch: from `from` on the first indexed key when the node is a hub, else
 * from past every value (an empty seek, so the branch reads nothing: a WHERE on the branch would be
 * evaluated only after the index scan it guards, and anything placed before the scan would lose the
 * index's order). The keys are strings (a name, a date), so '\uffff' is past them all. The other
 * indexed keys are stated set, as the index holds only nodes that have them.
 */
function seekFrom(node: Node, indexed: string[], hub: Cypher.Variable, from: Cypher.Expr | undefined): Cypher.Predicate[] {
  const [first, ...rest] = indexed;
  return [
    Cypher.gte(node.property(first), new Cypher.Case().when(holds(hub)).then(from ?? new Cypher.Literal('')).else(written("'\\uffff'"))),
    ...rest.map((property) => Cypher.isNotNull(node.property(property))),
  ];
}

/** Whether a node is a hub: its degree squared over `limit` times the count of the kind at the other end. */
function hubTest(degree: Cypher.Variable, limit: Param, scan: Node, kind: Kind): Cypher.Expr {
  return Cypher.gt(Cypher.multiply(degree, degree), Cypher.multiply(limit, new Cypher.Count(new Cypher.Pattern(scan, { labels: [kind] }))));
}

/**
 * A page filtered by a hub (a target, sponsor or agency with many relationships) ordered by name or
 * by a date every node of the kind has. From the node's relationships when it has few; when it is a
 * hub (degree squared over page size times the kind's count), from the kind's index on the order's
 * key, in order, checking the relationship of each candidate: the page costs about page size × (kind
 * count / degree) rows instead of a sort of the whole degree (1M nodes, a hub target's 42,094
 * products by date: 168,426 db hits before the date took this branch, 1,174 after). The index branch
 * is switched off by its seek (past every value when the node is no hub). A start by name may find
 * several nodes: the page is then read DISTINCT.
 */
function hubPage(st: Statement, plan: ListPlan, via: Via, parts: PageParts): string {
  const { node, limit } = parts;
  const { kind } = plan;
  const [{ key }] = plan.order;
  const [a, degree, hub, scan] = [nodeNamed(st, 'a'), variableNamed(st, 'degree'), variableNamed(st, 'hub'), nodeNamed(st, 's')];
  const start = new Cypher.Match(startOf(st, via, a))
    .with(a, [new Cypher.Count(along(new Cypher.Pattern(a), via, nodeNamed(st, 'm'))), degree])
    .with(a, [hubTest(degree, limit, scan, kind), hub]);
  const fewLinks = branch(parts, new Cypher.Match(along(new Cypher.Pattern(a), via, node, viaLabel(kind, via))), parts.where, new Cypher.With(a, hub).where(Cypher.not(holds(hub))));
  // By date the index is (dateStart, id): the list's own order, so ties need no sort.
  const indexed = key === 'name' ? ['name'] : [key, 'id'];
  const seek = Cypher.and(...seekFrom(node, indexed, hub, parts.after), parts.where, written(cypherText(along(new Cypher.Pattern(a), via, node))))!;
  const candidates = new Cypher.Call(new Cypher.Union(fewLinks, Cypher.utils.concat(indexRead(node, kind, indexed, seek), ordered(parts), new Cypher.Return(node))), [a, hub]);
  const page = new Cypher.With(node).orderBy(...parts.order).limit(limit);
  return subquery([], start, candidates, distinctOf(plan.anchor) ? page.distinct() : page, collected(parts));
}

/** The page: as of then, with retracted ones, from a hub's index, or from its anchor. */
export function pageOf(st: Statement, plan: ListPlan, parts: PageParts, stored?: Node): string {
  const { anchor, kind } = plan;
  const { node } = parts;
  switch (anchor.from) {
    case 'asOf': {
      // The kind's entities not changed since (their state now is their state then) and the states then
      // of those that have (from the change log), each filtered, ordered and limited, then merged in
      // order and limited again. Entities created since are among the changed, with no state then.
      const unchanged = new Cypher.Match(new Cypher.Pattern(node, { labels: [kind] }));
      const now = branch(parts, unchanged, Cypher.and(Cypher.not(Cypher.in(node.property('id'), param(st, anchor.changed))), parts.where));
      const then = branch(parts, new Cypher.With(node), parts.where, new Cypher.Unwind([param(st, anchor.states), node]));
      return subquery([], new Cypher.Call(new Cypher.Union(now, then), []), ordered(parts), collected(parts));
    }
    case 'nodeAsOf': {
      const matches = viaAsOf(st, plan, anchor.via, stored!, node, parts.where);
      return subquery([], matches, ordered(parts, stored!, node), collected(parts));
    }
    case 'kindWithRetracted': {
      // The page of the kind's entities and the page of its retracted ones (the :Retracted(kind)
      // index), each from its own anchor, filtered, ordered and limited, then merged and limited again.
      const live = branch(parts, new Cypher.Match(new Cypher.Pattern(node, { labels: [kind] })), parts.where);
      const retracted = branch(parts, new Cypher.Match(new Cypher.Pattern(node, { labels: ['Retracted'], properties: { kind: param(st, kind) } })), parts.where);
      return subquery([], new Cypher.Call(new Cypher.Union(live, retracted), []), ordered(parts), collected(parts));
    }
    case 'node':
      if (anchor.hub) return hubPage(st, plan, anchor.via, parts);
    // falls through: a named node read along its relationships
    case 'kind': {
      const match = new Cypher.Match(anchorPattern(st, plan, node));
      if (parts.where) match.where(parts.where);
      const page = new Cypher.With(node).orderBy(...parts.order).limit(parts.limit);
      return subquery([], match, distinctOf(anchor) ? page.distinct() : page, collected(parts));
    }
  }
}

/**
 * The page's conditions: the plan's predicates, past the cursor, and the first key stated non-null
 * when every entity has it, so its index is read in order (a sort on several keys then sorts only
 * within ties of the first: PartialTop).
 */
export function pageParts(st: Statement, plan: ListPlan, node: Node, out: string, projection: Projection): PageParts {
  const { kind, order } = plan;
  const [{ key, direction }] = order;
  const several = order.length > 1;
  const { first, after } = plan.page;
  const conditions: Condition[] = [conditionOf(st, node, plan.predicates)];
  let afterValue: Param | undefined;
  if (after && several) conditions.push(pastCursorOnKeys(st, node, order, after.value as SortValue[], after.id));
  else if (after) {
    afterValue = param(st, after.value);
    conditions.push(pastCursor(kind, node, key, direction, afterValue, param(st, after.id)));
  }
  if (requiredSortKey(kind, key) && (several || !after)) conditions.push(Cypher.isNotNull(node.property(key)));
  return { node, out, where: Cypher.and(...conditions), order: orderOf(node, order), limit: param(st, first + 1), projection, after: afterValue };
}

// ---------------------------------------------------------------------------------------------
// Relationship lists and connections below a node (projection.ts plans them and renders the rest).

/** A relationship list or connection's page, as projection.ts has prepared it. */
export interface RelatedRead {
  /** The parent node, the relationship and the node at its other end. */
  node: string;
  rel: string;
  other: string;
  /** As of a change set, the variable holding the other end's state then (what the rest reads); else `other`. */
  view: string;
  /** The typed pattern from the parent (patterns.ts relatedPattern: written once for lists and traversals). */
  pattern: string;
  /** As of a change set: whether the link and the other end stood then, and the other end's state then. */
  then?: { stood: string; view: string };
  /** The label guard under an interface, a connection's keyset past its cursor and its where, all holding ('true': none). */
  where: string;
  /** The keys the page is ordered by (the id last), and the index that gives that order, if any (a hub may read it). */
  order: { keys: string[]; index?: string[] };
  /** Whether a hub may be read from the index: the other end is of one kind, many of them, live links only. */
  hub?: { label: Kind; degree: string; from?: string; after: string };
  limit: string;
  projection: Projection;
  out: string;
}

/**
 * A relationship field's page below a node, `CALL (node) { … }`: the other ends in order, at most the
 * limit. As of a change set, the links and entities that stood then, each read through its state
 * then. Where an index gives the order and the node may be a hub, as the list's hub branch: a node
 * with few such relationships expands them; a hub reads the index in order and checks each
 * candidate's relationship (expand-into), so its first page costs about page size × (kind count /
 * degree) rows instead of a sort of its whole degree.
 */
export function relatedRead(st: Statement, r: RelatedRead): string {
  const node = new Cypher.NamedNode(r.node);
  const [rel, other, view] = [new Cypher.NamedVariable(r.rel), new Cypher.NamedNode(r.other), new Cypher.NamedNode(r.view)];
  const limit = paramNamed(r.limit);
  const order = r.order.keys.map((key): [Cypher.Expr, 'ASC'] => [view.property(key), 'ASC']);
  const where = writtenCondition(r.where);
  const end = collectedRows(r.projection, r.out);
  const call = (...clauses: Cypher.Clause[]) => new Cypher.Call(Cypher.utils.concat(...clauses), [node]).build().cypher;
  if (r.then) {
    const stood = new Cypher.With(rel, other, [written(r.then.view), view]);
    return call(matchWritten(r.pattern, written(r.then.stood)), where ? stood.where(where) : stood, new Cypher.With(rel, other, view).orderBy(...order).limit(limit), end);
  }
  const page = () => new Cypher.With(rel, other).orderBy(...order).limit(limit);
  if (!r.hub || !r.order.index) return call(matchWritten(r.pattern, where), page(), end);
  const [degree, hub, scan] = [variableNamed(st, 'degree'), variableNamed(st, 'hub'), nodeNamed(st, 's')];
  const counted = new Cypher.With(node, [new Cypher.Count(written(r.hub.degree)), degree]).with(node, [hubTest(degree, limit, scan, r.hub.label), hub]);
  const fewLinks = Cypher.utils.concat(new Cypher.With(node, hub).where(Cypher.not(holds(hub))), matchWritten(r.pattern, where), page(), new Cypher.Return(rel, other));
  const fromIndex = Cypher.utils.concat(
    indexRead(other, r.hub.label, r.order.index, Cypher.and(...seekFrom(other, r.order.index, hub, r.hub.from ? paramNamed(r.hub.from) : undefined), writtenCondition(r.hub.after))!),
    matchWritten(r.pattern, where),
    page(),
    new Cypher.Return(rel, other),
  );
  return call(counted, new Cypher.Call(new Cypher.Union(fewLinks, fromIndex), [node, hub]), new Cypher.With(rel, other).orderBy(...order), end);
}
