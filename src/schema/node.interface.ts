import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { Entity } from '../graph/entities.js';
import { EntityKind } from './enums.js';

@ObjectType({ simpleResolvers: true, description: 'Where a fact comes from: the article section, its words, and the reference it cites (if any).' })
export class Source {
  @Field(() => String, { description: 'The section of the review article that states the fact.' })
  section!: string;

  @Field(() => String, { description: 'The article\'s words for the fact, verbatim.' })
  quote!: string;

  @Field(() => String, { nullable: true, description: 'The name as the article spells it, where the graph normalises it (e.g. "Zevorcabtagene autoleucl").' })
  stated!: string | null;

  @Field(() => Int, { nullable: true, description: 'The number of the cited reference in the article\'s reference list; null for an uncited statement.' })
  referenceNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the graph infers this fact, when the article does not state it in so many words (e.g. a link between two things it mentions); null for a stated fact. Traversals can leave inferred relationships out (`includeInferred: false`).' })
  inferred!: string | null;

  @Field(() => String, { nullable: true, description: 'The data source the article names for a figure (e.g. "Insight database"), apart from the reference it cites; null when it names none.' })
  dataSource!: string | null;

  @Field(() => ID, { nullable: true, description: 'The document that states the fact (`document(id)`), e.g. "doc:china-cell-therapy-review".' })
  document!: string | null;

  @Field(() => Int, { nullable: true, description: 'The number of the sentence in that document that states it (`document(id) { sentences }`).' })
  sentence!: number | null;

  @Field(() => Boolean, { description: 'True when the document\'s text is not stored (its licence), so the quote was not checked against it.' })
  unverified!: boolean;
}

@InterfaceType('Node', {
  description: 'An entity of the knowledge graph, with a stable id and its provenance.',
  resolveType: (value: Entity) => value.kind,
})
export abstract class Node {
  @Field(() => ID, { description: 'Stable id, "<kind>:<slug>", e.g. "product:ciltacabtagene-autoleucel".' })
  id!: string;

  @Field(() => EntityKind, { description: 'The kind of entity (its Neo4j label).' })
  kind!: string;

  @Field(() => String, { description: 'The normalised name.' })
  name!: string;

  @Field(() => String, { description: 'A short, distinct label for drawings, e.g. "cilta-cel 2024" (a product\'s INN short name and year, an agency\'s acronym, a long name cut at a word).' })
  caption!: string;

  @Field(() => [String], { description: 'Other names: abbreviations, brand names, the article\'s own spellings.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'A short description from the article.' })
  description!: string | null;

  @Field(() => [Source], { description: 'Provenance: one entry per cited reference, or one uncited entry.' })
  sources!: Source[];

  @Field(() => Boolean, { description: 'True for a retracted entity, read with `includeRetracted: true` (`retracted(id)` says why); false otherwise.' })
  retracted!: boolean;
}
