/**
 * What each relationship field of the API means in the graph: the relationship type and direction
 * it follows, the kind at the other end, and whether it holds one node or a list. The read compiler
 * (projection.ts) writes these into typed Cypher patterns, and src/resolvers generates the GraphQL
 * fields from the same table, so a field cannot exist in the schema without its Cypher.
 */
import type { Kind, RelType } from '../model.js';

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
   * (read.relatedHub), which costs a few operators per parent row.
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
