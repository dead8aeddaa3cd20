/**
 * npm run bench:recovery — what a restarted Neo4j costs before the API can serve at full speed: on a
 * Neo4j of its own (.neo4j/recovery, fresh, the seed graph), the example operations run once, so the
 * API remembers their statements; then, after kill -9 and a restart, it times how long the database
 * takes to answer, and how long planning the remembered statements takes (EXPLAIN, as the API's
 * recovery does) with a cold JVM and with a warm one (plan cache cleared), in one and two lanes.
 * Not run in CI.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { prepareGraph } from '../src/bootstrap.js';
import { createContext } from '../src/context.js';
import { readConfig } from '../src/config.js';
import { Admission } from '../src/graph/admission.js';
import { createDriver, Executor, RecentStatements } from '../src/graph/executor.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { ReadinessProbe } from '../src/graph/readiness.js';
import { EXAMPLES_FILE, exampleOperations } from '../src/resolvers/examples.js';

const NEO4J: localServer.LocalInstance = { home: join(PROJECT_ROOT, '.neo4j', 'recovery'), boltPort: 27887, httpPort: 27674, password: 'recovery-password-1', heap: '512m' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rows: string[] = ['| step | ms |', '| --- | --- |'];
const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  rows.push(`| ${label} | ${Math.round(performance.now() - started)} |`);
  return result;
};

await localServer.start(NEO4J, { fresh: true, log: () => {} });
const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', NEO4J.password);
const config = { ...readConfig(), logLevel: 'silent' };
const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 60_000, admission: new Admission(8, 256, 2_000), recent: new RecentStatements() });
try {
  await prepareGraph(executor, () => {});
  const app = await createApp({ config, executor, readiness: new ReadinessProbe(executor, async () => undefined, true) });
  const examples = readFileSync(EXAMPLES_FILE, 'utf8');
  const runExamples = async () => {
    for (const op of exampleOperations(examples)) await app.apollo.executeOperation({ query: examples, operationName: op.name }, { contextValue: createContext(executor, config.limits) });
  };
  await timed('the example operations, once, Neo4j just started', runExamples);
  await timed('the example operations again (plans cached)', runExamples);
  const restart = async () => {
    process.kill((await localServer.status(NEO4J)).pid!, 'SIGKILL');
    await sleep(1_000);
    await timed('kill -9, restart until Bolt and HTTP answer', () => localServer.start(NEO4J, { log: () => {} }));
    await timed('then until the database answers a query', async () => {
      for (;;) {
        try {
          return await driver.executeQuery('RETURN 1');
        } catch {
          await sleep(100);
        }
      }
    });
  };
  const statements = executor.remembered;
  await restart();
  await timed(`cold JVM: plan the ${statements} remembered statements, 1 lane`, () => executor.warmRecent(1, false));
  await timed('the example operations after that', runExamples);
  for (const lanes of [1, 2]) {
    await driver.executeQuery('CALL db.clearQueryCaches()');
    await timed(`warm JVM, plan cache cleared: plan them, ${lanes} lane${lanes > 1 ? 's' : ''}`, () => executor.warmRecent(lanes, false));
  }
  await restart();
  await timed('cold JVM: plan them, 2 lanes (what the API does after an outage)', () => executor.warmRecent(2, false));
  await app.stop();
  console.log(`## Recovery after kill -9 (\`npm run bench:recovery\`, ${new Date().toISOString().slice(0, 16)})\n\n${rows.join('\n')}`);
} finally {
  await driver.close();
  await localServer.stop(NEO4J);
}
