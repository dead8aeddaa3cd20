/**
 * npm run profile:plans -- --out <file.json> [--graph 1000000] [--against <file.json>] [--neo4j-home <dir>]
 *
 * Whether a change to the read compiler changed what Neo4j does: every question's Cypher as this
 * checkout compiles it (src/graph/read/translate.ts, no API), PROFILEd on a bench graph: its db hits,
 * rows and operators, written to --out. With --against (the same run from another checkout, e.g. the
 * worktree bench:ab keeps of the base commit), each question is compared: db hits and the multiset of
 * operators, equal or not. With --graph N, bench:scale's kept graph of N nodes and its questions
 * (bench/questions.ts); without, the example operations on the seed graph in bench:ab's Neo4j.
 * --neo4j-home points another checkout at this one's Neo4j folder (.neo4j/bench-<N> or .neo4j/bench-ab).
 * Not run in CI.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { prepareGraph } from '../src/bootstrap.js';
import { createDriver, Executor, toNeo4jParams } from '../src/graph/executor.js';
import { translate } from '../src/graph/read/translate.js';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { exampleOperations } from '../src/resolvers/examples.js';
import { buildApiSchema } from '../src/resolvers/index.js';
import { profiledQuestions } from './questions.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, graph: { type: 'string' }, against: { type: 'string' }, 'neo4j-home': { type: 'string' } } });
if (!values.out) throw new Error('npm run profile:plans -- --out <file.json> [--graph N] [--against <file.json>]');
const graphSize = values.graph ? Number(values.graph) : null;
const home = values['neo4j-home'] ?? join(PROJECT_ROOT, '.neo4j', graphSize ? `bench-${graphSize}` : 'bench-ab');
const NEO4J: localServer.LocalInstance = graphSize
  ? { home, boltPort: 27687, httpPort: 27474, password: 'bench-password', heap: '4g', pageCache: '3g' }
  : { home, boltPort: 28187, httpPort: 28174, password: 'bench-ab-password', heap: '1g' };
if (graphSize && !existsSync(join(NEO4J.home, 'data'))) throw new Error(`No graph of ${graphSize} nodes in ${NEO4J.home}: build it with npm run bench:scale -- --nodes ${graphSize}`);

interface Profiled {
  dbHits: number;
  rows: number;
  operators: string[];
}

interface Plan {
  dbHits?: number;
  rows?: number;
  operatorType: string;
  children: Plan[];
}

await localServer.start(NEO4J, { fresh: false, log: () => {} });
const driver = createDriver(`bolt://127.0.0.1:${NEO4J.boltPort}`, 'neo4j', NEO4J.password);
if (!graphSize) await prepareGraph(new Executor(driver, { database: 'neo4j', timeoutMs: 300_000, app: 'profile-plans' }), () => {}, true);
const schema = await buildApiSchema();
const questions = graphSize
  ? profiledQuestions().map(({ name, body }) => ({ name, query: body.query, variables: body.variables }))
  : exampleOperations().map(({ name, text }) => ({ name, query: text, variables: {} }));

const results: Record<string, Profiled> = {};
const session = driver.session({ defaultAccessMode: neo4j.session.READ });
try {
  for (const { name, query, variables } of questions) {
    const { statements, errors } = await translate(schema, query, variables);
    if (errors.length || statements.length !== 1) throw new Error(`${name}: ${JSON.stringify(errors)} (${statements.length} statements)`);
    const [{ text, params }] = statements;
    const sent = toNeo4jParams(params) as Record<string, unknown>;
    await session.run(text, sent);
    const profiled = await session.run(`PROFILE ${text}`, sent);
    const result: Profiled = { dbHits: 0, rows: profiled.records.length, operators: [] };
    const walk = (plan: Plan) => {
      result.dbHits += plan.dbHits ?? 0;
      result.operators.push(plan.operatorType.replace(/@neo4j$/, ''));
      plan.children.forEach(walk);
    };
    walk(profiled.summary.profile as unknown as Plan);
    result.operators.sort();
    results[name] = result;
  }
} finally {
  await session.close();
  await driver.close();
}
writeFileSync(values.out, `${JSON.stringify(results, null, 1)}\n`);

const other: Record<string, Profiled> | undefined = values.against ? JSON.parse(readFileSync(values.against, 'utf8')) : undefined;
const rows = other ? ['| question | db hits (this) | db hits (other) | operators |', '| --- | --- | --- | --- |'] : ['| question | db hits | operators |', '| --- | --- | --- |'];
let same = 0;
for (const [name, mine] of Object.entries(results)) {
  if (!other) {
    rows.push(`| ${name} | ${mine.dbHits} | ${mine.operators.length} |`);
    continue;
  }
  const theirs = other[name];
  const operators = theirs && JSON.stringify(theirs.operators) === JSON.stringify(mine.operators) ? 'same' : `differ: ${diff(mine.operators, theirs?.operators ?? [])}`;
  if (theirs && theirs.dbHits === mine.dbHits && operators === 'same') same++;
  rows.push(`| ${name} | ${mine.dbHits} | ${theirs?.dbHits ?? '-'} | ${operators} |`);
}
console.log(`npm run profile:plans -- --out ${values.out}${graphSize ? ` --graph ${graphSize}` : ''}${values.against ? ` --against ${values.against}` : ''} (${new Date().toISOString().slice(0, 16)}Z)\n`);
console.log(rows.join('\n'));
if (other) console.log(`\n${same} of ${Object.keys(results).length} questions: the same db hits and operators`);

/** The operators one list has and the other lacks, as "+A -B". */
function diff(mine: string[], theirs: string[]): string {
  const count = (list: string[]) => list.reduce((m, o) => m.set(o, (m.get(o) ?? 0) + 1), new Map<string, number>());
  const [a, b] = [count(mine), count(theirs)];
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys]
    .map((k) => ((a.get(k) ?? 0) - (b.get(k) ?? 0) > 0 ? `+${k}` : (a.get(k) ?? 0) - (b.get(k) ?? 0) < 0 ? `-${k}` : ''))
    .filter(Boolean)
    .join(' ');
}
