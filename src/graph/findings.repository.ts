/**
 * The checker's stored findings (written by checker.ts).
 */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { entityFromNode, type Entity } from './entities.js';
import type { Executor } from './executor.js';

export async function allFindings(executor: Executor): Promise<Entity[]> {
  const rows = await executor.read<{ f: Neo4jNode }>('findings.all');
  return rows.map((r) => entityFromNode(r.f));
}
