/**
 * npm run profile:as-of — PROFILE of reads asOf a past change set on bench:scale's kept 1M graph
 * (.neo4j/bench-1000000): the change-log reads (versions.changedSince, versions.graphSince), the page
 * (read.listAsOf, read.timelineAsOf) and the traversals (relationship fields, a neighbourhood, a path,
 * a search) beside the same reads as they stand. The statements are the API's own: the
 * resolvers run against the real change log, and the page's statement is taken where it would be sent.
 * Not run in CI.
 */
import 'reflect-metadata';
import { execute, parse } from 'graphql';
import { join } from 'node:path';
import type { Context } from '../src/context.js';
import { createDriver, Executor, toNeo4jParams } from '../src/graph/executor.js';
import { query as namedQuery } from '../src/graph/queries.js';
import { Reader } from '../src/graph/read/reader.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { buildApiSchema } from '../src/resolvers/index.js';
import { profileRow } from './profiled.js';

const NEO4J = { home: join(PROJECT_ROOT, '.neo4j', 'bench-1000000'), boltPort: 27687, httpPort: 27474, password: 'bench-password', heap: '4g', pageCache: '3g' };
await localServer.start(NEO4J, { log: () => {} });
const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', NEO4J.password);
const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 120_000, app: 'profile-as-of' });
const session = driver.session();
const seq = Number((await session.run("MATCH (l:ChangeLog {id: 'main'}) RETURN l.seq AS seq")).records[0]?.get('seq') ?? 0);
const changes = Number((await session.run('MATCH (c:Change) RETURN count(c) AS c')).records[0].get('c'));
const productChanges = Number((await session.run("MATCH (c:Change) WHERE c.kind = 'Product' AND c.targetType = 'node' RETURN count(c) AS c")).records[0].get('c'));
console.log(`change log: newest seq ${seq}, ${changes} changes, ${productChanges} of products`);

/** The statement an operation's resolvers would send: the change log read for real, the page recorded. */
const schema = await buildApiSchema();
async function statementOf(query: string): Promise<{ text: string; params: Record<string, unknown> }> {
  let sent: { text: string; params: Record<string, unknown> } | undefined;
  const runner = { readText: async (_name: string, text: string, params: Record<string, unknown> = {}) => ((sent = { text, params }), Promise.reject(new Error('recorded'))) };
  const limits = { defaultPageSize: 20, maxPageSize: 100 };
  const contextValue = { requestId: 'profile', internal: true, limits, reader: new Reader(runner, limits), executor } as unknown as Context;
  const result = await execute({ schema, document: parse(query), contextValue });
  if (!sent) throw new Error(`no statement: ${JSON.stringify(result.errors)}`);
  return sent;
}

const rows = ['| read | db hits | ms (one warm run) | operators |', '| --- | --- | --- | --- |'];
const shown = /Seek|Scan|Limit|Top|Sort|Union|Unwind|Count|Filter/;
// The change-log read itself, for each asOf asked below.
for (const asOf of [Math.max(seq - 1, 0), 1]) {
  rows.push(await profileRow(session, `versions.changedSince [Product] asOf ${asOf}`, namedQuery('versions.changedSince'), toNeo4jParams({ kinds: ['Product'], asOf, scan: 20_000 }) as Record<string, unknown>, shown));
}
const cases: Array<[string, string]> = [
  ['products(first: 20), as it stands', '{ products(first: 20) { edges { node { id name } } } }'],
  [`products(first: 20, asOf: ${Math.max(seq - 1, 0)})`, `{ products(first: 20, asOf: ${Math.max(seq - 1, 0)}) { edges { node { id name } } } }`],
  ['products(first: 20) { totalCount }, as it stands', '{ products(first: 20) { totalCount } }'],
  [`products(first: 20, asOf: ${Math.max(seq - 1, 0)}) { totalCount }`, `{ products(first: 20, asOf: ${Math.max(seq - 1, 0)}) { totalCount } }`],
  ['products(nameContains "cilta"), as it stands', '{ products(first: 20, filter: {nameContains: "cilta"}) { edges { node { id } } } }'],
  [`products(nameContains "cilta", asOf: ${Math.max(seq - 1, 0)})`, `{ products(first: 20, filter: {nameContains: "cilta"}, asOf: ${Math.max(seq - 1, 0)}) { edges { node { id } } } }`],
  ['timeline(first: 50), as it stands', '{ timeline(first: 50) { date node { id name } } }'],
  [`timeline(first: 50, asOf: ${Math.max(seq - 1, 0)})`, `{ timeline(first: 50, asOf: ${Math.max(seq - 1, 0)}) { date node { id name } } }`],
];
// Relationships as of a change set (versions.graphSince, then read.relatedAsOf, read.pathAsOf, the
// neighbourhood's hops with read.then*): beside the same reads as they stand.
const back = Math.max(seq - 1, 0);
for (const created of [false, true]) {
  const what = created ? ' (with the entities created since: a list)' : ' (a traversal)';
  rows.push(await profileRow(session, `versions.graphSince asOf ${back}${what}`, namedQuery('versions.graphSince'), toNeo4jParams({ asOf: back, scan: 20_000, created }) as Record<string, unknown>, shown));
}
const related = (asOf: string) => `{ node(id: "product:p1"${asOf}) { id ... on Product { targets { id name } sponsors { id name } approvedBy { id } } } }`;
const hub = (asOf: string) => `{ node(id: "target:t0"${asOf}) { id ... on Target { products(first: 20) { id name } } } }`;
const around = (asOf: string) => `{ neighborhood(id: "agency:a0", depth: 1, limit: 50${asOf}) { nodes { id name } edges { type from to } } }`;
const path = (asOf: string) => `{ path(fromId: "product:p1", toId: "agency:a0", maxHops: 4${asOf}) { nodes { id } relationships { type } } }`;
const search = (asOf: string) => `{ search(text: "autoleucel", first: 20${asOf}) { score node { id name } } }`;
const byTarget = (asOf: string) => `{ products(filter: {target: "target:t1"}, first: 20${asOf}) { totalCount edges { node { id name } } } }`;
const lags = (asOf: string) => `{ reformsPreceding(productId: "product:p1"${asOf}) { lagYears reform { id } } }`;
for (const [name, op] of [
  ['a product\'s targets, sponsors, agency', related],
  ['the hub target\'s products (first 20)', hub],
  ['neighbourhood of the hub agency (limit 50)', around],
  ['path product:p1 -> hub agency', path],
  ['search "autoleucel" (first 20)', search],
  ['products(filter: {target: "target:t1"}, first: 20) { totalCount }', byTarget],
  ['reformsPreceding(productId: "product:p1")', lags],
] as const) {
  cases.push([`${name}, as it stands`, op('')], [`${name}, asOf: ${back}`, op(`, asOf: ${back}`)]);
}
for (const [name, op] of cases) {
  const { text, params } = await statementOf(op);
  rows.push(await profileRow(session, name, text, toNeo4jParams(params) as Record<string, unknown>, shown));
}
console.log(`\nnpm run profile:as-of (${new Date().toISOString().slice(0, 16)}Z)\n\n${rows.join('\n')}`);
await session.close();
await driver.close();
await localServer.stop(NEO4J);
process.exit(0);
