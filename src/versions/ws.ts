/**
 * GraphQL subscriptions over graphql-ws on /graphql (Apollo Server's recipe: a WebSocketServer on the
 * same HTTP server, `useServer`, disposed in the drain). The socket serves subscriptions only; queries
 * and mutations stay on HTTP, where their limits, cache and logs are.
 *
 * Each door of it is bounded: the caller is identified once per connection (a bearer token in
 * `connectionParams.authorization`, or the upgrade request's Authorization header), refused as over
 * HTTP; connections are counted per identity (anonymous callers per address) and in all; a connection
 * holds a few subscriptions; a subscription document passes the HTTP limits (tokens, depth, aliases);
 * a slow reader is cut off (live.ts).
 */
import type http from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Config } from '../config.js';
import { createContext, type Context } from '../context.js';
import type { Executor } from '../graph/executor.js';
import type { Identity } from '../identity/roles.js';
import type { TokenVerifier } from '../identity/verify.js';
import type { Logger } from '../observability/logger.js';
import type { ChangeFollower } from './follower.js';
import { SLOW_CONSUMER } from './live.js';

export interface SubscriptionLimits {
  /** Open connections per identity (token subject, or address for anonymous callers). */
  perIdentity: number;
  /** Open connections in all. */
  total: number;
  /** Subscriptions at once on one connection. */
  perConnection: number;
  /** Live events kept for a subscriber that is busy, before it is cut off as a slow consumer. */
  buffer: number;
}

/** What a subscription resolver gets besides the usual context. */
export interface LiveContext {
  follower: ChangeFollower;
  buffer: number;
  /** Closes this connection as a slow consumer. */
  cutOff: () => void;
  /** Resolves when the connection closes. */
  closed: Promise<void>;
}

/** Close codes (4000-4999 are the application's; graphql-ws uses 44xx for its protocol). */
export const CLOSE = {
  unauthenticated: { code: 4401, reason: 'UNAUTHENTICATED' },
  tooMany: { code: 4029, reason: 'TOO_MANY_CONNECTIONS' },
} as const;

type Extra = Record<PropertyKey, unknown> & {
  socket: WebSocket;
  request: http.IncomingMessage;
  identity?: Identity | null;
  key?: string;
  closed?: Promise<void>;
};

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  executor: Executor;
  follower: ChangeFollower;
  verifier: TokenVerifier;
  config: Config;
  validationRules: ValidationRule[];
  logger: Logger;
}

export function subscriptionServer({ httpServer, schema, executor, follower, verifier, config, validationRules, logger }: SubscriptionServerOptions) {
  const limits = config.subscriptions;
  // A subscribe message is a small document and its variables. The upgrade is handled here rather than
  // by `{server}`: ws would re-emit the HTTP server's own errors (a port in use) as its own.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const open = new Map<string, number>();
  let total = 0;
  const rules = [...specifiedRules, ...validationRules];

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        const given = ctx.connectionParams?.authorization ?? request.headers.authorization;
        let identity: Identity | null;
        try {
          identity = await verifier.identify(typeof given === 'string' ? given : undefined);
          if (!identity && !config.auth.anonymousReads) throw new GraphQLError('this server does not answer anonymous requests: send connectionParams { authorization: "Bearer <JWT>" }');
        } catch (error) {
          socket.close(CLOSE.unauthenticated.code, `${CLOSE.unauthenticated.reason}: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
        const key = identity ? `sub:${identity.subject}` : `addr:${request.socket.remoteAddress ?? '?'}`;
        const mine = open.get(key) ?? 0;
        if (mine >= limits.perIdentity || total >= limits.total) {
          logger.warn({ key: identity ? identity.subject : 'anonymous', open: mine, total }, 'subscription connection refused');
          socket.close(CLOSE.tooMany.code, `${CLOSE.tooMany.reason}: at most ${mine >= limits.perIdentity ? `${limits.perIdentity} per caller` : `${limits.total} in all`}`);
          return false;
        }
        open.set(key, mine + 1);
        total++;
        ctx.extra.identity = identity;
        ctx.extra.key = key;
        ctx.extra.closed = new Promise((resolve) => socket.once('close', () => resolve()));
        return true;
      },
      onClose: (ctx) => {
        const { key } = ctx.extra;
        if (!key) return;
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
        total--;
      },
      onSubscribe: (ctx, _id, payload) => {
        // The subscription being started is already counted.
        if (Object.keys(ctx.subscriptions).length > limits.perConnection) {
          return [new GraphQLError(`at most ${limits.perConnection} subscriptions on one connection`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (error) {
          return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: (e.extensions?.code as string | undefined) ?? 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('This WebSocket serves subscriptions; send queries and mutations over HTTP POST /graphql.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const { socket, identity, closed } = ctx.extra;
        const live: LiveContext = {
          follower,
          buffer: limits.buffer,
          cutOff: () => socket.close(SLOW_CONSUMER.code, SLOW_CONSUMER.reason.slice(0, 120)),
          closed: closed!,
        };
        const contextValue: Context & { live: LiveContext } = { ...createContext(executor, config.limits), identity: identity ?? null, live };
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
        return args;
      },
      // Errors carry their code; nothing else (no stack, no internals) reaches the client.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => ({ message: e.extensions?.code ? e.message : 'Internal server error', extensions: { code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR' } })),
    },
    wss,
  );
  return {
    connections: () => total,
    dispose: () => server.dispose(),
  };
}
