/**
 * An operation translated to the Cypher it would send, with no database: the resolvers run as they do
 * for a request, and the reader hands its statement here instead of to Neo4j. tests/tck pins every
 * example operation and every filter, sort and connection shape this way, in seconds (the answers
 * themselves are tested against the real Neo4j in tests/).
 */
import { execute, parse, type GraphQLSchema } from 'graphql';
import type { Context } from '../../context.js';
import type { Executor } from '../executor.js';
import type { PageLimits } from './connection.js';
import { Reader } from './reader.js';

export interface Translation {
  /** Each statement the operation would send, in order (usually one), with the plans of its units that have one. */
  statements: Array<{ name: string; text: string; params: Record<string, unknown>; plans: string[][] }>;
  /** Errors raised while planning (a bad cursor, a sort key the kind lacks), by message and code. */
  errors: Array<{ message: string; code?: unknown }>;
}

/**
 * What the change log answers a translated read asOf a change set (src/graph/changes/feed.ts): the
 * newest change set is 10; since change set 8 a sponsor was renamed, a link retracted and one
 * added (to a product created since). Only the parameters of the pinned statements show it.
 */
const CHANGE_LOG: Record<string, unknown[]> = {
  'versions.current': [{ seq: 10, committedAt: '2026-12-01T00:00:00Z' }],
  'versions.changedSince': [{ scanned: 3, firsts: [{ target: 'sponsor:legend-biotech', kind: 'Sponsor', before: JSON.stringify({ id: 'sponsor:legend-biotech', name: 'Legend' }) }] }],
  'versions.graphSince': [
    {
      scanned: 3,
      firsts: [
        { target: 'sponsor:legend-biotech', relationship: false, kind: 'Sponsor', before: JSON.stringify({ id: 'sponsor:legend-biotech', name: 'Legend' }) },
        { target: 'product:ciltacabtagene-autoleucel|TARGETS|target:bcma', relationship: true, kind: 'TARGETS', before: JSON.stringify({ sourceQuote: 'BCMA' }) },
        { target: 'product:new', relationship: false, kind: 'Product', before: null },
        { target: 'product:new|TARGETS|target:bcma', relationship: true, kind: 'TARGETS', before: null },
      ],
    },
  ],
};

/** Marks the point where a statement would have gone to Neo4j. */
class NotSent extends Error {}

export async function translate(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}, limits: PageLimits = { defaultPageSize: 20, maxPageSize: 100 }): Promise<Translation> {
  const statements: Translation['statements'] = [];
  const runner = {
    readText: async (name: string, text: string, params: Record<string, unknown> = {}) => {
      // The reader recorded the statement, with the plans of its units, just before sending it.
      const plans = reader.statements.at(-1)!.plans.map((describe) => describe());
      statements.push({ name, text, params, plans });
      throw new NotSent();
    },
  };
  const reader = new Reader(runner, limits);
  // Only the reader is used by resolvers, and a read asOf a change set first asks the change log: it
  // is answered with CHANGE_LOG. Nothing else of the context touches Neo4j.
  const executor = { read: async (name: string) => CHANGE_LOG[name] ?? [] } as unknown as Executor;
  const contextValue = { requestId: 'translate', internal: true, limits, reader, executor } as Context;
  const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue });
  const errors = (result.errors ?? [])
    .filter((e) => !(e.originalError instanceof NotSent))
    .map((e) => ({ message: e.message, code: e.extensions?.code }));
  return { statements, errors };
}
