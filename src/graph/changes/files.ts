/**
 * Curated change sets as files: seeds/changes/NNNN-slug.json, each `{actor, reason, operations}` in
 * the applier's own operation shape. The importer (and the server, at start) applies the files the
 * graph has not seen yet, in order, each as its own change set through the same applier as the
 * `proposeChanges` mutation; `npm run export:seeds` writes change sets made through the API back as new
 * files, so that curated changes can be committed and a fresh clone replays them with their history.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SEEDED_KINDS, SEEDED_REL_TYPES } from '../model.js';
import type { Executor } from '../executor.js';
import { applyChangeSet } from './apply.js';
import { currentSeq } from './history.js';
import { IMPORT_ACTOR, type Operation } from './operations.js';

const citation = z.strictObject({
  document: z.string().min(1),
  sentence: z.number().int().positive(),
  quote: z.string().min(1),
  refs: z.array(z.number().int().positive()),
  inferred: z.string().min(1).optional(),
  dataSource: z.string().min(1).optional(),
  stated: z.string().min(1).optional(),
});
const props = z.record(z.string(), z.unknown());
const kind = z.enum(SEEDED_KINDS);
const type = z.enum(SEEDED_REL_TYPES);

/** One operation as a file holds it; the key order here is the order files are written in. */
export const operationSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('createEntity'), kind, id: z.string().min(1), properties: props, source: citation }),
  z.strictObject({ op: z.literal('setProperties'), id: z.string().min(1), properties: props, source: citation }),
  z.strictObject({ op: z.literal('unsetProperties'), id: z.string().min(1), names: z.array(z.string().min(1)).min(1), source: citation }),
  z.strictObject({ op: z.literal('addRelationship'), type, from: z.string().min(1), to: z.string().min(1), properties: props.optional(), source: citation }),
  z.strictObject({ op: z.literal('retractRelationship'), type, from: z.string().min(1), to: z.string().min(1), reason: z.string().min(1) }),
  z.strictObject({ op: z.literal('retract'), id: z.string().min(1), reason: z.string().min(1) }),
  z.strictObject({ op: z.literal('supersede'), id: z.string().min(1), by: z.string().min(1), reason: z.string().min(1) }),
]);

export const changeFileSchema = z.strictObject({
  actor: z.string().min(1),
  reason: z.string().min(1),
  operations: z.array(operationSchema).min(1),
});

export interface ChangeFile {
  /** The file name without ".json": its order and its name in the change log. */
  name: string;
  actor: string;
  reason: string;
  operations: Operation[];
}

const FILE_NAME = /^(\d{4})-[a-z0-9-]+\.json$/;

/** Null values (GraphQL's absent optional fields) dropped, so that a file holds only what was given. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, k === 'properties' ? v : withoutNulls(v)]));
  return value;
}

/** Parses one change file's content, naming the file and the first problem. */
export function parseChangeFile(name: string, text: string): ChangeFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`seeds/changes/${name}.json is not JSON: ${(error as Error).message}`);
  }
  const parsed = changeFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`seeds/changes/${name}.json: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return { name, ...(parsed.data as Omit<ChangeFile, 'name'>) };
}

/** The change files of a folder, in the order of their numbers. */
export function readChangeFiles(dir: string): ChangeFile[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const f of names) if (!FILE_NAME.test(f)) throw new Error(`seeds/changes/${f}: name it NNNN-words.json (four digits, then lower-case words and hyphens)`);
  return names.map((f) => parseChangeFile(f.slice(0, -'.json'.length), readFileSync(join(dir, f), 'utf8')));
}

/** A change file's text: one operation a line, keys in the schema's order, so diffs read well. */
export function formatChangeFile(file: Omit<ChangeFile, 'name'>): string {
  const canonical = changeFileSchema.parse(withoutNulls({ actor: file.actor, reason: file.reason, operations: file.operations }));
  const lines = canonical.operations.map((op) => `    ${JSON.stringify(op)}`);
  return `{\n  "actor": ${JSON.stringify(canonical.actor)},\n  "reason": ${JSON.stringify(canonical.reason)},\n  "operations": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/**
 * Applies the files the change log has not recorded yet, in order, each as one change set made
 * against the graph as it then is. A file the applier refuses stops the run with the file's name and
 * the coded error's message; the files before it stay applied.
 */
export async function applyChangeFiles(executor: Executor, dir: string, log: (line: string) => void = console.error): Promise<number[]> {
  const files = readChangeFiles(dir);
  if (!files.length) return [];
  const applied = new Set((await executor.read<{ file: string }>('changes.files')).map((r) => r.file));
  const seqs: number[] = [];
  for (const file of files.filter((f) => !applied.has(f.name))) {
    try {
      const result = await applyChangeSet(executor, { actor: file.actor, reason: file.reason, operations: file.operations, baseSeq: await currentSeq(executor), file: file.name });
      seqs.push(result.seq);
    } catch (error) {
      throw new Error(`seeds/changes/${file.name}.json was not applied: ${(error as Error).message}`);
    }
  }
  if (seqs.length) log(`Applied ${seqs.length} change file(s) of seeds/changes as change sets ${seqs[0]}-${seqs[seqs.length - 1]}.`);
  return seqs;
}

const slug = (reason: string) =>
  reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 6)
    .join('-') || 'change';

/**
 * Writes every curated change set to `dir`: those applied from a file under that file's name, those
 * made through the API as new files numbered after the highest there (and remembers the name on the
 * change set, so that the next export and the next import know them). Returns the file names.
 */
export async function exportChangeFiles(executor: Executor, dir: string): Promise<string[]> {
  const rows = await executor.read<{ seq: number; actor: string; reason: string; ops: string | null; file: string | null }>('changes.curated', { importActor: IMPORT_ACTOR });
  mkdirSync(dir, { recursive: true });
  const taken = readdirSync(dir).filter((f) => FILE_NAME.test(f));
  let next = Math.max(0, ...taken.map((f) => Number(f.slice(0, 4))), ...rows.filter((r) => r.file).map((r) => Number(r.file!.slice(0, 4)))) + 1;
  const written: string[] = [];
  const exported: Array<{ seq: number; file: string }> = [];
  for (const row of rows) {
    if (!row.ops) continue; // a change set written before operations were kept: its changes are in the graph's state
    const name = row.file ?? `${String(next++).padStart(4, '0')}-${slug(row.reason)}`;
    writeFileSync(join(dir, `${name}.json`), formatChangeFile({ actor: row.actor, reason: row.reason, operations: JSON.parse(row.ops) as Operation[] }));
    if (!row.file) exported.push({ seq: row.seq, file: name });
    written.push(`${name}.json`);
  }
  if (exported.length) await executor.write('changes.markExported', { rows: exported });
  return written;
}
