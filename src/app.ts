/**
 * The HTTP application: GraphQL at /graphql (Apollo Server 5 on Express), health and readiness
 * probes, Prometheus metrics, the offline GraphiQL explorer and the Neo4j Browser style.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { boltUrl, type Config } from './config.js';
import { createContext, type Context } from './context.js';
import type { Executor } from './graph/executor.js';
import type { ReadinessProbe } from './graph/readiness.js';
import { armorLimits, costLimitPlugin, jsonDepth, knownOperationTypes, MAX_BODY_DEPTH, parseOptions, tokenLimitRefusal } from './limits.js';
import { KindSizes } from './graph/kind-sizes.js';
import { CLIENT_CODES, REFUSALS } from './errors.js';
import { EXAMPLES_FILE, exampleOperations } from './resolvers/examples.js';
import { requireCaller, TokenVerifier, unauthenticated } from './identity/verify.js';
import { WriteLimiter } from './identity/write-limit.js';
import { buildApiSchema } from './resolvers/index.js';
import { explorerRouter } from './explorer.js';
import { exploreRouter } from './explore/router.js';
import { browserFiles, neo4jBrowserRouter } from './explore/neo4j-browser.js';
import { plainLandingPage, sandboxLandingPage } from './landing-pages.js';
import { exportsRouter } from './exports/router.js';
import { createLogger, type Logger } from './observability/logger.js';
import { Metrics, metricsRoute } from './observability/metrics.js';
import { observabilityPlugin, WARM_UP } from './observability/plugin.js';
import { requestId } from './observability/request-id.js';
import { ChangeFollower } from './versions/follower.js';
import { responseCache, versionDoor, versionPlugin } from './versions/http.js';
import { subscriptionServer } from './versions/ws.js';
import { mcpRouter } from './mcp/http.js';
import { API_VERSION } from './paths.js';

export const EXAMPLES = readFileSync(EXAMPLES_FILE, 'utf8');

/** Client errors pass with their code; anything else is masked, so no internals leak outside development. */
export function formatError(env: Config['env']) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A scalar that refuses a literal argument, or an Armor limit, surfaces as a validation error;
    // keep its own code.
    const cause = (error as GraphQLError)?.originalError;
    const causeCode = cause instanceof GraphQLError ? cause.extensions?.code : undefined;
    if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof causeCode === 'string' && (causeCode === 'BAD_USER_INPUT' || REFUSALS.has(causeCode))) {
      return { ...formatted, extensions: { ...formatted.extensions, ...(cause as GraphQLError).extensions, code: causeCode } };
    }
    const code = formatted.extensions?.code as string | undefined;
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitRefusal(formatted.message) : undefined;
    if (tokens) return { message: tokens.message, extensions: { ...formatted.extensions, code: tokens.code } };
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
function bodyErrors(logger: Logger, metrics: Metrics) {
  return (error: Error & { type?: string }, req: express.Request, res: express.Response, next: express.NextFunction): void => {
    if (res.headersSent) return next(error);
    const known: Record<string, [number, string, string]> = {
      'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON.'],
      'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 100 kB.'],
      'encoding.unsupported': [415, 'BAD_REQUEST', 'The request body has an unsupported encoding.'],
      'charset.unsupported': [415, 'BAD_REQUEST', 'The request body has an unsupported charset.'],
    };
    // Any other 4xx that body-parser names (a broken deflate or gzip stream, a body shorter than its
    // length, an aborted upload) is the client's as well.
    const clientStatus = (error as { status?: number }).status;
    const unreadable: [number, string, string] | undefined =
      clientStatus && clientStatus >= 400 && clientStatus < 500 ? [400, 'BAD_REQUEST', 'The request body could not be read (a broken compressed stream, or shorter than its length).'] : undefined;
    const [status, code, message] = known[error.type ?? ''] ?? unreadable ?? [500, 'INTERNAL_SERVER_ERROR', 'Internal server error'];
    // The body is not logged: it is the client's, and may be large.
    const line = { reqId: res.locals.requestId, path: req.path, status, code };
    if (status === 500) logger.error({ ...line, err: error }, 'internal error');
    else logger.warn(line, 'unreadable request');
    metrics.errors.inc({ code });
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}

/**
 * Load shedding at the door: when every Neo4j place is taken and the queue is full, a GraphQL request
 * is answered 503 before its body is read or parsed. Refusing it later, at its first Neo4j call,
 * costs a full parse, validation and execution; measured with `npm run bench:burst`, that CPU spent
 * on refusals cut goodput under a 400-client flood from 135 to 21 requests per second.
 */
function shedWhenFull(executor: Executor, logger: Logger, metrics: Metrics) {
  return (req: express.Request, res: express.Response, next: express.NextFunction): void => {
    const admission = executor.admission;
    if (req.method !== 'POST' || !admission?.full) return next();
    admission.refuse();
    metrics.errors.inc({ code: 'SERVICE_UNAVAILABLE' });
    logger.warn({ reqId: res.locals.requestId, status: 503, code: 'SERVICE_UNAVAILABLE', reason: 'overloaded', executed: false }, 'shed');
    res
      .status(503)
      .set('retry-after', '1')
      .json({ errors: [{ message: 'The server is busy; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'overloaded' } }] });
  };
}

/**
 * A body nested deeper than MAX_BODY_DEPTH is refused before graphql-js coerces its variables: the
 * coercion recurses per level, and 5,000 nested `{"NOT": …}` (35 kB) overflow its stack.
 */
function boundedNesting(metrics: Metrics) {
  return (req: express.Request, res: express.Response, next: express.NextFunction): void => {
    if (jsonDepth(req.body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) return next();
    metrics.errors.inc({ code: 'BAD_USER_INPUT' });
    res.status(400).json({ errors: [{ message: `The request body nests objects and lists more than ${MAX_BODY_DEPTH} deep.`, extensions: { code: 'BAD_USER_INPUT' } }] });
  };
}

/** Unknown paths get a JSON 404 (not Express's HTML page), listing where to go. */
/** Largest request body when writes are on: about 5,000 operations. */
export const WRITE_BODY_LIMIT = '2mb';

function notFound(_req: express.Request, res: express.Response): void {
  res.status(404).json({ errors: [{ message: 'No such path. GraphQL is at /graphql, the pages under /explore, the exports under /export.', extensions: { code: 'NOT_FOUND' } }] });
}

/** GraphQL answers are not for shared or browser caches: they depend on the graph at the moment asked. */
function noStore(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  next();
}

export interface AppOptions {
  config: Config;
  executor: Executor;
  readiness: ReadinessProbe;
  /** Where logs go; by default a pino logger on stdout at LOG_LEVEL. */
  logger?: Logger;
}

export interface App {
  httpServer: http.Server;
  /** /metrics on its own listener, when METRICS_PORT is set. */
  metricsServer?: http.Server;
  apollo: ApolloServer<Context>;
  logger: Logger;
  metrics: Metrics;
  /** This process's view of the change log: the data version it serves, live changes (src/versions). */
  follower: ChangeFollower;
  listen(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function createApp({ config, executor, readiness, logger = createLogger({ env: config.env, level: config.logLevel }) }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const development = config.env !== 'production';
  const armor = armorLimits(config.limits, !development);
  const metrics = new Metrics(executor.admission, executor.pool);
  const schema = await buildApiSchema();
  const verifier = await TokenVerifier.create(config.auth);
  const limiter = new WriteLimiter(config.writeLimits.burst, config.writeLimits.perMinute);
  // The cost estimate caps each list at the graph's size of its kind (refreshed in the background).
  const sizes = new KindSizes(executor);
  sizes.start();
  // Read once before serving, so estimates do not depend on timing; a Neo4j that is not up yet only
  // delays the start by the timeout (the estimates are then uncapped until the next refresh).
  // The data version, followed from the change log (polled; this process's own writes at once).
  const follower = new ChangeFollower(executor, config.versions.pollMs);
  follower.start();
  await Promise.race([Promise.all([sizes.refresh().catch(() => undefined), follower.poll()]), new Promise((r) => setTimeout(r, 2_000).unref())]);
  const subscriptions = subscriptionServer({ httpServer, schema, executor, follower, verifier, config, validationRules: armor.validationRules, logger });
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: [...armor.validationRules, knownOperationTypes],
    parseOptions: parseOptions(config.limits),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.env === 'development',
    formatError: formatError(config.env),
    csrfPrevention: true,
    // src/main.ts handles SIGTERM/SIGINT itself (drain, close the driver, exit).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The subscriptions' WebSocket server closes with the HTTP server (Apollo's recipe).
      { serverWillStart: async () => ({ drainServer: async () => void (await subscriptions.dispose()) }) },
      // No field sets a cache hint, so every answer is \`no-store\` (set below); Apollo's cache-control
      // plugin would work that out per field, wrapping every resolver of the schema to do it.
      ApolloServerPluginCacheControlDisabled(),
      observabilityPlugin(logger, metrics),
      ...armor.plugins,
      costLimitPlugin(config.limits, sizes),
      versionPlugin(),
      ...responseCache(config.responseCacheMb),
      ...(development ? [costReport()] : []),
      development ? sandboxLandingPage(EXAMPLES) : plainLandingPage(),
    ],
  });
  await apollo.start();
  // The example operations are the shapes people use most, and the statements recently served are
  // what the traffic uses: their plans are compiled before /readyz says ready, and again after Neo4j
  // comes back (a restarted Neo4j has an empty plan cache). Readiness must not depend on the data: an
  // example that finds nothing on this graph (the 1M benchmark graph has no reform:2018-…) has still
  // compiled its plan, so only an unavailable Neo4j fails the warm-up.
  readiness.warmWith(async () => {
    await sizes.refresh();
    await executor.warmRecent();
    for (const op of exampleOperations(EXAMPLES)) {
      const response = await apollo.executeOperation({ query: EXAMPLES, operationName: op.name }, { contextValue: createContext(executor, config.limits, WARM_UP, true) });
      const error = response.body.kind === 'single' ? response.body.singleResult.errors?.[0] : undefined;
      if (error?.extensions?.code === 'SERVICE_UNAVAILABLE') throw new Error(`${op.name}: ${error.message}`);
    }
  });

  app.use(requestId);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const state = await readiness.check();
    res.status(state.ready ? 200 : 503).json(state.ready ? { status: 'ready' } : { status: 'unavailable', reason: state.reason });
  });
  // METRICS_ROLE: a token with that role or above opens /metrics, wherever it is served.
  const metricsDoor = (own: boolean): http.RequestListener => {
    const route = metricsRoute(config, metrics, own, Boolean(config.doorRoles.metrics));
    if (!config.doorRoles.metrics) return route;
    const gate = requireCaller(verifier, config.auth, config.doorRoles.metrics);
    return (req, res) => void gate(req, res, () => route(req, res));
  };
  const metricsServer = config.metrics && config.metricsPort !== undefined ? http.createServer(metricsDoor(true)) : undefined;
  if (config.metrics && !metricsServer) app.get('/metrics', metricsDoor(false));
  // GraphQL first: every API request would otherwise walk the routers below (3 % of its CPU, measured).
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.corsOrigins, credentials: true }),
    noStore,
    versionDoor(follower, config.versions.waitMs, { text: EXAMPLES, names: new Set(exampleOperations(EXAMPLES).map((op) => op.name)) }),
    shedWhenFull(executor, logger, metrics),
    // A change set of many operations is larger than any read; reads stay under 100 kB.
    express.json({ limit: config.writesEnabled ? WRITE_BODY_LIMIT : '100kb' }),
    boundedNesting(metrics),
    expressMiddleware(apollo, {
      // The caller first: a bad token, or none where anonymous reads are off, is a coded 401 before
      // any resolver runs (and so before any Neo4j work).
      context: async ({ req, res }) => {
        const identity = await verifier.identify(req.headers.authorization);
        if (!identity && !config.auth.anonymousReads) throw unauthenticated('this server does not answer anonymous requests: send "Authorization: Bearer <JWT>"');
        const context: Context = {
          ...createContext(executor, config.limits, res.locals.requestId, false, res.locals.bookmarks),
          identity,
          version: res.locals.version,
          versionConfirmed: res.locals.versionConfirmed,
          ...(config.writesEnabled ? { writes: { enabled: true, limiter, maxDraftOperations: config.writeLimits.maxDraftOperations } } : {}),
        };
        // Apollo runs the operation on a shallow copy of this object: the write is noted on `this`.
        context.committed = function (this: Context, seq: number) {
          this.written = { seq, committedAt: new Date().toISOString() };
          follower.committed(seq);
        };
        return context;
      },
    }),
  );
  // The agent door: MCP over Streamable HTTP (src/mcp), the same read path as /graphql, and shed at
  // the door the same way when every Neo4j place is taken.
  if (config.mcp.enabled) {
    app.use('/mcp', shedWhenFull(executor, logger, metrics));
    app.use(await mcpRouter({ apollo, executor, config, version: API_VERSION, follower }));
  }
  app.use(explorerRouter(EXAMPLES));
  app.use(neo4jBrowserRouter(await browserFiles(), boltUrl(config), config.browserOrigin));
  app.use(exploreRouter());
  app.use('/export', requireCaller(verifier, config.auth, config.doorRoles.exports));
  app.use(exportsRouter(schema, apollo, executor, config.limits));
  app.use(notFound);
  app.use(bodyErrors(logger, metrics));

  return {
    httpServer,
    metricsServer,
    apollo,
    logger,
    metrics,
    follower,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        metricsServer?.once('error', reject).listen(config.metricsPort, config.metricsHost);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}`);
        });
      }),
    stop: async () => {
      sizes.stop();
      follower.stop();
      if (metricsServer?.listening) await new Promise((done) => metricsServer.close(done));
      await apollo.stop();
    },
  };
}
