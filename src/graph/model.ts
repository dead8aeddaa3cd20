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

/** The type of a scalar field, as a `where` tests it. */
export type ScalarKind = 'String' | 'Int' | 'Float' | 'Boolean' | 'Date';

const described = { id: 'String', name: 'String', description: 'String' } as const;
const datedFields = { date: 'Date', year: 'Int' } as const;

/**
 * The scalar fields of each kind (its property names), which `where` tests and facets group by: the
 * record's own (the seed schema, src/graph/seeds/schema.ts, validates them) and `year`, which a dated
 * record gets from its date on load. Lists such as aliases and the provenance are not here (where.ts
 * adds the provenance fields every kind has). tests/tck/model.test.ts checks this against the seed schema.
 */
export const FIELDS: Record<Kind, Record<string, ScalarKind>> = {
  Agency: { ...described, acronym: 'String', status: 'String' },
  Department: described,
  Track: described,
  Guideline: { ...described, ...datedFields, instrument: 'String', established: 'String' },
  Reform: { ...described, ...datedFields, reviewScope: 'String', reviewDaysBefore: 'Int', reviewDaysAfter: 'Int' },
  Pathway: { ...described, pathwayType: 'String', reviewDays: 'Int' },
  Event: { ...described, ...datedFields, eventType: 'String' },
  Product: { ...described, ...datedFields, modality: 'String' },
  Target: described,
  Sponsor: described,
  Classification: { ...described, scheme: 'String' },
  Statistic: {
    ...described,
    ...datedFields,
    metric: 'String',
    value: 'Float',
    unit: 'String',
    periodStart: 'Int',
    periodEnd: 'Int',
    forecast: 'Boolean',
    dimension: 'String',
    category: 'String',
    statedPercent: 'Float',
    trend: 'String',
  },
  Claim: { ...described, ...datedFields, claimType: 'String' },
  Reference: { ...described, number: 'Int', authors: 'String', year: 'Int', journal: 'String', volumePages: 'String' },
  Finding: { id: 'String', name: 'String', rule: 'String', computedValue: 'Float', statedValue: 'Float' },
};

/** Properties a list may be ordered by (SortField in the API: ID, NAME, DATE, YEAR, VALUE, NUMBER). */
export const SORT_KEYS = ['id', 'name', 'dateStart', 'year', 'value', 'number'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Each sort key by its name in the API (the SortField enum, src/schema/enums.ts, registers this). */
export enum SortField {
  ID = 'id',
  NAME = 'name',
  DATE = 'dateStart',
  YEAR = 'year',
  VALUE = 'value',
  NUMBER = 'number',
}

/** Most keys a `sort` may take. */
export const MAX_SORT_KEYS = 3;

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

// ---------------------------------------------------------------------------------------------
// Relationship fields: what each relationship field of the API means in the graph (the type and
// direction it follows, the kind at the other end, one node or a list). The read plan writes these
// into typed Cypher patterns, src/resolvers generates the GraphQL fields from the same table (so a
// field cannot exist in the schema without its Cypher), and list filters and facet keys that go
// through a relationship name one of these fields.

/** A node kind, or `Node` for "any entity". */
export type Target = Kind | 'Node';

export interface RelationSpec {
  type: RelType;
  direction: 'OUT' | 'IN';
  to: Target;
  /** A single node (or null) rather than a list; read like `few`: a node has one such relationship by nature. */
  one?: boolean;
  /**
   * The parent has a handful of these by nature (a product's targets, a reform's enacting agencies),
   * so the list is read by expanding them; other lists first check whether the parent is a hub
   * (render.ts relatedRead), which costs a few operators per parent row.
   */
  few?: boolean;
  description: string;
}

const out = (type: RelType, to: Target, description: string, one = false): RelationSpec => ({ type, direction: 'OUT', to, one, description });
const into = (type: RelType, to: Target, description: string, one = false): RelationSpec => ({ type, direction: 'IN', to, one, description });
const few = (spec: RelationSpec): RelationSpec => ({ ...spec, few: true });

export const RELATION_FIELDS: Partial<Record<Kind, Record<string, RelationSpec>>> = {
  Agency: {
    parent: out('PART_OF', 'Agency', 'The agency this one is part of (CDE -> NMPA).', true),
    units: into('PART_OF', 'Agency', 'Agencies that are part of this one.'),
    departments: into('DEPARTMENT_OF', 'Department', 'Its departments that review cell therapy products.'),
    issuedGuidelines: out('ISSUED', 'Guideline', 'Guidelines and regulations it issued.'),
    enactedReforms: out('ENACTED', 'Reform', 'Reforms it enacted.'),
    governs: few(out('GOVERNS', 'Track', 'The track of the dual-track system it governs.')),
    successor: out('SUCCEEDED_BY', 'Agency', 'The agency that took over its role (for a former agency).', true),
    predecessors: into('SUCCEEDED_BY', 'Agency', 'Former agencies whose role it took over.'),
    approvedProducts: into('APPROVED_BY', 'Product', 'Products it approved.'),
    establishedClassifications: out('ESTABLISHED', 'Classification', 'Classifications it established.'),
    claims: into('ABOUT', 'Claim', 'What the article says about it in words: challenges, aims, effects, absences.'),
  },
  Department: {
    agency: out('DEPARTMENT_OF', 'Agency', 'The agency the department belongs to.', true),
    reviews: few(out('REVIEWS', 'Classification', 'Product classes it jointly reviews.')),
  },
  Track: {
    governedBy: few(into('GOVERNS', 'Agency', 'The agency that governs this track.')),
    claims: into('ABOUT', 'Claim', 'What the article says about it in words: challenges, aims, effects, absences.'),
  },
  Guideline: {
    issuedBy: into('ISSUED', 'Agency', 'The agency that issued it.', true),
    implements: few(into('IMPLEMENTED_BY', 'Reform', 'Reforms it put into effect.')),
    establishedClassifications: few(out('ESTABLISHED', 'Classification', 'Classifications it established.')),
  },
  Reform: {
    enactedBy: few(into('ENACTED', 'Agency', 'The agencies that enacted it.')),
    pathwaysIntroduced: few(out('INTRODUCED', 'Pathway', 'Pathways it introduced.')),
    triggeredBy: few(into('TRIGGERED', 'Event', 'Events that triggered it.')),
    implementedBy: few(out('IMPLEMENTED_BY', 'Guideline', 'The regulations that implement it.')),
    claims: into('ABOUT', 'Claim', 'What the article says about it in words: challenges, aims, effects, absences.'),
  },
  Pathway: {
    introducedBy: into('INTRODUCED', 'Reform', 'Reforms that introduced it.'),
    statistics: into('ABOUT', 'Statistic', 'Figures about the pathway (e.g. entries in 2024).'),
    claims: into('ABOUT', 'Claim', 'What the article says about it in words: challenges, aims, effects, absences.'),
  },
  Event: {
    triggered: few(out('TRIGGERED', 'Reform', 'Reforms it triggered.')),
    involves: out('INVOLVES', 'Node', 'Products, sponsors or agencies involved.'),
    evidenceFor: into('EVIDENCED_BY', 'Claim', 'Claims of the article it is an example of (e.g. capital investment).'),
  },
  Product: {
    targets: few(out('TARGETS', 'Target', 'The antigens it targets.')),
    sponsors: few(out('SPONSORED_BY', 'Sponsor', 'The companies that hold it.')),
    approvedBy: out('APPROVED_BY', 'Agency', 'The agency that approved it.', true),
    classifications: few(out('CLASSIFIED_AS', 'Classification', 'Its regulatory classes.')),
    events: into('INVOLVES', 'Event', 'Events involving it (e.g. approval abroad).'),
    evidenceFor: into('EVIDENCED_BY', 'Claim', 'Claims of the article it is an example of.'),
  },
  Target: {
    products: into('TARGETS', 'Product', 'Products aimed at this target.'),
  },
  Sponsor: {
    products: into('SPONSORED_BY', 'Product', 'Products the company holds.'),
    events: into('INVOLVES', 'Event', 'Events involving the company.'),
  },
  Classification: {
    parent: out('SUBCATEGORY_OF', 'Classification', 'The broader class it is a group of.', true),
    subcategories: into('SUBCATEGORY_OF', 'Classification', 'Its groups.'),
    classifiedAs: few(out('CLASSIFIED_AS', 'Classification', 'Registration classes it falls under.')),
    members: into('CLASSIFIED_AS', 'Node', 'Products and classes classified under it.'),
    establishedBy: into('ESTABLISHED', 'Node', 'The guideline or agency that established it.'),
    reviewedBy: few(into('REVIEWS', 'Department', 'Departments that review products of this class.')),
    claims: into('ABOUT', 'Claim', 'What the article says about it in words: challenges, aims, effects, absences.'),
  },
  Reference: {
    citedBy: into('CITES', 'Node', 'Every entity whose provenance cites this reference.'),
    findings: few(into('CONCERNS', 'Finding', 'Findings of the checker about this entry of the list (e.g. a duplicate).')),
  },
  Statistic: {
    breakdownOf: out('BREAKDOWN_OF', 'Statistic', 'The total this figure is a part of.', true),
    breakdown: into('BREAKDOWN_OF', 'Statistic', 'The parts of this total, along every dimension.'),
    numerators: few(out('NUMERATOR', 'Statistic', 'For a share: the figures that make up its numerator.')),
    denominator: out('DENOMINATOR', 'Statistic', 'For a share: the figure it is a share of.', true),
    growthFrom: out('GROWTH_FROM', 'Statistic', 'For a growth rate: the start value.', true),
    growthTo: out('GROWTH_TO', 'Statistic', 'For a growth rate: the end value.', true),
    about: out('ABOUT', 'Node', 'What the figure is about (a pathway, a classification).'),
    findings: few(into('CONCERNS', 'Finding', 'Inconsistencies the checker found involving this figure.')),
    evidenceFor: into('EVIDENCED_BY', 'Claim', 'Claims of the article this figure backs.'),
    claims: into('ABOUT', 'Claim', 'What the article says about this figure in words (e.g. that the trend will continue).'),
  },
  Claim: {
    about: out('ABOUT', 'Node', 'What the claim is about: an agency, track, reform, pathway, class, figure or another claim.'),
    addresses: few(out('ADDRESSES', 'Claim', 'For a recommendation: the challenges it addresses.')),
    addressedBy: few(into('ADDRESSES', 'Claim', 'For a challenge: the recommendations that address it.')),
    drives: few(out('DRIVES', 'Claim', 'For a promoting factor: the development it drives.')),
    drivenBy: few(into('DRIVES', 'Claim', 'The promoting factors of this development.')),
    evidence: out('EVIDENCED_BY', 'Node', 'The examples and figures the article backs the claim with.'),
    claims: into('ABOUT', 'Claim', 'Other claims about this one (e.g. the expected effect of a recommendation).'),
  },
  Finding: {
    statistics: few(out('CONCERNS', 'Statistic', 'The figures involved.')),
    references: few(out('CONCERNS', 'Reference', 'The entries of the reference list involved (duplicate references).')),
  },
};

/**
 * Fields computed by their own named query rather than by one relationship type: reforms of an
 * earlier year than a product's approval, approvals of a later year than a reform, and the other
 * parts of a statistic's total along the same dimension.
 */
export const DERIVED_FIELDS = {
  Product: { precedingReforms: 'preceding' },
  Reform: { approvalsFollowing: 'following' },
  Statistic: { siblings: 'siblings' },
} as const satisfies Partial<Record<Kind, Record<string, string>>>;

export type DerivedField = 'preceding' | 'following' | 'siblings';

export function relationOf(kind: Kind, field: string): RelationSpec | undefined {
  return RELATION_FIELDS[kind]?.[field];
}

export function derivedOf(kind: Kind, field: string): DerivedField | undefined {
  return (DERIVED_FIELDS as Partial<Record<Kind, Record<string, DerivedField>>>)[kind]?.[field];
}

/** The suffix of a relationship field's Relay connection twin, e.g. `targetsConnection`. */
export const CONNECTION_SUFFIX = 'Connection';

// ---------------------------------------------------------------------------------------------
// List filters and facet keys: conditions on a node's own fields, or nodes reached through one of
// the relationship fields above (named, so a relationship's meaning is written once).

/**
 * The typed `filter` of each kind's list: `own`, a condition on the node's own fields (written by
 * OWN_FILTERS in src/graph/read/predicate.ts), or a node named by id through one of the kind's
 * relationship fields (`target` is Product.targets), which the list may start from.
 * src/schema/filters.input.ts declares the same names (tests/read-path.test.ts checks that).
 */
export type ListFilter = 'own' | { through: string };

const own = 'own' as const;
const through = (field: string): ListFilter => ({ through: field });
const named = { nameContains: own };
const dated = { ...named, yearFrom: own, yearTo: own };

export const FILTERS: Record<Kind, Record<string, ListFilter>> = {
  Agency: { ...named, status: own },
  Department: named,
  Track: named,
  Guideline: { ...dated, issuedBy: through('issuedBy') },
  Reform: { ...dated, enactedBy: through('enactedBy') },
  Pathway: named,
  Event: { ...dated, eventType: own },
  Product: { ...dated, target: through('targets'), sponsor: through('sponsors') },
  Target: named,
  Sponsor: named,
  Classification: named,
  Statistic: { ...named, metric: own, year: own, dateYear: own, periodCovers: own, dimension: own },
  Claim: { ...named, claimType: own },
  Reference: dated,
  Finding: named,
};

/** The relationship a filter goes through, with the kind at its other end; undefined for an own-field filter. */
export function filterRelation(kind: Kind, filter: string): (RelationSpec & { to: Kind }) | undefined {
  const spec = FILTERS[kind][filter];
  if (spec === undefined || spec === own) return undefined;
  return RELATION_FIELDS[kind]![spec.through] as RelationSpec & { to: Kind };
}

/** Keys a facet can group by. Values are the GraphQL enum's. */
export const FACET_KEYS = ['YEAR', 'DATE', 'TARGET', 'SPONSOR', 'AGENCY', 'REFERENCE', 'METRIC', 'UNIT', 'DIMENSION', 'CATEGORY', 'FORECAST', 'EVENT_TYPE', 'STATUS', 'INSTRUMENT', 'PATHWAY_TYPE', 'SCHEME', 'CLAIM_TYPE'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** Facet keys that group by a property: the property each reads (a kind groups by it when it has it). */
export const FACET_PROPERTIES: Partial<Record<FacetKey, string>> = {
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

/**
 * Facet keys that group by a related node: per kind, the relationship field that leads to it.
 * REFERENCE groups every kind by the references its provenance cites (CITES, derived by the checker).
 */
export const FACET_RELATIONS: Partial<Record<FacetKey, Partial<Record<Kind, string>>>> = {
  TARGET: { Product: 'targets' },
  SPONSOR: { Product: 'sponsors' },
  AGENCY: { Product: 'approvedBy', Guideline: 'issuedBy', Reform: 'enactedBy', Department: 'agency', Track: 'governedBy' },
};
