/**
 * Prometheus metrics (prom-client) served at /metrics. One registry per app, so two apps in one
 * process (the tests) do not share counters.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Admission } from '../graph/admission.js';
import type { PoolUsage } from '../graph/executor.js';

/** Operation names are chosen by clients; past this many distinct ones, the rest share one label. */
const MAX_OPERATION_LABELS = 200;
const OTHER_OPERATIONS = '(other)';

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
    if (this.operations.has(label)) return label;
    if (this.operations.size >= MAX_OPERATION_LABELS) return OTHER_OPERATIONS;
    this.operations.add(label);
    return label;
  }
}
