/**
 * Refuses abusive operations before they reach a resolver (and so before Neo4j): too deep, too
 * costly, or too many aliases. Introspection-only operations (Sandbox, GraphiQL) are exempt.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from './config.js';
import { badUserInput, queryRejected } from './errors.js';

// The package's ESM build imports graphql's .mjs files: a second graphql realm beside the CommonJS
// one that Apollo and type-graphql use. Its CommonJS build shares theirs.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

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
export function costEstimator(defaultPageSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const fieldType = getNullableType(field.type);
    const named = 'name' in fieldType ? String(fieldType.name) : '';
    if (named.endsWith('Connection')) return 1 + childComplexity * Number(args.first ?? defaultPageSize);
    if (isListType(fieldType)) {
      if (field.name === 'edges' && type.name.endsWith('Connection')) return 1 + childComplexity;
      const paged = field.args.some((a) => a.name === 'first');
      const size = args.first ?? args.limit ?? (Array.isArray(args.ids) ? args.ids.length : paged ? defaultPageSize : SHORT_LIST);
      return 1 + childComplexity * Number(size);
    }
    return 1 + childComplexity;
  };
}

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      max = Math.max(max, depthOf(fragments.get(name)?.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

function aliasCount(document: DocumentNode): number {
  let count = 0;
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.alias) count++;
      if (s.kind !== Kind.FRAGMENT_SPREAD) visit(s.selectionSet);
    }
  };
  for (const def of document.definitions) if ('selectionSet' in def) visit(def.selectionSet);
  return count;
}

function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__') && s.name.value !== '__typename');
}

/** Measures of an operation, as the limits see them. */
export function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, defaultPageSize: number) {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return {
    depth: depthOf(operation.selectionSet, fragments),
    aliases: aliasCount(document),
    cost: getComplexity({ schema, query: document, operationName: operation.name?.value, variables, estimators: [costEstimator(defaultPageSize)] }),
  };
}

export function limitsPlugin<TContext extends object>(limits: Config['limits']): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation || isIntrospectionOnly(operation)) return;
          let measured: ReturnType<typeof measure>;
          try {
            measured = measure(schema, document, operation, request.variables ?? {}, limits.defaultPageSize);
          } catch (error) {
            // Measuring coerces the variables first; a value of the wrong type is the client's mistake.
            throw badUserInput((error as Error).message);
          }
          const { depth, aliases, cost } = measured;
          (contextValue as { cost?: number }).cost = cost;
          if (aliases > limits.maxAliases) {
            throw queryRejected('TOO_MANY_ALIASES', `The operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, { aliases, maxAliases: limits.maxAliases });
          }
          if (depth > limits.maxDepth) {
            throw queryRejected('QUERY_TOO_DEEP', `The operation is ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, { depth, maxDepth: limits.maxDepth });
          }
          if (cost > limits.maxCost) {
            throw queryRejected('QUERY_TOO_COMPLEX', `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed. Ask for smaller pages or fewer nested lists.`, { cost, maxCost: limits.maxCost });
          }
        },
      };
    },
  };
}
