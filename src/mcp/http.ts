/**
 * MCP over Streamable HTTP at /mcp on the API server: stateless (a server and transport per request,
 * JSON answers, no session to keep), so any API process answers any call.
 *
 * The door, in the MCP specification's advice against DNS rebinding: a browser's `Origin` must be one
 * of MCP_ALLOWED_ORIGINS (none by default: desktop and server clients send none), and while the API
 * listens on loopback the `Host` must name loopback. A caller's token is verified like /graphql's, for
 * the MCP audience when MCP_AUDIENCE is set (a token issued for the GraphQL API is then refused here),
 * and is never passed on. Calls are limited per caller (a burst, then a rate); the body is small.
 */
import express from 'express';
import type { ApolloServer } from '@apollo/server';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Executor } from '../graph/executor.js';
import { TokenVerifier } from '../identity/verify.js';
import type { Identity } from '../identity/roles.js';
import { WriteLimiter } from '../identity/write-limit.js';
import { jsonDepth, MAX_BODY_DEPTH } from '../limits.js';
import { createMcpServer, mcpTools } from './server.js';
import type { ChangeFollower } from '../versions/follower.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function refuse(res: express.Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.status(status).set(headers).json({ jsonrpc: '2.0', id: null, error: { code: -32000, message: `${code}: ${message}`, data: { code } } });
}

export interface McpDoorOptions {
  apollo: ApolloServer<Context>;
  executor: Executor;
  config: Config;
  version: string;
  follower?: ChangeFollower;
}

export async function mcpRouter({ apollo, executor, config, version, follower }: McpDoorOptions): Promise<express.Router> {
  const router = express.Router();
  const verifier = await TokenVerifier.create({ ...config.auth, ...(config.mcp.audience ? { audience: config.mcp.audience } : {}) });
  const limiter = new WriteLimiter(config.mcp.burst, config.mcp.perMinute);
  const writes = config.writesEnabled ? { enabled: true, limiter: new WriteLimiter(config.writeLimits.burst, config.writeLimits.perMinute), maxDraftOperations: config.writeLimits.maxDraftOperations } : undefined;
  const loopbackOnly = LOOPBACK.has(config.host);
  const tools = await mcpTools();

  router.all('/mcp', (req, res, next) => {
    if (req.method === 'POST') return next();
    // Stateless: no server-initiated stream (GET) and no session to end (DELETE).
    refuse(res, 405, 'METHOD_NOT_ALLOWED', 'this MCP endpoint is stateless: POST JSON-RPC requests to it', { allow: 'POST' });
  });
  router.post(
    '/mcp',
    (req, res, next) => {
      const origin = req.headers.origin;
      if (origin && !config.mcp.allowedOrigins.includes(origin)) return refuse(res, 403, 'FORBIDDEN', `the Origin ${origin} is not allowed (MCP_ALLOWED_ORIGINS)`);
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (loopbackOnly && !LOOPBACK.has(host)) return refuse(res, 403, 'FORBIDDEN', `the Host ${host} is not this loopback server`);
      next();
    },
    express.json({ limit: '64kb' }),
    async (req, res) => {
      if (jsonDepth(req.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) return refuse(res, 400, 'BAD_USER_INPUT', `the body nests deeper than ${MAX_BODY_DEPTH}`);
      let identity: Identity | null;
      try {
        identity = await verifier.identify(req.headers.authorization);
      } catch (error) {
        return refuse(res, 401, 'UNAUTHENTICATED', (error as Error).message, { 'www-authenticate': 'Bearer' });
      }
      if (!identity && !config.auth.anonymousReads) return refuse(res, 401, 'UNAUTHENTICATED', 'this server does not answer anonymous requests: send "Authorization: Bearer <JWT>"', { 'www-authenticate': 'Bearer' });
      try {
        limiter.take(identity ? `sub:${identity.subject}` : `addr:${req.socket.remoteAddress ?? '?'}`);
      } catch (error) {
        const seconds = String((error as { extensions?: { retryAfter?: number } }).extensions?.retryAfter ?? 1);
        return refuse(res, 429, 'TOO_MANY_REQUESTS', `at most ${config.mcp.perMinute} calls a minute per caller; retry in ${seconds} s`, { 'retry-after': seconds });
      }
      const server = createMcpServer({ apollo, executor, config, identity, tokenBudget: config.mcp.tokenBudget, version, follower, writes, tools });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    },
  );
  return router;
}
