/**
 * Reads and validates a set of seed files. Everything that can be checked without the database is
 * checked here, so a bad file is refused before a single write; the first problem is reported with
 * its file, record id and field.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { RELATIONSHIPS, type Kind } from '../model.js';
import {
  fileSchema,
  RECORD_SCHEMAS,
  relationshipId,
  relationshipSchema,
  type EntityRecord,
  type RelationshipRecord,
  type SeededKind,
} from './schema.js';
import { metricProblem } from './vocabulary.js';

export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: record "${record}", field "${field}": ${problem}`);
    this.name = 'SeedError';
  }
}

export interface Located<T> {
  file: string;
  record: T;
}

export interface SeedSet {
  entities: Array<Located<EntityRecord> & { kind: SeededKind }>;
  relationships: Array<Located<RelationshipRecord>>;
}

/** The seed files at a path: the file itself, or every *.json in the folder, sorted. */
export function seedFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}

function firstIssue(file: string, record: string, error: z.ZodError): SeedError {
  const issue = error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : '(record)';
  return new SeedError(file, record, field, issue.message);
}

function recordLabel(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown })?.id;
  if (typeof id === 'string') return id;
  const r = raw as { type?: unknown; from?: unknown; to?: unknown };
  if (typeof r?.type === 'string' && typeof r.from === 'string' && typeof r.to === 'string') {
    return relationshipId(r as { type: string; from: string; to: string });
  }
  return `#${index + 1}`;
}

/** Reads and validates every file at `path` (a file or a folder of seed files). */
export function readSeeds(path: string, displayRoot = process.cwd()): SeedSet {
  const set: SeedSet = { entities: [], relationships: [] };
  for (const absolute of seedFiles(path)) {
    const file = relative(displayRoot, absolute) || basename(absolute);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(absolute, 'utf8'));
    } catch (error) {
      throw new SeedError(file, '(file)', '(file)', `not valid JSON: ${(error as Error).message}`);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw firstIssue(file, '(file)', parsed.error);
    const { kind, records } = parsed.data;
    records.forEach((raw, index) => {
      const label = recordLabel(raw, index);
      if (kind === 'Relationship') {
        const result = relationshipSchema.safeParse(raw);
        if (!result.success) throw firstIssue(file, label, result.error);
        set.relationships.push({ file, record: result.data });
      } else {
        const result = RECORD_SCHEMAS[kind].safeParse(raw);
        if (!result.success) throw firstIssue(file, label, result.error);
        set.entities.push({ file, kind, record: result.data as EntityRecord });
      }
    });
  }
  checkInternalConsistency(set);
  return set;
}

/** Duplicate ids, references between records of the same set, and metrics from the vocabulary. */
function checkInternalConsistency(set: SeedSet): void {
  const seen = new Map<string, string>();
  for (const { file, kind, record } of set.entities) {
    const earlier = seen.get(record.id);
    if (earlier) throw new SeedError(file, record.id, 'id', `duplicate id (also in ${earlier})`);
    seen.set(record.id, file);
    if (kind !== 'Statistic') continue;
    const { metric, unit } = record as { metric: string; unit: string };
    const problem = metricProblem(metric, unit);
    if (problem) throw new SeedError(file, record.id, problem.field, problem.message);
  }
  const relSeen = new Set<string>();
  for (const { file, record } of set.relationships) {
    const id = relationshipId(record);
    if (relSeen.has(id)) throw new SeedError(file, id, 'type', 'duplicate relationship');
    relSeen.add(id);
  }
}

/**
 * Checks that relationship endpoints and cited references exist, in the set or in the database,
 * and that each relationship connects the kinds its type allows. `known` maps ids already in the
 * database to their kind.
 */
export function checkReferences(set: SeedSet, known: Map<string, Kind>): void {
  const kinds = new Map<string, Kind>(known);
  for (const { kind, record } of set.entities) kinds.set(record.id, kind);
  const referenceNumbers = new Set<number>();
  for (const [id, kind] of kinds) if (kind === 'Reference') referenceNumbers.add(Number(id.slice('ref:'.length)));
  for (const { kind, record } of set.entities) {
    if (kind === 'Reference' && record.id !== `ref:${(record as { number: number }).number}`) {
      throw new SeedError(fileOf(set, record.id), record.id, 'number', `must match the id (ref:<number>)`);
    }
  }
  const cite = (file: string, id: string, refs: number[]) => {
    refs.forEach((n, i) => {
      if (!referenceNumbers.has(n)) throw new SeedError(file, id, `source.refs.${i}`, `reference ${n} does not exist`);
    });
  };
  for (const { file, record } of set.entities) cite(file, record.id, record.source.refs);
  for (const { file, record } of set.relationships) {
    const id = relationshipId(record);
    const rule = RELATIONSHIPS[record.type];
    for (const end of ['from', 'to'] as const) {
      const kind = kinds.get(record[end]);
      if (!kind) throw new SeedError(file, id, end, `no node with id "${record[end]}"`);
      const allowed: readonly Kind[] = rule[end];
      if (!allowed.includes(kind)) {
        throw new SeedError(file, id, end, `${record.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${kind} (allowed: ${allowed.join(', ')})`);
      }
    }
    cite(file, id, record.source.refs);
  }
}

function fileOf(set: SeedSet, id: string): string {
  return set.entities.find((e) => e.record.id === id)?.file ?? '(unknown)';
}
