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

async function main(): Promise<void> {
  const config = readConfig();
  const problems = productionProblems(config);
  if (problems.length) throw new Error(`Refusing to start in production: ${problems.join(' ')}`);
  const connection = await connect(config);
  const prepare = () => prepareGraph(connection.executor, console.error, config.seedOnStart);
  let prepared = false;
  try {
    await connection.driver.verifyConnectivity();
    await prepare();
    prepared = true;
  } catch (error) {
    console.error(`Neo4j at ${connection.uri} is not ready (${(error as Error).message}); serving anyway, /readyz will report when it is.`);
  }
  const app = await createApp({ config, executor: connection.executor, readiness: new ReadinessProbe(connection.executor, prepare, prepared) });
  const url = await app.listen();
  console.error(`GraphQL API at ${url}/graphql (offline explorer: ${url}/graphiql)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: draining requests and closing the Neo4j driver...`);
    await app.stop();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
