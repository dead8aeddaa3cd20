/**
 * The three servers a benchmark compares, in their own process (so the client measuring them does
 * not share their event loop), on the same Neo4j:
 *   - the project's API (production settings) at /graphql on BENCH_API_PORT,
 *   - a minimal HTTP server running named raw Cypher (POST {name, params}) on BENCH_RAW_PORT,
 *   - @neo4j/graphql 7 on BENCH_NEO4J_GRAPHQL_PORT.
 * Prints "ready" on stdout when all three listen. Started by bench/harness.ts.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { createExecutor } from '../src/bootstrap.js';
import { createDriver } from '../src/graph/executor.js';
import { parseNamedBlocks } from '../src/graph/queries.js';
import { ReadinessProbe } from '../src/graph/readiness.js';
import { buildApiSchema } from '../src/resolvers/index.js';
import { neo4jGraphqlSchema } from './neo4j-graphql.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const uri = env('NEO4J_URI');
// The response cache is off unless asked for (BENCH_RESPONSE_CACHE=1): the comparison with raw Cypher
// and @neo4j/graphql repeats the same requests, which the cache would answer without Neo4j.
// npm run bench:versions measures the cache itself.
const config = { ...readConfig(), ...(process.env.BENCH_RESPONSE_CACHE === '1' ? {} : { responseCacheMb: 0 }) };
const driver = createDriver(uri, config.neo4j.username, config.neo4j.password);
const executor = createExecutor(driver, config, 'bench');

const api = await createApp({ config: { ...config, env: 'production' }, executor, readiness: new ReadinessProbe(executor, async () => undefined, true) });
await api.listen(Number(env('BENCH_API_PORT')), '127.0.0.1');

// The raw-Cypher server: what a hand-written endpoint per question would cost, JSON in and out.
const raw = new Map<string, string>();
for (const file of env('BENCH_RAW_FILES').split(',')) for (const [name, text] of parseNamedBlocks(file, readFileSync(file, 'utf8'))) raw.set(name, text);
const rawServer = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    try {
      const { name, params } = JSON.parse(body) as { name: string; params?: Record<string, unknown> };
      const text = raw.get(name);
      if (!text) throw new Error(`no raw query ${name}`);
      const result = await driver.executeQuery(text, params ?? {}, { database: config.neo4j.database, routing: 'READ' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: result.records.map((r) => r.toObject()) }));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
});
await new Promise<void>((resolve) => rawServer.listen(Number(env('BENCH_RAW_PORT')), '127.0.0.1', resolve));

const neo = new ApolloServer({ schema: await neo4jGraphqlSchema(await buildApiSchema(), driver), introspection: false });
await startStandaloneServer(neo, { listen: { port: Number(env('BENCH_NEO4J_GRAPHQL_PORT')), host: '127.0.0.1' }, context: async () => ({}) });

console.log('ready');
process.on('SIGTERM', async () => {
  await api.stop();
  await neo.stop();
  rawServer.close();
  await driver.close();
  process.exit(0);
});
