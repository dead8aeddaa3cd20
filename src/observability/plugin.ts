/**
 * One log line and one set of metrics per GraphQL operation: request id, operation name, duration,
 * Neo4j round trips and time, the first error code, and whether execution started at all (a refused
 * operation never reaches a resolver). Internal errors are logged with their stack; clients only
 * ever see them masked (src/app.ts formatError).
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Kind, type GraphQLFormattedError } from 'graphql';
import { ROLES } from '../identity/roles.js';
import type { Context } from '../context.js';
import { CLIENT_CODES } from '../errors.js';
import type { Logger } from './logger.js';
import { NOT_EXECUTED, type Metrics, type Outcome } from './metrics.js';

/** The request id of operations the server runs on itself (plan warming; see Context.internal). */
export const WARM_UP = 'warm-up';

function outcomeOf(errors: readonly GraphQLFormattedError[] | undefined): { outcome: Outcome; code?: string } {
  if (!errors?.length) return { outcome: 'ok' };
  const code = String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (code === 'SERVICE_UNAVAILABLE') return { outcome: 'unavailable', code };
  if (code === 'INTERNAL_SERVER_ERROR') return { outcome: 'internal_error', code };
  return { outcome: 'client_error', code };
}

/**
 * The operation's name for the log: Apollo knows it once the operation is resolved; a refused
 * operation is named from the request, or from the document when it holds one operation. Cut to
 * MAX_LOGGED_NAME characters: a client may send 100 kB of operationName.
 */
function nameOf(context: Pick<GraphQLRequestContext<Context>, 'operationName' | 'request' | 'document'>): string | null {
  const name = claimedName(context);
  return name && name.length > MAX_LOGGED_NAME ? `${name.slice(0, MAX_LOGGED_NAME)}…` : name;
}

const MAX_LOGGED_NAME = 100;

function claimedName({ operationName, request, document }: Pick<GraphQLRequestContext<Context>, 'operationName' | 'request' | 'document'>): string | null {
  if (operationName) return operationName;
  if (request.operationName) return request.operationName;
  const operations = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 && operations[0].kind === Kind.OPERATION_DEFINITION ? (operations[0].name?.value ?? null) : null;
}

/** Error codes a write's outcome is counted by; any other is "other", so the label stays bounded. */
const BOUNDED_CODES = new Set(['BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN', 'WRITES_DISABLED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

export function observabilityPlugin(logger: Logger, metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async didEncounterErrors(requestContext) {
          const { errors, contextValue } = requestContext;
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && CLIENT_CODES.has(code)) continue;
            logger.error({ reqId: contextValue.requestId, operation: nameOf(requestContext), path: error.path, err: error.originalError ?? error }, 'internal error');
          }
        },
        async willSendResponse(requestContext) {
          const { response, contextValue } = requestContext;
          const operation = nameOf(requestContext);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const { outcome, code } = outcomeOf(errors);
          const seconds = (performance.now() - started) / 1000;
          const { executor, requestId } = contextValue;
          // An answer from the response cache (src/versions/http.ts) was resolved and validated like
          // any other; it only did not need executing again.
          const cached = requestContext.metrics.responseCacheHit === true;
          if (cached) executed = true;
          const line = {
            reqId: requestId,
            operation,
            durationMs: Math.round(seconds * 10_000) / 10,
            roundTrips: executor.log.length,
            neo4jMs: Math.round(executor.neo4jMs * 10) / 10,
            status: response.http.status ?? 200,
            outcome,
            ...(code ? { code, errors: errors!.length } : {}),
            executed,
            ...(cached ? { cached } : {}),
          };
          if (contextValue.internal) return logger.debug(line, 'graphql');
          (outcome === 'ok' ? logger.info : logger.warn).call(logger, line, 'graphql');
          // Only an operation that executed has a name taken from its document (Apollo resolved it
          // there); anything else a client may have made up, so it is counted without one.
          const labels = { operation: executed && requestContext.operation ? metrics.operationLabel(requestContext.operationName) : NOT_EXECUTED, outcome };
          metrics.requests.inc(labels);
          metrics.duration.observe(labels, seconds);
          metrics.roundTrips.inc(executor.log.length);
          if (cached) metrics.cacheHits.inc();
          metrics.neo4jSeconds.inc(executor.neo4jMs / 1000);
          for (const error of errors ?? []) metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          if (executed && requestContext.operation?.operation === 'mutation' && !contextValue.internal) {
            // The audit line of a write: who, which mutation, the change set or draft it made, how it ended.
            const identity = contextValue.identity;
            const role = identity ? ([...ROLES].reverse().find((r) => identity.roles.includes(r)) ?? 'none') : 'anonymous';
            const data = response.body.kind === 'single' ? (response.body.singleResult.data as Record<string, { changeSet?: { seq?: number }; draft?: { id?: string }; id?: string } | null> | null | undefined) : undefined;
            const answer = data ? Object.values(data)[0] : undefined;
            const fields = requestContext.operation.selectionSet.selections.flatMap((sel) => (sel.kind === Kind.FIELD ? [sel.name.value] : []));
            logger.info({ reqId: requestId, actor: identity?.subject ?? null, role, mutation: fields.join(','), seq: answer?.changeSet?.seq ?? null, draft: answer?.draft?.id ?? answer?.id ?? null, outcome: code ?? 'ok' }, 'write');
            metrics.writes.inc({ role, outcome: code && BOUNDED_CODES.has(code) ? code : code ? 'other' : 'ok' });
          }
        },
      };
    },
  };
}
