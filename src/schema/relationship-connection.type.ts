import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageInfo } from './connection.type.js';
import { Source } from './node.interface.js';

const made = new Map<string, ClassType>();

/**
 * `<Type>RelationshipConnection`: a page of the nodes at the other end of a relationship field,
 * each edge carrying the relationship's own provenance. One type per node type, shared by every
 * relationship field that leads to it.
 */
export function RelationshipConnection(typeName: string, NodeType: () => unknown): ClassType {
  const existing = made.get(typeName);
  if (existing) return existing;

  @ObjectType(`${typeName}RelationshipEdge`, { simpleResolvers: true, description: `A relationship to a ${typeName}, with the relationship's provenance.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` for the next page.' })
    cursor!: string;

    @Field(NodeType as () => ClassType, { description: `The ${typeName} at the other end.` })
    node!: unknown;

    @Field(() => [Source], { description: 'Where the article states this relationship.' })
    sources!: Source[];

    @Field(() => GraphQLJSONObject, { description: 'Properties of the relationship other than provenance (e.g. dimension, scope).' })
    properties!: Record<string, unknown>;
  }

  @ObjectType(`${typeName}RelationshipConnection`, {
    simpleResolvers: true,
    description: `A page of ${typeName} nodes related to a node, ordered by name and id.`,
  })
  class RelationshipConnectionType {
    @Field(() => [Edge], { description: 'The edges of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page is in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many such relationships the node has (read from its degree).' })
    totalCount!: number;
    // `aggregate` and `facets`: src/resolvers/facets.resolver.ts.
  }
  made.set(typeName, RelationshipConnectionType);
  return RelationshipConnectionType;
}

/** Every relationship connection type made so far (src/resolvers adds `facets` to each). */
export function relationshipConnectionTypes(): ClassType[] {
  return [...made.values()];
}
