/**
 * Named Cypher queries, kept in cypher/queries/*.cypher as blocks that start with `// name: <name>`
 * followed by a one-line purpose. They are loaded once; a duplicate name fails at load and a
 * missing name fails at first use, so a typo never reaches Neo4j.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../paths.js';


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

/**
 * A block's code (its purpose comments stay in cypher/), cut once into lines of literal text and
 * slots, so that compose, which runs per request, only concatenates.
 */
type Slot = { clause: string } | { key: string };
interface TemplateLine {
  indent: string;
  parts: Array<string | Slot>;
}

function template(code: string): TemplateLine[] {
  return code
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .map((line) => {
      const [, indent, rest] = /^([ \t]*)(.*)$/.exec(line)!;
      const parts: Array<string | Slot> = [];
      let at = 0;
      for (const m of rest.matchAll(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g)) {
        if (m.index > at) parts.push(rest.slice(at, m.index));
        parts.push(m[1] !== undefined ? { clause: m[1] } : { key: m[2] });
        at = m.index + m[0].length;
      }
      if (at < rest.length) parts.push(rest.slice(at));
      return { indent, parts };
    });
}

const TEMPLATES = new Map([...QUERIES].map(([name, text]) => [name, template(text)]));

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
 * caller built from identifiers and `$parameters` (the exports compose their named queries so), never client text.
 */
export function compose(name: string, identifiers: Record<string, string | number>, clauses: Record<string, string> = {}): string {
  const lines = TEMPLATES.get(name);
  if (lines === undefined) throw new Error(`No Cypher query named "${name}" in cypher/queries`);
  const out: string[] = [];
  for (const { indent, parts } of lines) {
    let line = indent;
    for (const part of parts) {
      if (typeof part === 'string') line += part;
      else if ('key' in part) line += identifier(name, part.key, identifiers[part.key]);
      else {
        const text = clauses[part.clause];
        if (text === undefined) throw new Error(`Query "${name}" needs clause {{{${part.clause}}}}`);
        // A multi-line clause (a nested subquery) keeps the indentation of the line it is written on.
        line += indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
      }
    }
    if (line.trim() !== '') out.push(line);
  }
  // An empty clause on a line of its own leaves no line; a multi-line one may hold empty lines (rarely:
  // look before cutting the whole text up again).
  const text = out.join('\n');
  return BLANK_LINE.test(text) ? text.split('\n').filter((l) => l.trim() !== '').join('\n') : text;
}

const BLANK_LINE = /(^|\n)[ \t]*(\n|$)/;

/** Predicates joined with AND; `true` when there are none (a WHERE that keeps every row). */
export function conjunction(predicates: string[]): string {
  const kept = predicates.filter((p) => p !== 'true');
  return kept.length ? kept.join(' AND ') : 'true';
}
