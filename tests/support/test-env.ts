/**
 * The test suite's own Neo4j: other ports and another home than the developer's (.neo4j/dev),
 * wiped at every run.
 */
import { join } from 'node:path';
import { browserSettings, type Config } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { type LocalInstance } from '../../src/local-neo4j/server.js';

export const TEST_PASSWORD = 'test-password';

/** The port the browser tests serve the API on (Neo4j Browser fetches the style and guide from it). */
export const TEST_API_PORT = 14000;

export const TEST_NEO4J: LocalInstance = {
  home: join(PROJECT_ROOT, '.neo4j', 'test'),
  boltPort: Number(process.env.TEST_NEO4J_BOLT_PORT ?? 17687),
  httpPort: Number(process.env.TEST_NEO4J_HTTP_PORT ?? 17474),
  password: TEST_PASSWORD,
  heap: '768m',
  extraConf: browserSettings(`http://127.0.0.1:${TEST_API_PORT}`),
};

/** A Neo4j of one suite's own, which it may stop or kill: its own home, ports `offset` above the shared one's. */
export function ownNeo4j(name: string, offset: number, heap = '256m'): LocalInstance {
  return { ...TEST_NEO4J, home: join(PROJECT_ROOT, '.neo4j', name), boltPort: TEST_NEO4J.boltPort + offset, httpPort: TEST_NEO4J.httpPort + offset, heap, extraConf: {} };
}

export const TEST_URI = `bolt://127.0.0.1:${TEST_NEO4J.boltPort}`;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    neo4j: { uri: TEST_URI, username: 'neo4j', password: TEST_PASSWORD, database: 'neo4j', queryTimeoutMs: 20_000, maxInFlight: 8, maxQueued: 256, queueWaitMs: 2_000 },
    local: TEST_NEO4J,
    seedOnStart: true,
    browserOrigin: `http://127.0.0.1:${TEST_API_PORT}`,
    introspection: true,
    corsOrigins: ['https://studio.apollographql.com'],
    metrics: true,
    metricsHost: '127.0.0.1',
    writesEnabled: false,
    // The development key (.auth/dev-key.json): tests sign in with tokens minted by mintDevToken.
    doorRoles: {},
    writeLimits: { burst: 1_000, perMinute: 6_000, maxDraftOperations: 5_000 },
    auth: { rolesClaim: 'roles', algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'], jwksTimeoutMs: 2_000, anonymousReads: true, development: true },
    // Polled often, so that tests of another process's writes do not wait.
    versions: { pollMs: 50, waitMs: 2_000 },
    responseCacheMb: 16,
    mcp: { enabled: true, allowedOrigins: [], tokenBudget: 4_000, burst: 1_000, perMinute: 60_000 },
    subscriptions: { perIdentity: 10, total: 5_000, perConnection: 5, buffer: 100 },
    limits: { maxDepth: 8, maxCost: 10_000, maxAliases: 15, maxDirectives: 50, maxTokens: 1_000, defaultPageSize: 20, maxPageSize: 100, maxGrouped: 100_000 },
    ...overrides,
  };
}
