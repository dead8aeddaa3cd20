/**
 * Reading the change log: one change set, the feed of change sets after a seq, the history of one
 * entity or relationship, and the documents with their sentences. Each is one named query, paged and
 * bounded inside Cypher.
 */
import type { Executor } from '../executor.js';
import type { Change } from './operations.js';

type Props = Record<string, unknown>;

export interface ChangeSetView {
  seq: number;
  baseSeq: number;
  actor: string;
  approver: string | null;
  at: string | null;
  reason: string;
  operations: number;
  changeCount: number;
  changes: Change[];
}

/** Most changes listed with a change set; the rest are read through history. */
export const CHANGES_PER_SET = 100;

export function changeOf(props: Props): Change {
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Props) : null);
  const target = String(props.target);
  const targetType = props.targetType as Change['targetType'];
  const kind = (props.kind as string | undefined) ?? (targetType === 'relationship' ? target.split('|')[1] : null);
  return { index: Number(props.index), target, targetType, kind, op: props.op as Change['op'], reason: (props.reason as string | undefined) ?? null, before: json(props.before), after: json(props.after) };
}

export function changeSetOf(props: Props, changes: Props[] = []): ChangeSetView {
  return {
    seq: Number(props.seq),
    baseSeq: Number(props.baseSeq),
    actor: String(props.actor),
    approver: (props.approver as string | undefined) ?? null,
    at: props.at ? String(props.at) : null,
    reason: String(props.reason),
    operations: Number(props.operations),
    changeCount: Number(props.changeCount),
    changes: changes.map(changeOf),
  };
}

export async function currentSeq(executor: Executor): Promise<number> {
  const [row] = await executor.read<{ seq: number }>('changes.current');
  return row ? Number(row.seq) : 0;
}

export async function changeSet(executor: Executor, seq: number): Promise<ChangeSetView | null> {
  const [row] = await executor.read<{ changeSet: Props; changes: Props[] }>('changes.get', { seq, limit: CHANGES_PER_SET });
  return row ? changeSetOf(row.changeSet, row.changes) : null;
}

/** Change sets after `since` (by one actor, if given), oldest first (without their changes: ask changeSet(seq) for those). */
export async function changesSince(executor: Executor, since: number, first: number, by: string | null = null): Promise<ChangeSetView[]> {
  const rows = by ? await executor.read<{ changeSet: Props }>('changes.by', { actor: by, since, limit: first }) : await executor.read<{ changeSet: Props }>('changes.since', { since, limit: first });
  return rows.map((r) => changeSetOf(r.changeSet));
}

/** The changes to one target before change set `before`, newest first, `first + 1` read to tell whether more follow. */
export async function history(executor: Executor, target: string, first: number, before: number): Promise<Array<{ change: Change; changeSet: ChangeSetView }>> {
  const rows = await executor.read<{ change: Props; changeSet: Props }>('changes.history', { target, before, limit: first + 1 });
  return rows.map((r) => ({ change: changeOf(r.change), changeSet: changeSetOf(r.changeSet) }));
}

/** A retraction: the change that retracted a fact, and what superseded it (an entity's replacement). */
export interface Retraction {
  change: Change;
  changeSet: ChangeSetView;
  supersededBy: string | null;
  /** True when the fact was added again after this retraction (a relationship cited anew). */
  restored: boolean;
}

type RetractionRow = { change: Props; changeSet: Props; supersededBy: string | null; restored: boolean };
const retractionOf = (r: RetractionRow): Retraction => ({ change: changeOf(r.change), changeSet: changeSetOf(r.changeSet), supersededBy: r.supersededBy ?? null, restored: Boolean(r.restored) });

/** Retractions older than (seq, index), newest first; `first + 1` read to tell whether more follow. */
export async function retractions(executor: Executor, first: number, before: { seq: number; index: number }): Promise<Retraction[]> {
  return (await executor.read<RetractionRow>('changes.retractions', { ...before, limit: first + 1 })).map(retractionOf);
}

/** The newest retraction of an entity (by id) or relationship (`from|TYPE|to`), or null if it never was. */
export async function lastRetraction(executor: Executor, target: string): Promise<Retraction | null> {
  const [row] = await executor.read<RetractionRow>('changes.lastRetraction', { target });
  return row ? retractionOf(row) : null;
}

export async function documents(executor: Executor): Promise<Props[]> {
  return (await executor.read<{ document: Props }>('documents.list')).map((r) => r.document);
}

export async function documentById(executor: Executor, id: string): Promise<Props | null> {
  const [row] = await executor.read<{ document: Props }>('documents.get', { id });
  return row?.document ?? null;
}

export async function sentences(executor: Executor, document: string, after: number, first: number): Promise<Array<{ number: number; section: string; text: string; refs: number[]; facts: string[] }>> {
  return executor.read('documents.page', { document, after, limit: first + 1 });
}
