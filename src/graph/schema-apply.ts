/**
 * Applies cypher/schema/*.cypher (constraints and indexes). Every statement uses IF NOT EXISTS, so
 * applying twice is a no-op; the result says how many schema objects the run actually added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Executor } from './executor.js';
import { CYPHER_DIR } from '../paths.js';

/** The statements of cypher/schema, in file order, comments removed. */
export function schemaStatements(): string[] {
  const dir = join(CYPHER_DIR, 'schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

/** Names of the constraints and indexes the schema files declare. */
export function schemaObjectNames(): string[] {
  return schemaStatements().map((s) => /(?:CONSTRAINT|INDEX)\s+(\w+)/.exec(s)?.[1] ?? '').filter(Boolean);
}

/** Applies every schema statement (each in its own transaction, as Neo4j requires); returns how many were added. */
export async function applySchema(executor: Executor): Promise<number> {
  let added = 0;
  for (const statement of schemaStatements()) {
    const result = await executor.transaction('WRITE', 'schema.apply', (tx) => tx.run(statement));
    const updates = result.summary.counters.updates();
    added += updates.constraintsAdded + updates.indexesAdded;
  }
  return added;
}
