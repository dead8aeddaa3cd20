/**
 * What a list connection can say about all its matches at once: `aggregate` (count, date, year and
 * value ranges) and `facets` (counts grouped by one or two keys: a property such as year or metric,
 * or a related node such as the target, sponsor, agency or a cited reference). Both run over the
 * list's anchor and conditions, in the list's own statement, only when selected, written with
 * @neo4j/cypher-builder. Each reads at most GRAPHQL_MAX_GROUPED + 1 matches and says `over` when it
 * read that many: the API then refuses the answer (QUERY_TOO_COMPLEX) rather than scan a kind of a
 * million for seconds or answer from part of it.
 */
import { badUserInput } from '../../errors.js';
import { FACET_KEYS, FACET_PROPERTIES, FACET_RELATIONS, FIELDS, RELATION_FIELDS, type FacetKey, type Kind, type RelType } from '../model.js';
import Cypher from '@neo4j/cypher-builder';
import type { Selection, Statement } from './statement.js';
import { relatedPattern, stoodThen, viewThen } from './patterns.js';
import { matchWritten, nodeNamed, param, subquery, variableNamed, written, type Node } from './builder.js';

/** What a facet key reads on a kind: a property, or the node at the end of a typed relationship. */
export type KeySpec = { property: string; flag?: boolean } | { type: RelType; direction: 'OUT' | 'IN'; label: Kind };

/** The key's meaning for a kind, or a coded error naming the keys that kind has. */
export function facetKeyFor(kind: Kind, key: FacetKey): KeySpec {
  const property = FACET_PROPERTIES[key];
  if (property && (FIELDS[kind][property] || property === 'year' && FIELDS[kind].date)) {
    return { property, flag: FIELDS[kind][property] === 'Boolean' };
  }
  if (key === 'REFERENCE') return { type: 'CITES', direction: 'OUT', label: 'Reference' };
  const field = FACET_RELATIONS[key]?.[kind];
  if (field) {
    const { type, direction, to } = RELATION_FIELDS[kind]![field];
    return { type, direction, label: to as Kind };
  }
  const valid = FACET_KEYS.filter((k) => k !== key && facetApplies(kind, k));
  throw badUserInput(`facets: ${key} does not apply to ${kind}; it can group by ${valid.join(', ')}`, 'by');
}

function facetApplies(kind: Kind, key: FacetKey): boolean {
  const property = FACET_PROPERTIES[key];
  if (property) return Boolean(FIELDS[kind][property] || (property === 'year' && FIELDS[kind].date));
  return key === 'REFERENCE' || Boolean(FACET_RELATIONS[key]?.[kind]);
}

/** Where a list's matches come from: the clauses that yield them, one per row, in `node`. */
export interface Scan {
  node: Node;
  /** MATCH the anchor WHERE the conditions; as of a change set, a subquery yielding `node` (each match's state then) and `stored`. */
  matches: Cypher.Clause;
  /** The anchor may reach a node twice (a start by name): matches are read DISTINCT. */
  distinct: boolean;
  /** What the aggregate's subquery imports: nothing for a list, the parent node for a relationship connection. */
  imports: Cypher.Variable[];
  /** As of a change set, each match's stored entity, where a related node key starts. */
  stored?: Node;
}

/** The `facets` fields selected on a connection, by response key (each alias has its own keys). */
export function facetFields(selection: Selection): Array<[string, Selection]> {
  return Object.values(selection.fieldsByTypeName)
    .flatMap((fields) => Object.entries(fields))
    .filter(([, field]) => field.name === 'facets');
}

/** Most matches an aggregate or facet reads by default (GRAPHQL_MAX_GROUPED). */
export const MAX_GROUPED = 100_000;

/** How many matches an aggregate or facet reads: one more than it may group, to know when there are more. */
const readAtMost = (st: Statement) => param(st, (st.limits.maxGrouped ?? MAX_GROUPED) + 1);

/** The matches, at most `scanned` of them (DISTINCT when the anchor may repeat one). */
function bounded(scan: Scan, scanned: Cypher.Param): Cypher.Clause {
  const kept = new Cypher.With(scan.node, ...(scan.stored ? [scan.stored] : [])).limit(scanned);
  return Cypher.utils.concat(scan.matches, scan.distinct ? kept.distinct() : kept);
}

/** Count and the ranges of the dates, years and values of the matches; `over` when it read as many as it may. */
export function aggregateCall(st: Statement, scan: Scan, out: string): string {
  const scanned = readAtMost(st);
  const n = scan.node;
  const stats = new Cypher.Map({
    over: Cypher.eq(Cypher.count(n), scanned),
    count: Cypher.count(n),
    minDate: Cypher.min(n.property('date')),
    maxDate: Cypher.max(n.property('date')),
    minYear: Cypher.min(n.property('year')),
    maxYear: Cypher.max(n.property('year')),
    minValue: Cypher.min(n.property('value')),
    maxValue: Cypher.max(n.property('value')),
  });
  // Only what the stats read leaves the bound: as of then, the stored entity is not needed.
  const matches = scan.stored ? Cypher.utils.concat(scan.matches, new Cypher.With(n).limit(scanned)) : bounded(scan, scanned);
  return subquery(scan.imports, matches, new Cypher.Return([stats, new Cypher.NamedVariable(out)]));
}

/** Groups of facet buckets: at most this many per facet. */
export const MAX_FACET_BUCKETS = 100;

/** One `facets` field as planned: what each key reads, and how many buckets. */
export interface FacetPlan {
  /** Its response key. */
  alias: string;
  by: Array<{ key: FacetKey; reads: KeySpec }>;
  first: number;
}

/** A `facets` field of a list of `kind`, checked: one or two keys the kind has, 1..MAX_FACET_BUCKETS buckets. */
export function planFacet(kind: Kind, alias: string, field: Selection): FacetPlan {
  const by = field.args.by as FacetKey[];
  const first = Number(field.args.first ?? 20);
  if (by.length < 1 || by.length > 2) throw badUserInput(`facets: "by" takes one or two keys; got ${by.length}`, 'by');
  if (!Number.isInteger(first) || first < 1 || first > MAX_FACET_BUCKETS) {
    throw badUserInput(`facets: "first" must be between 1 and ${MAX_FACET_BUCKETS}; got ${first}`, 'first');
  }
  return { alias, by: by.map((key) => ({ key, reads: facetKeyFor(kind, key) })), first };
}

/** Every `facets` field of a connection's selection, planned. */
export function planFacets(kind: Kind, selection: Selection): FacetPlan[] {
  return facetFields(selection).map(([alias, field]) => planFacet(kind, alias, field));
}

/** A facet key as read for each match: the clause that binds it, how it is returned, what breaks ties in its order. */
interface FacetKeyRead {
  variable: Cypher.Variable;
  clause: Cypher.Clause;
  value: Cypher.Expr;
  order: Cypher.Expr;
}

/**
 * A related node as a facet key as of a change set (Statement.asOf): along the links that stood then
 * from the stored entity, the node read through its state then.
 */
function keyAsOf(st: Statement, stored: Node, spec: Extract<KeySpec, { type: RelType }>, key: Cypher.Variable): Cypher.Clause {
  const [rel, found] = [st.variable('r'), nodeNamed(st, 'f')];
  const pattern = relatedPattern(st, stored.name, { type: spec.type, direction: spec.direction, to: spec.label, description: '' }, rel, found.name);
  const view = new Cypher.Case().when(Cypher.isNull(found)).then(Cypher.Null).else(written(viewThen(st, found.name)));
  return Cypher.utils.concat(matchWritten(pattern, written(stoodThen(st, rel, found.name)), true), new Cypher.With('*', [view, key]));
}

/** One key of a facet as each match reads it: a property (a flag read false when left out), or a related node. */
function facetKey(st: Statement, scan: Scan, spec: KeySpec): FacetKeyRead {
  const n = scan.node;
  if ('property' in spec) {
    const key = variableNamed(st, 'k');
    const value = spec.flag ? Cypher.coalesce(n.property(spec.property), new Cypher.Literal(false)) : n.property(spec.property);
    return { variable: key, clause: new Cypher.With('*', [value, key]), value: new Cypher.Map({ value: Cypher.toString(key), id: Cypher.Null }), order: key };
  }
  const key = nodeNamed(st, 'k');
  const clause = scan.stored
    ? keyAsOf(st, scan.stored, spec, key)
    : new Cypher.OptionalMatch(new Cypher.Pattern(n).related({ type: spec.type, direction: spec.direction === 'OUT' ? 'right' : 'left' }).to(key, { labels: [spec.label] }));
  // A reference by its number, any other node by its name; and its id.
  return { variable: key, clause, value: new Cypher.Map({ value: Cypher.toString(Cypher.coalesce(key.property('number'), key.property('name'))), id: key.property('id') }), order: key.property('id') };
}

/**
 * Counts of the matches grouped by one or two keys, largest first, at most `first` groups. Keys are
 * grouped as read (a property's value, or the related node itself) and rendered after counting; the
 * matches are collected first so `over` can say whether the bound was reached.
 */
export function facetsCall(st: Statement, scan: Scan, facet: FacetPlan, out: string): string {
  const keys = facet.by.map(({ reads }) => facetKey(st, scan, reads));
  const scanned = readAtMost(st);
  const [matched, total, count] = [variableNamed(st, 'matched'), variableNamed(st, 'scanned'), new Cypher.NamedVariable('count')];
  const n = scan.node;
  let unwound: Cypher.Clause[];
  if (scan.stored) {
    // As of a change set each match is a state then and its stored entity: both travel together.
    const pair = variableNamed(st, 'pair');
    unwound = [
      new Cypher.With([Cypher.collect(new Cypher.Map({ view: n, stored: scan.stored })), matched]),
      new Cypher.Unwind([matched, pair]),
      new Cypher.With([pair.property('view'), n], [pair.property('stored'), scan.stored], matched),
    ];
  } else unwound = [new Cypher.With([Cypher.collect(n), matched]), new Cypher.Unwind([matched, n])];
  const grouped = new Cypher.With(...keys.map((k) => k.variable), [Cypher.size(matched), total], [Cypher.count(scan.stored ? n.property('id') : n).distinct(), count])
    .orderBy([count, 'DESC'], ...keys.map((k): [Cypher.Expr, 'ASC'] => [k.order, 'ASC']))
    .limit(param(st, facet.first));
  const answer = new Cypher.Map({
    over: Cypher.coalesce(Cypher.eq(Cypher.max(total), scanned), new Cypher.Literal(false)),
    buckets: Cypher.collect(new Cypher.Map({ keys: new Cypher.List(keys.map((k) => k.value)), count })),
  });
  return subquery(scan.imports, bounded(scan, scanned), ...unwound, ...keys.map((k) => k.clause), grouped, new Cypher.Return([answer, new Cypher.NamedVariable(out)]));
}
