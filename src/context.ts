import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { DataVersion } from './graph/changes/feed.js';
import type { Executor } from './graph/executor.js';
import { Reader } from './graph/read/reader.js';
import type { Identity } from './identity/roles.js';
import type { WriteLimiter } from './identity/write-limit.js';

/** What every resolver gets: this request's executor (with its round-trip log) and its reader. */
export interface Context {
  /** The request's id: the client's `x-request-id` when it sent a usable one, else a fresh UUID; in every log line. */
  requestId: string;
  executor: Executor;
  /** Compiles the request's root fields into one statement (src/graph/read). */
  reader: Reader;
  limits: Config['limits'];
  /** The operation's estimated cost, set by the limits plugin before any resolver runs. */
  cost?: number;
  /**
   * Set only for operations the server runs on itself (warming plans): logged at debug, not counted.
   * Never derived from anything a client sends, so no request can hide from logs or metrics.
   */
  internal?: boolean;
  /** Whether this server takes writes (WRITES_ENABLED), each subject's write budget, and the draft cap. */
  writes?: { enabled: boolean; limiter: WriteLimiter; maxDraftOperations: number };
  /** The caller, from a verified bearer token (src/identity); null when anonymous. */
  identity?: Identity | null;
  /** The data version this request reads (src/versions): in its answer's extensions, its ETag and its cache key. */
  version?: DataVersion;
  /** Whether Neo4j confirmed that version lately: the response cache serves only then. */
  versionConfirmed?: boolean;
  /** The version a write of this request committed; set through `committed`. */
  written?: DataVersion;
  /** Tells this process's change follower that the request committed a change set (src/versions). */
  committed?: (this: Context, seq: number) => void;
}

export function createContext(executor: Executor, limits: Config['limits'], requestId: string = randomUUID(), internal = false, bookmarks?: string[]): Context {
  const scoped = executor.scoped(undefined, bookmarks);
  return { requestId, executor: scoped, reader: new Reader(scoped, limits), limits, ...(internal ? { internal } : {}) };
}
