/**
 * What a list connection can say about all its matches at once: `aggregate` (count, date, year and
 * value ranges) and `facets` (counts grouped by one or two keys: a property such as year or metric,
 * or a related node such as the target, sponsor, agency or a cited reference). Both run over the
 * list's anchor and conditions, in the list's own statement.
 */
import { badUserInput } from '../../errors.js';
import { FACET_KEYS, FACET_PROPERTIES, FACET_RELATIONS, FIELDS, RELATION_FIELDS, type FacetKey, type Kind, type RelType } from '../model.js';
import { compose } from '../queries.js';
import type { Selection, Statement } from './statement.js';
import { relatedPattern, stoodThen, viewThen } from './patterns.js';

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

/** Where a list's matches come from: its MATCH pattern, its conditions, and the node variable. */
export interface Scan {
  node: string;
  anchor: string;
  where: string;
  /** "DISTINCT " when the anchor may reach a node twice (a start by name), else "". */
  distinct: string;
  /** The variable the anchor starts from, for a relationship connection (its parent node); else "". */
  imports: string;
  /**
   * As of a past change set: a subquery yielding each match's state then in `node` and its stored
   * entity in `stored` (the anchor and conditions are in it); aggregate.statsAsOf, aggregate.facetsAsOf.
   */
  asOf?: { source: string; stored: string };
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
const readAtMost = (st: Statement) => st.param((st.limits.maxGrouped ?? MAX_GROUPED) + 1);

export function aggregateCall(st: Statement, scan: Scan, out: string): string {
  if (scan.asOf) return compose('aggregate.statsAsOf', { node: scan.node, out }, { imports: scan.imports, source: scan.asOf.source, scan: readAtMost(st) });
  return compose('aggregate.stats', { node: scan.node, out }, { anchor: scan.anchor, where: scan.where, distinct: scan.distinct, imports: scan.imports, scan: readAtMost(st) });
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

/** A related node as a facet key as of a change set (Statement.asOf): along the links that stood then, through its state then. */
function keyAsOf(st: Statement, stored: string, spec: Extract<KeySpec, { type: RelType }>, key: string): string {
  const [rel, found] = [st.variable('r'), st.variable('f')];
  const pattern = relatedPattern(st, stored, { type: spec.type, direction: spec.direction, to: spec.label, description: '' }, rel, found);
  return compose('aggregate.keyAsOf', { found, key }, { pattern, then: stoodThen(st, rel, found), view: viewThen(st, found) });
}

export function facetsCall(st: Statement, scan: Scan, facet: FacetPlan, out: string): string {
  const keys = facet.by.map(({ reads: spec }) => {
    const variable = st.variable('k');
    if ('property' in spec) {
      return {
        variable,
        clause: compose(spec.flag ? 'aggregate.key.flag' : 'aggregate.key.property', { node: scan.node, property: spec.property, key: variable }),
        value: compose('aggregate.value.property', { key: variable }),
        order: variable,
      };
    }
    return {
      variable,
      clause: scan.asOf ? keyAsOf(st, scan.asOf.stored, spec, variable) : compose(`aggregate.key.${spec.direction}`, { node: scan.node, type: spec.type, label: spec.label, key: variable }),
      value: compose('aggregate.value.node', { key: variable }),
      order: `${variable}.id`,
    };
  });
  // How the matches are grouped, counted and cut, whatever they come from.
  const grouped = {
    keys: keys.map((k) => k.clause).join('\n'),
    grouping: keys.map((k) => k.variable).join(', '),
    tiebreak: keys.map((k) => k.order).join(', '),
    values: keys.map((k) => k.value).join(', '),
    limit: st.param(facet.first),
    scan: readAtMost(st),
  };
  if (scan.asOf) {
    const names = { node: scan.node, stored: scan.asOf.stored, out, matched: st.variable('matched'), pair: st.variable('pair'), scanned: st.variable('scanned') };
    return compose('aggregate.facetsAsOf', names, { imports: scan.imports, source: scan.asOf.source, ...grouped });
  }
  const names = { node: scan.node, out, matched: st.variable('matched'), scanned: st.variable('scanned') };
  return compose('aggregate.facets', names, { imports: scan.imports, anchor: scan.anchor, where: scan.where, distinct: scan.distinct, ...grouped });
}
