import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { EventResolver, GuidelineResolver, PathwayResolver, ReformResolver } from './instruments.resolver.js';
import { ClassificationResolver, ProductResolver, ReferenceResolver, SponsorResolver, TargetResolver } from './products.resolver.js';
import { QueryResolver } from './query.resolver.js';
import { AgencyResolver, DepartmentResolver, TrackResolver } from './regulators.resolver.js';
import { FindingResolver, SourceResolver, StatisticResolver } from './statistics.resolver.js';

export const RESOLVERS = [
  QueryResolver,
  AgencyResolver,
  DepartmentResolver,
  TrackResolver,
  GuidelineResolver,
  ReformResolver,
  PathwayResolver,
  EventResolver,
  ProductResolver,
  TargetResolver,
  SponsorResolver,
  ClassificationResolver,
  ReferenceResolver,
  StatisticResolver,
  FindingResolver,
  SourceResolver,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once per process from the type-graphql classes. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: false,
    emitSchemaFile: false,
  }).then((built) => {
    built.getQueryType()!.description =
      'Questions about China\'s cell-therapy regulatory landscape: entities by id or kind, search, reforms and approvals in time, paths, neighbourhoods and the consistency findings.';
    return built;
  });
  return schema;
}
