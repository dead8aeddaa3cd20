/**
 * The graph's vocabulary: node labels, relationship types and which kinds each type connects.
 * These lists are the allow-lists that every label or relationship type in a Cypher string comes
 * from; nothing a client sends is ever spliced into a query.
 */

export const KINDS = [
  'Agency',
  'Department',
  'Track',
  'Guideline',
  'Reform',
  'Pathway',
  'Event',
  'Product',
  'Target',
  'Sponsor',
  'Classification',
  'Statistic',
  'Claim',
  'Reference',
  'Finding',
] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds whose records live in seeds/ (findings are derived by the checker). */
export const SEEDED_KINDS = KINDS.filter((k): k is Exclude<Kind, 'Finding'> => k !== 'Finding');

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** Where in the article a fact is stated. */
export const SECTIONS = [
  'Abstract',
  'Introduction',
  'Framework: definitions and classifications',
  'Framework: optimizing the review process',
  'Table 1',
  'Framework: accelerating approval',
  'Framework: regulatory science action',
  'Industry: current status',
  'Industry: promoting factors',
  'Challenges and prospect',
  'Conclusion',
  'References',
  'Derived: consistency checker',
  /** Facts cited from a document other than the review (its sentence locates them). */
  'Other documents',
] as const;

type Endpoints = { from: readonly Kind[]; to: readonly Kind[]; derived?: boolean };

/** Every relationship type, with the kinds it may connect (checked when seeds are validated). */
export const RELATIONSHIPS = {
  PART_OF: { from: ['Agency'], to: ['Agency'] },
  DEPARTMENT_OF: { from: ['Department'], to: ['Agency'] },
  SUCCEEDED_BY: { from: ['Agency'], to: ['Agency'] },
  GOVERNS: { from: ['Agency'], to: ['Track'] },
  ISSUED: { from: ['Agency'], to: ['Guideline'] },
  ENACTED: { from: ['Agency'], to: ['Reform'] },
  INTRODUCED: { from: ['Reform'], to: ['Pathway'] },
  TRIGGERED: { from: ['Event'], to: ['Reform'] },
  IMPLEMENTED_BY: { from: ['Reform'], to: ['Guideline'] },
  ESTABLISHED: { from: ['Guideline', 'Agency'], to: ['Classification'] },
  SUBCATEGORY_OF: { from: ['Classification'], to: ['Classification'] },
  CLASSIFIED_AS: { from: ['Product', 'Classification'], to: ['Classification'] },
  REVIEWS: { from: ['Department'], to: ['Classification'] },
  APPROVED_BY: { from: ['Product'], to: ['Agency'] },
  TARGETS: { from: ['Product'], to: ['Target'] },
  SPONSORED_BY: { from: ['Product'], to: ['Sponsor'] },
  INVOLVES: { from: ['Event'], to: ['Product', 'Sponsor', 'Agency', 'Classification'] },
  ABOUT: {
    from: ['Statistic', 'Claim'],
    to: ['Pathway', 'Classification', 'Track', 'Product', 'Guideline', 'Reform', 'Agency', 'Statistic', 'Claim'],
  },
  BREAKDOWN_OF: { from: ['Statistic'], to: ['Statistic'] },
  NUMERATOR: { from: ['Statistic'], to: ['Statistic'] },
  DENOMINATOR: { from: ['Statistic'], to: ['Statistic'] },
  GROWTH_FROM: { from: ['Statistic'], to: ['Statistic'] },
  GROWTH_TO: { from: ['Statistic'], to: ['Statistic'] },
  ADDRESSES: { from: ['Claim'], to: ['Claim'] },
  DRIVES: { from: ['Claim'], to: ['Claim'] },
  EVIDENCED_BY: { from: ['Claim'], to: ['Event', 'Statistic', 'Product'] },
  CONCERNS: { from: ['Finding'], to: ['Statistic', 'Reference'], derived: true },
  CITES: { from: KINDS, to: ['Reference'], derived: true },
} as const satisfies Record<string, Endpoints>;

export type RelType = keyof typeof RELATIONSHIPS;

/**
 * The label to write on the node at one end of a typed relationship pattern: none when the type
 * admits only that kind there (Neo4j then need not check it), else `:<kind>`. `end` is the end the
 * node is at: `to` for `()-[:TYPE]->(node)`, `from` for `(node)-[:TYPE]->()`.
 */
export function labelAt(type: RelType, end: 'from' | 'to', kind: Kind): string {
  const kinds = RELATIONSHIPS[type][end] as readonly Kind[];
  return kinds.length === 1 && kinds[0] === kind ? '' : `:${kind}`;
}
export const REL_TYPES = Object.keys(RELATIONSHIPS) as RelType[];
export const SEEDED_REL_TYPES = REL_TYPES.filter((t) => !('derived' in RELATIONSHIPS[t]));

/** Properties a list may be ordered by (SortField in the API: ID, NAME, DATE, YEAR, VALUE, NUMBER). */
export const SORT_KEYS = ['id', 'name', 'dateStart', 'year', 'value', 'number'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * What each kind's list may be ordered by beyond id and name (which every node has), and whether
 * every node of the kind has the key. A required key is stated non-null so that its index is read
 * in order and a cursor seeks into it; an optional one sorts its missing values last ascending. A key
 * not listed is refused for the kind (a product has no value to order by). tests/tck/model.test.ts
 * checks this table against the seed schema.
 */
export const SORTS: Record<Kind, Partial<Record<Exclude<SortKey, 'id' | 'name'>, 'required' | 'optional'>>> = {
  Agency: {},
  Department: {},
  Track: {},
  Guideline: { dateStart: 'optional', year: 'optional' },
  Reform: { dateStart: 'optional', year: 'optional' },
  Pathway: {},
  Event: { dateStart: 'optional', year: 'optional' },
  Product: { dateStart: 'required', year: 'required' },
  Target: {},
  Sponsor: {},
  Classification: {},
  Statistic: { dateStart: 'optional', year: 'optional', value: 'required' },
  Claim: { dateStart: 'optional', year: 'optional' },
  Reference: { year: 'required', number: 'required' },
  Finding: {},
};

/** The keys a list of `kind` may be ordered by. */
export function sortKeysOf(kind: Kind): SortKey[] {
  return ['id', 'name', ...(Object.keys(SORTS[kind]) as SortKey[])];
}

/** Whether every node of `kind` has the sort key. */
export function requiredSortKey(kind: Kind, key: SortKey): boolean {
  return key === 'id' || key === 'name' || SORTS[kind][key] === 'required';
}
