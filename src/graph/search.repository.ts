/**
 * Full-text search over names, aliases (with the article's stated spellings) and descriptions.
 */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { entityFromNode, type Entity } from './entities.js';
import type { Executor } from './executor.js';
import type { Kind } from './model.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns user text into a Lucene query that cannot fail to parse: special characters are escaped,
 * and each word matches as typed or as a prefix, so "cilta" finds "Ciltacabtagene".
 */
export function luceneQuery(text: string): string {
  // Lower case, so that words like OR and NOT are terms, not operators (the analyzer lower-cases anyway).
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, '\\$&'))
    .filter(Boolean);
  return words.map((w) => `(${w} OR ${w}*)`).join(' ');
}

export async function search(executor: Executor, text: string, kinds: Kind[], limit: number): Promise<Array<{ score: number; node: Entity }>> {
  const lucene = luceneQuery(text);
  if (!lucene) return [];
  const rows = await executor.read<{ node: Neo4jNode; score: number }>('search.fulltext', { text: lucene, kinds, limit });
  return rows.map((r) => ({ score: r.score, node: entityFromNode(r.node) }));
}
