/**
 * npm run profile:versions — PROFILE of the change-log queries of src/versions on bench:scale's kept 1M graph
 * (.neo4j/bench-1000000; build it with npm run bench:scale -- --nodes 1000000): db hits, time and the index
 * operators of each. Not run in CI.
 */
import neo4j from 'neo4j-driver';
import { join } from 'node:path';
import * as localServer from '../src/local-neo4j/server.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { query } from '../src/graph/queries.js';
import { profileRow } from './profiled.js';
const NEO4J = { home: join(PROJECT_ROOT, '.neo4j', 'bench-1000000'), boltPort: 27687, httpPort: 27474, password: 'bench-password', heap: '4g', pageCache: '3g' };
await localServer.start(NEO4J, { log: () => {} });
const d = neo4j.driver('bolt://127.0.0.1:27687', neo4j.auth.basic('neo4j', 'bench-password'));
const s = d.session();
const int = neo4j.int;
const [{ seq }] = (await s.run('MATCH (l:ChangeLog {id: "main"}) RETURN l.seq AS seq')).records.map((r) => r.toObject());
const counts = (await s.run('MATCH (c:ChangeSet) WITH count(c) AS sets MATCH (x:Change) RETURN sets, count(x) AS changes')).records[0].toObject();
console.log('seq', seq.toString(), 'change sets', counts.sets.toString(), 'changes', counts.changes.toString());
const cases: Array<[string, string, Record<string, unknown>]> = [
  ['versions.current', query('versions.current'), {}],
  ['versions.feed (last 50)', query('versions.feed'), { since: int(seq.toNumber() - 50), limit: int(50), changes: int(100), touched: int(10000) }],
  ['versions.seqAt', query('versions.seqAt'), { at: new Date(Date.now() - 3600_000).toISOString() }],
  ['versions.entitiesAt (3 ids)', query('versions.entitiesAt'), { ids: ['product:p0', 'product:p1', 'sponsor:s0'], asOf: int(Math.floor(seq.toNumber() / 2)) }],
];
for (const [name, text, params] of cases) console.log(await profileRow(s, name, text, params, /Seek|Scan|Limit|Top|Sort|Expand/));
await s.close(); await d.close();
await localServer.stop(NEO4J);
process.exit(0);
