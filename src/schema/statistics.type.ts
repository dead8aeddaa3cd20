import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { PartialDateScalar } from './scalars.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A figure the article states: a count, a market size, a share or a growth rate.' })
export class Statistic extends Node {
  @Field(() => String, { description: 'What is measured, in snake_case (e.g. "ind_applications"): one of the `metrics`, which describe each.' })
  metric!: string;

  @Field(() => Float, { description: 'The value in `unit` (market sizes in whole currency units, not millions).' })
  value!: number;

  @Field(() => String, { description: '"count", "USD", "CNY", "percent", "percent per year" or "days".' })
  unit!: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'The date the figure refers to, for point-in-time figures.' })
  date!: string | null;

  @Field(() => Int, { nullable: true, description: 'First year of the period, for period figures.' })
  periodStart!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of the period, for period figures.' })
  periodEnd!: number | null;

  @Field(() => Boolean, { description: 'Whether the figure is a forecast.' })
  forecast!: boolean;

  @Field(() => String, { nullable: true, description: 'The dimension this figure breaks a total down by (e.g. "phase").' })
  dimension!: string | null;

  @Field(() => String, { nullable: true, description: 'The category along that dimension (e.g. "phase I").' })
  category!: string | null;

  @Field(() => Float, { nullable: true, description: 'The percentage the article states alongside the value.' })
  statedPercent!: number | null;

  @Field(() => String, { nullable: true, description: 'The direction the sentence says the figure moved from the previous one of its metric: "decrease" or "increase" (checked by the stated-trend rule).' })
  trend!: string | null;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A disagreement between figures, found by recomputation (npm run check).' })
export class Finding extends Node {
  @Field(() => String, { description: 'The rule that found it: breakdown-sum, percent-of-total, percent-sum, share, share-base, growth-rate, graph-count, repeated-figure, duplicate-reference, stated-trend or reference-date.' })
  rule!: string;

  @Field(() => Float, { description: 'What the figures compute to.' })
  computedValue!: number;

  @Field(() => Float, { description: 'What the article states.' })
  statedValue!: number;

  @Field(() => Float, { description: 'The tolerance allowed (rounding of the stated figure).' })
  tolerance!: number;

  @Field(() => Float, { description: 'computedValue - statedValue.' })
  difference!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A metric statistics are measured in (the seeds\' vocabulary, seeds/vocabulary/metrics.json).' })
export class Metric {
  @Field(() => String, { description: 'The name statistics carry in `metric`, e.g. "ind_applications".' })
  name!: string;

  @Field(() => String, { description: 'The unit every statistic of this metric has.' })
  unit!: string;

  @Field(() => String, { description: 'What the metric counts or measures.' })
  description!: string;
}
