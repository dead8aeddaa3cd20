/**
 * npm run bench:mcp — what the agent door costs over the GraphQL it runs: for three tools, the p50 of
 * the MCP call (Streamable HTTP, stateless: a server and transport per call) against the p50 of the
 * tool's own GraphQL operation sent to /graphql, interleaved, on one API process (response cache off)
 * over the seed graph in a Neo4j of its own. Not run in CI.
 *   npm run bench:mcp -- [--iterations 200]
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareGraph } from '../src/bootstrap.js';
import { createDriver, Executor } from '../src/graph/executor.js';
import * as localServer from '../src/local-neo4j/server.js';
import { toolSpecs } from '../src/mcp/tools.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { apiProcess, ms, quantile } from './harness.js';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '200' } } });
const iterations = Number(values.iterations);
const NEO4J: localServer.LocalInstance = { home: join(PROJECT_ROOT, '.neo4j', 'bench-mcp'), boltPort: 28287, httpPort: 28274, password: 'bench-mcp-password', heap: '1g' };
const CALLS: Array<[string, Record<string, unknown>]> = [
  ['products_of_target', { target: 'target:bcma' }],
  ['statistics_of_metric', { metric: 'ind_applications' }],
  ['path_between', { from: 'event:2016-wei-zexi-incident', to: 'product:ciltacabtagene-autoleucel', maxHops: 6 }],
];

await localServer.start(NEO4J, { fresh: true, log: () => {} });
const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', NEO4J.password);
await prepareGraph(new Executor(driver, { database: 'neo4j', timeoutMs: 300_000, app: 'bench-mcp' }), () => {}, true);
await driver.close();
const server = await apiProcess({ port: 24_500, neo4jUri: `bolt://127.0.0.1:${NEO4J.boltPort}`, password: NEO4J.password, env: { RESPONSE_CACHE_MB: '0', MCP_BURST: '1000000', MCP_RATE_PER_MINUTE: '1000000' } });
const base = server.url;
const timed = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as { errors?: unknown; error?: unknown; result?: { isError?: boolean } };
  if (json.errors || json.error || json.result?.isError) throw new Error(JSON.stringify(json).slice(0, 300));
  return performance.now() - started;
};
const specs = new Map(toolSpecs().map((s) => [s.name, s]));
const rows = ['| tool | MCP call p50 ms | its GraphQL operation p50 ms | MCP / GraphQL |', '| --- | --- | --- | --- |'];
try {
  for (const [name, args] of CALLS) {
    const spec = specs.get(name)!;
    const graphql = { query: spec.query, variables: spec.variables(args) };
    const mcp = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } };
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < iterations + 20; i++) {
      const x = await timed(`${base}/mcp`, mcp, { accept: 'application/json, text/event-stream' });
      const y = await timed(`${base}/graphql`, graphql);
      if (i >= 20) (a.push(x), b.push(y));
    }
    rows.push(`| ${name} | ${ms(quantile(a, 0.5))} | ${ms(quantile(b, 0.5))} | ${(quantile(a, 0.5) / quantile(b, 0.5)).toFixed(2)} |`);
  }
} finally {
  server.stop();
  await localServer.stop(NEO4J);
}
console.log(`\nnpm run bench:mcp -- --iterations ${iterations} (${new Date().toISOString().slice(0, 16)}Z, 2 cores)\n`);
console.log(rows.join('\n'));
process.exit(0);
