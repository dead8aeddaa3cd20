import { registerEnumType } from 'type-graphql';
import { KINDS, REL_TYPES, SortField, type Kind, type RelType } from '../graph/model.js';

/** What each kind holds (typed by the model, so a new kind cannot go undescribed). */
const KIND_DESCRIPTIONS: Record<Kind, string> = {
  Agency: 'A regulator or government body: NMPA, CDE, NHC, the State Council.',
  Department: 'A review department inside an agency (e.g. a CDE clinical department).',
  Track: 'A regulatory track of the dual-track system (drug or medical technology).',
  Guideline: 'A guideline, notice or technical standard an agency issued.',
  Reform: 'A regulatory reform or policy (an opinion, a law, an action plan).',
  Pathway: 'An expedited pathway (breakthrough therapy, conditional approval, priority review, implied IND approval).',
  Event: 'A dated event: an incident, an approval abroad, a funding round.',
  Product: 'A cell therapy product approved in China (the article\'s Table 1).',
  Target: 'The antigen a product targets (CD19, BCMA).',
  Sponsor: 'The company that holds a product.',
  Classification: 'A regulatory class (the 2024 ATMP classification and registration classes).',
  Statistic: 'A figure the article gives: counts, shares, review times, growth.',
  Claim: 'A statement the article makes in words: a challenge, a remedy the authors propose, a promoting factor, an absence ("no dedicated legislation"), an aim or effect of a measure.',
  Reference: 'An entry of the article\'s reference list.',
  Finding: 'A disagreement the consistency checker found between the article\'s figures.',
};

/** The kinds of entity in the graph; values are the Neo4j labels, names their GraphQL spelling. */
export const EntityKind = Object.fromEntries(KINDS.map((k) => [k.toUpperCase(), k])) as { [K in Uppercase<Kind>]: Kind };
registerEnumType(EntityKind, {
  name: 'EntityKind',
  description: 'A kind of entity in the knowledge graph.',
  valuesConfig: Object.fromEntries(KINDS.map((k) => [k.toUpperCase(), { description: KIND_DESCRIPTIONS[k] }])),
});

/** What each relationship says, read from its start to its end (typed by the model). */
const RELATIONSHIP_DESCRIPTIONS: Record<RelType, string> = {
  PART_OF: 'An agency is part of a larger one (CDE is part of NMPA).',
  DEPARTMENT_OF: 'A review department belongs to an agency.',
  SUCCEEDED_BY: 'An agency was succeeded by another (CFDA by NMPA).',
  GOVERNS: 'An agency governs a regulatory track.',
  ISSUED: 'An agency issued a guideline.',
  ENACTED: 'An agency enacted a reform.',
  INTRODUCED: 'A reform introduced an expedited pathway.',
  TRIGGERED: 'An event led to a reform, as the article relates them.',
  IMPLEMENTED_BY: 'A reform was put into effect by a guideline.',
  ESTABLISHED: 'A guideline or agency established a regulatory class.',
  SUBCATEGORY_OF: 'A regulatory class is a subcategory of another.',
  CLASSIFIED_AS: 'A product (or class) falls under a regulatory class.',
  REVIEWS: 'A review department reviews products of a class.',
  APPROVED_BY: 'A product was approved by an agency.',
  TARGETS: 'A product targets an antigen.',
  SPONSORED_BY: 'A product is held by a sponsor.',
  INVOLVES: 'An event involves a product, sponsor, agency or class.',
  ABOUT: 'A statistic or claim is about a pathway, class, track, product, guideline, reform, agency, figure or another claim.',
  BREAKDOWN_OF: 'A statistic is one part of another (a phase of all trials).',
  NUMERATOR: 'A share (percentage) has this statistic as its numerator.',
  DENOMINATOR: 'A share (percentage) has this statistic as its denominator.',
  GROWTH_FROM: 'A growth rate starts from this statistic.',
  GROWTH_TO: 'A growth rate ends at this statistic.',
  ADDRESSES: 'A recommendation of the authors addresses a challenge.',
  DRIVES: 'A promoting factor drives a development the article names (the market\'s expansion).',
  EVIDENCED_BY: 'A claim is backed by this example or figure in the article ("For example, ...").',
  CONCERNS: 'Derived: a consistency finding concerns this statistic or reference.',
  CITES: 'Derived: a fact cites this reference (from its provenance).',
};

export const RelationshipType = Object.fromEntries(REL_TYPES.map((t) => [t, t])) as { [T in RelType]: T };
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: 'A type of relationship in the knowledge graph.',
  valuesConfig: Object.fromEntries(REL_TYPES.map((t) => [t, { description: RELATIONSHIP_DESCRIPTIONS[t] }])),
});

// The keys are the model's (src/graph/model.ts), which the read plan checks per kind.
export { SortField };
registerEnumType(SortField, {
  name: 'SortField',
  description: 'What a list is ordered by. Ties are broken by id. Each kind takes only the keys its entities have; another is refused (BAD_USER_INPUT).',
  valuesConfig: {
    ID: { description: 'The stable id.' },
    NAME: { description: 'The (normalised) name.' },
    DATE: { description: 'The date, at the precision stated; undated entities come last (guidelines, reforms, events, products, statistics, claims).' },
    YEAR: { description: 'The year of the date or of the end of the period (the kinds DATE takes, and references).' },
    NUMBER: { description: 'A reference\'s number in the article\'s list (references only).' },
    VALUE: { description: 'The value (statistics only).' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesConfig: { ASC: { description: 'Smallest (or earliest, or A) first.' }, DESC: { description: 'Largest (or latest, or Z) first.' } },
});
