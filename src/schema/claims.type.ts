import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { PartialDateScalar } from './scalars.js';

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description:
    'A statement the article makes in words rather than figures: a challenge, a remedy the authors propose (`addresses`), a promoting factor (`drives`), an absence ("China lacks dedicated legislation"), an aim or effect of a measure, a trend, history or context. `sources` gives the sentence.',
})
export class Claim extends Node {
  @Field(() => String, {
    description:
      '"challenge", "recommendation" (a remedy the authors propose), "promoting factor", "absence" (a negative statement: something that does not exist), "aim", "effect" (what a measure achieved), "measure", "trend", "outlook" (what the article expects), "history" or "context" (how it is done abroad).',
  })
  claimType!: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'For a claim about a time (history, a development since a year): the year it starts from.' })
  date!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year of `date`.' })
  year!: number | null;
}
