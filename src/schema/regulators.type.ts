import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A Chinese regulatory body (NMPA, NHC, CDE, SAMR, the former SFDA).' })
export class Agency extends Node {
  @Field(() => String, { description: 'The acronym, e.g. "NMPA".' })
  acronym!: string;

  @Field(() => String, { description: '"current" or "former".' })
  status!: string;
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A CDE department that takes part in reviewing cell therapy products.' })
export class Department extends Node {}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'One side of the dual-track system: "technology" (NHC, clinical research) or "drug" (NMPA, registration).' })
export class Track extends Node {}
