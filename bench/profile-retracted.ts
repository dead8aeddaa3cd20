/**
 * npm run profile:retracted — PROFILE of lists asked with includeRetracted: true against the same lists
 * without it, on bench:scale's kept 1M graph (.neo4j/bench-1000000; build it with npm run bench:scale --
 * --nodes 1000000): db hits, one timed run and the index operators. The Cypher is the API's own
 * (translated with no database, as tests/tck does). Not run in CI.
 */
import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import { join } from 'node:path';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { buildApiSchema } from '../src/resolvers/index.js';
import { translate } from '../src/graph/read/translate.js';
import { profileRow } from './profiled.js';
const NEO4J = { home: join(PROJECT_ROOT, '.neo4j', 'bench-1000000'), boltPort: 27687, httpPort: 27474, password: 'bench-password', heap: '4g', pageCache: '3g' };
await localServer.start(NEO4J, { log: () => {} });
const d = neo4j.driver('bolt://127.0.0.1:27687', neo4j.auth.basic('neo4j', 'bench-password'));
const s = d.session();
// A graph built before the index existed gets it (the API creates it at start).
await s.run('CREATE RANGE INDEX retracted_kind IF NOT EXISTS FOR (n:Retracted) ON (n.kind)');
await s.run('CALL db.awaitIndexes(300)');
const counts = (await s.run('MATCH (n:Retracted) RETURN n.kind AS kind, count(*) AS c')).records.map((r) => `${r.get('kind')}:${r.get('c')}`);
const products = (await s.run('MATCH (n:Product) RETURN count(n) AS c')).records[0].get('c').toString();
console.log('retracted', counts.join(', ') || 'none', 'products', products);
const schema = await buildApiSchema();
const cases: Array<[string, string]> = [
  ['products page, live', '{ products(first: 20) { edges { node { id name } } } }'],
  ['products page, includeRetracted', '{ products(first: 20, includeRetracted: true) { edges { node { id name } } } }'],
  ['products by year desc, live', '{ products(first: 20, orderBy: {field: YEAR, direction: DESC}) { edges { node { id } } } }'],
  ['products by year desc, includeRetracted', '{ products(first: 20, includeRetracted: true, orderBy: {field: YEAR, direction: DESC}) { edges { node { id } } } }'],
  ['products totalCount, live', '{ products(first: 0) { totalCount } }'],
  ['products totalCount, includeRetracted', '{ products(first: 0, includeRetracted: true) { totalCount } }'],
];
for (const [name, op] of cases) {
  const { statements, errors } = await translate(schema, op);
  if (errors.length) { console.log(name, errors); continue; }
  const { text, params } = statements[0];
  const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]));
  console.log(await profileRow(s, name, text, p, /Seek|Scan|Limit|Top|Sort|Union|Count/));
}
await s.close(); await d.close();
await localServer.stop(NEO4J);
process.exit(0);
