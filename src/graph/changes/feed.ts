/**
 * The change log read for versions and live changes (src/versions): the data version, the change
 * sets after a seq as subscription events, and entities as they stood at a past change set. Each is
 * one named query of cypher/queries/versions.cypher.
 */
import type { Executor } from '../executor.js';
import { changeSetOf, type ChangeSetView } from './history.js';
import { searchTextOf } from '../seeds/properties.js';

type Props = Record<string, unknown>;

export interface DataVersion {
  /** The newest change set's seq (0 on a database no load has ticked yet). */
  seq: number;
  /** When it was committed (ISO 8601), or null at seq 0. */
  committedAt: string | null;
}

/** One committed change set as subscribers receive it, with what all its changes touched. */
export interface FeedEvent {
  seq: number;
  changeSet: ChangeSetView;
  /** Every target (entity id or `from|TYPE|to`) and kind it changed, up to TOUCHED_CAP of them. */
  targets: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  /** True when the change set touched more than TOUCHED_CAP facts (an id filter then matches it). */
  capped: boolean;
}

/** Changes listed with an event (the rest through history or changeSet(seq)). */
export const EVENT_CHANGES = 100;
/** Most facts of one change set matched against a subscription's ids and kinds. */
export const TOUCHED_CAP = 10_000;

export async function dataVersion(executor: Executor): Promise<DataVersion> {
  const [row] = await executor.read<{ seq: number; committedAt: string | null }>('versions.current');
  return row ? { seq: Number(row.seq), committedAt: row.committedAt ?? null } : { seq: 0, committedAt: null };
}

/** Up to `limit` change sets after `since`, oldest first. */
export async function feedSince(executor: Executor, since: number, limit: number): Promise<FeedEvent[]> {
  const rows = await executor.read<{ changeSet: Props; changes: Props[]; touched: Array<[string, string]> }>('versions.feed', {
    since,
    limit,
    changes: EVENT_CHANGES,
    touched: TOUCHED_CAP,
  });
  return rows.map((row) => {
    const changeSet = changeSetOf(row.changeSet, row.changes);
    const targets = new Set<string>();
    const kinds = new Set<string>();
    for (const [target, kind] of row.touched) {
      targets.add(target);
      if (target.includes('|')) {
        const [from, type, to] = target.split('|');
        targets.add(from);
        targets.add(to);
        kinds.add(type);
      } else if (kind) kinds.add(kind);
    }
    return { seq: changeSet.seq, changeSet, targets, kinds, capped: changeSet.changeCount > TOUCHED_CAP };
  });
}

/** The seq of the newest change set committed at or before `at` (an ISO 8601 date-time). */
export async function seqAt(executor: Executor, at: string): Promise<number> {
  const [row] = await executor.read<{ seq: number }>('versions.seqAt', { at });
  return Number(row?.seq ?? 0);
}

/** An entity's properties and kind as they stood at change set `asOf`; null where it did not exist (or was retracted) then. */
export async function entitiesAt(executor: Executor, ids: string[], asOf: number): Promise<Array<{ id: string; kind: string; props: Props; changedSeq: number | null } | null>> {
  const rows = await executor.read<{ id: string; state: string | null; now: Props | null; kind: string | null; changedSeq: number | null }>('versions.entitiesAt', { ids, asOf });
  return rows.map((row) => {
    const props = row.state ? (JSON.parse(row.state) as Props) : row.now;
    return props && row.kind ? { id: row.id, kind: row.kind, props, changedSeq: row.changedSeq ?? null } : null;
  });
}

/**
 * Most changes after a seq a list read as of that seq looks through, and most entities of its kinds
 * changed since whose states it carries; further back is refused (`npm run bench:versions` measures a
 * list read at the second bound).
 */
export const AS_OF_SCAN = 20_000;
export const AS_OF_STATES = 5_000;

export class TooFarBack extends Error {}

/**
 * For a read as of `asOf`: the ids of the entities of `kinds` changed since (their current state is
 * not the one they had then) and, of those that existed then, their state then, with its kind.
 */
export async function changedSince(executor: Executor, kinds: readonly string[], asOf: number): Promise<{ changed: string[]; states: Props[] }> {
  const [row] = await executor.read<{ scanned: number; firsts: Array<{ target: string; kind: string; before: string | null }> }>('versions.changedSince', { kinds, asOf, scan: AS_OF_SCAN });
  if (Number(row.scanned) >= AS_OF_SCAN) throw new TooFarBack(`more than ${AS_OF_SCAN} changes were committed after change set ${asOf}`);
  if (row.firsts.length > AS_OF_STATES) throw new TooFarBack(`${row.firsts.length} entities of ${kinds.join(', ')} changed after change set ${asOf} (at most ${AS_OF_STATES} are read)`);
  const states: Props[] = row.firsts.filter((f) => f.before).map((f) => ({ ...(JSON.parse(f.before!) as Props), kind: f.kind }));
  // The log keeps states without the search text: `nameContains` searches what it is made of.
  for (const state of states) state.searchText = searchTextOf(state);
  return { changed: row.firsts.map((f) => f.target), states };
}

/**
 * The graph as it stood at change set `seq`, as a read of relationships needs it: what changed since,
 * by id and by relationship key (patterns.ts nodeThen, relationshipThen and viewThenOf read these maps,
 * after the changedSeq each entity and relationship carries). Whatever did not change since stood then
 * as it stands now.
 */
export interface GraphAt {
  seq: number;
  /** Entities changed since that existed then: their state then, with its kind, by id. */
  states: Record<string, Props>;
  /** Relationships changed since (`from|TYPE|to`): whether the key existed then (false: created since). */
  relationships: Record<string, boolean>;
  /** Every entity changed since, by id: its kind (those created since only when asked for them). Not a parameter: a list takes its share. */
  changed: Record<string, string>;
}

/**
 * The changes since `asOf` a read of the whole graph as of then takes (versions.graphSince), bounded as
 * changedSince is. `created`: the entities created since too (`changed`), which a list needs and a
 * traversal does not (an import of 10,000 is 10,000 more rows: 70,001 db hits against 60,001 at 1M).
 */
export async function graphSince(executor: Executor, asOf: number, created = false): Promise<GraphAt> {
  const [row] = await executor.read<{ scanned: number; firsts: Array<{ target: string; relationship: boolean; kind: string; before: string | null }> }>('versions.graphSince', { asOf, scan: AS_OF_SCAN, created });
  if (Number(row.scanned) >= AS_OF_SCAN) throw new TooFarBack(`more than ${AS_OF_SCAN} changes were committed after change set ${asOf}`);
  const graph: GraphAt = { seq: asOf, states: {}, relationships: {}, changed: {} };
  // The states then travel as a parameter (their properties): those are bounded.
  let states = 0;
  for (const first of row.firsts) {
    if (first.relationship) {
      graph.relationships[first.target] = first.before !== null;
      continue;
    }
    graph.changed[first.target] = first.kind;
    if (!first.before) continue;
    states++;
    const state: Props = { ...(JSON.parse(first.before) as Props), kind: first.kind };
    state.searchText = searchTextOf(state);
    graph.states[first.target] = state;
  }
  if (states > AS_OF_STATES) throw new TooFarBack(`${states} entities that stood then changed after change set ${asOf} (the states of at most ${AS_OF_STATES} are read)`);
  return graph;
}
