/**
 * The same graph served by @neo4j/graphql 7, for the benchmark's side-by-side comparison: type
 * definitions generated from the project's relation table (src/graph/model.ts RELATION_FIELDS) and the
 * scalar fields of its GraphQL types, so both servers read the same labels, types and properties.
 * Fields that lead to "any node" (an interface in our API) are left out: they have no @relationship
 * equivalent without declaring unions.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { getNamedType, isObjectType, isScalarType, isListType, getNullableType, type GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { KINDS } from '../src/graph/model.js';
import { RELATION_FIELDS } from '../src/graph/model.js';

const SCALARS: Record<string, string> = { ID: 'ID', String: 'String', Int: 'Int', Float: 'Float', Boolean: 'Boolean', PartialDate: 'String' };

export function neo4jGraphqlTypeDefs(apiSchema: GraphQLSchema): string {
  const types = KINDS.map((kind) => {
    const type = apiSchema.getType(kind);
    if (!isObjectType(type)) throw new Error(`No type ${kind}`);
    const lines: string[] = [];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isScalarType(named) || field.args.length || field.name === 'kind') continue;
      const list = isListType(getNullableType(field.type));
      lines.push(`  ${field.name}: ${list ? `[${SCALARS[named.name]}!]` : SCALARS[named.name]}`);
    }
    lines.push('  sourceSection: String', '  sourceQuote: String', '  sourceRefs: [Int!]');
    for (const [name, spec] of Object.entries(RELATION_FIELDS[kind] ?? {})) {
      if (spec.to === 'Node') continue;
      lines.push(`  ${name}: [${spec.to}!]! @relationship(type: "${spec.type}", direction: ${spec.direction})`);
    }
    return `type ${kind} @node {\n${lines.join('\n')}\n}`;
  });
  return types.join('\n\n');
}

export async function neo4jGraphqlSchema(apiSchema: GraphQLSchema, driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(apiSchema), driver }).getSchema();
}
