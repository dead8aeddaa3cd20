/**
 * Configuration, read once from the environment. `.env.example` lists every variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, type LocalInstance } from './graph/local-server.js';
import { parseGrass } from './explore/grass.js';

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes'].includes(raw.toLowerCase());
}

function str(name: string, fallback: string): string {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  neo4j: {
    /** Undefined means: run the project's local Neo4j. */
    uri?: string;
    username: string;
    password: string;
    database: string;
    queryTimeoutMs: number;
    /** Load shedding (src/graph/admission.ts): queries at once, queued behind them, and how long one may wait. */
    maxInFlight: number;
    maxQueued: number;
    queueWaitMs: number;
  };
  local: LocalInstance;
  seedOnStart: boolean;
  introspection: boolean;
  corsOrigins: string[];
  /** pino level; undefined means info (silent under the test suite). */
  logLevel?: string;
  /** Serve Prometheus metrics at /metrics. */
  metrics: boolean;
  /** When set, /metrics answers only requests with `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** When set, /metrics is served on its own listener (METRICS_HOST, loopback by default) and not on the API's port. */
  metricsPort?: number;
  metricsHost: string;
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxDirectives: number; maxTokens: number; defaultPageSize: number; maxPageSize: number };
}

/** The password the local Neo4j is created with when none is set: fine on a laptop, not in production. */
export const DEFAULT_PASSWORD = 'cell-therapy-kg';

/**
 * Passwords production refuses: the project's default, Neo4j's own initial one, and the commonest
 * choices of the public breach lists. Anything under 12 characters is refused as well.
 */
const WEAK_PASSWORDS = new Set([DEFAULT_PASSWORD, 'neo4j', 'password', 'passw0rd', 'admin', 'changeme', 'secret', 'letmein', 'qwerty', '123456', '12345678', '123456789', 'test', 'root']);
const MIN_PASSWORD_LENGTH = 12;

/** Settings production must not run with; each entry says what to change. */
export function productionProblems(config: Config): string[] {
  if (config.env !== 'production') return [];
  const problems: string[] = [];
  const password = config.neo4j.password;
  if (password === DEFAULT_PASSWORD) {
    problems.push('NEO4J_PASSWORD is the default password; set a password of your own (and create the Neo4j user with it).');
  } else if (WEAK_PASSWORDS.has(password.toLowerCase())) {
    problems.push('NEO4J_PASSWORD is a well-known password; set one of your own (and create the Neo4j user with it).');
  } else if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`NEO4J_PASSWORD has ${password.length} characters; production needs at least ${MIN_PASSWORD_LENGTH}.`);
  }
  return problems;
}

/**
 * The local Neo4j's password when NEO4J_PASSWORD is not set: generated at the first start and kept in
 * `<home>/password` (mode 600), so a web page the developer opens cannot log in to the local Neo4j's
 * Bolt WebSocket with a password printed in the README (Neo4j 5.26 has no origin check for Bolt over
 * WebSocket). An instance whose password was set before this existed keeps the old default.
 */
export function localPassword(home: string): string {
  const file = join(home, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (existsSync(join(home, 'data', 'password-set')) || existsSync(join(home, 'data', 'dbms', 'auth.ini'))) return DEFAULT_PASSWORD;
  const generated = randomBytes(18).toString('base64url');
  mkdirSync(home, { recursive: true });
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

export function readConfig(): Config {
  const env = str('NODE_ENV', 'development') as Config['env'];
  const localHome = str('NEO4J_LOCAL_HOME', join(PROJECT_ROOT, '.neo4j', 'dev'));
  // An existing Neo4j (NEO4J_URI) keeps the documented default (docker-compose.yml creates it so).
  const password = process.env.NEO4J_PASSWORD || (process.env.NEO4J_URI ? DEFAULT_PASSWORD : localPassword(localHome));
  const httpPort = int('NEO4J_LOCAL_HTTP_PORT', 7474);
  const port = int('PORT', 4000);
  return {
    env,
    host: str('HOST', '127.0.0.1'),
    port,
    neo4j: {
      uri: process.env.NEO4J_URI || undefined,
      username: str('NEO4J_USERNAME', 'neo4j'),
      password,
      database: str('NEO4J_DATABASE', 'neo4j'),
      queryTimeoutMs: int('NEO4J_QUERY_TIMEOUT_MS', 10_000),
      maxInFlight: int('NEO4J_MAX_IN_FLIGHT', 8),
      maxQueued: int('NEO4J_MAX_QUEUED', 256),
      queueWaitMs: int('NEO4J_QUEUE_WAIT_MS', 2_000),
    },
    local: {
      home: localHome,
      boltPort: int('NEO4J_LOCAL_BOLT_PORT', 7687),
      httpPort,
      password,
      heap: str('NEO4J_LOCAL_HEAP', '512m'),
      extraConf: browserSettings(str('BROWSER_STYLE_ORIGIN', `http://127.0.0.1:${port}`)),
    },
    seedOnStart: bool('SEED_ON_START', true),
    introspection: bool('GRAPHQL_INTROSPECTION', env !== 'production'),
    corsOrigins: str('CORS_ORIGINS', 'https://studio.apollographql.com').split(',').map((s) => s.trim()),
    logLevel: process.env.LOG_LEVEL || undefined,
    metrics: bool('METRICS', true),
    metricsToken: process.env.METRICS_TOKEN || undefined,
    metricsPort: process.env.METRICS_PORT ? int('METRICS_PORT', 0) : undefined,
    metricsHost: str('METRICS_HOST', '127.0.0.1'),
    limits: {
      // GraphQL Armor's defaults, except depth: the example ReformsBeforeFirstCD19Approval is 8 deep
      // (products > edges > node > precedingReforms > reform > sources > reference > number).
      maxDepth: int('GRAPHQL_MAX_DEPTH', 8),
      maxCost: int('GRAPHQL_MAX_COST', 10_000),
      maxAliases: int('GRAPHQL_MAX_ALIASES', 15),
      maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 50),
      maxTokens: int('GRAPHQL_MAX_TOKENS', 1_000),
      defaultPageSize: 20,
      maxPageSize: 100,
    },
  };
}

/**
 * Neo4j Browser applies the project's GraSS style and opens the project's guide after connecting.
 * Browser only fetches remote content from allow-listed hosts, so the API server (which serves
 * both) is allow-listed.
 */
export function browserSettings(apiOrigin: string): Record<string, string> {
  // Browser compares host names only (no port) against this list.
  const host = new URL(apiOrigin).hostname;
  return {
    'browser.remote_content_hostname_whitelist': host,
    // The style goes inline, as JSON (Browser's `:style` parses JSON, and JSON holds no semicolon,
    // which separates the commands): applied at once, so the `clear` that follows removes the style
    // frame it prints and Browser's welcome frame, and what the user sees is the project's guide.
    'browser.post_connect_cmd': `style ${JSON.stringify(parseGrass())}; guide ${apiOrigin}/neo4j-browser/guide.html; clear`,
  };
}
