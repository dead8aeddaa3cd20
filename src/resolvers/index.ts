import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ProductResolver, ReformResolver, SourceResolver, StatisticResolver } from './derived.resolver.js';
import { facetsResolvers } from './facets.resolver.js';
import { QueryResolver } from './query.resolver.js';
import { ChangesResolver, DocumentResolver } from './changes.resolver.js';
import { SubscriptionResolver } from './subscriptions.resolver.js';
import { RELATION_RESOLVERS, serveRelationsDirectly } from './relations.resolver.js';
import { authChecker } from '../identity/auth-checker.js';

export const RESOLVERS = [QueryResolver, ...RELATION_RESOLVERS, ...facetsResolvers(), ProductResolver, ReformResolver, StatisticResolver, SourceResolver, ChangesResolver, DocumentResolver, SubscriptionResolver] as const;
let schema: Promise<GraphQLSchema> | undefined;

const NO_TOPICS = {
  publish: () => {
    throw new Error('no topics: live changes come from the change log');
  },
  subscribe: () => {
    throw new Error('no topics: live changes come from the change log');
  },
};

/** The GraphQL schema, built once per process from the type-graphql classes. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: false,
    emitSchemaFile: false,
    authChecker,
    // type-graphql asks for a PubSub whenever there are subscriptions; ours is the change log
    // (src/versions), each subscription gives its own `subscribe`, so topics are never used.
    pubSub: NO_TOPICS,
  }).then((built) => {
    serveRelationsDirectly(built);
    built.getQueryType()!.description =
      'Questions about China\'s cell-therapy regulatory landscape: entities by id or kind, search, reforms and approvals in time, paths, neighbourhoods and the consistency findings.';
    const mutation = built.getMutationType();
    const subscription = built.getSubscriptionType();
    if (subscription) subscription.description = 'Live changes over graphql-ws on /graphql: change sets as they commit, resumable from any seq.';
    if (mutation) mutation.description = 'Writes: each is one change set, applied in one transaction, cited, attributed to the signed-in caller and kept (served when WRITES_ENABLED is set, to the roles curator, editor and admin).';
    return built;
  });
  return schema;
}
