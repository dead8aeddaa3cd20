/**
 * The seeds format, which is also the import format: one JSON file per kind,
 * `{ "kind": "<Kind>" | "Relationship", "records": [...] }`, each record validated here.
 * Field order in these schemas is the order export writes, so load-then-export is byte-exact.
 */
import { z } from 'zod';
import { SECTIONS, SEEDED_KINDS, SEEDED_REL_TYPES, type Kind } from '../model.js';

export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

/** Where a fact comes from. Required on every record, node or relationship. */
export const source = z.strictObject({
  section: z.enum(SECTIONS),
  /** Numbers of the article's references cited for the fact (may be empty: uncited statements). */
  refs: z.array(z.number().int().positive()),
  /** The article's words for the fact, verbatim. */
  quote: z.string().min(8, 'a quote of the article is required (at least 8 characters)'),
  /** The name as the article spells it, where the record normalises it (e.g. an INN typo). */
  stated: z.string().min(1).optional(),
  /**
   * Set when the article does not state the fact in so many words: why the graph infers it (one
   * line). Inferred facts can be left out of traversals.
   */
  inferred: z.string().min(10, 'say in a line why the fact is inferred').optional(),
  /**
   * The data source the article names for a figure ("the Insight database"), kept apart from the
   * citation, in the spirit of Biolink's primary knowledge source.
   */
  dataSource: z.string().min(2).optional(),
});
export type Source = z.infer<typeof source>;

const text = z.string().trim().min(1);

/**
 * What a claim is, in the article's argument. The article states these in words, not figures: the
 * challenges and the remedies the authors propose, what drives the industry, what does not exist.
 */
export const CLAIM_TYPES = [
  'challenge',
  'recommendation',
  'promoting factor',
  'absence',
  'aim',
  'effect',
  'measure',
  'trend',
  'outlook',
  'history',
  'context',
] as const;

function entity<Shape extends z.ZodRawShape>(prefix: string, shape: Shape) {
  return z.strictObject({
    id: z.string().regex(new RegExp(`^${prefix}:[a-z0-9][a-z0-9-]*$`), `expected an id like "${prefix}:some-name"`),
    name: text,
    aliases: z.array(text).optional(),
    description: text.optional(),
    ...shape,
    source,
  });
}

export const RECORD_SCHEMAS = {
  Agency: entity('agency', { acronym: text, status: z.enum(['current', 'former']) }),
  Department: entity('department', {}),
  Track: entity('track', {}),
  Guideline: entity('guideline', {
    date: partialDate.optional(),
    instrument: z.enum(['guideline', 'regulation', 'requirements']),
    established: text.optional(),
  }),
  Reform: entity('reform', {
    date: partialDate.optional(),
    reviewScope: text.optional(),
    reviewDaysBefore: z.number().int().positive().optional(),
    reviewDaysAfter: z.number().int().positive().optional(),
  }),
  Pathway: entity('pathway', {
    pathwayType: z.enum(['accelerated approval', 'trial authorisation', 'review mechanism']),
    reviewDays: z.number().int().positive().optional(),
  }),
  Event: entity('event', {
    date: partialDate.optional(),
    eventType: z.enum(['incident', 'approval abroad', 'funding']),
  }),
  Product: entity('product', { date: partialDate, modality: text }),
  Target: entity('target', {}),
  Sponsor: entity('sponsor', {}),
  Classification: entity('classification', { scheme: text }),
  Statistic: entity('stat', {
    metric: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case metric name'),
    value: z.number().finite(),
    unit: z.enum(['count', 'USD', 'CNY', 'percent', 'percent per year', 'days']),
    date: partialDate.optional(),
    periodStart: z.number().int().optional(),
    periodEnd: z.number().int().optional(),
    forecast: z.boolean().optional(),
    dimension: text.optional(),
    category: text.optional(),
    statedPercent: z.number().min(0).max(100).optional(),
    /** The direction the sentence says the figure moved from the previous one of its metric ("further accelerated"). */
    trend: z.enum(['decrease', 'increase']).optional(),
    /** The statistic counts nodes of this kind in the graph (checked by the checker). */
    countsKind: z.enum(SEEDED_KINDS).optional(),
  }),
  Claim: entity('claim', {
    claimType: z.enum(CLAIM_TYPES),
    /** For a claim about a time (history, a trend since a year): the year it starts from. */
    date: partialDate.optional(),
  }),
  Reference: entity('ref', {
    number: z.number().int().positive(),
    authors: text,
    year: z.number().int().min(1900).max(2100),
    journal: text,
    volumePages: text,
  }),
} satisfies Record<Exclude<Kind, 'Finding'>, z.ZodTypeAny>;

export type SeededKind = keyof typeof RECORD_SCHEMAS;
export type EntityRecord = z.infer<(typeof RECORD_SCHEMAS)[SeededKind]> & Record<string, unknown>;

const scalar = z.union([z.string(), z.number().finite(), z.boolean()]);

export const relationshipSchema = z.strictObject({
  type: z.enum(SEEDED_REL_TYPES),
  from: z.string().min(1),
  to: z.string().min(1),
  properties: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), scalar).optional(),
  source,
});
export type RelationshipRecord = z.infer<typeof relationshipSchema>;

export const fileSchema = z.strictObject({
  kind: z.enum([...SEEDED_KINDS, 'Relationship']),
  records: z.array(z.unknown()),
});

/** The file each kind is written to by export (and found in by convention in seeds/). */
export const FILE_NAMES: Record<SeededKind | 'Relationship', string> = {
  Agency: 'agencies.json',
  Department: 'departments.json',
  Track: 'tracks.json',
  Guideline: 'guidelines.json',
  Reform: 'reforms.json',
  Pathway: 'pathways.json',
  Event: 'events.json',
  Product: 'products.json',
  Target: 'targets.json',
  Sponsor: 'sponsors.json',
  Classification: 'classifications.json',
  Statistic: 'statistics.json',
  Claim: 'claims.json',
  Reference: 'references.json',
  Relationship: 'relationships.json',
};

/** A relationship's stable id, used in error messages and to detect duplicates. */
export function relationshipId(r: { type: string; from: string; to: string }): string {
  return `${r.from} -[${r.type}]-> ${r.to}`;
}
