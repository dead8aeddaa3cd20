/**
 * The one path from this project to Neo4j. Every query goes through `Executor.read` or
 * `Executor.write`: the mode is chosen explicitly, the database is always named, each transaction
 * carries a timeout and metadata, the session is closed in `finally`, and driver failures become
 * coded GraphQL errors.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { Admission, Overloaded } from './admission.js';
import { query as namedQuery } from './queries.js';

export interface ExecutorOptions {
  database: string;
  timeoutMs: number;
  /** Sent as transaction metadata, visible in SHOW TRANSACTIONS and query.log. */
  app?: string;
  /** Bounds the work in flight (shared by every executor scoped from this one); none when omitted. */
  admission?: Admission;
  /** Counts the sessions open (shared like admission), for /metrics. */
  pool?: PoolUsage;
  /** The read statements served lately (shared like admission), to warm Neo4j's plan cache with. */
  recent?: RecentStatements;
  /**
   * Bookmarks a client sent back from a write (`x-neo4j-bookmarks`): in a Neo4j cluster or Aura, this
   * executor's sessions then read from a member that has those transactions (read-your-writes).
   */
  bookmarks?: string[];
}

/**
 * The last `max` (64) distinct read statements, each with the parameters it was last run with, most
 * recent last. After Neo4j restarts its plan cache is empty and every statement of the
 * traffic is planned again, several at once on two cores; readiness plans these first (EXPLAIN).
 */
export class RecentStatements {
  private readonly statements = new Map<string, { name: string; params: Record<string, unknown> }>();
  constructor(private readonly max = 64) {}

  remember(name: string, text: string, params: Record<string, unknown>): void {
    this.statements.delete(text);
    this.statements.set(text, { name, params });
    if (this.statements.size > this.max) this.statements.delete(this.statements.keys().next().value!);
  }

  get size(): number {
    return this.statements.size;
  }

  /** Most recent first. */
  list(): Array<{ name: string; text: string; params: Record<string, unknown> }> {
    return [...this.statements].reverse().map(([text, { name, params }]) => ({ name, text, params }));
  }
}

/** The driver's connection pool size, set explicitly so /metrics can report use against it. */
export const POOL_SIZE = 100;

/**
 * Connections in use, counted here because the JavaScript driver exposes no pool metrics: each
 * open session holds at most one pooled connection.
 */
export class PoolUsage {
  inUse = 0;
  readonly max = POOL_SIZE;
}

/**
 * Driver and server errors that say "not now", not "your query is wrong": Neo4j unreachable, the
 * session lost, the database unavailable, the transaction terminated or timed out, or no pooled
 * connection free in time. Each becomes SERVICE_UNAVAILABLE (HTTP 503, Retry-After).
 */
const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.TransactionMarkedAsFailed',
]);

export type UnavailableReason = 'unreachable' | 'timed out' | 'overloaded';

export function unavailableReason(error: unknown): UnavailableReason | undefined {
  if (error instanceof Overloaded) return 'overloaded';
  if (error instanceof Deadline) return 'timed out';
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (typeof message === 'string' && message.startsWith('Connection acquisition timed out')) return 'overloaded';
  if (typeof code !== 'string') return undefined;
  if (code.includes('TimedOut') || code.endsWith('Terminated')) return 'timed out';
  if (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.')) return 'unreachable';
  return undefined;
}

export function isUnavailable(error: unknown): boolean {
  return unavailableReason(error) !== undefined;
}

const MESSAGES: Record<UnavailableReason, string> = {
  unreachable: 'The graph database is not available right now; try again shortly.',
  'timed out': 'The query did not finish in time; try again shortly, or ask for less.',
  overloaded: 'The server is busy; try again shortly.',
};

export function serviceUnavailable(cause?: unknown, reason: UnavailableReason = unavailableReason(cause) ?? 'unreachable'): GraphQLError {
  return new GraphQLError(MESSAGES[reason], {
    extensions: { code: 'SERVICE_UNAVAILABLE', reason, http: { status: 503, headers: new Map([['retry-after', '1']]) } },
    originalError: cause instanceof Error ? cause : undefined,
  });
}

/** The API's own deadline passed: Neo4j did not answer (paused, overloaded) within the timeout. */
class Deadline extends Error {}

/** Rejects with Deadline when `promise` has not settled within `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Deadline(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * JavaScript numbers go to Neo4j as floats; whole ones are sent as integers so that LIMIT, list
 * slices and integer properties accept them.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}

/**
 * Runs `start` (which must return synchronously, as `session.run` does) without V8 capturing a stack
 * trace. The driver formats the caller's stack for every result it creates, to attach to a later
 * error; under tsx's source maps that formatting was 9 % of the API's CPU per request (CPU profile of
 * SponsorsOfBCMAProducts under load). The read path's errors are named by the query (the round-trip
 * log, the transaction metadata), so it does without that stack. The limit is restored before any
 * other code runs.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A failed read's error, which came without a stack (above), gets the one of where it was awaited. */
function withStackFromHere(error: unknown): unknown {
  if (error instanceof Error && !/\n\s+at /.test(error.stack ?? '')) {
    const here = new Error(error.message).stack ?? '';
    error.stack = `${error.name}: ${error.message}${here.slice(here.indexOf('\n'))}`;
  }
  return error;
}

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * Runs a named query (with `{{identifiers}}` filled) and returns its rows: how code that works inside
 * one transaction (a change set, the checker within it) reads and writes.
 */
export type QueryRunner = <R = Record<string, unknown>>(name: string, params?: Record<string, unknown>, identifiers?: Record<string, string>) => Promise<R[]>;
/** What runs in a session: an auto-commit statement, or a managed transaction. */
type TransactionConfig = NonNullable<Parameters<Session['run']>[2]>;
type SessionWork<T> = (session: Session, config: TransactionConfig) => Promise<T>;

export class Executor {
  /** Names of the queries this executor has sent, in order: one entry per round trip. */
  readonly log: string[] = [];
  /** Time Neo4j reported spending on this executor's reads (until the first record plus streaming). */
  neo4jMs = 0;
  /** The bookmarks of this executor's last write: what a client sends back to read it anywhere in a cluster. */
  lastBookmarks: string[] = [];

  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  get admission(): Admission | undefined {
    return this.options.admission;
  }

  get pool(): PoolUsage | undefined {
    return this.options.pool;
  }

  /** How many distinct read statements are remembered for warming (RecentStatements). */
  get remembered(): number {
    return this.options.recent?.size ?? 0;
  }

  /**
   * An executor for the server's own background reads (the change follower's poll): outside the
   * admission control, which is for client work; such a reader keeps at most one query in flight.
   */
  background(app: string): Executor {
    return new Executor(this.driver, { ...this.options, app, admission: undefined, bookmarks: undefined });
  }

  /** A fresh executor sharing the driver, with its own round-trip log (one per GraphQL request). */
  scoped(app = this.options.app, bookmarks?: string[]): Executor {
    return new Executor(this.driver, { ...this.options, app, bookmarks });
  }

  /** Runs a named query from cypher/queries in a read transaction. */
  async read<R extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}): Promise<R[]> {
    return this.readText<R>(name, namedQuery(name), params);
  }

  /**
   * Runs a query whose text was assembled from named blocks and allow-listed identifiers: one
   * statement, so one auto-commit read transaction (RUN and PULL, no BEGIN and COMMIT). A single
   * statement sees one state of the graph either way; measured with `npm run bench`, the explicit
   * transaction's two extra Bolt messages and the driver's work around them cost about an eighth of
   * the API's CPU per request on the seed graph.
   */
  async readText<R extends RecordShape = RecordShape>(name: string, text: string, params: Record<string, unknown> = {}): Promise<R[]> {
    const result = await this.run('READ', name, (session, config) => {
      this.log.push(name);
      return withoutCallerStack(() => session.run<R>(text, toNeo4jParams(params) as Record<string, unknown>, config));
    }).catch((error: unknown) => {
      throw withStackFromHere(error);
    });
    this.neo4jMs += Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
    this.options.recent?.remember(name, text, params);
    return result.records.map((record) => record.toObject());
  }

  /**
   * Plans the recently served read statements again (EXPLAIN: planned and cached, not run), `lanes`
   * at a time. A statement that fails to plan is skipped; an unavailable Neo4j fails the warm-up.
   * `admitted: false` is for the recovery after an outage, which runs while the admission holds
   * traffic back: its work is the server's own and bounded by the list.
   */
  async warmRecent(lanes = 1, admitted = true, budgetMs = Infinity): Promise<number> {
    const stopAt = Date.now() + budgetMs;
    const statements = this.options.recent?.list() ?? [];
    let planned = 0;
    const plan = async ({ name, text, params }: (typeof statements)[number]) => {
      const work: SessionWork<unknown> = (session, config) => session.run(`EXPLAIN ${text}`, toNeo4jParams(params) as Record<string, unknown>, config);
      try {
        await (admitted ? this.run('READ', `warm ${name}`, work) : withDeadline(this.runInSession('READ', `warm ${name}`, work, this.options.timeoutMs), this.options.timeoutMs));
        planned++;
      } catch (error) {
        if ((error as GraphQLError).extensions?.code === 'SERVICE_UNAVAILABLE' || isUnavailable(error)) throw error;
      }
    };
    const queue = [...statements];
    await Promise.all(Array.from({ length: lanes }, async () => {
      for (let next = queue.shift(); next && Date.now() < stopAt; next = queue.shift()) await plan(next);
    }));
    return planned;
  }

  /**
   * After an outage: waits until Neo4j answers (a trivial read every `everyMs`, for at most `maxMs`),
   * then plans the recent statements two at a time (the machine's cores), most recent first, for at
   * most `warmMs`, so that when every place opens again the traffic finds its plans cached instead of
   * all planning at once on a cold server. Requests queued meanwhile wait for it (Admission).
   */
  async recover(everyMs = 250, maxMs = 120_000, warmMs = 4_000): Promise<void> {
    const deadline = Date.now() + maxMs;
    for (;;) {
      try {
        await withDeadline(this.runInSession('READ', 'health.ping', (session, config) => session.run(namedQuery('health.ping'), {}, config), 2_000), 2_000);
        break;
      } catch {
        if (Date.now() > deadline) return;
        // Unref'd: a command-line script that lost Neo4j still exits when its work is done.
        await new Promise((r) => setTimeout(r, everyMs).unref());
      }
    }
    await this.warmRecent(2, false, warmMs).catch(() => undefined);
  }

  /** Runs a named query in a write transaction and returns its records and update counters. */
  async write(name: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    return this.transaction('WRITE', name, (tx) => tx.run(namedQuery(name), toNeo4jParams(params) as Record<string, unknown>));
  }

  /**
   * Runs a named query as an auto-commit transaction: for batched maintenance work (`CALL {} IN
   * TRANSACTIONS`), which Neo4j refuses inside a managed transaction. Not retried.
   */
  async autoCommit(name: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<QueryResult> {
    return this.run(
      'WRITE',
      name,
      (session, config) => {
        this.log.push(name);
        return session.run(namedQuery(name), toNeo4jParams(params) as Record<string, unknown>, config);
      },
      timeoutMs,
    );
  }

  /**
   * Runs several statements in one managed transaction (all or nothing, retried by the driver on a
   * transient error). `label` names the unit of work in the round-trip log; each statement run
   * inside it is one round trip.
   */
  async transaction<T>(mode: 'READ' | 'WRITE', label: string, work: Work<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.run(mode, label, (session, config) => this.managed(session, mode, label, work, config), options.timeoutMs);
  }

  private async managed<T>(session: Session, mode: 'READ' | 'WRITE', name: string, work: Work<T>, config: TransactionConfig): Promise<T> {
    const counted: Work<T> = (tx) => {
      const run = tx.run.bind(tx);
      const counting = Object.create(tx) as ManagedTransaction;
      counting.run = ((...args: Parameters<typeof run>) => {
        this.log.push(name);
        return run(...args);
      }) as typeof run;
      return work(counting);
    };
    return mode === 'READ' ? session.executeRead(counted, config) : session.executeWrite(counted, config);
  }

  private async run<T>(mode: 'READ' | 'WRITE', name: string, work: SessionWork<T>, timeoutMs = this.options.timeoutMs): Promise<T> {
    const { admission } = this.options;
    try {
      // Neo4j enforces the timeout on a transaction it runs; the API enforces it on everything else
      // (waiting for a connection, a paused server), so no request waits past it.
      const attempt = () => withDeadline(this.runInSession(mode, name, work, timeoutMs), timeoutMs);
      const result = await (admission ? admission.run(attempt) : attempt());
      admission?.recovered();
      return result;
    } catch (error) {
      const reason = unavailableReason(error);
      if (reason === 'unreachable') admission?.recovering();
      if (reason) throw serviceUnavailable(error, reason);
      throw error;
    }
  }

  private async runInSession<T>(mode: 'READ' | 'WRITE', name: string, work: SessionWork<T>, timeoutMs: number): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.options.bookmarks?.length ? { bookmarks: this.options.bookmarks } : {}),
    });
    const { pool } = this.options;
    if (pool) pool.inUse++;
    try {
      const result = await work(session, { timeout: timeoutMs, metadata: { app: this.options.app ?? 'cell-therapy-kg', query: name } });
      if (mode === 'WRITE') this.lastBookmarks = session.lastBookmarks();
      return result;
    } finally {
      // Not awaited by the caller's deadline: closing a session on a paused server waits as long.
      void session
        .close()
        .catch(() => {})
        .finally(() => {
          if (pool) pool.inUse--;
        });
    }
  }
}

/** Creates the process's one driver. Integers come back as JavaScript numbers (our counts are small). */
export function createDriver(uri: string, username: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(username, password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: POOL_SIZE,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 3_000,
    userAgent: 'cell-therapy-kg',
  });
}
