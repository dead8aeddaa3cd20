import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FACET_KEYS } from '../graph/model.js';
import { PartialDateScalar } from './scalars.js';

/** Said of `aggregate` and `facets` alike: what happens past the bound (src/graph/read/aggregate.ts). */
export const GROUPED_BOUND = 'Reads at most GRAPHQL_MAX_GROUPED matches (100,000 by default); when more match, the field is refused with QUERY_TOO_COMPLEX.';

export const FacetKey = Object.fromEntries(FACET_KEYS.map((k) => [k, k])) as { [K in (typeof FACET_KEYS)[number]]: K };
const FACET_DESCRIPTIONS: Record<(typeof FACET_KEYS)[number], string> = {
  YEAR: 'The year (of the date, or of the end of a period).',
  DATE: 'The date, at the precision stated.',
  TARGET: 'The antigen a product targets.',
  SPONSOR: 'The company that holds a product.',
  AGENCY: 'The agency that approved a product, issued a guideline, enacted a reform, holds a department or governs a track.',
  REFERENCE: 'A reference the provenance cites (its number).',
  METRIC: 'A statistic\'s metric.',
  UNIT: 'A statistic\'s unit.',
  DIMENSION: 'The dimension a statistic breaks its total down by.',
  CATEGORY: 'A statistic\'s category within its dimension.',
  FORECAST: 'Whether a statistic is a forecast ("true") or observed ("false").',
  EVENT_TYPE: 'An event\'s type.',
  CLAIM_TYPE: 'A claim\'s type (challenge, recommendation, ...).',
  STATUS: 'An agency\'s status (current or former).',
  INSTRUMENT: 'A guideline\'s kind of instrument.',
  PATHWAY_TYPE: 'A pathway\'s type.',
  SCHEME: 'A classification\'s scheme.',
};
registerEnumType(FacetKey, {
  name: 'FacetKey',
  description: 'What a facet groups the matches of a list by: a property, or a related node.',
  valuesConfig: Object.fromEntries(FACET_KEYS.map((k) => [k, { description: FACET_DESCRIPTIONS[k] }])),
});

@ObjectType({ simpleResolvers: true, description: 'The count, and the ranges of dates, years and values, of every item a list matches (not one page).' })
export class Aggregate {
  @Field(() => Int, { description: 'How many items match.' })
  count!: number;
  @Field(() => PartialDateScalar, { nullable: true, description: 'The earliest date.' })
  minDate!: string | null;
  @Field(() => PartialDateScalar, { nullable: true, description: 'The latest date.' })
  maxDate!: string | null;
  @Field(() => Int, { nullable: true, description: 'The earliest year.' })
  minYear!: number | null;
  @Field(() => Int, { nullable: true, description: 'The latest year.' })
  maxYear!: number | null;
  @Field(() => Float, { nullable: true, description: 'The smallest value (statistics).' })
  minValue!: number | null;
  @Field(() => Float, { nullable: true, description: 'The largest value (statistics).' })
  maxValue!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'One key of a facet bucket.' })
export class FacetValue {
  @Field(() => String, { nullable: true, description: 'The value: a property\'s value, or a related node\'s name (a reference\'s number); null for items that have none.' })
  value!: string | null;
  @Field(() => ID, { nullable: true, description: 'The related node\'s id, for keys that are nodes.' })
  id!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'How many matches share these keys (one per key asked, in the order asked).' })
export class FacetBucket {
  @Field(() => [FacetValue], { description: 'The keys, in the order of `by`.' })
  keys!: FacetValue[];
  @Field(() => Int, { description: 'How many matching items have them.' })
  count!: number;
}
