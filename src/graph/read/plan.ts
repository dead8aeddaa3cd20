/**
 * The read plan: a question as a typed tree, built and checked before any Cypher exists.
 *
 *   request (resolvers/pagination.ts) → planList (lists.ts) → ListPlan → renderList (lists.ts, render.ts) → Cypher
 *     below each node:                   planNode (projection.ts) → NodePlan → renderNode (projection.ts)
 *     each condition:                    planWhere (where.ts) → Predicate → renderPredicate (predicate.ts)
 *   a root question other than a list:   planSearch, planPath, … (questions.ts) → QuestionPlan → its unit (questions.ts)
 *
 * Every refusal a user can meet (a filter the kind lacks, a cursor of another order, a where too deep,
 * a facet key the kind lacks, hops, depth or a page past their bounds, what a read as of a past change
 * set cannot answer) is raised while planning, with its code; rendering only writes Cypher, with
 * @neo4j/cypher-builder. tests/tck pins each plan beside its Cypher.
 */
import type { FacetPlan } from './aggregate.js';
import type { Position } from './cursor.js';
import type { DerivedField, Kind, RelationSpec, RelType, SortKey } from '../model.js';

export type CompareOp = 'eq' | 'in' | 'contains' | 'startsWith' | 'endsWith' | 'lt' | 'lte' | 'gt' | 'gte';
export type Quantifier = 'some' | 'none' | 'all' | 'single';

/** A condition on one node (predicate.ts writes each form's Cypher with @neo4j/cypher-builder). */
export type Predicate =
  /** `node.property <op> value`; `flag`: a boolean the seeds leave out when false. */
  | { is: 'compare'; property: string; op: CompareOp | 'flag'; value: unknown }
  /** A typed list filter on the node's own fields (`nameContains`, `yearFrom`, ...). */
  | { is: 'filter'; name: string; value: unknown }
  /** A relationship of `type` between the node and the node with id `id`, which is at `end` of it. */
  | { is: 'related'; type: RelType; end: 'from' | 'to'; id: unknown }
  /** The node's provenance cites this reference number. */
  | { is: 'cites'; number: unknown }
  /** The conditions of one where object: all hold (none: true). */
  | { is: 'all'; parts: Predicate[] }
  /** A where's `AND: [...]` or `OR: [...]`. */
  | { is: 'and' | 'or'; parts: Predicate[] }
  | { is: 'not'; part: Predicate }
  /** `some`/`none`/`all`/`single` of the nodes of kind `to` along a relationship meet `where`. */
  | { is: 'quantified'; quantifier: Quantifier; type: RelType; direction: 'OUT' | 'IN'; to: Kind; where: Predicate };

/** A node a list starts from, named by a filter (by id) or by a where (by id, or by name). */
export interface Via {
  type: RelType;
  /** Which end of the relationship the named node is. */
  end: 'from' | 'to';
  by: 'id' | 'name';
  /** The named node's kind (a where names it through a relationship field of known kind). */
  label?: Kind;
  value: string;
}

/** Where a list's matches come from. One place chooses it: planList. */
export type Anchor =
  /** Every node of the kind (its label scan, or the index of the first sort key). */
  | { from: 'kind' }
  /** Every node of the kind and every retracted one of it (`includeRetracted`). */
  | { from: 'kindWithRetracted' }
  /**
   * The named node, along its relationship. `hub`: the page (one key ascending: the name, or a date
   * every node of the kind has) may instead be read from the kind's index on that key when the node has
   * many relationships (render.ts hubPage).
   */
  | { from: 'node'; via: Via; hub: boolean }
  /** The kind as it stood at change set `seq`: today's nodes less those changed since, plus their states then. */
  | { from: 'asOf'; seq: number; changed: string[]; states: Array<Record<string, unknown>> }
  /** The named node (by id) as it stood at change set `seq`, along its links that stood then (Statement.asOf). */
  | { from: 'nodeAsOf'; via: Via; seq: number };

export type SortKeys = Array<{ key: SortKey; direction: 'ASC' | 'DESC' }>;

/** What is read of a node (projection.ts): properties, a relation operation per relationship field, sources. */
export interface NodePlan {
  /** The kinds it may be (more than one under an interface); relation operations are per kind. */
  kinds: readonly Kind[];
  /** Own properties selected, besides the id and name every projection carries. */
  properties: string[];
  relations: RelationPlan[];
  /** `sources` selected; with `reference`, the references the provenance cites. */
  sources?: { reference?: NodePlan };
}

/** A relationship field below a node of `kind`, under its response key `key` (`Kind.alias`). */
export type RelationPlan = { kind: Kind; key: string } & (
  /** A list field (`targets`): one page, ordered by the other end's index, `first` inside Cypher. */
  | { is: 'list'; spec: RelationSpec; first: number; node: NodePlan }
  /** A connection (`targetsConnection`): a page past a cursor by name, where (or kinds), extras. */
  | {
      is: 'connection';
      spec: RelationSpec;
      first: number;
      after?: Position;
      where?: Predicate;
      kinds?: string[];
      node: NodePlan;
      /** `edges { sources { reference } }`: the references of each relationship's provenance. */
      reference?: NodePlan;
      totalCount: boolean;
      aggregate: boolean;
      facets: FacetPlan[];
    }
  /** A derived list (reforms preceding an approval, a statistic's siblings); `parent` for a lag's own end. */
  | { is: 'derived'; derived: DerivedField; first: number; node: NodePlan; parent?: NodePlan }
);

/** One page of a kind's list with what its connection asks beside the page. */
export interface ListPlan {
  kind: Kind;
  anchor: Anchor;
  /** Conditions on every match besides the anchor: filters, then the where. */
  predicates: Predicate[];
  /** The sort keys in order; the id breaks ties. */
  order: SortKeys;
  /** Page size and where it starts; `cursorOrder` is the order a cursor is made for (`name:ASC`). */
  page: { first: number; after?: Position; cursorOrder: string };
  /** What is read of each node (projection.ts renders it, relationship fields included). */
  node: NodePlan;
  /**
   * `totalCount`: `degree` when the count is the named node's degree (nothing else narrows it),
   * `matches` when the matches are counted, or not asked.
   */
  totalCount?: 'degree' | 'matches';
  aggregate: boolean;
  facets: FacetPlan[];
}

// ---------------------------------------------------------------------------------------------
// The plan as text: what tests/tck pins above each statement's Cypher.

const show = (value: unknown) => JSON.stringify(value);

/** A predicate in one line, e.g. `year gte 2023 AND some TARGETS-> Target (name eq "BCMA")`. */
export function describePredicate(p: Predicate): string {
  switch (p.is) {
    case 'compare':
      return `${p.property} ${p.op} ${show(p.value)}`;
    case 'filter':
      return `filter ${p.name} ${show(p.value)}`;
    case 'related':
      return p.end === 'from' ? `({id: ${show(p.id)}})-[${p.type}]->node` : `node-[${p.type}]->({id: ${show(p.id)}})`;
    case 'cites':
      return `cites ${show(p.number)}`;
    case 'all':
      return p.parts.length ? p.parts.map(describePredicate).join(' AND ') : 'true';
    case 'and':
    case 'or':
      return `${p.is.toUpperCase()}(${p.parts.map(describePredicate).join('; ')})`;
    case 'not':
      return `NOT(${describePredicate(p.part)})`;
    case 'quantified':
      return `${p.quantifier} ${p.direction === 'OUT' ? `-[${p.type}]->` : `<-[${p.type}]-`}${p.to} (${describePredicate(p.where)})`;
  }
}

/** Whether a predicate follows a relationship (a read as of a change set tests own fields only, in its where). */
export function followsLinks(p: Predicate): boolean {
  switch (p.is) {
    case 'related':
    case 'quantified':
      return true;
    case 'all':
    case 'and':
    case 'or':
      return p.parts.some(followsLinks);
    case 'not':
      return followsLinks(p.part);
    default:
      return false;
  }
}

function describeAnchor(anchor: Anchor): string {
  switch (anchor.from) {
    case 'kind':
    case 'kindWithRetracted':
      return anchor.from;
    case 'asOf':
      return `asOf change set ${anchor.seq} (${anchor.changed.length} changed since, ${anchor.states.length} states then)`;
    case 'node':
    case 'nodeAsOf': {
      const { via } = anchor;
      const named = `(${via.label ? `:${via.label} ` : ''}{${via.by}: ${show(via.value)}})`;
      const path = via.end === 'from' ? `${named}-[${via.type}]->node` : `node-[${via.type}]->${named}`;
      if (anchor.from === 'nodeAsOf') return `${path}, as it stood at change set ${anchor.seq}`;
      return `${path}${anchor.hub ? ", from the index of the order's key when a hub" : ''}`;
    }
  }
}

const pageOf = (first: number, after?: Position) => `first ${first}${after ? `, after ${show([after.value, after.id])}` : ''}`;

/** What a node plan reads, nested, e.g. `id name targets(first 20) { name }`. */
export function describeNode(plan: NodePlan): string {
  const parts = [...plan.properties];
  for (const r of plan.relations) {
    // Under an interface the kind says whose field it is (`Product.targets`).
    const name = plan.kinds.length > 1 ? r.key.replace(/`/g, '') : r.key.replace(/`/g, '').split('.')[1];
    if (r.is === 'list') parts.push(`${name}(${pageOf(r.first)}) { ${describeNode(r.node) || 'id name'} }`);
    else if (r.is === 'derived') parts.push(`${name}(derived ${r.derived}, ${pageOf(r.first)}) { ${describeNode(r.node) || 'id name'} }`);
    else {
      const args = [pageOf(r.first, r.after), r.where && r.where.is === 'all' && !r.where.parts.length ? '' : r.where ? `where ${describePredicate(r.where)}` : '', r.kinds ? `kinds ${show(r.kinds)}` : '']
        .filter(Boolean)
        .join(', ');
      const extras = [r.totalCount ? 'totalCount' : '', r.aggregate ? 'aggregate' : '', ...r.facets.map((f) => `facets ${f.by.map((b) => b.key).join(' × ')}`)].filter(Boolean);
      parts.push(`${name}(${args}) { ${[`node { ${describeNode(r.node) || 'id name'} }`, ...(r.reference ? [`reference { ${describeNode(r.reference) || 'id name'} }`] : []), ...extras].join(' ')} }`);
    }
  }
  if (plan.sources) parts.push(plan.sources.reference ? `sources { reference { ${describeNode(plan.sources.reference) || 'id name'} } }` : 'sources');
  return parts.join(' ');
}

/** A list plan, one line per part. */
export function describeList(plan: ListPlan): string[] {
  const lines = [
    `list ${plan.kind}`,
    `  anchor: ${describeAnchor(plan.anchor)}`,
    `  where: ${plan.predicates.length ? plan.predicates.map(describePredicate).join(' AND ') : 'true'}`,
    `  order: ${plan.order.map((k) => `${k.key} ${k.direction}`).join(', ')}, id`,
    `  page: ${pageOf(plan.page.first, plan.page.after)}`,
    `  node: ${describeNode(plan.node) || '(id and name)'}`,
  ];
  if (plan.totalCount) lines.push(`  totalCount: ${plan.totalCount === 'degree' ? "the named node's degree" : 'count the matches'}`);
  if (plan.aggregate) lines.push('  aggregate');
  for (const facet of plan.facets) {
    const keys = facet.by.map(({ key, reads }) => ('property' in reads ? `${key} (.${reads.property})` : `${key} (${reads.direction === 'OUT' ? '-' : '<-'}[${reads.type}]${reads.direction === 'OUT' ? '->' : '-'}${reads.label})`));
    lines.push(`  facets ${facet.alias}: ${keys.join(' × ')}, first ${facet.first}`);
  }
  return lines;
}

/**
 * A root question other than a list (questions.ts), its arguments checked while planning (page sizes,
 * hops, depth, limits, cursors), with what it reads of the entities it returns.
 */
export type QuestionPlan =
  /** Entities by id, in the order asked. */
  | { question: 'nodes'; ids: string[]; node: NodePlan }
  /** The best hits of the full-text index, filtered by kind; a page of them after a cursor, with the counts per kind. */
  | { question: 'search'; lucene: string; kinds: Kind[]; first: number; scan: number; page?: { words: string[]; after?: { score: number; id: string }; counts: boolean }; node: NodePlan }
  /** Dated entities of some kinds between two days, in date order. */
  | { question: 'timeline'; kinds: Kind[]; from: string; to: string; first: number; node: NodePlan }
  /** The checker's findings, by id. */
  | { question: 'findings'; first: number; node: NodePlan }
  /** Reforms before a product's approval, or approvals after a reform, for one entity by id. */
  | { question: 'lags'; derived: 'preceding' | 'following'; id: string }
  /** A shortest path between two entities by id, along the allowed types (stated ones only, unless inferred ones are included). */
  | { question: 'path'; from: string; to: string; maxHops: number; types: RelType[]; stated: boolean; node: NodePlan; links: LinkPlan }
  /** An entity and the nearest others within `depth` hops, at most `limit`, with the relationships among them. */
  | { question: 'neighborhood'; id: string; depth: number; limit: number; types: RelType[]; stated: boolean; node: NodePlan; links: LinkPlan };

/**
 * What is read of each relationship of a path or a neighbourhood: its type and ends always; its
 * properties (provenance among them) only when `properties`, `sources` or `retracted` is selected.
 * A drawing asks for ends alone, and at 1M nodes a hub's neighbourhood has ~50 links to unpack.
 */
export interface LinkPlan {
  properties: boolean;
}

/** A root question's plan as the tck pins print it. */
export function describeQuestion(plan: QuestionPlan): string[] {
  const node = (n: NodePlan) => `  node: ${describeNode(n) || '(id and name)'}`;
  const types = (t: RelType[]) => (t.length > 8 ? `${t.length} types` : t.join('|'));
  const links = (l: LinkPlan) => `  links: type and ends${l.properties ? ', properties and sources' : ''}`;
  switch (plan.question) {
    case 'nodes':
      return [`nodes ${JSON.stringify(plan.ids)}`, node(plan.node)];
    case 'search': {
      const lines = [`search ${JSON.stringify(plan.lucene)}${plan.kinds.length ? ` of ${plan.kinds.join(', ')}` : ''}, first ${plan.first} of the best ${plan.scan}`];
      if (plan.page) lines.push(`  page: ${plan.page.after ? `after ${JSON.stringify([plan.page.after.score, plan.page.after.id])}` : 'the first'}${plan.page.counts ? ', with the counts per kind' : ''}`);
      return [...lines, node(plan.node)];
    }
    case 'timeline':
      return [`timeline of ${plan.kinds.join(', ')} from ${plan.from} to ${plan.to}, first ${plan.first}`, node(plan.node)];
    case 'findings':
      return [`findings, first ${plan.first}`, node(plan.node)];
    case 'lags':
      return [`${plan.derived === 'preceding' ? 'reforms preceding' : 'approvals following'} ${JSON.stringify(plan.id)}`];
    case 'path':
      return [`path ${JSON.stringify(plan.from)} to ${JSON.stringify(plan.to)}, at most ${plan.maxHops} hops along ${types(plan.types)}${plan.stated ? ', stated only' : ''}`, node(plan.node), links(plan.links)];
    case 'neighborhood':
      return [`neighbourhood of ${JSON.stringify(plan.id)}, depth ${plan.depth}, at most ${plan.limit} along ${types(plan.types)}${plan.stated ? ', stated only' : ''}`, node(plan.node), links(plan.links)];
  }
}
