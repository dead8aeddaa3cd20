/**
 * Imported first by every command-line script: a failure the project can name (a variable is wrong, the local Neo4j
 * cannot start, a seed file is wrong, Neo4j is unreachable or refuses the password) ends the command
 * with one line that says what to do, and exit code 1, never a stack trace. Anything else prints its
 * message, and its stack only with DEBUG=1.
 */
import { LocalNeo4jError } from '../src/local-neo4j/server.js';
import { SeedError } from '../src/graph/seeds/read.js';
import { ConfigError } from '../src/config.js';

/** The one line a command prints for an error, with the fix where one is known. */
export function cliMessage(error: unknown): string {
  if (error instanceof LocalNeo4jError || error instanceof SeedError || error instanceof ConfigError) return error.message.split('\n')[0] + (error.message.includes('\n') ? ' (details above)' : '');
  const { code, message, extensions } = (error ?? {}) as { code?: string; message?: string; extensions?: { code?: string } };
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return 'Neo4j refused the user name or password: set NEO4J_USERNAME and NEO4J_PASSWORD (the local Neo4j keeps its password in .neo4j/dev/password).';
  }
  if (code === 'ServiceUnavailable' || extensions?.code === 'SERVICE_UNAVAILABLE') {
    return `Neo4j is not reachable (${message}). Start it with \`npm run neo4j:start\`, or check NEO4J_URI.`;
  }
  return String(message ?? error);
}

function fail(error: unknown): never {
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  console.error(cliMessage(error));
  process.exit(1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
