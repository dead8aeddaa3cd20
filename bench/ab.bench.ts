/**
 * npm run bench:ab -- --base <commit> [--graph 1000000] [--iterations 100]
 *
 * The same read questions against this checkout's API and another commit's, both on one Neo4j,
 * interleaved request by request: whether a change moved the speed of current reads, measured side
 * by side in one run rather than against figures of another day. The other commit is checked out as a
 * git worktree (in the system's temporary folder, sharing this checkout's node_modules). Both APIs run
 * as in production, without the response cache (this checkout's; the older one may have none).
 * With --graph N the questions are bench:scale's on its kept synthetic graph of N nodes (build it first
 * with `npm run bench:scale -- --nodes N`); without it, the example operations on the seed graph in a
 * Neo4j of its own. Not run in CI.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareGraph } from '../src/bootstrap.js';
import { createDriver, Executor } from '../src/graph/executor.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { exampleOperations } from '../src/resolvers/examples.js';
import { apiProcess, interleaved, ms, quantile, type Call } from './harness.js';
import { scaleQuestions } from './questions.js';

const { values } = parseArgs({ options: { base: { type: 'string' }, graph: { type: 'string' }, iterations: { type: 'string', default: '100' } } });
if (!values.base) throw new Error('npm run bench:ab -- --base <commit> [--graph N] [--iterations 100]');
const iterations = Number(values.iterations);
const graphSize = values.graph ? Number(values.graph) : null;
const base = execFileSync('git', ['rev-parse', '--short', values.base], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();

const NEO4J: localServer.LocalInstance = graphSize
  ? { home: join(PROJECT_ROOT, '.neo4j', `bench-${graphSize}`), boltPort: 27687, httpPort: 27474, password: 'bench-password', heap: graphSize >= 500_000 ? '4g' : '1g', pageCache: graphSize >= 500_000 ? '3g' : '512m' }
  : { home: join(PROJECT_ROOT, '.neo4j', 'bench-ab'), boltPort: 28187, httpPort: 28174, password: 'bench-ab-password', heap: '1g' };
if (graphSize && !existsSync(join(NEO4J.home, 'data'))) throw new Error(`No graph of ${graphSize} nodes in ${NEO4J.home}: build it with npm run bench:scale -- --nodes ${graphSize}`);

/** The other commit, checked out beside this one. */
const worktree = join(tmpdir(), `cell-therapy-kg-${base}`);
if (!existsSync(worktree)) {
  execFileSync('git', ['worktree', 'add', '--detach', worktree, base], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(worktree, 'node_modules'));
}

/** An API of `root` as in production, without the response cache (this checkout's; the older one may have none). */
async function api(root: string, port: number): Promise<{ url: string; stop(): void }> {
  const { url, stop } = await apiProcess({ root, port, neo4jUri: `bolt://127.0.0.1:${NEO4J.boltPort}`, password: NEO4J.password, env: { NODE_ENV: 'production', RESPONSE_CACHE_MB: '0', NEO4J_QUERY_TIMEOUT_MS: '60000' } });
  return { url: `${url}/graphql`, stop };
}

await localServer.start(NEO4J, { fresh: !graphSize, log: () => {} });
const stops: Array<() => void> = [];
const rows = [`| question | ${head} (this) p50 ms | ${base} p50 ms | this / ${base} |`, '| --- | --- | --- | --- |'];
try {
  if (!graphSize) {
    const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', NEO4J.password);
    await prepareGraph(new Executor(driver, { database: 'neo4j', timeoutMs: 300_000, app: 'bench-ab' }), () => {}, true);
    await driver.close();
  }
  const mine = await api(PROJECT_ROOT, 24_400);
  stops.push(mine.stop);
  const theirs = await api(worktree, 24_401);
  stops.push(theirs.stop);
  const examples = readFileSync(join(PROJECT_ROOT, 'examples.graphql'), 'utf8');
  const questions = graphSize ? scaleQuestions() : exampleOperations(examples).map((op) => ({ name: op.name, body: { query: examples, operationName: op.name } }));
  if (graphSize) {
    // The name of the hub target, as bench:scale asks it.
    const res = await fetch(mine.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ node(id: "target:t0") { name } }' }) });
    const name = ((await res.json()) as { data: { node: { name: string } } }).data.node.name;
    for (const q of questions) if (q.name === 'whereThroughRelationship') (q.body as { variables: Record<string, unknown> }).variables.n = name;
  }
  const ratios: number[] = [];
  for (const question of questions) {
    const calls: Call[] = [{ url: mine.url, body: question.body }, { url: theirs.url, body: question.body }];
    const [a, b] = await interleaved(calls, iterations, 10, 60_000);
    ratios.push(a.p50 / b.p50);
    rows.push(`| ${question.name} | ${ms(a.p50)} | ${ms(b.p50)} | ${(a.p50 / b.p50).toFixed(2)} |`);
  }
  rows.push(`| **median of ${ratios.length}** | | | **${quantile(ratios, 0.5).toFixed(2)}** |`);
} finally {
  for (const stop of stops) stop();
  if (!graphSize) await localServer.stop(NEO4J);
}
console.log(`\nnpm run bench:ab -- --base ${base}${graphSize ? ` --graph ${graphSize}` : ''} --iterations ${iterations} (${new Date().toISOString().slice(0, 16)}Z, 2 cores; this checkout ${head})\n`);
console.log(rows.join('\n'));
process.exit(0);
