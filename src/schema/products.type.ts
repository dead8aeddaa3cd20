import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { PartialDateScalar } from './scalars.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A cell therapy product approved in China (the article\'s Table 1). `name` is the corrected INN; `sources.stated` the article\'s spelling.' })
export class Product extends Node {
  @Field(() => PartialDateScalar, { description: 'When it was approved in China, at the precision the article gives.' })
  date!: string;

  @Field(() => Int, { description: 'The year it was approved in China.' })
  year!: number;

  @Field(() => String, { description: 'The modality, e.g. "CAR-T".' })
  modality!: string;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'An antigen that products target (BCMA, CD19).' })
export class Target extends Node {}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A company that holds an approved product.' })
export class Sponsor extends Node {}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A regulatory class: the 2024 ATMP classification and its groups, or a registration class.' })
export class Classification extends Node {
  @Field(() => String, { description: 'The classification scheme it belongs to.' })
  scheme!: string;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A publication in the article\'s reference list.' })
export class Reference extends Node {
  @Field(() => Int, { description: 'Its number in the article\'s reference list.' })
  number!: number;

  @Field(() => String, { description: 'The authors as listed.' })
  authors!: string;

  @Field(() => Int, { description: 'Year of publication.' })
  year!: number;

  @Field(() => String, { description: 'The journal (abbreviated as in the article).' })
  journal!: string;

  @Field(() => String, { description: 'Volume, issue and pages, e.g. "12(12):4365-4377".' })
  volumePages!: string;
}
