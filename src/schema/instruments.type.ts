import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { PartialDateScalar } from './scalars.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A guideline, regulation or set of requirements.' })
export class Guideline extends Node {
  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was issued, at the precision the article gives.' })
  date!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year it was issued.' })
  year!: number | null;

  @Field(() => String, { description: '"guideline", "regulation" or "requirements".' })
  instrument!: string;

  @Field(() => String, { nullable: true, description: 'What it established.' })
  established!: string | null;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A regulatory reform, with its measurable effect on review clocks where the article gives one.' })
export class Reform extends Node {
  @Field(() => PartialDateScalar, { nullable: true, description: 'When it took effect, at the precision the article gives.' })
  date!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year it took effect.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Which review clock the reform changed.' })
  reviewScope!: string | null;

  @Field(() => Int, { nullable: true, description: 'The review clock before the reform, in days.' })
  reviewDaysBefore!: number | null;

  @Field(() => Int, { nullable: true, description: 'The review clock after the reform, in days.' })
  reviewDaysAfter!: number | null;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'An accelerated or streamlined regulatory pathway.' })
export class Pathway extends Node {
  @Field(() => String, { description: '"accelerated approval", "trial authorisation" or "review mechanism".' })
  pathwayType!: string;

  @Field(() => Int, { nullable: true, description: 'The review clock of the pathway, in days, where stated.' })
  reviewDays!: number | null;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'An event: an incident that triggered reform, an approval abroad, a funding round.' })
export class Event extends Node {
  @Field(() => PartialDateScalar, { nullable: true, description: 'When it happened, at the precision the article gives.' })
  date!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year it happened.' })
  year!: number | null;

  @Field(() => String, { description: '"incident", "approval abroad" or "funding".' })
  eventType!: string;
}
