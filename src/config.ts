/**
 * Configuration, read once from the environment. `.env.example` lists every variable.
 */
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
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxDirectives: number; maxTokens: number; defaultPageSize: number; maxPageSize: number };
}

/** The password the local Neo4j is created with when none is set: fine on a laptop, not in production. */
export const DEFAULT_PASSWORD = 'cell-therapy-kg';

/** Settings production must not run with; each entry says what to change. */
export function productionProblems(config: Config): string[] {
  if (config.env !== 'production') return [];
  return config.neo4j.password === DEFAULT_PASSWORD
    ? ['NEO4J_PASSWORD is the default password; set a password of your own (and create the Neo4j user with it).']
    : [];
}

export function readConfig(): Config {
  const env = str('NODE_ENV', 'development') as Config['env'];
  const password = str('NEO4J_PASSWORD', DEFAULT_PASSWORD);
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
      home: str('NEO4J_LOCAL_HOME', join(PROJECT_ROOT, '.neo4j', 'dev')),
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
