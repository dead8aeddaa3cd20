/**
 * Connected questions: the timeline, shortest paths and neighbourhoods (reforms before approvals
 * and back are batched with the other per-level reads, in entities.repository.ts). Hop counts are spliced into the Cypher text only as integers within their caps.
 */
import type { Node as Neo4jNode, Relationship as Neo4jRelationship } from 'neo4j-driver';
import { entityFromNode, relationshipFromNeo4j, type Entity, type GraphRelationship } from './entities.js';
import type { Executor } from './executor.js';
import type { Kind } from './model.js';
import { render } from './queries.js';
import { dateStart } from './seeds/properties.js';

/** The last day of a partial ISO date ("2020" -> "2020-12-31"). */
export function dateEnd(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number);
    return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return `${date}-12-31`;
}

/** Dated entities of the given kinds whose date starts within [from, to] (partial dates widened to whole periods). */
export async function timeline(executor: Executor, kinds: Kind[], from?: string, to?: string): Promise<Entity[]> {
  const rows = await executor.read<{ n: Neo4jNode }>('traversals.timeline', {
    kinds,
    from: from ? dateStart(from) : '0000-01-01',
    to: to ? dateEnd(to) : '9999-12-31',
  });
  return rows.map((r) => entityFromNode(r.n));
}

interface RelRow {
  rel: Neo4jRelationship;
  from: string;
  to: string;
}

/** A shortest path of at most `maxHops` relationships, or null when none exists. */
export async function shortestPath(
  executor: Executor,
  from: string,
  to: string,
  maxHops: number,
  excluded: string[],
): Promise<{ nodes: Entity[]; relationships: GraphRelationship[] } | null> {
  const text = render('traversals.shortestPath', { maxHops });
  const [row] = await executor.readText<{ nodes: Neo4jNode[]; rels: RelRow[] }>('traversals.shortestPath', text, { from, to, excluded });
  if (!row) return null;
  return { nodes: row.nodes.map(entityFromNode), relationships: row.rels.map((r) => relationshipFromNeo4j(r.rel, r.from, r.to)) };
}

/** The node and its nearest neighbours within `depth` hops (at most `limit` besides it), with the relationships among them. */
export async function neighborhood(
  executor: Executor,
  id: string,
  depth: number,
  limit: number,
  excluded: string[],
): Promise<{ nodes: Entity[]; edges: GraphRelationship[]; truncated: boolean } | null> {
  const text = render('traversals.neighborhood', { depth });
  const [row] = await executor.readText<{ nodes: Neo4jNode[]; rels: RelRow[]; reachableCount: number }>('traversals.neighborhood', text, {
    id,
    limit,
    excluded,
  });
  if (!row) return null;
  return {
    nodes: row.nodes.map(entityFromNode),
    edges: row.rels.map((r) => relationshipFromNeo4j(r.rel, r.from, r.to)),
    truncated: row.reachableCount > limit,
  };
}
