/**
 * The root questions other than lists, each compiled into one unit with @neo4j/cypher-builder: nodes
 * by id, search, the timeline, the checker's findings, reforms before an approval (and back),
 * shortest paths and neighbourhoods. Each is planned first (its arguments checked, what it reads below
 * each entity it returns: a QuestionPlan, plan.ts), then rendered; below each entity, projection.ts
 * writes what the plan reads.
 */
import Cypher from '@neo4j/cypher-builder';
import type { Entity, GraphRelationship } from '../entities.js';
import { badUserInput } from '../../errors.js';
import { KINDS, REL_TYPES, type Kind, type RelType } from '../model.js';
import { toEntities, toEntity, toLags, toRelationship, type Lag } from './decode.js';
import { lagsOf, planNode, readsRelationships, renderNode, renderReferences, type Projection } from './projection.js';
import { kindExpr, kindOfExpr, nodeThen, relationshipProperties, relationshipThen, stoodThenOf, viewThenOf } from './patterns.js';
import type { GraphAt } from '../changes/feed.js';
import { child, type PageLimits, type Selection, type Statement } from './statement.js';
import { connectionOf, pageSize, type PageInfo } from './connection.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { describeQuestion, type LinkPlan, type QuestionPlan } from './plan.js';
import type { Unit } from './unit.js';
import { projectThen, refuseUnpinnable, type AsOfStates } from './lists.js';
import { collected, cypherText, idOf, nodeNamed, param, subquery, variableNamed, written, type Condition, type Node } from './builder.js';

type Rows = Array<Record<string, unknown>>;
type Planned<Q extends QuestionPlan['question']> = Extract<QuestionPlan, { question: Q }>;

/** The bounds of the root questions' arguments, checked while planning. */
export const CAPS = { maxHops: 6, depth: 3, neighborhoodLimit: 200, nodesIds: 100, timeline: 500, findings: 500 } as const;
/** The kinds the timeline shows when none are asked: the dated ones a reader follows. */
const TIMELINE_KINDS: Kind[] = ['Reform', 'Guideline', 'Product', 'Event'];
/** The relationship types traversals leave out unless asked: citations and the checker's findings. */
const DEFAULT_EXCLUDED: RelType[] = ['CITES', 'CONCERNS'];

function within(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(`"${argument}" must be between ${min} and ${max}; got ${value}`, argument);
  return value;
}

/** Entities by id (at most CAPS.nodesIds) and what is read of each. */
export function planNodes(ids: string[], selection: Selection | undefined, limits: PageLimits): Planned<'nodes'> {
  if (ids.length > CAPS.nodesIds) throw badUserInput(`"ids" takes at most ${CAPS.nodesIds} ids; got ${ids.length}`, 'ids');
  return planned({ question: 'nodes', ids, node: planNode(selection, KINDS, limits) }, selection);
}

/**
 * A search: the page size checked; `scan` ranked hits are handed over by the index before kinds are
 * filtered. A page of a searchConnection also has its cursor, checked as a search cursor.
 */
export function planSearch(
  request: { lucene: string; kinds?: Kind[]; first?: number | null; scan: number | ((first: number) => number); page?: { words: string[]; after?: string; counts: boolean } },
  nodeSelection: Selection | undefined,
  limits: PageLimits,
): Planned<'search'> {
  const first = pageSize(request.first, limits);
  const kinds = request.kinds ?? [];
  let page: Planned<'search'>['page'];
  if (request.page) {
    const position = request.page.after ? decodeCursor(request.page.after, SEARCH_ORDER) : undefined;
    if (position && typeof position.value !== 'number') throw badUserInput('"after" is not a search cursor', 'after');
    page = { words: request.page.words, counts: request.page.counts, after: position && { score: position.value as number, id: position.id } };
  }
  const scan = typeof request.scan === 'number' ? request.scan : request.scan(first);
  return planned({ question: 'search', lucene: request.lucene, kinds, first, scan, page, node: planNode(nodeSelection, kinds.length ? kinds : KINDS, limits) }, nodeSelection);
}

/** The timeline between two days (the whole record when none is given), 1 to CAPS.timeline entries. */
export function planTimeline(kinds: Kind[] | undefined, from: string, to: string, first: number, nodeSelection: Selection | undefined, limits: PageLimits): Planned<'timeline'> {
  within(first, 1, CAPS.timeline, 'first');
  const chosen = kinds?.length ? kinds : TIMELINE_KINDS;
  return planned({ question: 'timeline', kinds: chosen, from, to, first, node: planNode(nodeSelection, chosen, limits) }, nodeSelection);
}

/** The checker's findings, 1 to CAPS.findings. */
export function planFindings(first: number, selection: Selection | undefined, limits: PageLimits): Planned<'findings'> {
  within(first, 1, CAPS.findings, 'first');
  return planned({ question: 'findings', first, node: planNode(selection, ['Finding'], limits) }, selection);
}

/** A shortest path: 1 to CAPS.maxHops hops along every type but the excluded ones; the nodes' selection planned, the relationships' references too. */
export function planPath(fromId: string, toId: string, maxHops: number, includeInferred: boolean, selection: Selection, limits: PageLimits): Planned<'path'> & { references?: ReturnType<typeof planNode> } {
  within(maxHops, 1, CAPS.maxHops, 'maxHops');
  const relationships = child(selection, 'relationships');
  const reference = child(child(relationships, 'sources'), 'reference');
  return planned(
    {
      question: 'path',
      from: fromId,
      to: toId,
      maxHops,
      types: allowedTypes(DEFAULT_EXCLUDED),
      stated: !includeInferred,
      node: planNode(child(selection, 'nodes'), KINDS, limits),
      links: planLinks(relationships),
      references: reference ? planNode(reference, ['Reference'], limits) : undefined,
    },
    selection,
  );
}

/** What a path's or a neighbourhood's relationships read (plan.ts LinkPlan). */
function planLinks(selection: Selection | undefined): LinkPlan {
  return { properties: ['properties', 'sources', 'retracted'].some((field) => child(selection, field)) };
}

/** A neighbourhood: depth 1 to CAPS.depth, 1 to CAPS.neighborhoodLimit nodes, along every type but the excluded ones. */
export function planNeighborhood(id: string, depth: number, limit: number, excluded: readonly string[] | undefined, includeInferred: boolean, selection: Selection, limits: PageLimits): Planned<'neighborhood'> & { references?: ReturnType<typeof planNode> } {
  within(depth, 1, CAPS.depth, 'depth');
  within(limit, 1, CAPS.neighborhoodLimit, 'limit');
  const edges = child(selection, 'edges');
  const reference = child(child(edges, 'sources'), 'reference');
  return planned(
    {
      question: 'neighborhood',
      id,
      depth,
      limit,
      types: allowedTypes(excluded ?? DEFAULT_EXCLUDED),
      stated: !includeInferred,
      node: planNode(child(selection, 'nodes'), KINDS, limits),
      links: planLinks(edges),
      references: reference ? planNode(reference, ['Reference'], limits) : undefined,
    },
    selection,
  );
}

/** The selection each plan was made from: what its compiled unit may be kept for (Unit.reuse). */
const PLANNED_FROM = new WeakMap<QuestionPlan, object>();

/** A plan, remembering the selection it was made from. */
function planned<P extends QuestionPlan>(plan: P, selection: Selection | undefined): P {
  if (selection) PLANNED_FROM.set(plan, selection);
  return plan;
}

/**
 * A unit whose compiled form carries its plan, as the tck pins print it. Read as the graph stands, it is
 * kept for the next request with the same selection and arguments, as a list's is (reader.ts): what the
 * plan reads below each entity comes from the selection, the rest of it is the key.
 */
function withPlan<T>(plan: QuestionPlan, unit: Unit<T>, asOf?: unknown): Unit<T> {
  const selection = PLANNED_FROM.get(plan);
  const args = JSON.stringify(plan, (key, value) => (key === 'node' || key === 'references' ? undefined : value));
  return { ...unit, reuse: selection && !asOf ? { selection, args } : undefined, build: (st) => ({ ...unit.build(st), plan: () => describeQuestion(plan) }) };
}

/** The relationship types a traversal may follow: every type but those excluded. */
function allowedTypes(excluded: readonly string[]): RelType[] {
  const types = REL_TYPES.filter((t) => !excluded.includes(t));
  if (!types.length) throw badUserInput('"excludeTypes" leaves no relationship type to follow', 'excludeTypes');
  return types;
}

/** An entity by id, live or retracted: the :Entity(id) index (a null row when it holds none) or the :Retracted(id) index. */
function liveOrRetracted(node: Node, id: Cypher.Expr, imports: Cypher.Variable[] = []): Cypher.Call {
  const live = Cypher.utils.concat(new Cypher.OptionalMatch(new Cypher.Pattern(node, { labels: ['Entity'], properties: { id } })), new Cypher.Return(node));
  const retracted = Cypher.utils.concat(new Cypher.Match(new Cypher.Pattern(node, { labels: ['Retracted'], properties: { id } })), new Cypher.Return(node));
  return new Cypher.Call(new Cypher.Union(live, retracted), imports);
}

/** Of liveOrRetracted's rows, the one found (a null when neither index held the id). */
const firstFound = (node: Node, ...keep: Cypher.Variable[]) => new Cypher.With(...keep, node).orderBy([Cypher.isNull(node), 'ASC']).limit(1);

/** The entity if it stood then (as of a change set), else null. */
const ifStood = (st: Statement, node: Node, also?: Cypher.Predicate): Cypher.Expr => new Cypher.Case().when(Cypher.and(Cypher.isNotNull(node), stoodThenOf(st, undefined, node), also)!).then(node);

/** Nodes by id, in the order asked, null for unknown ids; as of a change set, null for those that did not stand then. */
export function nodesUnit(plan: Planned<'nodes'>, includeRetracted = false, asOf?: GraphAt): Unit<Array<Entity | null>> {
  const { ids } = plan;
  return withPlan(plan, {
    name: asOf ? 'nodes.asOf' : 'nodes',
    includeRetracted,
    asOf,
    build(st) {
      const [id, node] = [variableNamed(st, 'id'), nodeNamed(st, 'n')];
      const out = st.variable('nodes');
      const ask = new Cypher.Unwind([param(st, ids), id]);
      if (!st.includeRetracted) {
        const projection = renderNode(st, node.name, plan.node);
        const call = subquery([], ask, new Cypher.OptionalMatch(new Cypher.Pattern(node, { labels: ['Entity'], properties: { id } })), collected(projection, out, new Cypher.Map({ id, node: written(projection.item) })));
        return { calls: [call], returns: [out], decode: (row) => (row[out] as Rows).map((r) => toEntity(r.node as Record<string, unknown>)) };
      }
      // With retracted entities: one has lost its :Entity and kind labels for :Retracted, so its kind is
      // the one it keeps as a property; its relationships were retracted with it, and the projection
      // follows them (RETRACTED, by type) since the question asked so.
      const found = [liveOrRetracted(node, id, [id]), new Cypher.With(id, node).orderBy([Cypher.isNull(node), 'ASC']), new Cypher.With(id, [Cypher.head(Cypher.collect(node)), node])];
      if (st.asOf) {
        // As of a change set: the entity if it stood then, read through its state then.
        const view = nodeNamed(st, 'v');
        const projection = renderNode(st, node.name, plan.node, [], undefined, view.name);
        const call = subquery([], ask, ...found, new Cypher.With(id, [ifStood(st, node), node]), new Cypher.With(id, node, [viewThenOf(st, node), view]), collected(projection, out, new Cypher.Map({ id, node: written(projection.item) })));
        return { calls: [call], returns: [out], decode: (row) => (row[out] as Rows).map((r) => toEntity(r.node as Record<string, unknown>)) };
      }
      const projection = renderNode(st, node.name, plan.node);
      const call = subquery([], ask, ...found, collected(projection, out, new Cypher.Map({ id, node: written(projection.item), retractedKind: node.property('kind') })));
      // A retracted entity's labels no longer name its kind; the property it keeps does.
      const entityOf = (r: Record<string, unknown>) => {
        const entity = toEntity(r.node as Record<string, unknown>);
        return entity && r.retractedKind ? { ...entity, kind: r.retractedKind as Entity['kind'] } : entity;
      };
      return { calls: [call], returns: [out], decode: (row) => (row[out] as Rows).map(entityOf) };
    },
  }, asOf);
}

/**
 * The projection of a question's entity in `node`; as of a change set, through its state then (a
 * `WITH *, <state then> AS view` first), and with the condition that it stood then for the question's WHERE.
 */
function projectedThen(st: Statement, node: Node, plan: ReturnType<typeof planNode>): Projection & { view: Node; stood: Condition } {
  if (!st.asOf) return { ...renderNode(st, node.name, plan), view: node, stood: undefined };
  const view = nodeNamed(st, 'v');
  const projection = renderNode(st, node.name, plan, [], undefined, view.name);
  const withView = new Cypher.With('*', [viewThenOf(st, node), view]).build().cypher;
  return { calls: [withView, ...projection.calls], item: projection.item, view, stood: stoodThenOf(st, undefined, node) };
}

/**
 * The best hits of a full-text index (and, with retracted entities, of theirs, merged by score): the
 * index ranks them and hands over at most `scan`; kinds are filtered from those, so a search never
 * reads every hit of a common word.
 */
function fullText(st: Statement, index: 'entity_search' | 'entity_search_full', text: Cypher.Param, scan: Cypher.Param, node: Node, score?: Cypher.Variable): Cypher.Clause {
  const query = (name: string) => {
    const hits = Cypher.db.index.fulltext.queryNodes(name, text, { limit: scan });
    return score ? hits.yield(['node', node], ['score', score]) : hits.yield(['node', node]);
  };
  if (!st.includeRetracted) return query(index);
  const retracted = index === 'entity_search' ? 'retracted_search' : 'retracted_search_full';
  const branch = (name: string) => Cypher.utils.concat(query(name), new Cypher.Return(node, ...(score ? [score] : [])));
  return new Cypher.Call(new Cypher.Union(branch(index), branch(retracted)), []);
}

/** Hits best first, then by id. */
const bestFirst = (node: Node, score: Cypher.Variable, limit: Cypher.Param) => new Cypher.With(node, score).orderBy([score, 'DESC'], [node.property('id'), 'ASC']).limit(limit);

/** The hits' condition: after the index call (its YIELD … WHERE), or, merged from two indexes, a WITH … WHERE. */
function hitsWhere(st: Statement, hits: Cypher.Clause, node: Node, score: Cypher.Variable | undefined, condition: Condition): Cypher.Clause[] {
  if (!condition) return [hits];
  if (hits instanceof Cypher.Call) return [hits, new Cypher.With(node, ...(score ? [score] : [])).where(condition)];
  return [(hits as Cypher.Yield).where(condition)];
}

export function searchUnit(plan: Planned<'search'>, includeRetracted = false, asOf?: GraphAt): Unit<Array<{ score: number; node: Entity }>> {
  const request = plan;
  return withPlan(plan, {
    name: asOf ? 'search.asOf' : 'search',
    includeRetracted,
    asOf,
    build(st) {
      const [node, score] = [nodeNamed(st, 'n'), variableNamed(st, 'score')];
      const out = st.variable('hits');
      const projection = projectedThen(st, node, plan.node);
      const hits = fullText(st, 'entity_search', param(st, request.lucene), param(st, request.scan), node, score);
      const kinds = request.kinds.length ? Cypher.in(kindOfExpr(st, node), param(st, request.kinds)) : undefined;
      const call = subquery(
        [],
        ...hitsWhere(st, hits, node, score, Cypher.and(kinds, projection.stood)),
        bestFirst(node, score, param(st, request.first)),
        collected(projection, out, new Cypher.Map({ score, node: written(projection.item) })),
      );
      return { calls: [call], returns: [out], decode: (row) => (row[out] as Rows).map((r) => ({ score: r.score as number, node: toEntity(r.node as Record<string, unknown>)! })) };
    },
  }, asOf);
}

/** The timeline's order: by date, then name and id. */
const byDate = (node: Node): Array<[Cypher.Expr, 'ASC']> => [[node.property('dateStart'), 'ASC'], [node.property('name'), 'ASC'], [node.property('id'), 'ASC']];

/**
 * Dated entities of the kinds asked between two days, in date order (a range seek on
 * :Entity(dateStart), which also gives the order), at most `first`. With retracted entities, those of
 * the kinds asked from the :Retracted(kind) index, merged into the date order; as of a change set, the
 * dated entities not changed since merged with the states then of those that have (each with its kind,
 * so one projection reads either).
 */
export function timelineUnit(question: Planned<'timeline'>, includeRetracted = false, asOf?: AsOfStates): Unit<Entity[]> {
  const { kinds, from, to, first, node: plan } = question;
  return withPlan(question, {
    name: asOf ? 'timeline.asOf' : 'timeline',
    includeRetracted,
    asOf: asOf?.graph,
    build(st) {
      const node = nodeNamed(st, 'n');
      const out = st.variable('timeline');
      if (asOf) refuseUnpinnable('the timeline', { includeRetracted, relationships: !asOf.graph && readsRelationships(plan) });
      // As of a change set, the entries are maps that carry their kind.
      const projection = asOf?.graph && readsRelationships(plan) ? projectThen(st, node.name, plan, ['date'], `${node.name}.kind`) : renderNode(st, node.name, plan, ['date'], asOf ? `${node.name}.kind` : undefined);
      const [fromDay, toDay, limit] = [param(st, from), param(st, to), param(st, first)];
      const between = (n: Node) => Cypher.and(Cypher.gte(n.property('dateStart'), fromDay), Cypher.lte(n.property('dateStart'), toDay))!;
      const page = () => new Cypher.With(node).orderBy(...byDate(node)).limit(limit);
      // The :Entity side: its kind is its label (retracted ones come from their own branch).
      const dated = Cypher.and(between(node), Cypher.in(kindExpr(node), param(st, kinds)));
      const entities = new Cypher.Match(new Cypher.Pattern(node, { labels: ['Entity'] }));
      let read: Cypher.Clause[];
      if (asOf) {
        const unchanged = Cypher.utils.concat(entities.where(Cypher.and(dated, Cypher.not(Cypher.in(node.property('id'), param(st, asOf.changed))))!), page(), new Cypher.Return([new Cypher.MapProjection(node, '*', { kind: kindExpr(node) }), node]));
        const thenStates = Cypher.utils.concat(new Cypher.Unwind([param(st, asOf.states), node]), new Cypher.With(node).where(Cypher.and(Cypher.in(node.property('kind'), param(st, kinds)), between(node))!), page(), new Cypher.Return(node));
        read = [new Cypher.Call(new Cypher.Union(unchanged, thenStates), []), page()];
      } else if (includeRetracted) {
        const live = Cypher.utils.concat(entities.where(dated!), page(), new Cypher.Return(node));
        const retracted = Cypher.utils.concat(new Cypher.Match(new Cypher.Pattern(node, { labels: ['Retracted'] })).where(Cypher.and(Cypher.in(node.property('kind'), param(st, kinds)), between(node))!), page(), new Cypher.Return(node));
        read = [new Cypher.Call(new Cypher.Union(live, retracted), []), page()];
      } else read = [entities.where(dated!), page()];
      return { calls: [subquery([], ...read, collected(projection, out))], returns: [out], decode: (row) => toEntities(row[out] as Rows) };
    },
  }, asOf);
}

/** The checker's findings, by id, at most `first`. */
export function findingsUnit(plan: Planned<'findings'>): Unit<Entity[]> {
  const { first } = plan;
  return withPlan(plan, {
    name: 'findings',
    build(st) {
      const node = nodeNamed(st, 'f');
      const out = st.variable('findings');
      const projection = renderNode(st, node.name, plan.node);
      const call = subquery([], new Cypher.Match(new Cypher.Pattern(node, { labels: ['Finding'] })), new Cypher.With(node).orderBy([node.property('id'), 'ASC']).limit(param(st, first)), collected(projection, out));
      return { calls: [call], returns: [out], decode: (row) => toEntities(row[out] as Rows) };
    },
  });
}

/**
 * Reforms before a product's approval (`preceding`) or approvals after a reform (`following`), for one
 * node named by id; null for an unknown id (or one of another kind), told from an empty answer by `found`.
 */
export function lagsUnit(derived: 'preceding' | 'following', id: string, selection: Selection, asOf?: GraphAt): Unit<Lag[] | null> {
  return withPlan({ question: 'lags', derived, id }, {
    name: `${derived === 'preceding' ? 'reformsPreceding' : 'approvalsFollowing'}${asOf ? '.asOf' : ''}`,
    asOf,
    build(st) {
      const node = nodeNamed(st, 'n');
      const [found, out] = [st.variable('found'), st.variable('lags')];
      const label = derived === 'preceding' ? 'Product' : 'Reform';
      const answer = (lags: Projection) => Cypher.utils.concat(lags.calls.length ? written(lags.calls.join('\n')) : undefined, new Cypher.Return([Cypher.isNotNull(node), new Cypher.NamedVariable(found)], [written(lags.item), new Cypher.NamedVariable(out)]));
      let call: string;
      if (st.asOf) {
        // As of a change set: the node if it stood then, of the kind, and the lags by the dates of then.
        const view = nodeNamed(st, 'v');
        const lags = lagsOf(st, node.name, derived, selection, view.name);
        const ofKind = Cypher.eq(kindOfExpr(st, node), param(st, label));
        call = subquery([], liveOrRetracted(node, param(st, id)), firstFound(node), new Cypher.With([ifStood(st, node, ofKind), node]), new Cypher.With(node, [viewThenOf(st, node), view]), answer(lags));
      } else {
        const lags = lagsOf(st, node.name, derived, selection);
        call = subquery([], new Cypher.OptionalMatch(new Cypher.Pattern(node, { labels: ['Entity'], properties: { id: param(st, id) } })).where(node.hasLabel(label)), answer(lags));
      }
      return { calls: [call], returns: [found, out], decode: (row) => (row[found] ? toLags(row[out] as Rows) : null) };
    },
  }, asOf);
}

/** A relationship's type: its own, or (retracted) the type it keeps as a property. */
function typeOf(st: Statement, rel: Cypher.Relationship): Cypher.Expr {
  return st.includeRetracted ? new Cypher.Case().when(rel.hasType('RETRACTED')).then(rel.property('type')).else(Cypher.type(rel)) : Cypher.type(rel);
}

/** Relationships with their ends (and their properties and provenance when selected), for paths and neighbourhoods; as of a change set, as they stood then. */
function relationshipItem(st: Statement, rel: string, links: LinkPlan, references: ReturnType<typeof planNode> | undefined): Projection {
  const r = new Cypher.NamedRelationship(rel);
  const refs = renderReferences(st, rel, references);
  const item = new Cypher.Map({
    type: typeOf(st, r),
    from: idOf(Cypher.startNode(r)),
    to: idOf(Cypher.endNode(r)),
    ...(links.properties ? { rel: relationshipProperties(st, rel) } : {}),
    ...(refs ? { __refs: new Cypher.NamedVariable(refs.out) } : {}),
  });
  return { calls: refs ? [refs.call] : [], item: cypherText(item) };
}

/** Nodes of a path or a neighbourhood (`members`, a list), projected in order; as of a change set, each through its state then. */
function membersProjected(st: Statement, members: Cypher.Expr, plan: ReturnType<typeof planNode>, out: string): string {
  const node = nodeNamed(st, 'n');
  const each = new Cypher.Unwind([members, node]);
  if (!st.asOf) return subquery('*', each, collected(renderNode(st, node.name, plan), out));
  const view = nodeNamed(st, 'v');
  const nodes = renderNode(st, node.name, plan, [], undefined, view.name);
  return subquery('*', each, new Cypher.With(node, [viewThenOf(st, node), view]), collected(nodes, out));
}

/** Only relationships the article states (not ones the graph infers; see Source.inferred). */
const stated = (rel: Cypher.Variable): Cypher.Predicate => Cypher.isNull(rel.property('sourceInferred'));

/**
 * The one clause of a path the builder does not write as Neo4j 5.26 plans it best: `shortestPath()`.
 * The builder writes GQL's SHORTEST 1 (as `MATCH SHORTEST 1 p = …`, which 5.26 refuses); written as
 * 5.26 takes it, `MATCH p = SHORTEST 1 …` between two hubs at 1M costs 1,119,499 db hits and 20.7 s
 * against shortestPath's 193,429 and 104 ms (`npm run profile:traversals`).
 */
function shortestPath(path: Cypher.PathVariable, pattern: Cypher.Pattern, condition: Condition): Cypher.Clause {
  return new Cypher.Raw((context) => `OPTIONAL MATCH ${context.compile(path)} = shortestPath(${context.compile(pattern)})${condition ? `\nWHERE ${context.compile(condition)}` : ''}`);
}

export interface PathResult {
  found: boolean;
  nodes: Entity[];
  relationships: GraphRelationship[];
}

/**
 * A shortest path of at most `maxHops` allowed relationships between two different nodes named by id;
 * `found` says whether both exist. With retracted links (or as of a change set) along retracted links
 * of the allowed types too, between entities either of which may be retracted; as of a change set,
 * between two entities that stood then, along links and through entities that stood then.
 */
export function pathUnit(plan: ReturnType<typeof planPath>, includeRetracted = false, asOf?: GraphAt): Unit<PathResult> {
  const { from: fromId, to: toId, maxHops, types } = plan;
  const includeInferred = !plan.stated;
  return withPlan(plan, {
    name: asOf ? 'path.asOf' : 'path',
    includeRetracted,
    asOf,
    build(st) {
      const [from, to, path] = [nodeNamed(st, 'a'), nodeNamed(st, 'b'), new Cypher.NamedPathVariable(st.variable('p'))];
      const [found, nodesOut, relsOut, rel] = [st.variable('found'), st.variable('nodes'), st.variable('rels'), st.variable('r')];
      const rels = relationshipItem(st, rel, plan.links, plan.references);
      const [x, y] = [new Cypher.NamedRelationship(st.variable('x')), nodeNamed(st, 'y')];
      const onEvery = (variable: Cypher.Variable, list: Cypher.Expr, condition: Cypher.Predicate) => Cypher.all(variable, list, condition);
      const each = new Cypher.NamedVariable(st.variable('s'));
      const statedPath = includeInferred ? undefined : onEvery(each, Cypher.relationships(path), stated(each));
      const [fromId_, toId_] = [param(st, fromId), param(st, toId)];
      let ends: Cypher.Clause[];
      let find: Cypher.Clause;
      if (!st.includeRetracted) {
        ends = [new Cypher.OptionalMatch(new Cypher.Pattern(from, { labels: ['Entity'], properties: { id: fromId_ } })), new Cypher.OptionalMatch(new Cypher.Pattern(to, { labels: ['Entity'], properties: { id: toId_ } }))];
        find = shortestPath(path, new Cypher.Pattern(from).related({ type: Cypher.labelExpr.or(...types), direction: 'undirected', length: { min: 1, max: maxHops } }).to(to), statedPath);
      } else {
        ends = [liveOrRetracted(from, fromId_), firstFound(from), liveOrRetracted(to, toId_), firstFound(to, from)];
        if (st.asOf) ends.push(new Cypher.With([ifStood(st, from), from], [ifStood(st, to), to]));
        const typeNames = param(st, types);
        const allowed = Cypher.or(Cypher.not(x.hasType('RETRACTED')), Cypher.in(x.property('type'), typeNames))!;
        const alongThen = st.asOf
          ? Cypher.and(onEvery(x, Cypher.relationships(path), Cypher.and(allowed, relationshipThen(st, x.name))!), onEvery(y, Cypher.nodes(path), nodeThen(st, y)))
          : onEvery(x, Cypher.relationships(path), allowed);
        find = shortestPath(path, new Cypher.Pattern(from).related({ type: Cypher.labelExpr.or(...types, 'RETRACTED'), direction: 'undirected', length: { min: 1, max: maxHops } }).to(to), Cypher.and(alongThen, statedPath));
      }
      const located = subquery([], ...ends, find, new Cypher.Return([Cypher.and(Cypher.isNotNull(from), Cypher.isNotNull(to))!, new Cypher.NamedVariable(found)], path));
      const along = (list: Cypher.Expr) => new Cypher.Case().when(Cypher.isNull(path)).then(new Cypher.List([])).else(list);
      const r = new Cypher.NamedRelationship(rel);
      const calls = [
        located,
        membersProjected(st, along(Cypher.nodes(path)), plan.node, nodesOut),
        subquery('*', new Cypher.Unwind([along(Cypher.relationships(path)), r]), collected(rels, relsOut)),
      ];
      return {
        calls,
        returns: [found, nodesOut, relsOut],
        decode: (row) => ({ found: row[found] as boolean, nodes: toEntities(row[nodesOut] as Rows), relationships: (row[relsOut] as Rows).map(toRelationship) }),
      };
    },
  }, asOf);
}

/** The most relationships a neighbourhood returns among its nodes (a drawing of more is unreadable anyway). */
export const NEIGHBORHOOD_EDGE_CAP = 1000;

export interface NeighborhoodResult {
  found: boolean;
  nodes: Entity[];
  edges: GraphRelationship[];
  truncated: boolean;
}

/**
 * A node and the nearest others within `depth` hops, at most `limit`, with the relationships among
 * them. Each ring is read with a LIMIT before anything is sorted, so a hub costs what a leaf costs;
 * when a ring is cut, which of its nodes are shown follows the store's order. With retracted entities
 * (or as of a change set) along retracted links of the allowed types too; as of a change set, a hop
 * keeps to the links and entities that stood then, and a centre that did not stand then has no members.
 */
export function neighborhoodUnit(plan: ReturnType<typeof planNeighborhood>, includeRetracted = false, asOf?: GraphAt): Unit<NeighborhoodResult> {
  const { id, depth, limit, types } = plan;
  const includeInferred = !plan.stated;
  return withPlan(plan, {
    name: asOf ? 'neighborhood.asOf' : 'neighborhood',
    includeRetracted,
    asOf,
    build(st) {
      const typeNames = param(st, types);
      const centre = nodeNamed(st, 'c');
      const calls = [
        !st.includeRetracted
          ? subquery([], new Cypher.OptionalMatch(new Cypher.Pattern(centre, { labels: ['Entity'], properties: { id: param(st, id) } })), new Cypher.Return(centre))
          : subquery([], liveOrRetracted(centre, param(st, id)), firstFound(centre), new Cypher.Return(st.asOf ? [ifStood(st, centre), centre] : centre)),
      ];
      const rings: Cypher.Variable[] = [];
      for (let hop = 1; hop <= depth; hop++) {
        const [next, from, other] = [variableNamed(st, 'ring'), nodeNamed(st, 'x'), nodeNamed(st, 'm')];
        const hopRel = new Cypher.NamedRelationship(st.variable('h'));
        // The next ring: nodes one allowed hop from the previous ring and not seen yet. The expansion
        // stops after limit + 1 nodes, so a hub of any degree costs the same.
        const step = st.includeRetracted
          ? new Cypher.Pattern(from).related(hopRel, { type: Cypher.labelExpr.or(...types, 'RETRACTED'), direction: 'undirected' }).where(Cypher.or(Cypher.not(hopRel.hasType('RETRACTED')), Cypher.in(hopRel.property('type'), typeNames))!).to(other, { labels: Cypher.labelExpr.or('Entity', 'Retracted') })
          : new Cypher.Pattern(from).related(hopRel, { type: Cypher.labelExpr.or(...types), direction: 'undirected' }).to(other, { labels: ['Entity'] });
        const seen = rings.reduce<Cypher.Expr>((all, ring) => Cypher.plus(all, ring), new Cypher.List([centre]));
        const condition = Cypher.and(Cypher.not(Cypher.in(other, seen)), includeInferred ? undefined : stated(hopRel), st.asOf ? stoodThenOf(st, hopRel.name, other) : undefined)!;
        const ring = hop === 1 ? new Cypher.List([centre]) : rings[hop - 2];
        calls.push(subquery('*', new Cypher.Unwind([ring, from]), new Cypher.Match(step).where(condition), new Cypher.With(other).distinct().limit(param(st, limit + 1)), new Cypher.Return([Cypher.collect(other), next])));
        rings.push(next);
      }
      // The nearest others (by ring, name and id), at most `limit`.
      const [all, hopIndex, other, members] = [variableNamed(st, 'rings'), variableNamed(st, 'hop'), nodeNamed(st, 'm'), variableNamed(st, 'members')];
      calls.push(
        subquery(
          '*',
          new Cypher.With([new Cypher.List(rings), all]),
          new Cypher.Unwind([Cypher.range(new Cypher.Literal(0), Cypher.minus(Cypher.size(all), new Cypher.Literal(1))), hopIndex]),
          new Cypher.Unwind([all.property(hopIndex), other]),
          new Cypher.With(other, hopIndex).orderBy([hopIndex, 'ASC'], [other.property('name'), 'ASC'], [other.property('id'), 'ASC']).limit(param(st, limit)),
          new Cypher.Return([Cypher.collect(other), members]),
        ),
      );
      const everyone = Cypher.plus(new Cypher.List([centre]), members);
      const [rel, nodesOut, edgesOut] = [new Cypher.NamedRelationship(st.variable('r')), st.variable('nodes'), st.variable('edges')];
      const edges = relationshipItem(st, rel.name, plan.links, plan.references);
      // A centre that did not stand then has no members (rings from null are empty).
      calls.push(membersProjected(st, st.asOf ? new Cypher.Case().when(Cypher.isNull(centre)).then(new Cypher.List([])).else(everyone) : everyone, plan.node, nodesOut));
      // The allowed relationships between two members, at most NEIGHBORHOOD_EDGE_CAP: an untyped
      // expand-into (from the lower-degree side, so a hub member does not expand its whole degree), the
      // types then checked. Typed, Neo4j read the hub's relationships of each type for every pair: at
      // 1M nodes a hub agency's 51 members cost 83,852 db hits (18.1 ms), untyped 16,227 (9.1 ms).
      const [a, b] = [nodeNamed(st, 'a'), nodeNamed(st, 'b')];
      const edgeCondition = Cypher.and(Cypher.in(typeOf(st, rel), typeNames), includeInferred ? undefined : stated(rel), st.asOf ? relationshipThen(st, rel.name) : undefined)!;
      calls.push(
        subquery(
          '*',
          new Cypher.Unwind([everyone, a]),
          new Cypher.Unwind([everyone, b]),
          new Cypher.Match(new Cypher.Pattern(a).related(rel).to(b)).where(edgeCondition),
          new Cypher.With(rel, a, b).orderBy([a.property('id'), 'ASC'], [Cypher.type(rel), 'ASC'], [b.property('id'), 'ASC']).limit(param(st, NEIGHBORHOOD_EDGE_CAP)),
          collected(edges, edgesOut),
        ),
      );
      const reach = st.variable('reach');
      const reached = rings.slice(1).reduce<Cypher.Expr>((sum, ring) => Cypher.plus(sum, Cypher.size(ring)), Cypher.size(rings[0]));
      return {
        calls,
        returns: [`${cypherText(Cypher.isNotNull(centre))} AS ${reach}_found`, `${cypherText(reached)} AS ${reach}`, nodesOut, edgesOut],
        decode: (row) => ({
          found: row[`${reach}_found`] as boolean,
          nodes: toEntities(row[nodesOut] as Rows),
          edges: (row[edgesOut] as Rows).map(toRelationship),
          truncated: (row[reach] as number) > limit,
        }),
      };
    },
  }, asOf);
}

/** How search pages are ordered, in their cursors: best score first, then id. */
export const SEARCH_ORDER = 'score:DESC';

export interface SearchEdge {
  cursor: string;
  score: number;
  node: Entity;
  highlight: string | null;
}

export interface SearchPage {
  edges: SearchEdge[];
  pageInfo: PageInfo;
  kinds: Array<{ kind: Kind; count: number }>;
}

/** Where a hit's words show: the first text of the node (name, aliases, description, quote) holding one, words in <em>. */
export function highlight(text: { name?: string; aliases?: string[]; description?: string; quote?: string }, words: string[]): string | null {
  // The words as typed, then their parts ("CAR-T" is indexed as "car" and "t"), longest first.
  const parts = words.flatMap((w) => [w, ...w.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= 3)]);
  const lowered = [...new Set(parts.map((w) => w.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!lowered.length) return null;
  const pattern = new RegExp(lowered.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  for (const field of [text.name, ...(text.aliases ?? []), text.description, text.quote]) {
    if (!field) continue;
    const match = new RegExp(pattern.source, 'i').exec(field);
    if (!match) continue;
    // About 160 characters around the first match.
    const start = Math.max(0, match.index - 60);
    const snippet = `${start > 0 ? '…' : ''}${field.slice(start, start + 160)}${start + 160 < field.length ? '…' : ''}`;
    return snippet.replace(pattern, (m) => `<em>${m}</em>`);
  }
  return null;
}

export function searchPageUnit(plan: Planned<'search'>, includeRetracted = false, asOf?: GraphAt): Unit<SearchPage> {
  if (!plan.page) throw new Error('A search page is planned with its page (planSearch with page)');
  const request = { ...plan, ...plan.page };
  const countKinds = plan.page.counts;
  return withPlan(plan, {
    name: asOf ? 'searchPage.asOf' : 'searchPage',
    includeRetracted,
    asOf,
    build(st) {
      const [node, score] = [nodeNamed(st, 'n'), variableNamed(st, 'score')];
      const out = st.variable('hits');
      const [text, scan] = [param(st, request.lucene), param(st, request.scan)];
      const projection = projectedThen(st, node, plan.node);
      const kindsAsked = request.kinds.length ? Cypher.in(kindOfExpr(st, node), param(st, request.kinds)) : undefined;
      // Past a search cursor: a lower score, or the same score and a greater id.
      const after = request.after
        ? (() => {
            const value = param(st, request.after.score);
            return Cypher.or(Cypher.lt(score, value), Cypher.and(Cypher.eq(score, value), Cypher.gt(node.property('id'), param(st, request.after.id))));
          })()
        : undefined;
      // One page among the best `scan` hits, best first; the node's text is read for the highlight.
      const view = projection.view;
      const hit = new Cypher.Map({
        score,
        node: written(projection.item),
        text: new Cypher.Map({ name: view.property('name'), aliases: view.property('aliases'), description: view.property('description'), quote: view.property('sourceQuote') }),
      });
      const calls = [
        subquery(
          [],
          ...hitsWhere(st, fullText(st, 'entity_search_full', text, scan, node, score), node, score, Cypher.and(kindsAsked, projection.stood, after)),
          bestFirst(node, score, param(st, request.first + 1)),
          collected(projection, out, hit),
        ),
      ];
      const returns = [out];
      const kinds = st.variable('kinds');
      if (countKinds) {
        // How many of the best `scan` hits are of each kind, most first (a retracted one under the kind
        // it keeps; as of a change set, those that stood then).
        const counted = nodeNamed(st, 'n');
        const [kind, count] = [new Cypher.NamedVariable('kind'), new Cypher.NamedVariable('count')];
        calls.push(
          subquery(
            [],
            ...hitsWhere(st, fullText(st, 'entity_search_full', text, scan, counted), counted, undefined, st.asOf ? stoodThenOf(st, undefined, counted) : undefined),
            new Cypher.With([kindOfExpr(st, counted), kind], [Cypher.count(new Cypher.Raw('*')), count]).orderBy([count, 'DESC'], [kind, 'ASC']),
            new Cypher.Return([Cypher.collect(new Cypher.Map({ kind, count })), new Cypher.NamedVariable(kinds)]),
          ),
        );
        returns.push(kinds);
      }
      return {
        calls,
        returns,
        decode(row) {
          const rows = row[out] as Rows;
          return {
            ...connectionOf(rows, request.first, request.after !== undefined, (r) => {
              const node = toEntity(r.node as Record<string, unknown>)!;
              const score = r.score as number;
              return { cursor: encodeCursor(SEARCH_ORDER, { value: score, id: node.id }), score, node, highlight: highlight(r.text as Parameters<typeof highlight>[0], request.words) };
            }),
            kinds: countKinds ? (row[kinds] as Array<{ kind: Kind; count: number }>) : [],
          };
        },
      };
    },
  }, asOf);
}
