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
export const REL_TYPES = Object.keys(RELATIONSHIPS) as RelType[];
export const SEEDED_REL_TYPES = REL_TYPES.filter((t) => !('derived' in RELATIONSHIPS[t]));
