/**
 * The read plan: a list question as a typed tree, built and checked before any Cypher exists.
 *
 *   request (resolvers/pagination.ts) → planList (lists.ts) → ListPlan → renderList (lists.ts) → Cypher
 *                                        planWhere (where.ts) → Predicate → renderPredicate (predicate.ts)
 *
 * Every refusal a user can meet (a filter the kind lacks, a cursor of another order, a where too deep,
 * a facet key the kind lacks, what a read as of a past change set cannot answer) is raised while
 * planning, with its code; rendering only writes Cypher. tests/tck pins each plan beside its Cypher.
 */
import type { FacetPlan } from './aggregate.js';
import type { Position } from './cursor.js';
import type { Kind, RelType, SortKey } from '../model.js';
import type { Selection } from './statement.js';

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
   * The named node, along its relationship. `hub`: the page (one key, name ascending) may instead be
   * read from the kind's name index when the node has many relationships (read.listVia).
   */
  | { from: 'node'; via: Via; hub: boolean }
  /** The kind as it stood at change set `seq`: today's nodes less those changed since, plus their states then. */
  | { from: 'asOf'; seq: number; changed: string[]; states: Array<Record<string, unknown>> };

export type SortKeys = Array<{ key: SortKey; direction: 'ASC' | 'DESC' }>;

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
  /** What is selected on each node (projection.ts renders it, relationship fields included). */
  node?: Selection;
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

function describeAnchor(anchor: Anchor): string {
  switch (anchor.from) {
    case 'kind':
    case 'kindWithRetracted':
      return anchor.from;
    case 'asOf':
      return `asOf change set ${anchor.seq} (${anchor.changed.length} changed since, ${anchor.states.length} states then)`;
    case 'node': {
      const { via } = anchor;
      const named = `(${via.label ? `:${via.label} ` : ''}{${via.by}: ${show(via.value)}})`;
      const path = via.end === 'from' ? `${named}-[${via.type}]->node` : `node-[${via.type}]->${named}`;
      return `${path}${anchor.hub ? ', from the name index when a hub' : ''}`;
    }
  }
}

/** The fields a selection asks, nested, e.g. `id name targets { name }`. */
export function describeSelection(selection: Selection | undefined): string {
  const fields = Object.values(selection?.fieldsByTypeName ?? {}).flatMap((byAlias) => Object.values(byAlias));
  return fields
    .map((f) => {
      const name = f.alias === f.name ? f.name : `${f.alias}: ${f.name}`;
      const args = Object.keys(f.args).length ? `(${Object.entries(f.args).map(([k, v]) => `${k}: ${show(v)}`).join(', ')})` : '';
      const inner = describeSelection(f);
      return `${name}${args}${inner ? ` { ${inner} }` : ''}`;
    })
    .join(' ');
}

/** A list plan, one line per part. */
export function describeList(plan: ListPlan): string[] {
  const lines = [
    `list ${plan.kind}`,
    `  anchor: ${describeAnchor(plan.anchor)}`,
    `  where: ${plan.predicates.length ? plan.predicates.map(describePredicate).join(' AND ') : 'true'}`,
    `  order: ${plan.order.map((k) => `${k.key} ${k.direction}`).join(', ')}, id`,
    `  page: first ${plan.page.first}${plan.page.after ? `, after ${show([plan.page.after.value, plan.page.after.id])}` : ''}`,
    `  node: ${describeSelection(plan.node) || '(nothing)'}`,
  ];
  if (plan.totalCount) lines.push(`  totalCount: ${plan.totalCount === 'degree' ? "the named node's degree" : 'count the matches'}`);
  if (plan.aggregate) lines.push('  aggregate');
  for (const facet of plan.facets) {
    const keys = facet.by.map(({ key, reads }) => ('property' in reads ? `${key} (.${reads.property})` : `${key} (${reads.direction === 'OUT' ? '-' : '<-'}[${reads.type}]${reads.direction === 'OUT' ? '->' : '-'}${reads.label})`));
    lines.push(`  facets ${facet.alias}: ${keys.join(' × ')}, first ${facet.first}`);
  }
  return lines;
}
