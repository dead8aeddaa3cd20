/**
 * Compiles what a GraphQL selection asks of a node into Cypher: a map projection of the properties
 * it reads, and one `CALL (node) {}` subquery per relationship field below it (recursively), each
 * typed, ordered and limited inside Cypher. The result of a whole tree comes back in one row, so a
 * nested request costs one round trip whatever its depth.
 *
 * The projection of a node is `node {.id, .name, ..., kind, __rel: {"<Kind>.<alias>": value}, __refs}`:
 * `__rel` holds each relationship field under its response key (prefixed by the kind, since under an
 * interface two kinds may use one key for different fields), `__refs` the references its provenance
 * cites. decode.ts turns these back into the objects the resolvers serve.
 *
 * In two steps, as a list is: planNode turns the selection into a NodePlan (plan.ts: properties,
 * relation operations with their pages, cursors, where and extras, checked), and renderNode writes it.
 */
import { CONNECTION_SUFFIX, derivedOf, isKind, KINDS, relationOf, SORTS, type Kind, type RelationSpec, type Target } from '../model.js';
import { conjunction } from '../queries.js';
import { pageSize, type PageLimits } from './connection.js';
import { decodeCursor } from './cursor.js';
import { followsLinks, type NodePlan, type RelationPlan } from './plan.js';
import { child, fieldsOn, type Selection, type Statement } from './statement.js';
import { planWhere, type WhereInput } from './where.js';
import { renderPredicate } from './predicate.js';
import { kindGuard, kindIn, kindOfExpr, labelClause, relatedPattern, relatedPatternOf, relationshipProperties, stoodThen, stoodThenOf, storedById, viewThen, viewThenOf } from './patterns.js';
import { aggregateCall, facetFields, facetsCall, planFacet, type Scan } from './aggregate.js';
import { relatedRead, type RelatedRead } from './render.js';
import Cypher from '@neo4j/cypher-builder';
import { collected, cypherText, matchWritten, nodeNamed, param, paramNamed, subquery, subqueryClause, variableNamed, where as filteredBy, written, writtenCondition } from './builder.js';
import { badUserInput } from '../../errors.js';

/** Cypher for one projected value: subqueries to run first, then the expression that reads their results. */
export interface Projection {
  calls: string[];
  item: string;
}

/** Node properties that hold provenance; read when `sources` is selected. */
const SOURCE_PROPERTIES = ['sourceSection', 'sourceQuote', 'sourceStated', 'sourceRefs', 'sourceInferred', 'sourceDataSource', 'sourceDocument', 'sourceSentence', 'sourceUnverified'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Fields every node projection carries: the id and name (cursors, titles), the kind (interfaces). */
const ALWAYS = ['id', 'name'];

export function kindsOf(target: Target): readonly Kind[] {
  return target === 'Node' ? KINDS : [target];
}

function guardOf(st: Statement, node: string, kind: Kind, kinds: readonly Kind[]): string {
  return kinds.length === 1 ? 'true' : kindGuard(st, node, kind);
}


// ---------------------------------------------------------------------------------------------
// Planning: a selection below a node, checked, as a NodePlan.

/** The relation operation of a field of `kind`, or undefined when the field is not a relationship one. */
function planRelation(kind: Kind, alias: string, field: Selection, limits: PageLimits): RelationPlan | undefined {
  const key = `\`${kind}.${alias}\``;
  const relation = relationOf(kind, field.name);
  const connection = field.name.endsWith(CONNECTION_SUFFIX) ? relationOf(kind, field.name.slice(0, -CONNECTION_SUFFIX.length)) : undefined;
  const derived = derivedOf(kind, field.name);
  if (relation) {
    return { is: 'list', kind, key, spec: relation, first: relation.one ? 1 : pageSize(field.args.first, limits), node: planNode(field, kindsOf(relation.to), limits) };
  }
  if (connection && !connection.one) {
    const spec = connection;
    const edges = child(field, 'edges');
    const facets = facetFields(field);
    if (facets.length && !isKind(spec.to)) {
      throw badUserInput(`facets: ${field.name} leads to entities of any kind; facets need a connection to one kind (use its kinds argument to narrow, and a list's facets to group)`, 'by');
    }
    const reference = child(child(edges, 'sources'), 'reference');
    return {
      is: 'connection',
      kind,
      key,
      spec,
      first: pageSize(field.args.first, limits),
      after: typeof field.args.after === 'string' ? decodeCursor(field.args.after, 'name') : undefined,
      // A connection to one kind takes that kind's where; one to any node (citedBy, members) takes kinds.
      where: isKind(spec.to) ? planWhere(spec.to, field.args.where as WhereInput | undefined) : undefined,
      kinds: !isKind(spec.to) && Array.isArray(field.args.kinds) && field.args.kinds.length ? (field.args.kinds as string[]) : undefined,
      node: planNode(child(edges, 'node'), kindsOf(spec.to), limits),
      reference: reference ? planNode(reference, ['Reference'], limits) : undefined,
      totalCount: Boolean(child(field, 'totalCount')),
      aggregate: Boolean(child(field, 'aggregate')),
      facets: isKind(spec.to) ? facets.map(([facetAlias, f]) => planFacet(spec.to as Kind, facetAlias, f)) : [],
    };
  }
  if (derived === 'siblings') return { is: 'derived', kind, key, derived, first: pageSize(field.args.first, limits), node: planNode(field, ['Statistic'], limits) };
  if (derived) return { is: 'derived', kind, key, ...planLags(derived, field, limits) };
  return undefined;
}

/** A ReformLag list: `reform` and `product`, one of which is the parent node itself. */
function planLags(derived: 'preceding' | 'following', field: Selection, limits: PageLimits) {
  const [otherKind, otherField, parentKind, parentField] =
    derived === 'preceding' ? (['Reform', 'reform', 'Product', 'product'] as const) : (['Product', 'product', 'Reform', 'reform'] as const);
  return { derived, first: pageSize(field.args.first, limits), node: planNode(child(field, otherField), [otherKind], limits), parent: planNode(child(field, parentField), [parentKind], limits) };
}

/**
 * What `selection` reads of a node that may be any of `kinds` (more than one under an interface):
 * its properties, a relation operation per relationship field, its sources. Page sizes, cursors,
 * where and facets are checked here, with the coded errors users get.
 */
export function planNode(selection: Selection | undefined, kinds: readonly Kind[], limits: PageLimits): NodePlan {
  const plan: NodePlan = { kinds, properties: [], relations: [] };
  let sources: Selection | undefined;
  for (const kind of kinds) {
    for (const [alias, field] of fieldsOn(selection, kind)) {
      const relation = planRelation(kind, alias, field, limits);
      if (relation) plan.relations.push(relation);
      else if (field.name === 'sources') {
        sources = sources ? { ...sources, fieldsByTypeName: { ...sources.fieldsByTypeName, ...field.fieldsByTypeName } } : field;
      } else if (field.name !== 'kind') {
        if (!IDENTIFIER.test(field.name)) throw new Error(`Not a property name: ${field.name}`);
        if (!plan.properties.includes(field.name)) plan.properties.push(field.name);
      }
    }
  }
  if (sources) {
    const reference = child(sources, 'reference');
    plan.sources = { reference: reference ? planNode(reference, ['Reference'], limits) : undefined };
  }
  return plan;
}

/**
 * Whether a node plan reads anything beyond the node's own properties (a relationship field or
 * connection, a derived list, `sources { reference }`). A read as of a past change set refuses those.
 */
export function readsRelationships(plan: NodePlan): boolean {
  return plan.relations.length > 0 || Boolean(plan.sources?.reference);
}

// ---------------------------------------------------------------------------------------------
// Rendering: a NodePlan as a map projection and its subqueries.

/**
 * The projection of the node in variable `node` as `plan` reads it. `extra` names properties needed
 * besides the selected ones (a list's sort key); `pinnedKind` given, the node may be a state read
 * from the change log (a map, no labels) of that kind. As of a change set, `view` holds the entity's
 * state then: its properties are read from it, while its kind and relationships are the stored node's.
 */
export function renderNode(st: Statement, node: string, plan: NodePlan, extra: string[] = [], pinnedKind?: string, view = node): Projection {
  const properties = new Set([...ALWAYS, ...extra, ...plan.properties]);
  const calls: string[] = [];
  // Each relationship field under its response key, prefixed by the kind (decode.ts reads them back).
  const related: Record<string, Cypher.Expr> = {};
  const guards = new Map(plan.kinds.map((kind) => [kind, guardOf(st, node, kind, plan.kinds)]));
  for (const relation of plan.relations) {
    const guard = guards.get(relation.kind)!;
    const key = relation.key.slice(1, -1);
    if (relation.is === 'list') {
      const out = st.variable('list');
      calls.push(relatedList(st, node, guard, relation, out));
      related[key] = new Cypher.NamedVariable(out);
    } else if (relation.is === 'connection') {
      const { calls: connectionCalls, value } = relatedConnection(st, node, guard, relation);
      calls.push(...connectionCalls);
      related[key] = value;
    } else {
      const out = st.variable('derived');
      calls.push(st.asOf ? derivedListAsOf(st, node, view, guard, relation, out) : derivedList(st, node, guard, relation, out));
      related[key] = new Cypher.NamedVariable(out);
    }
  }
  const entries: Record<string, Cypher.Expr> = { kind: pinnedKind ? written(pinnedKind) : kindOfExpr(st, new Cypher.NamedNode(node)) };
  if (plan.sources) {
    const refs = renderReferences(st, view, plan.sources.reference);
    if (refs) {
      calls.push(refs.call);
      entries.__refs = new Cypher.NamedVariable(refs.out);
    }
  }
  if (Object.keys(related).length) entries.__rel = new Cypher.Map(related);
  const projected = [...properties, ...(plan.sources ? SOURCE_PROPERTIES : [])];
  return { calls, item: cypherText(new Cypher.MapProjection(new Cypher.NamedNode(view), projected, entries)) };
}

/**
 * The references cited by a node's or relationship's provenance, when `sources { reference }` is asked:
 * in the order cited, an index lookup on :Reference(number) each.
 */
export function renderReferences(st: Statement, owner: string, reference: NodePlan | undefined): { call: string; out: string } | undefined {
  if (!reference) return undefined;
  const [other, number] = [nodeNamed(st, 'ref'), variableNamed(st, 'number')];
  const out = st.variable('refs');
  const projection = renderNode(st, other.name, reference, ['number']);
  const call = subquery(
    [new Cypher.NamedVariable(owner)],
    new Cypher.Unwind([Cypher.coalesce(new Cypher.NamedNode(owner).property('sourceRefs'), new Cypher.List([])), number]),
    new Cypher.Match(new Cypher.Pattern(other, { labels: ['Reference'], properties: { number } })),
    collected(projection, out),
  );
  return { call, out };
}

/**
 * How a kind's relationship lists are ordered, and the index that gives that order. A kind the
 * seeds never date is ordered by name (its date is null throughout, so date-then-name is name);
 * products, always dated, by date then name from their composite index; kinds dated only sometimes
 * have no index for the order (nulls sort last, and an index holds no nulls).
 */
function listOrder(kind: Target): RelatedRead['order'] {
  const dated = ['dateStart', 'name', 'id'];
  if (kind === 'Node' || kind === 'Finding') return { keys: dated };
  const date = SORTS[kind].dateStart;
  if (!date) return { keys: ['name', 'id'], index: ['name'] };
  return date === 'optional' ? { keys: dated } : { keys: dated, index: ['dateStart', 'name'] };
}

interface RelatedPage {
  node: string;
  guard: string;
  spec: RelationSpec;
  rel: string;
  other: string;
  /** As of a change set, the variable holding the other end's state then (what the rest reads); else `other`. */
  view: string;
  out: string;
  order: RelatedRead['order'];
  /** The keyset predicate past a connection's cursor, or `true`. */
  after: string;
  /** Where a connection's cursor starts the index seek (its sort value), if it has one. */
  from?: string;
  limit: string;
  projection: Projection;
}

/** A relationship list's page (render.ts relatedRead): as of then, from a hub's index where one gives its order, or expanded. */
function readRelated(st: Statement, r: RelatedPage): string {
  const { node, rel, other, view, out, order, limit, projection } = r;
  const read = { node, rel, other, view, out, order, limit, projection, pattern: relatedPattern(st, r.node, r.spec, r.rel, r.other), where: conjunction([r.guard, r.after]) };
  if (st.asOf) return relatedRead(st, { ...read, then: { stood: stoodThen(st, r.rel, r.other), view: viewThen(st, r.other) } });
  // A single node (parent, successor, approvedBy) is one relationship of its parent by nature: few.
  // With retracted links the type's index order no longer holds alone: the plain read sorts them.
  if (!r.order.index || r.spec.to === 'Node' || r.spec.few || r.spec.one || st.includeRetracted) return relatedRead(st, read);
  return relatedRead(st, { ...read, hub: { label: r.spec.to, degree: relatedPattern(st, r.node, r.spec, st.variable('r'), st.variable('m'), ''), from: r.from, after: r.after } });
}

type Planned<K extends RelationPlan['is']> = Extract<RelationPlan, { is: K }>;

/** A relation operation's field name, as asked (its key is `` `Kind.alias` ``). */
const field = (plan: RelationPlan) => plan.key.slice(plan.kind.length + 2, -1);

function relatedList(st: Statement, node: string, guard: string, plan: Planned<'list'>, out: string): string {
  const other = st.variable('m');
  const view = st.asOf ? st.variable('v') : other;
  return readRelated(st, {
    node,
    guard,
    spec: plan.spec,
    rel: st.variable('r'),
    other,
    view,
    out,
    order: listOrder(plan.spec.to),
    after: 'true',
    limit: st.param(plan.first),
    projection: renderNode(st, other, plan.node, [], undefined, view),
  });
}

/** Past a relationship connection's cursor (by name, then id). */
function pastName(view: string, value: string, id: string): string {
  const name = new Cypher.NamedNode(view).property('name');
  const [v, i] = [paramNamed(value), paramNamed(id)];
  return cypherText(Cypher.and(Cypher.gte(name, v), Cypher.or(Cypher.gt(name, v), Cypher.gt(new Cypher.NamedNode(view).property('id'), i)))!);
}

/**
 * A relationship field's connection: a page of edges (node + the relationship's provenance) and, when
 * asked, the total, the aggregate and the facets of every related node the where matches (these read
 * the node's whole degree, as a where's totalCount does).
 */
function relatedConnection(st: Statement, node: string, guard: string, plan: Planned<'connection'>): { calls: string[]; value: Cypher.Expr } {
  const { spec, after, first } = plan;
  const parent = new Cypher.NamedNode(node);
  const rel = st.variable('r');
  const other = st.variable('m');
  const view = st.asOf ? st.variable('v') : other;
  const out = st.variable('edges');
  const nodeProjection = renderNode(st, other, plan.node, [], undefined, view);
  const refs = renderReferences(st, rel, plan.reference);
  const from = after ? st.param(after.value) : undefined;
  // The where reads the entity's values (as of a change set, its state then); the kinds, its labels.
  const matching = (m: string, stored = m) => (plan.where ? renderPredicate(st, m, plan.where) : plan.kinds ? kindIn(st, stored, plan.kinds) : 'true');
  if (st.asOf && plan.where && followsLinks(plan.where)) {
    throw badUserInput(`"${field(plan)}": a where through relationships is not read as of a change set; its own fields are`, 'where');
  }
  const condition = matching(view, other);
  const call = readRelated(st, {
    node,
    guard,
    spec,
    rel,
    other,
    view,
    out,
    order: { keys: ['name', 'id'], index: ['name'] },
    after: conjunction([after ? pastName(view, from!, st.param(after.id)) : 'true', condition]),
    from,
    limit: st.param(first + 1),
    projection: {
      calls: [...nodeProjection.calls, ...(refs ? [refs.call] : [])],
      item: cypherText(new Cypher.Map({ node: written(nodeProjection.item), rel: relationshipProperties(st, rel), ...(refs ? { __refs: new Cypher.NamedVariable(refs.out) } : {}) })),
    },
  });
  let total: Cypher.Expr = Cypher.Null;
  if (plan.totalCount) {
    // How many related nodes the where matches (the label left out when the type implies it and
    // nothing is asked of them, so Neo4j reads the node's degree instead of expanding); as of a change
    // set, the links and entities that stood then, through their states then.
    const [counted, countedRel] = [nodeNamed(st, 'm'), st.variable('r')];
    let count: Cypher.Count;
    if (st.asOf) {
      const countedView = nodeNamed(st, 'v');
      const stood = new Cypher.Match(relatedPatternOf(st, parent, spec, countedRel, counted)).where(stoodThenOf(st, countedRel, counted));
      const viewed = filteredBy(new Cypher.With(counted, [viewThenOf(st, counted), countedView]), condition === 'true' ? undefined : written(matching(countedView.name)));
      count = new Cypher.Count(Cypher.utils.concat(stood, viewed, new Cypher.Return(counted)));
    } else if (condition === 'true') count = new Cypher.Count(relatedPatternOf(st, parent, spec, countedRel, counted, ''));
    else count = new Cypher.Count(new Cypher.Match(relatedPatternOf(st, parent, spec, countedRel, counted)).where(written(matching(counted.name))));
    total = guard === 'true' ? count : new Cypher.Case().when(written(guard)).then(count).else(new Cypher.Literal(0));
  }
  const calls = [call];
  const extra: Record<string, Cypher.Expr> = {};
  const scan = (): Scan => {
    const m = nodeNamed(st, 'm');
    if (st.asOf) {
      // As of a change set: the links and entities that stood then, each through its state then.
      const [r, v] = [st.variable('r'), nodeNamed(st, 'v')];
      const source = subqueryClause(
        [parent],
        matchWritten(relatedPattern(st, node, spec, r, m.name), written(stoodThen(st, r, m.name))),
        filteredBy(new Cypher.With(m, [written(viewThen(st, m.name)), v]), writtenCondition(conjunction([guard, matching(v.name, m.name)]))),
        new Cypher.Return(v, m),
      );
      return { node: v, matches: source, distinct: false, imports: [parent], stored: m };
    }
    const matches = matchWritten(relatedPattern(st, node, spec, st.variable('r'), m.name, labelClause(spec)), writtenCondition(conjunction([guard, matching(m.name)])));
    return { node: m, matches, distinct: false, imports: [parent] };
  };
  if (plan.aggregate) {
    const stats = st.variable('stats');
    calls.push(aggregateCall(st, scan(), stats));
    extra.aggregate = new Cypher.NamedVariable(stats);
  }
  if (plan.facets.length) {
    const facets: Record<string, Cypher.Expr> = {};
    for (const facet of plan.facets) {
      const buckets = st.variable('facets');
      calls.push(facetsCall(st, scan(), facet, buckets));
      facets[facet.alias] = new Cypher.NamedVariable(buckets);
    }
    extra.facets = new Cypher.Map(facets);
  }
  const value = new Cypher.Map({ edges: new Cypher.NamedVariable(out), first: param(st, first), after: param(st, after ? 1 : 0), totalCount: total, ...extra });
  return { calls, value };
}

/** The order of the reforms before an approval and of the approvals after a reform: oldest first. */
const byDate = (node: Cypher.Node): Array<[Cypher.Expr, 'ASC']> => [[node.property('dateStart'), 'ASC'], [node.property('name'), 'ASC'], [node.property('id'), 'ASC']];

/** The lag between a reform and an approval, in years. */
const lagOf = (reform: Cypher.Node, product: Cypher.Node) => Cypher.minus(product.property('year'), reform.property('year'));

/**
 * Reforms before an approval (a range seek on :Reform(year)), approvals after a reform (on
 * :Product(year)), oldest first with the lag; or a statistic's siblings: the other parts of its total
 * along the same dimension, largest first.
 */
function derivedList(st: Statement, node: string, guard: string, plan: Planned<'derived'>, out: string): string {
  const [parent, other] = [new Cypher.NamedNode(node), nodeNamed(st, 'm')];
  const limit = param(st, plan.first);
  const guarded = (condition: Cypher.Predicate) => Cypher.and(writtenCondition(guard), condition)!;
  if (plan.derived === 'siblings') {
    const [rel, rel2] = [new Cypher.NamedRelationship(st.variable('b')), new Cypher.NamedRelationship(st.variable('b'))];
    const projection = renderNode(st, other.name, plan.node);
    const pattern = new Cypher.Pattern(parent).related(rel, { type: 'BREAKDOWN_OF' }).to({ labels: ['Statistic'] }).related(rel2, { type: 'BREAKDOWN_OF', direction: 'left' }).to(other, { labels: ['Statistic'] });
    return subquery(
      [parent],
      new Cypher.Match(pattern).where(guarded(Cypher.and(Cypher.neq(other, parent), Cypher.eq(rel2.property('dimension'), rel.property('dimension')))!)),
      new Cypher.With(other).orderBy([other.property('value'), 'DESC'], [other.property('id'), 'ASC']).limit(limit),
      collected(projection, out),
    );
  }
  const preceding = plan.derived === 'preceding';
  const otherProjection = renderNode(st, other.name, plan.node);
  const parentProjection = renderNode(st, node, plan.parent!);
  const [reform, product] = preceding ? [other, parent] : [parent, other];
  const [otherItem, parentItem] = [written(otherProjection.item), written(parentProjection.item)];
  return subquery(
    [parent],
    new Cypher.Match(new Cypher.Pattern(other, { labels: [preceding ? 'Reform' : 'Product'] })).where(guarded((preceding ? Cypher.lt : Cypher.gt)(other.property('year'), parent.property('year')))),
    new Cypher.With(parent, other).orderBy(...byDate(other)).limit(limit),
    collected({ calls: [...otherProjection.calls, ...parentProjection.calls], item: '' }, out, new Cypher.Map({ lagYears: lagOf(reform, product), reform: preceding ? otherItem : parentItem, product: preceding ? parentItem : otherItem })),
  );
}

/**
 * A derived list as the graph stood at a past change set (Statement.asOf): a statistic's siblings along
 * the BREAKDOWN_OF links of then, or the reforms before an approval (approvals after a reform) by the
 * years of then. `node` is the stored entity, `view` its state then.
 */
function derivedListAsOf(st: Statement, node: string, view: string, guard: string, plan: Planned<'derived'>, out: string): string {
  const [parent, parentView] = [new Cypher.NamedNode(node), new Cypher.NamedNode(view)];
  const [other, otherView] = [nodeNamed(st, 'm'), nodeNamed(st, 'v')];
  const limit = param(st, plan.first);
  if (plan.derived === 'siblings') {
    // Along BREAKDOWN_OF links that stood then (live or retracted since), to statistics that stood
    // then, ordered by their values then.
    const [total, rel, rel2] = [nodeNamed(st, 't'), st.variable('b'), st.variable('b')];
    const breakdown = { type: 'BREAKDOWN_OF', direction: 'OUT', to: 'Statistic', description: '' } as RelationSpec;
    const projection = renderNode(st, other.name, plan.node, [], undefined, otherView.name);
    const up = new Cypher.Match(relatedPatternOf(st, parent, breakdown, rel, total)).where(stoodThenOf(st, rel, total));
    const sameDimension = Cypher.eq(new Cypher.NamedRelationship(rel2).property('dimension'), new Cypher.NamedRelationship(rel).property('dimension'));
    const down = new Cypher.Match(relatedPatternOf(st, total, { ...breakdown, direction: 'IN' }, rel2, other)).where(Cypher.and(writtenCondition(guard), Cypher.neq(other, parent), sameDimension, stoodThenOf(st, rel2, other))!);
    return subquery(
      [parent],
      up,
      down,
      new Cypher.With(other, [viewThenOf(st, other), otherView]),
      new Cypher.With(other, otherView).orderBy([otherView.property('value'), 'DESC'], [otherView.property('id'), 'ASC']).limit(limit),
      collected(projection, out),
    );
  }
  // The entities of the other kind that stood then with a year then earlier (later) than the node's
  // then: those not changed since, from the :Kind(year) index, and the states then of those changed
  // since; ordered by date then, each with its stored entity for the fields below it.
  const preceding = plan.derived === 'preceding';
  const kind = preceding ? 'Reform' : 'Product';
  const compare = preceding ? Cypher.lt : Cypher.gt;
  const otherProjection = renderNode(st, other.name, plan.node, [], undefined, otherView.name);
  const parentProjection = renderNode(st, node, plan.parent!, [], undefined, view);
  const { seq, states } = st.then;
  const key = variableNamed(st, 'k');
  const state = paramNamed(states).property(key);
  const unchanged = Cypher.utils.concat(
    new Cypher.Match(new Cypher.Pattern(otherView, { labels: [kind] })).where(Cypher.and(compare(otherView.property('year'), parentView.property('year')), Cypher.lte(Cypher.coalesce(otherView.property('changedSeq'), new Cypher.Literal(0)), paramNamed(seq)))!),
    new Cypher.Return(otherView),
  );
  const statesThen = new Cypher.ListComprehension(key)
    .in(Cypher.keys(paramNamed(states)))
    .where(Cypher.and(Cypher.eq(state.property('kind'), param(st, kind)), compare(state.property('year'), parentView.property('year')))!)
    .map(state);
  const changed = Cypher.utils.concat(new Cypher.Unwind([statesThen, otherView]), new Cypher.Return(otherView));
  const [reform, product] = preceding ? [otherView, parentView] : [parentView, otherView];
  const [otherItem, parentItem] = [written(otherProjection.item), written(parentProjection.item)];
  return subquery(
    [parent, parentView],
    filteredBy(new Cypher.With(parent, parentView), writtenCondition(guard)),
    new Cypher.Call(new Cypher.Union(unchanged, changed), [parentView]),
    new Cypher.With(parent, parentView, otherView).orderBy(...byDate(otherView)).limit(limit),
    written(storedById(other.name, `${otherView.name}.id`, otherView.name)),
    collected({ calls: [...otherProjection.calls, ...parentProjection.calls], item: '' }, out, new Cypher.Map({ lagYears: lagOf(reform, product), [preceding ? 'reform' : 'product']: otherItem, [preceding ? 'product' : 'reform']: parentItem })),
  );
}

/** The lags of one root `reformsPreceding`/`approvalsFollowing` call, compiled as the nested field is (as of a change set, `view` holds the node's state then). */
export function lagsOf(st: Statement, node: string, derived: 'preceding' | 'following', selection: Selection, view?: string): Projection & { out: string } {
  const out = st.variable('lags');
  const plan: Planned<'derived'> = { is: 'derived', kind: derived === 'preceding' ? 'Product' : 'Reform', key: '', ...planLags(derived, selection, st.limits) };
  return { calls: [view ? derivedListAsOf(st, node, view, 'true', plan, out) : derivedList(st, node, 'true', plan, out)], item: out, out };
}
