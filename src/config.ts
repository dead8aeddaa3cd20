/**
 * Configuration, read once from the environment. `.env.example` lists every variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NEO4J_DIR } from './paths.js';
import type { LocalInstance } from './local-neo4j/server.js';
import { parseGrass } from './explore/grass.js';
import type { AuthConfig } from './identity/verify.js';
import { ROLES, type Role } from './identity/roles.js';

/** An unset or empty variable takes its default. */
const unset = (value: unknown) => (value === '' ? undefined : value);
const text = (fallback: string) => z.preprocess(unset, z.string().default(fallback));
const optionalText = z.preprocess(unset, z.string().optional());
const integer = (fallback: number) => z.preprocess(unset, z.coerce.number<string>('must be an integer').int('must be an integer').default(fallback));
const optionalInteger = z.preprocess(unset, z.coerce.number<string>('must be an integer').int('must be an integer').optional());
const flag = (fallback: boolean) =>
  z.preprocess(
    unset,
    z
      .string()
      .toLowerCase()
      .pipe(z.enum(['1', 'true', 'yes', '0', 'false', 'no'], 'must be one of 1, true, yes, 0, false, no'))
      .transform((v) => ['1', 'true', 'yes'].includes(v))
      .default(fallback),
  );

/**
 * Every variable the server reads, with its default: the one place they are parsed. `.env.example`
 * lists the same names.
 */
const ENVIRONMENT = z.object({
  NODE_ENV: z.preprocess(unset, z.enum(['development', 'production', 'test'], 'must be development, production or test').default('development')),
  HOST: text('127.0.0.1'),
  PORT: integer(4000),
  NEO4J_URI: optionalText,
  NEO4J_USERNAME: text('neo4j'),
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: text('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: integer(10_000),
  NEO4J_MAX_IN_FLIGHT: integer(8),
  NEO4J_MAX_QUEUED: integer(256),
  NEO4J_QUEUE_WAIT_MS: integer(2_000),
  NEO4J_LOCAL_HOME: optionalText,
  NEO4J_LOCAL_BOLT_PORT: integer(7687),
  NEO4J_LOCAL_HTTP_PORT: integer(7474),
  NEO4J_LOCAL_HEAP: text('512m'),
  BROWSER_STYLE_ORIGIN: optionalText,
  SEED_ON_START: flag(true),
  GRAPHQL_INTROSPECTION: z.preprocess(unset, flag(false).optional()),
  CORS_ORIGINS: text('https://studio.apollographql.com'),
  LOG_LEVEL: optionalText,
  METRICS: flag(true),
  METRICS_TOKEN: optionalText,
  METRICS_PORT: optionalInteger,
  METRICS_HOST: text('127.0.0.1'),
  // GraphQL Armor's defaults, except depth: the example ReformsBeforeFirstCD19Approval is 8 deep
  // (products > edges > node > precedingReforms > reform > sources > reference > number).
  WRITES_ENABLED: flag(false),
  AUTH_JWKS_URL: z.preprocess(unset, z.url('must be a URL').optional()),
  AUTH_PUBLIC_KEY_FILE: optionalText,
  AUTH_ISSUER: optionalText,
  AUTH_AUDIENCE: optionalText,
  AUTH_ROLES_CLAIM: text('roles'),
  AUTH_ALGORITHMS: text('RS256,PS256,ES256,EdDSA'),
  AUTH_JWKS_TIMEOUT_MS: integer(2_000),
  ANONYMOUS_READS: z.preprocess(unset, flag(true).optional()),
  EXPORTS_ROLE: z.preprocess(unset, z.enum(ROLES, `must be one of ${ROLES.join(', ')}`).optional()),
  METRICS_ROLE: z.preprocess(unset, z.enum(ROLES, `must be one of ${ROLES.join(', ')}`).optional()),
  WRITE_BURST: integer(20),
  WRITE_RATE_PER_MINUTE: integer(60),
  MAX_DRAFT_OPERATIONS: integer(5_000),
  VERSION_POLL_MS: integer(100),
  AS_OF_WAIT_MS: integer(2_000),
  RESPONSE_CACHE_MB: integer(64),
  SUBSCRIPTIONS_PER_IDENTITY: integer(10),
  SUBSCRIPTIONS_MAX: integer(5_000),
  SUBSCRIPTIONS_PER_CONNECTION: integer(5),
  SUBSCRIPTION_BUFFER: integer(100),
  MCP: flag(true),
  MCP_AUDIENCE: optionalText,
  MCP_ALLOWED_ORIGINS: text(''),
  MCP_TOKEN_BUDGET: integer(4_000),
  MCP_BURST: integer(30),
  MCP_RATE_PER_MINUTE: integer(120),
  GRAPHQL_MAX_DEPTH: integer(8),
  GRAPHQL_MAX_COST: integer(10_000),
  GRAPHQL_MAX_ALIASES: integer(15),
  GRAPHQL_MAX_DIRECTIVES: integer(50),
  GRAPHQL_MAX_TOKENS: integer(1_000),
  GRAPHQL_MAX_GROUPED: integer(100_000),
});

export class ConfigError extends Error {}

/** The environment parsed, or one error naming every variable that is wrong and what it holds. */
export function parseEnvironment(env: NodeJS.ProcessEnv = process.env): z.output<typeof ENVIRONMENT> {
  const parsed = ENVIRONMENT.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name} ${issue.message}, got "${env[name]}"`;
  });
  throw new ConfigError(`Configuration: ${lines.join('; ')}`);
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
  /** The API's origin as Neo4j Browser fetches the project's style and guide from it (BROWSER_STYLE_ORIGIN). */
  browserOrigin: string;
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
  /** Serve proposeChanges (WRITES_ENABLED) to callers whose token grants a writing role. */
  writesEnabled: boolean;
  /** Who the callers are (src/identity): the provider's keys, the claims expected, anonymous reads. */
  auth: AuthConfig;
  /** The role the exports and /metrics need (a valid token with it, or admin), when set. */
  doorRoles: { exports?: Role; metrics?: Role };
  /** Writes per subject (a burst, then a rate) and the most operations one draft may hold. */
  writeLimits: { burst: number; perMinute: number; maxDraftOperations: number };
  /** The data version (src/versions): how often this process polls the change log, how long a read waits for a version a client asks for. */
  versions: { pollMs: number; waitMs: number };
  /** Repeated reads answered from memory, keyed by operation, variables, caller and data version (MB; 0: off). */
  responseCacheMb: number;
  /** Subscriptions over graphql-ws: connections per identity and in all, subscriptions per connection, events kept for a busy subscriber. */
  subscriptions: { perIdentity: number; total: number; perConnection: number; buffer: number };
  /** The agent door (src/mcp): served at /mcp, its token audience, browser origins let in, the answer budget in tokens, calls per caller. */
  mcp: { enabled: boolean; audience?: string; allowedOrigins: string[]; tokenBudget: number; burst: number; perMinute: number };
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxDirectives: number; maxTokens: number; defaultPageSize: number; maxPageSize: number; maxGrouped: number };
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
  // Production always knows its callers' provider, also while it serves reads only: the doors that
  // can be restricted to a role (exports, metrics) and any later switch to writes rely on it.
  if (!config.auth.jwksUrl && !config.auth.publicKeyFile) {
    problems.push(`Production needs an identity provider${config.writesEnabled ? ' (WRITES_ENABLED is set)' : ''}; set AUTH_JWKS_URL (or AUTH_PUBLIC_KEY_FILE), with AUTH_ISSUER and AUTH_AUDIENCE.`);
  }
  if ((config.auth.jwksUrl || config.auth.publicKeyFile) && (!config.auth.issuer || !config.auth.audience)) {
    problems.push('An identity provider is set without AUTH_ISSUER and AUTH_AUDIENCE; set both, so that tokens issued for other services are refused.');
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

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnvironment(env);
  const localHome = e.NEO4J_LOCAL_HOME ?? join(NEO4J_DIR, 'dev');
  // An existing Neo4j (NEO4J_URI) keeps the documented default (docker-compose.yml creates it so).
  const password = e.NEO4J_PASSWORD ?? (e.NEO4J_URI ? DEFAULT_PASSWORD : localPassword(localHome));
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      maxInFlight: e.NEO4J_MAX_IN_FLIGHT,
      maxQueued: e.NEO4J_MAX_QUEUED,
      queueWaitMs: e.NEO4J_QUEUE_WAIT_MS,
    },
    local: {
      home: localHome,
      boltPort: e.NEO4J_LOCAL_BOLT_PORT,
      httpPort: e.NEO4J_LOCAL_HTTP_PORT,
      password,
      heap: e.NEO4J_LOCAL_HEAP,
      extraConf: browserSettings(e.BROWSER_STYLE_ORIGIN ?? `http://127.0.0.1:${e.PORT}`),
    },
    seedOnStart: e.SEED_ON_START,
    browserOrigin: e.BROWSER_STYLE_ORIGIN ?? `http://127.0.0.1:${e.PORT}`,
    introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()),
    logLevel: e.LOG_LEVEL,
    metrics: e.METRICS,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    writesEnabled: e.WRITES_ENABLED,
    auth: {
      jwksUrl: e.AUTH_JWKS_URL,
      publicKeyFile: e.AUTH_PUBLIC_KEY_FILE,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      rolesClaim: e.AUTH_ROLES_CLAIM,
      algorithms: e.AUTH_ALGORITHMS.split(',').map((a) => a.trim()).filter(Boolean),
      jwksTimeoutMs: e.AUTH_JWKS_TIMEOUT_MS,
      anonymousReads: e.ANONYMOUS_READS ?? true,
      development: e.NODE_ENV !== 'production',
    },
    doorRoles: { exports: e.EXPORTS_ROLE, metrics: e.METRICS_ROLE },
    writeLimits: { burst: e.WRITE_BURST, perMinute: e.WRITE_RATE_PER_MINUTE, maxDraftOperations: e.MAX_DRAFT_OPERATIONS },
    versions: { pollMs: e.VERSION_POLL_MS, waitMs: e.AS_OF_WAIT_MS },
    mcp: {
      enabled: e.MCP,
      audience: e.MCP_AUDIENCE,
      allowedOrigins: e.MCP_ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      tokenBudget: e.MCP_TOKEN_BUDGET,
      burst: e.MCP_BURST,
      perMinute: e.MCP_RATE_PER_MINUTE,
    },
    responseCacheMb: e.RESPONSE_CACHE_MB,
    subscriptions: { perIdentity: e.SUBSCRIPTIONS_PER_IDENTITY, total: e.SUBSCRIPTIONS_MAX, perConnection: e.SUBSCRIPTIONS_PER_CONNECTION, buffer: e.SUBSCRIPTION_BUFFER },
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxGrouped: e.GRAPHQL_MAX_GROUPED,
      defaultPageSize: 20,
      maxPageSize: 100,
    },
  };
}

/** The Neo4j this process reads: NEO4J_URI, or the local one's Bolt port. */
export function boltUrl(config: Pick<Config, 'neo4j' | 'local'>): string {
  return config.neo4j.uri ?? `bolt://127.0.0.1:${config.local.boltPort}`;
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
