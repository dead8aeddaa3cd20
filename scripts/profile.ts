/**
 * npm run profile -- '<GraphQL operation>' ['<variables as JSON>'] — the Cypher statement the API
 * sends for an operation, and Neo4j's PROFILE of it: each operator with its rows and db hits, the
 * total, and the time. Runs against NEO4J_URI (or the local Neo4j, like `npm start`); use it at the
 * largest size `npm run bench:scale` builds before calling a change to the read path done, e.g.
 *   NEO4J_URI=bolt://127.0.0.1:27687 NEO4J_PASSWORD=bench-password npm run profile -- '{ products(first: 20) { edges { node { name } } } }'
 */
import './cli.js';
import 'reflect-metadata';
import type { ProfiledPlan } from 'neo4j-driver';
import { createApp } from '../src/app.js';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { toNeo4jParams } from '../src/graph/executor.js';
import { ReadinessProbe } from '../src/graph/readiness.js';

const [query, variables] = process.argv.slice(2);
if (!query) {
  console.error("usage: npm run profile -- '<GraphQL operation>' ['<variables JSON>']");
  process.exit(2);
}
const config = readConfig();
const connection = await connect(config, 'cell-therapy-kg profile');
const app = await createApp({ config: { ...config, env: 'production' }, executor: connection.executor, readiness: new ReadinessProbe(connection.executor) });
const context = createContext(connection.executor, config.limits);
const response = await app.apollo.executeOperation({ query, variables: variables ? JSON.parse(variables) : undefined }, { contextValue: context });
if (response.body.kind === 'single' && response.body.singleResult.errors) console.error(JSON.stringify(response.body.singleResult.errors, null, 2));

function operators(plan: ProfiledPlan, depth = 0, out: string[] = []): string[] {
  const details = String(plan.arguments?.Details ?? '').slice(0, 110);
  out.push(`${'  '.repeat(depth)}${plan.operatorType}  rows=${plan.rows} dbHits=${plan.dbHits}  ${details}`);
  for (const child of plan.children) operators(child, depth + 1, out);
  return out;
}

for (const { text, params } of context.reader.statements) {
  console.log(`${text}\n\nparams ${JSON.stringify(params)}\n`);
  const session = connection.driver.session({ database: config.neo4j.database, defaultAccessMode: 'READ' });
  try {
    await session.run(text, toNeo4jParams(params) as Record<string, unknown>); // plan cached, as in service
    const started = Date.now();
    const result = await session.run(`PROFILE ${text}`, toNeo4jParams(params) as Record<string, unknown>);
    const plan = result.summary.profile as ProfiledPlan;
    const total = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((sum, c) => sum + total(c), 0);
    console.log(operators(plan).join('\n'));
    console.log(`\ntotal db hits ${total(plan)}, ${Date.now() - started} ms (PROFILE adds overhead)`);
  } finally {
    await session.close();
  }
}
await app.stop();
await connection.close();
