import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { EntityKind, RelationshipType } from './enums.js';
import { Product } from './products.type.js';
import { Node, Source } from './node.interface.js';
import { PartialDateScalar } from './scalars.js';
import { PageInfo } from './connection.type.js';
import { Reform } from './instruments.type.js';

@ObjectType({ simpleResolvers: true, description: 'A reform that took effect before a product\'s approval, with the lag between them.' })
export class ReformLag {
  @Field(() => Reform, { description: 'The reform.' })
  reform!: Reform;

  @Field(() => Product, { description: 'The approved product.' })
  product!: Product;

  @Field(() => Int, { description: 'Approval year minus reform year (the article dates both by year).' })
  lagYears!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A relationship between two nodes, with its provenance.' })
export class Relationship {
  @Field(() => ID, { description: 'Stable id: "<from>|<TYPE>|<to>".' })
  id!: string;

  @Field(() => RelationshipType, { description: 'The relationship type.' })
  type!: string;

  @Field(() => ID, { description: 'Id of the start node.' })
  from!: string;

  @Field(() => ID, { description: 'Id of the end node.' })
  to!: string;

  @Field(() => Boolean, { description: 'True for a retracted relationship, read with `includeRetracted: true` (its properties say when and why); false otherwise.' })
  retracted!: boolean;

  @Field(() => GraphQLJSONObject, { description: 'Properties of the relationship other than provenance (e.g. dimension, scope).' })
  properties!: Record<string, unknown>;

  @Field(() => [Source], { description: 'Provenance of the relationship.' })
  sources!: Source[];
}

@ObjectType({ simpleResolvers: true, description: 'A subgraph, ready to draw: nodes and the relationships among them.' })
export class Subgraph {
  @Field(() => [Node], { description: 'The nodes; the centre comes first.' })
  nodes!: Node[];

  @Field(() => [Relationship], { description: 'The relationships between two of the nodes (at most 1,000, by start id, type and end id).' })
  edges!: Relationship[];

  @Field(() => Boolean, { description: 'Whether `limit` cut off nodes that were within reach.' })
  truncated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A shortest path between two nodes.' })
export class Path {
  @Field(() => [Node], { description: 'The nodes along the path, from start to end.' })
  nodes!: Node[];

  @Field(() => [Relationship], { description: 'The relationships along the path, in order.' })
  relationships!: Relationship[];

  @Field(() => Int, { description: 'Number of relationships (hops).' })
  length!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A dated event of the timeline.' })
export class TimelineEntry {
  @Field(() => PartialDateScalar, { description: 'When, at the precision the article gives.' })
  date!: string;

  @Field(() => EntityKind, { description: 'The kind of entity.' })
  kind!: string;

  @Field(() => String, { description: 'What happened, e.g. "Approval: Relmacabtagene autoleucel".' })
  title!: string;

  @Field(() => Node, { description: 'The dated entity.' })
  node!: Node;
}

@ObjectType({ simpleResolvers: true, description: 'A search result on a page of results.' })
export class SearchEdge {
  @Field(() => String, { description: 'Opaque cursor of this hit; pass it as `after` for the hits after it.' })
  cursor!: string;

  @Field(() => Float, { description: 'Relevance score (higher is better).' })
  score!: number;

  @Field(() => Node, { description: 'The matching entity.' })
  node!: Node;

  @Field(() => String, { nullable: true, description: 'Where the words show: about 160 characters of the first of its name, aliases, description or quote (the article\'s words) that holds one, each word in <em>…</em>.' })
  highlight!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'How many hits are of one kind.' })
export class KindCount {
  @Field(() => EntityKind, { description: 'The kind.' })
  kind!: string;

  @Field(() => Int, { description: 'How many hits of it.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A page of search results, with the total and the counts per kind.' })
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The hits of this page, best first.' })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: 'Where this page is in the results.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many hits (of the kinds asked) among the best 1,000 matches.' })
  totalCount!: number;

  @Field(() => Boolean, { description: 'False when the index had more matches than the 1,000 that are paged and counted.' })
  totalCountIsExact!: boolean;

  @Field(() => [KindCount], { description: 'Hits per kind, of every kind (also those not asked), most first: facets for narrowing a search.' })
  kinds!: KindCount[];
}

@ObjectType({ simpleResolvers: true, description: 'A search result.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance score (higher is better).' })
  score!: number;

  @Field(() => Node, { description: 'The matching entity.' })
  node!: Node;
}
