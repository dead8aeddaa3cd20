/**
 * `npm start`: the API server. Starts the local Neo4j when no NEO4J_URI is given, applies the
 * schema, seeds an empty database, and serves GraphQL. If Neo4j is not reachable yet, the server
 * still starts; /readyz says 503 until Neo4j answers, and the schema is applied then.
 */
import 'reflect-metadata';
import { createApp } from './app.js';
import { connect, prepareGraph } from './bootstrap.js';
import { productionProblems, readConfig } from './config.js';
import { ReadinessProbe } from './graph/readiness.js';
import { createLogger } from './observability/logger.js';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ env: config.env, level: config.logLevel });
  const log = (line: string) => logger.info(line);
  const problems = productionProblems(config);
  if (problems.length) throw new Error(`Refusing to start in production: ${problems.join(' ')}`);
  const connection = await connect(config, 'cell-therapy-kg', log);
  const prepare = () => prepareGraph(connection.executor, log, config.seedOnStart);
  let prepared = false;
  try {
    await connection.driver.verifyConnectivity();
    await prepare();
    prepared = true;
  } catch (error) {
    logger.warn({ err: error }, `Neo4j at ${connection.uri} is not ready; serving anyway, /readyz will report when it is.`);
  }
  const app = await createApp({ config, executor: connection.executor, readiness: new ReadinessProbe(connection.executor, prepare, prepared), logger });
  const url = await app.listen().catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new Error(`Port ${config.port} on ${config.host} is already in use (another \`npm start\`?). Stop that process, or choose another port: PORT=${config.port + 1} npm start`);
  });
  log(`GraphQL API at ${url}/graphql; start page ${url}/, offline GraphiQL ${url}/graphiql, metrics ${url}/metrics`);
  const browserLogin = !config.neo4j.uri && !process.env.NEO4J_PASSWORD ? `: user neo4j, the password is in ${config.local.home}/password` : '';
  log(`Neo4j Browser at ${url}/browser/ (Neo4j's own Browser is off: this one makes no request beyond this machine)${browserLogin}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests and closing the Neo4j driver...`);
    await app.stop();
    await connection.close();
    if (!config.neo4j.uri) log('The local Neo4j keeps running, so the next start is quick; stop it with: npm run neo4j:stop');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
