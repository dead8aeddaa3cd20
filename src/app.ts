/**
 * The HTTP application: GraphQL at /graphql (Apollo Server 5 on Express), health and readiness
 * probes, the offline GraphiQL explorer and the Neo4j Browser style.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import type { Executor } from './graph/executor.js';
import type { ReadinessProbe } from './graph/readiness.js';
import { limitsPlugin } from './limits.js';
import { EXAMPLES_FILE, exampleOperations } from './resolvers/examples.js';
import { buildApiSchema } from './resolvers/index.js';
import { explorerRouter } from './explorer.js';

export const EXAMPLES = readFileSync(EXAMPLES_FILE, 'utf8');
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'SERVICE_UNAVAILABLE', 'QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/** Client errors pass with their code; anything else is masked, so no internals leak outside development. */
export function formatError(env: Config['env']) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A scalar that refuses a literal argument surfaces as a validation error; keep its own code.
    const cause = (error as GraphQLError)?.originalError;
    if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && cause instanceof GraphQLError && cause.extensions?.code === 'BAD_USER_INPUT') {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && CLIENT_CODES.has(code)) return formatted;
    if (env === 'development') return formatted;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * Outside production, every response says what it cost: Neo4j round trips, the time Neo4j spent,
 * and the estimated cost the limits checked (`extensions.cost`), so a client sees what a query costs.
 */
function costReport(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const { executor, cost } = contextValue;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { roundTrips: executor.log.length, neo4jMs: Math.round(executor.neo4jMs * 10) / 10, estimated: cost ?? null },
          };
        },
      };
    },
  };
}

/**
 * A body that cannot be read is the client's mistake: a GraphQL-shaped JSON error with a code, in
 * every mode, never Express's HTML page (which shows a stack trace and file paths in development).
 */
function bodyErrors(error: { type?: string; status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (res.headersSent) return next(error);
  const known: Record<string, [number, string, string]> = {
    'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON.'],
    'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 100 kB.'],
    'encoding.unsupported': [415, 'BAD_REQUEST', 'The request body has an unsupported encoding.'],
    'charset.unsupported': [415, 'BAD_REQUEST', 'The request body has an unsupported charset.'],
  };
  const [status, code, message] = known[error.type ?? ''] ?? [500, 'INTERNAL_SERVER_ERROR', 'Internal server error'];
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Production: a plain page that loads nothing from anywhere and says how to call the API. */
function plainLandingPage(): ApolloServerPlugin<Context> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cell-therapy-kg GraphQL API</title></head>
<body><h1>cell-therapy-kg GraphQL API</h1><p>POST GraphQL operations as JSON to this URL, e.g.</p>
<pre>curl -H 'content-type: application/json' -d '{"query":"{ products { totalCount } }"}' &lt;this URL&gt;</pre></body></html>`;
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}

export interface AppOptions {
  config: Config;
  executor: Executor;
  readiness: ReadinessProbe;
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  listen(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function createApp({ config, executor, readiness }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const development = config.env !== 'production';
  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.env === 'development',
    formatError: formatError(config.env),
    csrfPrevention: true,
    // src/main.ts handles SIGTERM/SIGINT itself (drain, close the driver, exit).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      limitsPlugin(config.limits),
      ...(development ? [costReport()] : []),
      development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: { endpointIsEditable: false, runTelemetry: false }, document: EXAMPLES, footer: false })
        : plainLandingPage(),
    ],
  });
  await apollo.start();
  // The example operations are the shapes people use most: their plans are compiled before /readyz
  // says ready, and again after Neo4j comes back.
  readiness.warmWith(async () => {
    for (const op of exampleOperations(EXAMPLES)) {
      const response = await apollo.executeOperation({ query: EXAMPLES, operationName: op.name }, { contextValue: createContext(executor, config.limits) });
      if (response.body.kind === 'single' && response.body.singleResult.errors) throw new Error(`${op.name}: ${response.body.singleResult.errors[0].message}`);
    }
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const state = await readiness.check();
    res.status(state.ready ? 200 : 503).json(state.ready ? { status: 'ready' } : { status: 'unavailable', reason: state.reason });
  });
  app.use(explorerRouter(EXAMPLES));
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.corsOrigins, credentials: true }),
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => createContext(executor, config.limits) }),
  );
  app.use(bodyErrors);

  return {
    httpServer,
    apollo,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}`);
        });
      }),
    stop: () => apollo.stop(),
  };
}
