/**
 * Refuses abusive operations before they reach a resolver (and so before Neo4j): too many tokens,
 * aliases or directives, too deep (GraphQL Armor), or too costly (our estimator). Introspection is
 * not exempt.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloArmor as ApolloArmorType } from '@escape.tech/graphql-armor';
import type { Config } from './config.js';
import type { KindSizes } from './graph/kind-sizes.js';
import { badVariables, queryRejected, type Refusal } from './errors.js';

// These packages' ESM builds import graphql's .mjs files: a second graphql realm beside the
// CommonJS one that Apollo and type-graphql use. Their CommonJS builds share theirs.
const require = createRequire(import.meta.url);
const { getComplexity } = require('graphql-query-complexity') as typeof import('graphql-query-complexity');
const { ApolloArmor } = require('@escape.tech/graphql-armor') as { ApolloArmor: typeof ApolloArmorType };

/**
 * Assumed size of a list that takes no page size (a node's sources, a path's nodes): these are
 * short by construction. Every list that can grow with the graph takes `first` or `limit`.
 */
const SHORT_LIST = 5;

/**
 * Cost: 1 per field; a connection or list multiplies its children by what it can return: `first`
 * (its default page size when omitted, which is also what Cypher's LIMIT enforces), `limit`, the
 * number of `ids`, or SHORT_LIST. A connection's `edges` list adds no factor of its own, since the
 * connection already counted its page size.
 */
export function costEstimator(defaultPageSize: number, sizeOf: SizeOf = () => undefined): ComplexityEstimator {
  /** A list returns at most `asked` items, and never more than the graph holds of its kind. */
  const capped = (asked: number, typeName: string) => Math.min(asked, sizeOf(typeName) ?? asked);
  return ({ type, field, args, childComplexity }) => {
    const fieldType = getNullableType(field.type);
    const named = 'name' in fieldType ? String(fieldType.name) : '';
    if (named.endsWith('Connection')) {
      return 1 + childComplexity * capped(Number(args.first ?? defaultPageSize), named.replace(/(Relationship)?Connection$/, ''));
    }
    if (isListType(fieldType)) {
      if (field.name === 'edges' && type.name.endsWith('Connection')) return 1 + childComplexity;
      // Facet buckets come from one aggregation beside the page, not from a read per bucket.
      if (field.name === 'facets' && type.name.endsWith('Connection')) return 1 + childComplexity;
      const paged = field.args.some((a) => a.name === 'first');
      const size = args.first ?? args.limit ?? (Array.isArray(args.ids) ? args.ids.length : paged ? defaultPageSize : SHORT_LIST);
      return 1 + childComplexity * capped(Number(size), getNamedType(field.type).name);
    }
    return 1 + childComplexity;
  };
}

/** How many nodes of a GraphQL type the graph holds, when known (src/graph/kind-sizes.ts). */
export type SizeOf = (typeName: string) => number | undefined;

/** An operation's estimated cost (see costEstimator). */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, defaultPageSize: number, sizeOf?: SizeOf) {
  return getComplexity({ schema, query: document, operationName: operation.name?.value, variables, estimators: [costEstimator(defaultPageSize, sizeOf)] });
}

/** Distinct variable sets remembered per operation; beyond it the oldest is forgotten. */
const COSTS_PER_DOCUMENT = 100;

/**
 * Estimating walks the whole document with type information: measured with --cpu-prof, 11 % of the
 * API's CPU per request for the example operations. Apollo keeps one parsed DocumentNode per query
 * text, so the estimate is remembered per document, operation and variables.
 */
const costCache = new WeakMap<DocumentNode, Map<string, number>>();

function cachedCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, defaultPageSize: number, sizes?: KindSizes): number {
  const key = `${operation.name?.value ?? ''}\u0000${sizes?.version ?? 0}\u0000${JSON.stringify(variables)}`;
  let costs = costCache.get(document);
  if (!costs) costCache.set(document, (costs = new Map()));
  const known = costs.get(key);
  if (known !== undefined) return known;
  const cost = estimateCost(schema, document, operation, variables, defaultPageSize, sizes && ((t) => sizes.of(t)));
  if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
  costs.set(key, cost);
  return cost;
}

/**
 * The operation's cost, checked after validation (so after Armor's limits) and before any resolver.
 * Introspection is measured too: its lists take no page size and count as SHORT_LIST each.
 */
export function costLimitPlugin<TContext extends object>(limits: Config['limits'], sizes?: KindSizes): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          let cost: number;
          try {
            cost = cachedCost(schema, document, operation, request.variables ?? {}, limits.defaultPageSize, sizes);
          } catch (error) {
            // Estimating coerces the variables first; a value of the wrong type is the client's mistake.
            throw badVariables((error as Error).message);
          }
          (contextValue as { cost?: number }).cost = cost;
          if (cost > limits.maxCost) {
            throw queryRejected('QUERY_TOO_COMPLEX', `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed. Ask for smaller pages or fewer nested lists.`, { cost, maxCost: limits.maxCost });
          }
        },
      };
    },
  };
}

/** Armor reports a refusal through the validation context; ours carries a code of its own. */
function refuse(code: Refusal, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    // Armor prefixes its messages with "Syntax Error: " whatever the limit; drop it.
    const message = error.message.replace(/^Syntax Error: /, '');
    const refusal = queryRejected(code, message, { limit });
    if (context) context.reportError(refusal);
    else throw refusal;
  };
}

/**
 * The token limit is graphql-js's own parser option (`maxTokens`, Armor's default of 1,000): the
 * parser stops at the first token past it, so a 94 kB document costs what its first 1,000 tokens
 * do. Armor's token plugin for Apollo throws from a plugin hook, which Apollo Server 5 answers
 * with HTTP 500; the parser's error is a syntax error, HTTP 400.
 */
export function parseOptions(limits: Config['limits']) {
  return { maxTokens: limits.maxTokens };
}

/** The parser's message for a document over the token limit ("more that" is graphql-js's spelling). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more that? (\d+) tokens/;

/** A parse error caused by the token limit gets its own code and a plain message. */
export function tokenLimitRefusal(message: string): { message: string; code: Refusal } | undefined {
  const match = TOKEN_LIMIT.exec(message);
  return match ? { message: `Token limit of ${match[1]} exceeded.`, code: 'TOO_MANY_TOKENS' } : undefined;
}

/**
 * GraphQL Armor's validation limits: aliases and directives as executed (each fragment spread
 * counts its fragment's again), and depth. Introspection counts for aliases and directives; Armor
 * leaves `__schema` out of depth, which the token limit bounds. The cost limit stays ours: Armor's
 * counts fields by depth and knows no page sizes, so it would pass `products(first: 100) { ...four
 * nested lists }` and refuse a wide but tiny selection.
 */
export function armorLimits<TContext extends object>(limits: Config['limits'], production: boolean): { plugins: ApolloServerPlugin<TContext>[]; validationRules: ValidationRule[] } {
  const options = (code: Refusal, n: number) => ({ n, exposeLimits: true, propagateOnRejection: false, onReject: [refuse(code, n)] });
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    maxAliases: options('TOO_MANY_ALIASES', limits.maxAliases),
    maxDirectives: options('TOO_MANY_DIRECTIVES', limits.maxDirectives),
    // Fragments are inlined where spread, so depth is the depth of what executes.
    maxDepth: { ...options('QUERY_TOO_DEEP', limits.maxDepth), flattenFragments: true },
    costLimit: { enabled: false },
    // "Did you mean …?" names fields a client did not ask for; production keeps them to itself.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // Armor is typed against Apollo's CommonJS declarations, this project against its ESM ones: the same plugin shape.
  return { plugins: armor.plugins as unknown as ApolloServerPlugin<TContext>[], validationRules: armor.validationRules };
}

/** How deep a request body may nest objects and lists (the deepest legitimate where is about 12). */
export const MAX_BODY_DEPTH = 64;

/**
 * The nesting depth of a parsed JSON value, walked without recursion and given up past `limit`
 * (so a hostile body costs at most `limit` levels of work per branch).
 */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * An operation type the schema does not have is a validation error, HTTP 400: graphql-js would
 * otherwise fail at execution with an uncoded error. Subscriptions are served over WebSocket
 * (src/versions/ws.ts), not over HTTP.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP.', { nodes: [node] }));
      return;
    }
    const root = node.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (!root) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations; it answers queries.`, { nodes: [node] }));
    }
  },
});
