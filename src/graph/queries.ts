/**
 * Named Cypher queries, kept in cypher/queries/*.cypher as blocks that start with `// name: <name>`
 * followed by a one-line purpose. They are loaded once; a duplicate name fails at load and a
 * missing name fails at first use, so a typo never reaches Neo4j.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './local-server.js';

export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');

/** Parses `// name:` blocks of one file into [name, text] pairs. */
export function parseNamedBlocks(file: string, text: string): Array<[string, string]> {
  const blocks: Array<[string, string]> = [];
  let name: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (name === undefined) return;
    const body = lines.join('\n').trim().replace(/;\s*$/, '');
    if (!body) throw new Error(`${file}: query "${name}" is empty`);
    blocks.push([name, body]);
  };
  for (const line of text.split('\n')) {
    const header = /^\/\/\s*name:\s*(\S+)\s*$/.exec(line);
    if (header) {
      flush();
      name = header[1];
      lines = [];
    } else if (name !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return blocks;
}

function loadAll(): Map<string, string> {
  const map = new Map<string, string>();
  const dir = join(CYPHER_DIR, 'queries');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) {
    for (const [name, body] of parseNamedBlocks(file, readFileSync(join(dir, file), 'utf8'))) {
      if (map.has(name)) throw new Error(`cypher/queries/${file}: duplicate query name "${name}"`);
      map.set(name, body);
    }
  }
  return map;
}

const QUERIES = loadAll();

/** Each block's code without its purpose comments, prepared once for compose (which runs per request). */
const CODE = new Map(
  [...QUERIES].map(([name, text]) => [
    name,
    text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n'),
  ]),
);

/** The text of a named query; throws on an unknown name. */
export function query(name: string): string {
  const text = QUERIES.get(name);
  if (text === undefined) throw new Error(`No Cypher query named "${name}" in cypher/queries`);
  return text;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function identifier(name: string, key: string, value: string | number | undefined): string {
  if (value === undefined) throw new Error(`Query "${name}" needs identifier {{${key}}}`);
  const ok = typeof value === 'number' ? Number.isInteger(value) && value >= 0 : IDENTIFIER.test(value);
  if (!ok) throw new Error(`Query "${name}": "${value}" is not an identifier`);
  return String(value);
}

/**
 * A named query with `{{placeholders}}` filled by identifiers (labels, relationship types, sort
 * keys, fixed hop counts). Callers pass only values taken from the allow-lists in model.ts and the
 * repositories; this check is the last line of defence against anything else.
 */
export function render(name: string, identifiers: Record<string, string | number>): string {
  return query(name).replace(/\{\{(\w+)\}\}/g, (_, key: string) => identifier(name, key, identifiers[key]));
}

/**
 * A named block with `{{identifiers}}` (checked as in `render`) and `{{{clauses}}}`: Cypher that the
 * read compiler built from other named blocks, identifiers and `$parameters`, never client text.
 */
export function compose(name: string, identifiers: Record<string, string | number>, clauses: Record<string, string> = {}): string {
  // The purpose comments stay in cypher/; the composed statement is the code alone.
  const code = CODE.get(name);
  if (code === undefined) throw new Error(`No Cypher query named "${name}" in cypher/queries`);
  const filled = code.replace(/^([ \t]*)(.*)$/gm, (_, indent: string, line: string) =>
    indent +
    line.replace(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g, (__, clause: string | undefined, key: string | undefined) => {
      if (clause === undefined) return identifier(name, key!, identifiers[key!]);
      const text = clauses[clause];
      if (text === undefined) throw new Error(`Query "${name}" needs clause {{{${clause}}}}`);
      // A multi-line clause (a nested subquery) keeps the indentation of the line it is written on.
      return text.replace(/\n/g, `\n${indent}`);
    }),
  );
  return filled
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Predicates joined with AND; `true` when there are none (a WHERE that keeps every row). */
export function conjunction(predicates: string[]): string {
  const kept = predicates.filter((p) => p !== 'true');
  return kept.length ? kept.join(' AND ') : 'true';
}
