/**
 * Writes records in the seeds format. The same formatter canonicalises seeds/ and writes exports,
 * so loading seeds/ and exporting the graph reproduces the files byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Executor } from '../executor.js';
import { flattenSource, recordFromNode, recordFromRelationship } from './properties.js';
import type { SeedSet } from './read.js';
import { exportChangeFiles } from '../changes/files.js';
import { IMPORT_ACTOR, relationshipKey } from '../changes/operations.js';
import { FILE_NAMES, RECORD_SCHEMAS, type EntityRecord, type RelationshipRecord, type SeededKind } from './schema.js';

/** File name -> file text, one file per kind that has records; records sorted by id. */
export function formatSeedFiles(entities: Array<{ kind: SeededKind; record: EntityRecord }>, relationships: RelationshipRecord[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of Object.keys(RECORD_SCHEMAS) as SeededKind[]) {
    const records = entities.filter((e) => e.kind === kind).map((e) => e.record);
    if (!records.length) continue;
    records.sort((a, b) => a.id.localeCompare(b.id));
    files.set(FILE_NAMES[kind], render(kind, records));
  }
  if (relationships.length) {
    const sorted = [...relationships].sort((a, b) => a.from.localeCompare(b.from) || a.type.localeCompare(b.type) || a.to.localeCompare(b.to));
    files.set(FILE_NAMES.Relationship, render('Relationship', sorted));
  }
  return files;
}

/** One record per line keeps diffs of seeds/ readable in review. */
function render(kind: string, records: unknown[]): string {
  const lines = records.map((r) => `    ${JSON.stringify(r)}`);
  return `{\n  "kind": "${kind}",\n  "records": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** A seed set as it would be written (used to canonicalise seeds/). */
export function formatSeedSet(set: SeedSet): Map<string, string> {
  return formatSeedFiles(
    set.entities.map((e) => ({ kind: e.kind, record: recordFromNode(e.kind, { ...e.record, ...flattenSource(e.record.source) }) })),
    set.relationships.map(({ record: r }) => recordFromRelationship(r.type, r.from, r.to, { ...r.properties, ...flattenSource(r.source) })),
  );
}

/**
 * The seeds as imported, and the curated change sets since: the seed files hold each fact as the last
 * import wrote it (a fact a curated change set changed, as it was before the first such change; one
 * such a change set created is left out), and `changes/` holds the curated change sets in order. So
 * loading seeds/ (files and changes) and exporting writes seeds/ again byte for byte, and a change made
 * through the API becomes a new file of seeds/changes/ to commit.
 */
export async function exportSeeds(executor: Executor, dir: string): Promise<{ seedFiles: string[]; changeFiles: string[] }> {
  const curated = await executor.read<{ target: string; targetType: string; before: string | null; kind: string | null }>('changes.curatedBefore', { importActor: IMPORT_ACTOR });
  const touched = new Set(curated.map((c) => c.target));
  const nodes = await executor.read<{ kind: SeededKind; props: Record<string, unknown> }>('seeds.exportNodes');
  const rels = await executor.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>('seeds.exportRelationships');
  const entities = nodes
    .filter((n) => n.kind in RECORD_SCHEMAS && !touched.has(n.props.id as string))
    .map((n) => ({ kind: n.kind, record: recordFromNode(n.kind, n.props) }));
  const relationships = rels.filter((r) => !touched.has(relationshipKey(r))).map((r) => recordFromRelationship(r.type, r.from, r.to, r.props));
  for (const c of curated) {
    if (!c.before) continue;
    const before = JSON.parse(c.before) as Record<string, unknown>;
    if (c.targetType === 'relationship') {
      const [from, type, to] = c.target.split('|');
      relationships.push(recordFromRelationship(type, from, to, before));
    } else if (c.kind && c.kind in RECORD_SCHEMAS) {
      entities.push({ kind: c.kind as SeededKind, record: recordFromNode(c.kind as SeededKind, before) });
    }
  }
  const files = formatSeedFiles(entities, relationships);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const changeFiles = await exportChangeFiles(executor, join(dir, 'changes'));
  return { seedFiles: [...files.keys()], changeFiles };
}

/** Reads the graph as it is now (without derived findings and citations) and writes it to `dir` in the seeds format. */
export async function exportGraph(executor: Executor, dir: string): Promise<string[]> {
  const nodes = await executor.read<{ kind: SeededKind; props: Record<string, unknown> }>('seeds.exportNodes');
  const rels = await executor.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>('seeds.exportRelationships');
  const files = formatSeedFiles(
    nodes.filter((n) => n.kind in RECORD_SCHEMAS).map((n) => ({ kind: n.kind, record: recordFromNode(n.kind, n.props) })),
    rels.map((r) => recordFromRelationship(r.type, r.from, r.to, r.props)),
  );
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return [...files.keys()];
}
