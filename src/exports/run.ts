import type { ApolloServer } from '@apollo/server';
import type { Config } from '../config.js';
import { createContext, type Context } from '../context.js';
import type { Executor } from '../graph/executor.js';
import type { RunOperation } from './lists.js';

/** Runs export pages through the API's own GraphQL server: the same filters, order, limits and cost checks. */
export function operationRunner(apollo: ApolloServer<Context>, executor: Executor, limits: Config['limits'], requestId?: string): RunOperation {
  return async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(executor, limits, requestId) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };
}
