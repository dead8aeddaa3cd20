/**
 * Coded client errors. Anything else that escapes a resolver is masked by formatError (src/app.ts).
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  CONFLICT: 'CONFLICT',
  WRITES_DISABLED: 'WRITES_DISABLED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
} as const;

/** Operations refused before execution for their size or shape (src/limits.ts); all HTTP 400. */
export type Refusal = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES' | 'TOO_MANY_TOKENS';
/** Codes that describe the client's request or a passing condition; anything else is masked. */
export const CLIENT_CODES: ReadonlySet<string> = new Set([
  'QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS',
  'BAD_USER_INPUT', 'NOT_FOUND', 'SERVICE_UNAVAILABLE', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'CONFLICT', 'WRITES_DISABLED',
  'UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

export const REFUSALS: ReadonlySet<string> = new Set<Refusal>(['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'TOO_MANY_TOKENS']);

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
}

/** A variable of the wrong type: the whole request is refused, HTTP 400, as for a wrong literal. */
export function badVariables(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function queryRejected(code: Refusal, message: string, details: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

/** A bad operation of a change set: which one (0-based) and which field, so a client can point at it. */
export function badOperation(operation: number, field: string, message: string): GraphQLError {
  return new GraphQLError(`operations[${operation}].${field}: ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'input', operation, field } });
}

/** A change set made against a state that has moved on: the newest change set that touched its facts. */
export function conflict(message: string, newerSeq: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, newerSeq } });
}

/** A caller whose roles do not allow the operation (HTTP 403 when nothing else was answered). */
/**
 * An aggregate or facet over more matches than it reads (GRAPHQL_MAX_GROUPED): refused, as a field
 * error, rather than answered from part of them or from a scan of seconds.
 */
export function tooManyToGroup(field: string, max: number): GraphQLError {
  return new GraphQLError(
    `"${field}" groups at most ${max.toLocaleString('en')} matches, and more match: narrow the list first (a filter or where naming a target, sponsor or agency, a year range)`,
    { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, maxGrouped: max } },
  );
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}
