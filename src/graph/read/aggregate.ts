/**
 * What a list connection can say about all its matches at once: `aggregate` (count, date, year and
 * value ranges) and `facets` (counts grouped by one or two keys: a property such as year or metric,
 * or a related node such as the target, sponsor, agency or a cited reference). Both run over the
 * list's anchor and conditions, in the list's own statement.
 */
import { badUserInput } from '../../errors.js';
import type { Kind, RelType } from '../model.js';
import { compose } from '../queries.js';
import type { Selection, Statement } from './statement.js';
import { WHERE_FIELDS } from './where.js';

/** Keys a facet can group by. Values are the GraphQL enum's. */
export const FACET_KEYS = ['YEAR', 'DATE', 'TARGET', 'SPONSOR', 'AGENCY', 'REFERENCE', 'METRIC', 'UNIT', 'DIMENSION', 'CATEGORY', 'FORECAST', 'EVENT_TYPE', 'STATUS', 'INSTRUMENT', 'PATHWAY_TYPE', 'SCHEME', 'CLAIM_TYPE'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

type KeySpec = { property: string; flag?: boolean } | { type: RelType; direction: 'OUT' | 'IN'; label: Kind };

/** Property keys: the property each reads (a kind must have it). */
const PROPERTY_KEYS: Partial<Record<FacetKey, string>> = {
  YEAR: 'year',
  DATE: 'date',
  METRIC: 'metric',
  UNIT: 'unit',
  DIMENSION: 'dimension',
  CATEGORY: 'category',
  FORECAST: 'forecast',
  EVENT_TYPE: 'eventType',
  STATUS: 'status',
  INSTRUMENT: 'instrument',
  PATHWAY_TYPE: 'pathwayType',
  SCHEME: 'scheme',
  CLAIM_TYPE: 'claimType',
};

/** Related-node keys, per kind: the relationship that leads to the key's node. */
const RELATED_KEYS: Partial<Record<FacetKey, Partial<Record<Kind, { type: RelType; direction: 'OUT' | 'IN'; label: Kind }>>>> = {
  TARGET: { Product: { type: 'TARGETS', direction: 'OUT', label: 'Target' } },
  SPONSOR: { Product: { type: 'SPONSORED_BY', direction: 'OUT', label: 'Sponsor' } },
  AGENCY: {
    Product: { type: 'APPROVED_BY', direction: 'OUT', label: 'Agency' },
    Guideline: { type: 'ISSUED', direction: 'IN', label: 'Agency' },
    Reform: { type: 'ENACTED', direction: 'IN', label: 'Agency' },
    Department: { type: 'DEPARTMENT_OF', direction: 'OUT', label: 'Agency' },
    Track: { type: 'GOVERNS', direction: 'IN', label: 'Agency' },
  },
};

/** The key's meaning for a kind, or a coded error naming the keys that kind has. */
export function facetKeyFor(kind: Kind, key: FacetKey): KeySpec {
  const property = PROPERTY_KEYS[key];
  if (property && (WHERE_FIELDS[kind][property] || property === 'year' && WHERE_FIELDS[kind].date)) {
    return { property, flag: WHERE_FIELDS[kind][property] === 'Boolean' };
  }
  if (key === 'REFERENCE') return { type: 'CITES', direction: 'OUT', label: 'Reference' };
  const related = RELATED_KEYS[key]?.[kind];
  if (related) return related;
  const valid = FACET_KEYS.filter((k) => k !== key && facetApplies(kind, k));
  throw badUserInput(`facets: ${key} does not apply to ${kind}; it can group by ${valid.join(', ')}`, 'by');
}

function facetApplies(kind: Kind, key: FacetKey): boolean {
  const property = PROPERTY_KEYS[key];
  if (property) return Boolean(WHERE_FIELDS[kind][property] || (property === 'year' && WHERE_FIELDS[kind].date));
  return key === 'REFERENCE' || Boolean(RELATED_KEYS[key]?.[kind]);
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
}

/** The `facets` fields selected on a connection, by response key (each alias has its own keys). */
export function facetFields(selection: Selection): Array<[string, Selection]> {
  return Object.values(selection.fieldsByTypeName)
    .flatMap((fields) => Object.entries(fields))
    .filter(([, field]) => field.name === 'facets');
}

export function aggregateCall(st: Statement, scan: Scan, out: string): string {
  return compose('aggregate.stats', { node: scan.node, out }, { anchor: scan.anchor, where: scan.where, distinct: scan.distinct, imports: scan.imports });
}

/** Groups of facet buckets: at most this many per facet. */
export const MAX_FACET_BUCKETS = 100;

export function facetsCall(st: Statement, kind: Kind, scan: Scan, by: FacetKey[], first: number, out: string): string {
  if (by.length < 1 || by.length > 2) throw badUserInput(`facets: "by" takes one or two keys; got ${by.length}`, 'by');
  if (!Number.isInteger(first) || first < 1 || first > MAX_FACET_BUCKETS) {
    throw badUserInput(`facets: "first" must be between 1 and ${MAX_FACET_BUCKETS}; got ${first}`, 'first');
  }
  const keys = by.map((key) => {
    const spec = facetKeyFor(kind, key);
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
      clause: compose(`aggregate.key.${spec.direction}`, { node: scan.node, type: spec.type, label: spec.label, key: variable }),
      value: compose('aggregate.value.node', { key: variable }),
      order: `${variable}.id`,
    };
  });
  return compose('aggregate.facets', { node: scan.node, out }, {
    imports: scan.imports,
    anchor: scan.anchor,
    where: scan.where,
    keys: keys.map((k) => k.clause).join('\n'),
    grouping: keys.map((k) => k.variable).join(', '),
    tiebreak: keys.map((k) => k.order).join(', '),
    values: keys.map((k) => k.value).join(', '),
    limit: st.param(first),
  });
}
