/**
 * Prometheus metrics (prom-client) served at /metrics. One registry per app, so two apps in one
 * process (the tests) do not share counters.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Admission } from '../graph/admission.js';
import type { PoolUsage } from '../graph/executor.js';
import type { Config } from '../config.js';

/**
 * Operation names are chosen by clients: past this many distinct ones the rest share one label, and a
 * name longer than a GraphQL name anyone writes shares it too. 200 names of 45 kB once grew /metrics
 * to 134 MB (every histogram bucket repeats the label).
 */
const MAX_OPERATION_LABELS = 100;
const MAX_OPERATION_NAME = 64;
const OTHER_OPERATIONS = '(other)';
/** The label of operations refused before execution (their name is whatever the client claimed). */
export const NOT_EXECUTED = '(not executed)';

export type Outcome = 'ok' | 'client_error' | 'unavailable' | 'internal_error';

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations answered, by operation name and outcome (ok, client_error, unavailable, internal_error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors sent to clients, by code (BAD_USER_INPUT, QUERY_TOO_COMPLEX, SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR, ...).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly writes = new Counter({
    name: 'graphql_writes_total',
    help: 'Mutations answered, by the caller\'s highest role (anonymous, reader, curator, editor, admin) and outcome (ok, or the error code).',
    labelNames: ['role', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly cacheHits = new Counter({
    name: 'graphql_response_cache_hits_total',
    help: 'Queries answered from the response cache (src/versions/http.ts), without Neo4j.',
    registers: [this.registry],
  });

  readonly roundTrips = new Counter({
    name: 'neo4j_round_trips_total',
    help: 'Statements sent to Neo4j on behalf of GraphQL operations.',
    registers: [this.registry],
  });

  readonly neo4jSeconds = new Counter({
    name: 'neo4j_query_seconds_total',
    help: 'Time Neo4j reported spending on those statements (until the first record, plus streaming).',
    registers: [this.registry],
  });

  constructor(admission: Admission | undefined, pool: PoolUsage | undefined) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers, collect() { this.set(read()); } });
    gauge('neo4j_work_in_flight', 'Units of Neo4j work running now (bounded by NEO4J_MAX_IN_FLIGHT).', () => admission?.inFlight ?? 0);
    gauge('neo4j_work_queued', 'Units of Neo4j work waiting for a place (bounded by NEO4J_MAX_QUEUED).', () => admission?.queued ?? 0);
    // The JavaScript driver has no public pool metrics; every session holds at most one pooled
    // connection, so the sessions this process has open are the connections it has in use.
    gauge('neo4j_pool_connections_in_use', 'Driver sessions open now, each holding at most one pooled connection.', () => pool?.inUse ?? 0);
    gauge('neo4j_pool_connections_max', "The driver's connection pool size (maxConnectionPoolSize).", () => pool?.max ?? 0);
    let shedSeen = 0;
    new Counter({
      name: 'neo4j_work_shed_total',
      help: 'Units of Neo4j work refused at once (queue full or waited past NEO4J_QUEUE_WAIT_MS); each answered 503.',
      registers,
      collect() {
        const refused = admission?.refused ?? 0;
        this.inc(refused - shedSeen);
        shedSeen = refused;
      },
    });
  }

  /** The label for a client's operation name, bounded in number. */
  operationLabel(name: string | null | undefined): string {
    const label = name || '(anonymous)';
    if (label.length > MAX_OPERATION_NAME) return OTHER_OPERATIONS;
    if (this.operations.has(label)) return label;
    if (this.operations.size >= MAX_OPERATION_LABELS) return OTHER_OPERATIONS;
    this.operations.add(label);
    return label;
  }
}

/**
 * The /metrics handler. With METRICS_TOKEN it answers only `Authorization: Bearer <token>`; without
 * one it is open in development and on its own listener (METRICS_PORT, loopback by default), and
 * closed on the API's port in production, where the API's port faces clients.
 */
export function metricsRoute(config: Pick<Config, 'env' | 'metricsToken'>, metrics: Metrics, ownListener: boolean, gated = false) {
  // Gated: a role check in front (METRICS_ROLE, src/identity) has let the caller through already.
  const expected = config.metricsToken && !gated ? Buffer.from(`Bearer ${config.metricsToken}`) : undefined;
  const refuse = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (ownListener && (req.url ?? '').split('?')[0] !== '/metrics') return refuse(res, 404, 'NOT_FOUND', 'Only /metrics is served here.');
    if (expected) {
      const sent = Buffer.from(req.headers.authorization ?? '');
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        return refuse(res, 401, 'UNAUTHENTICATED', 'Metrics need `Authorization: Bearer <METRICS_TOKEN>`.', { 'www-authenticate': 'Bearer realm="metrics"' });
      }
    } else if (!gated && !ownListener && config.env === 'production') {
      return refuse(res, 403, 'FORBIDDEN', 'In production, metrics are served with METRICS_TOKEN set, or on their own port (METRICS_PORT).');
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(text),
      () => refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Metrics could not be collected.'),
    );
  };
}
