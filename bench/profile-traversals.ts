/**
 * npm run profile:traversals — the traversals of issue 19 on the 1M graph `npm run bench:scale --
 * --nodes 1000000` keeps (start it first; it stays up after a run): each Cypher form with its db hits
 * (PROFILE) and median time (15 runs after 3), from a hub agency and between two hubs.
 *
 * - the edges among a neighbourhood's 51 members: typed expand-into (before), untyped with the types
 *   checked after (what read.neighborhoodEdges sends now), untyped as raw Cypher writes it;
 * - a shortest path of at most 4 hops from a hub target to a hub sponsor: over the API's allowed types
 *   (typed, or untyped with the types checked on the path, or as GQL's MATCH SHORTEST 1, the form
 *   @neo4j/cypher-builder writes), and over every type as raw Cypher writes it,
 *   which finds a shorter path through the derived CITES links (two nodes citing one reference): a
 *   different question, and the reason raw Cypher is faster on it;
 * - a facet of the hub target's products by year × sponsor: as aggregate.facets writes it (at most
 *   GRAPHQL_MAX_GROUPED + 1 matches, collected to know whether there were more), with the LIMIT only,
 *   and unbounded: what the bound costs.
 */
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { REL_TYPES, RELATIONSHIPS } from '../src/graph/model.js';

const driver = neo4j.driver(process.env.NEO4J_URI ?? 'bolt://127.0.0.1:27687', neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? 'bench-password'));
const allowed = REL_TYPES.filter((t) => !('derived' in RELATIONSHIPS[t]));
const T = allowed.join('|');
const params = { id: 'agency:a0', from: 'target:t0', to: 'sponsor:s0', types: allowed };

const members = `MATCH (c:Entity {id: $id})
CALL (c) { MATCH (c)-[:${T}]-(m:Entity) WITH DISTINCT m LIMIT 50 RETURN collect(m) AS ms }
WITH [c] + ms AS members
UNWIND members AS a UNWIND members AS b`;
const path = (pattern: string, where = '') => `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
MATCH p = shortestPath((a)-${pattern}-(b))${where}
RETURN length(p) AS hops, [r IN relationships(p) | type(r)] AS types`;
/** The same question in GQL's form, MATCH p = SHORTEST 1 (@neo4j/cypher-builder 3.3 writes `MATCH SHORTEST 1 p = …`, which Neo4j 5.26 refuses). */
const shortest = (pattern: string) => `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)-${pattern}-(b)
RETURN length(p) AS hops, [r IN relationships(p) | type(r)] AS types`;

const facet = (bound: string, scanned: string, out: string) => `MATCH (:Entity {id: $from})<-[:TARGETS]-(n:Product)
${bound}
WITH *, n.year AS k1
OPTIONAL MATCH (n)-[:SPONSORED_BY]->(k2:Sponsor)
WITH k1, k2${scanned}, count(DISTINCT n) AS count ORDER BY count DESC, k1, k2.id LIMIT 20
RETURN ${out} AS facet`;

const forms: Array<[string, string]> = [
  ['neighbourhood edges, typed expand-into (before)', `${members} MATCH (a)-[r:${T}]->(b) RETURN count(r) AS edges`],
  ['neighbourhood edges, untyped, types checked after (now)', `${members} MATCH (a)-[r]->(b) WHERE type(r) IN $types RETURN count(r) AS edges`],
  ['neighbourhood edges, untyped, every type (raw Cypher)', `${members} MATCH (a)-[r]->(b) RETURN count(r) AS edges`],
  ['shortest path, allowed types in the pattern (the API)', path(`[:${T}*..4]`)],
  ['shortest path, untyped, allowed types checked on the path', path('[*..4]', ' WHERE all(r IN relationships(p) WHERE type(r) IN $types)')],
  ['shortest path, every type (raw Cypher)', path('[*..4]')],
  ['shortest path, allowed types, MATCH p = SHORTEST 1 (GQL)', shortest(`[:${T}*1..4]`)],
  ['facet year x sponsor, bounded and collected (aggregate.facets)', facet('WITH n LIMIT 100001 WITH collect(n) AS matched UNWIND matched AS n', ', size(matched) AS scanned', '{over: coalesce(max(scanned) = 100001, false), buckets: collect({keys: [k1, k2.id], count: count})}')],
  ['facet year x sponsor, LIMIT only', facet('WITH n LIMIT 100001', '', 'collect({keys: [k1, k2.id], count: count})')],
  ['facet year x sponsor, unbounded', facet('', '', 'collect({keys: [k1, k2.id], count: count})')],
];

const hits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + hits(child), 0);
const session = driver.session({ defaultAccessMode: neo4j.session.READ });
try {
  for (const [name, query] of forms) {
    const profiled = await session.run(`PROFILE ${query}`, params);
    const times: number[] = [];
    for (let i = 0; i < 18; i++) {
      const start = performance.now();
      await session.run(query, params);
      if (i >= 3) times.push(performance.now() - start);
    }
    const answer = JSON.stringify(profiled.records[0]?.toObject() ?? null, (_, v) => (neo4j.isInt(v) ? v.toNumber() : v));
    console.log(`${name}\n  db hits ${hits(profiled.summary.profile as ProfiledPlan)}, median ${times.sort((a, b) => a - b)[7].toFixed(1)} ms, answer ${answer.slice(0, 160)}`);
  }
} finally {
  await session.close();
  await driver.close();
}
