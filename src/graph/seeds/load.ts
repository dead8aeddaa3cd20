/**
 * Loads a validated seed set into Neo4j in one write transaction: all of it or nothing. Nodes are
 * merged per kind and relationships per type with UNWIND batches, so the number of round trips
 * depends on the number of kinds and types, never on the number of records.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Executor } from '../executor.js';
import { isKind, RELATIONSHIPS, type Kind, type RelType } from '../model.js';
import { render, query } from '../queries.js';
import { captionsOf } from './caption.js';
import { nodeProperties, relationshipProperties } from './properties.js';
import { checkReferences, type SeedSet } from './read.js';
import type { SeededKind } from './schema.js';
import { IMPORT_ACTOR, relationshipKey, shownState, type Change } from '../changes/operations.js';
import { REVIEW_ID } from '../documents.js';

/** One updated node or relationship: the keys whose values changed and the keys it lost. */
export interface Update {
  id: string;
  changed: string[];
  removed: string[];
}

/** As the merge queries return an update: with the stored state before it, for the change log. */
type StoredUpdate = Update & { before?: Record<string, unknown> };

/** What a load writes (or, dry, would write): ids created, and per updated id what changed. */
export interface ChangeSet {
  nodesCreated: string[];
  nodesUpdated: Update[];
  relationshipsCreated: string[];
  relationshipsUpdated: Update[];
}

export interface LoadReport {
  /** True when nothing was committed (`--dry-run`): the counts say what a real load would do. */
  dryRun: boolean;
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  citationsCreated: number;
  citationsDeleted: number;
  /** Sum of the above: 0 when the graph already held exactly this data. */
  changes: number;
  changeSet: ChangeSet;
  /** Existing nodes and relationships that lose properties, by id: the keys they lose. */
  removedProperties: Record<string, string[]>;
  /** The change set the load was written as; null when it changed nothing or was a dry run. */
  seq: number | null;
  /**
   * Records left as they are because a curated change set (a mutation or a file of seeds/changes/)
   * changed their fact after the import: ids and `from|TYPE|to` keys. Curated changes win over the
   * seed files; to change such a fact again, write a change set.
   */
  keptCurated: string[];
}

/** Thrown at the end of a dry run so the transaction rolls back. */
class DryRun extends Error {}
/** Thrown when a load changed nothing, so that it takes no seq (the transaction rolls back). */
class NoChange extends Error {}

const BATCH = 500;
/**
 * A load compiles a dozen queries on a cold server, then writes in batches: it gets 2 minutes plus
 * 10 ms per record (a fixed 120 s gave up on 50,000 valid records on a busy machine).
 */
export function loadTimeoutMs(records: number): number {
  return 120_000 + 10 * records;
}

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

function groupBy<T, K extends string>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/**
 * Writes the seed set. Endpoint and citation checks run inside the same transaction against the
 * ids already stored, so a bad record anywhere aborts the whole load before anything is committed.
 * A dry run does all of it, then rolls back: the report is exact and nothing changes.
 */
export async function loadSeeds(
  executor: Executor,
  seeds: SeedSet,
  options: { reset?: boolean; dryRun?: boolean; reason?: string; approver?: string } = {},
): Promise<LoadReport> {
  const changeSet: ChangeSet = { nodesCreated: [], nodesUpdated: [], relationshipsCreated: [], relationshipsUpdated: [] };
  const report: LoadReport = {
    dryRun: Boolean(options.dryRun),
    nodesCreated: 0,
    nodesUpdated: 0,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
    citationsCreated: 0,
    citationsDeleted: 0,
    changes: 0,
    changeSet,
    removedProperties: {},
    seq: null,
    keptCurated: [],
  };
  // Each change with its state before and after, for the change set the load is written as.
  const changes: Array<Omit<Change, 'index'>> = [];
  let set = seeds;
  const load = executor.transaction('WRITE', 'seeds.load', async (tx) => {
    if (options.reset) await tx.run(query('seeds.reset'));
    // The load is one change set: its seq first (the change log's lock, as for every write).
    const seq = Number((await tx.run(query('changes.tickOrInit'))).records[0].get('seq'));
    set = await withoutCurated(tx, set, report.keptCurated);
    const referenced = new Set<string>();
    for (const { record } of set.relationships) referenced.add(record.from).add(record.to);
    for (const { record } of set.entities) for (const n of record.source.refs) referenced.add(`ref:${n}`);
    for (const { record } of set.relationships) for (const n of record.source.refs) referenced.add(`ref:${n}`);
    const known = new Map<string, Kind>();
    const existing = await tx.run(query('seeds.knownIds'), { ids: [...referenced] });
    for (const r of existing.records) {
      const kind = r.get('kind') as string;
      if (isKind(kind)) known.set(r.get('id') as string, kind);
    }
    checkReferences(set, known);

    const captions = captionsOf(set.entities);
    for (const [kind, entities] of groupBy(set.entities, (e) => e.kind as SeededKind)) {
      const text = render('seeds.mergeNodes', { label: kind });
      for (const rows of batches(entities.map((e) => ({ id: e.record.id, props: nodeProperties(e.record, captions.get(e.record.id)) })))) {
        const r = (await tx.run(text, { rows, seq })).records[0];
        const props = new Map(rows.map((row) => [row.id, row.props]));
        const created = r.get('created') as string[];
        const updated = r.get('updated') as StoredUpdate[];
        changeSet.nodesCreated.push(...created);
        changeSet.nodesUpdated.push(...updated.map(({ before: _before, ...update }) => update));
        for (const id of created) changes.push({ target: id, targetType: 'node', kind, op: 'create', before: null, after: shownState({ ...props.get(id)!, changedSeq: seq }) });
        for (const u of updated) changes.push({ target: u.id, targetType: 'node', kind, op: 'update', before: shownState(u.before ?? {}), after: shownState({ ...props.get(u.id)!, changedSeq: seq }) });
      }
    }
    for (const [type, rels] of groupBy(set.relationships, (r) => r.record.type as RelType)) {
      if (!(type in RELATIONSHIPS)) throw new Error(`Unknown relationship type ${type}`);
      const text = render('seeds.mergeRelationships', { type });
      for (const rows of batches(rels.map(({ record }) => ({ from: record.from, to: record.to, props: relationshipProperties(record) })))) {
        const r = (await tx.run(text, { rows, type, seq })).records[0];
        // The merge names a relationship "from -[TYPE]-> to"; the change log, "from|TYPE|to".
        const byName = new Map(rows.map((row) => [`${row.from} -[${type}]-> ${row.to}`, row]));
        const keyOf = (name: string) => relationshipKey({ ...byName.get(name)!, type });
        const created = r.get('created') as string[];
        const updated = r.get('updated') as StoredUpdate[];
        changeSet.relationshipsCreated.push(...created);
        changeSet.relationshipsUpdated.push(...updated.map(({ before: _before, ...update }) => update));
        for (const name of created) changes.push({ target: keyOf(name), targetType: 'relationship', kind: type, op: 'create', before: null, after: shownState({ ...byName.get(name)!.props, changedSeq: seq }) });
        for (const u of updated) changes.push({ target: keyOf(u.id), targetType: 'relationship', kind: type, op: 'update', before: shownState(u.before ?? {}), after: shownState({ ...byName.get(u.id)!.props, changedSeq: seq }) });
      }
    }
    for (const ids of batches(set.entities.map((e) => e.record.id))) {
      const r = (await tx.run(query('seeds.syncCitations'), { ids, review: REVIEW_ID })).records[0];
      report.citationsCreated += (r?.get('created') as number) ?? 0;
      report.citationsDeleted += (r?.get('deleted') as number) ?? 0;
    }
    if (!changes.length && !report.citationsCreated && !report.citationsDeleted) throw new NoChange();
    await tx.run(query('changes.record'), {
      seq,
      actor: IMPORT_ACTOR,
      reason: options.reason ?? 'Loaded the seed files',
      baseSeq: seq - 1,
      operations: set.entities.length + set.relationships.length,
      ops: null,
      file: null,
      // In production, the admin whose token the import was run with (scripts/import.ts).
      approver: options.approver ?? null,
      changes: changes.map((c, index) => ({ ...c, index, reason: null, before: c.before && JSON.stringify(c.before), after: c.after && JSON.stringify(c.after) })),
    });
    if (options.dryRun) throw new DryRun();
    report.seq = seq;
  }, { timeoutMs: loadTimeoutMs(set.entities.length + set.relationships.length) });
  await load.catch((error) => {
    if (!(error instanceof DryRun) && !(error instanceof NoChange)) throw error;
  });
  report.nodesCreated = changeSet.nodesCreated.length;
  report.nodesUpdated = changeSet.nodesUpdated.length;
  report.relationshipsCreated = changeSet.relationshipsCreated.length;
  report.relationshipsUpdated = changeSet.relationshipsUpdated.length;
  for (const update of [...changeSet.nodesUpdated, ...changeSet.relationshipsUpdated]) {
    // Neo4j returns keys in no set order.
    update.changed.sort();
    update.removed.sort();
    if (update.removed.length) report.removedProperties[update.id] = update.removed;
  }
  report.changes =
    report.nodesCreated + report.nodesUpdated + report.relationshipsCreated + report.relationshipsUpdated + report.citationsCreated + report.citationsDeleted;
  return report;
}

/** The seed set without the records whose facts a curated change set has changed (listed in `kept`). */
async function withoutCurated(tx: ManagedTransaction, set: SeedSet, kept: string[]): Promise<SeedSet> {
  const targets = [...set.entities.map((e) => e.record.id), ...set.relationships.map(({ record }) => relationshipKey(record))];
  const curated = new Set<string>();
  for (const rows of batches(targets)) {
    for (const r of (await tx.run(query('changes.curatedTargets'), { targets: rows, importActor: IMPORT_ACTOR })).records) curated.add(r.get('target') as string);
  }
  if (!curated.size) return set;
  kept.push(...[...curated].sort());
  return {
    entities: set.entities.filter((e) => !curated.has(e.record.id)),
    relationships: set.relationships.filter(({ record }) => !curated.has(relationshipKey(record))),
  };
}

/** Nodes per kind and relationships per type, as stored. */
export async function graphCounts(executor: Executor): Promise<{ nodes: Record<string, number>; relationships: Record<string, number> }> {
  const rows = await executor.read<{ what: string; name: string; count: number }>('seeds.counts');
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const row of rows) (row.what === 'node' ? nodes : relationships)[row.name] = row.count;
  return { nodes, relationships };
}
