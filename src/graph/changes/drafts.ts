/**
 * Review: a proposal is checked in full (the applier, rolled back) and kept as a draft, PROPOSED; an
 * editor or admin other than its proposer approves it, and it is applied then, in the transaction
 * that closes the draft, with the `baseSeq` check against the graph as it is at approval. A draft is
 * applied once: the draft's write lock makes a second approver wait, then find it closed. Rejecting
 * (by a reviewer) and withdrawing (by the proposer) close it without applying.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode, forbidden, notFound } from '../../errors.js';
import type { Executor } from '../executor.js';
import { loadTimeoutMs } from '../seeds/load.js';
import { applyChangeSet, applyIn, runnerOf } from './apply.js';
import type { ChangeSetInput, ChangeSetResult, Operation } from './operations.js';

export type DraftStatus = 'PROPOSED' | 'APPLIED' | 'REJECTED' | 'WITHDRAWN';

export interface Draft {
  id: string;
  status: DraftStatus;
  proposer: string;
  proposedAt: string;
  reason: string;
  baseSeq: number;
  operations: number;
  reviewer: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  /** The change set it became, once applied. */
  seq: number | null;
}

function draftOf(props: Record<string, unknown>): Draft {
  return {
    id: String(props.id),
    status: props.status as DraftStatus,
    proposer: String(props.proposer),
    proposedAt: String(props.proposedAt),
    reason: String(props.reason),
    baseSeq: Number(props.baseSeq),
    operations: Number(props.operations),
    reviewer: (props.reviewer as string | undefined) ?? null,
    reviewedAt: props.reviewedAt ? String(props.reviewedAt) : null,
    reviewReason: (props.reviewReason as string | undefined) ?? null,
    seq: props.seq === undefined || props.seq === null ? null : Number(props.seq),
  };
}

const closed = (draft: Draft) =>
  new GraphQLError(`draft ${draft.id} is ${draft.status}${draft.seq ? ` (change set ${draft.seq})` : ''}; only a PROPOSED draft can be reviewed or withdrawn`, {
    extensions: { code: ErrorCode.CONFLICT, status: draft.status },
  });

/** Checks the change set in full (nothing written), then keeps it as a draft. */
export async function proposeDraft(executor: Executor, input: ChangeSetInput): Promise<{ draft: Draft; preview: ChangeSetResult }> {
  const preview = await applyChangeSet(executor, input, { dryRun: true });
  const created = await executor.write('drafts.create', {
    id: `draft:${randomUUID()}`,
    proposer: input.actor,
    reason: input.reason,
    baseSeq: input.baseSeq,
    operations: input.operations.length,
    ops: JSON.stringify(input.operations),
  });
  return { draft: draftOf(created.records[0].get('draft') as Record<string, unknown>), preview };
}

export async function draftById(executor: Executor, id: string): Promise<Draft | null> {
  const [row] = await executor.read<{ draft: Record<string, unknown> }>('drafts.get', { id });
  return row ? draftOf(row.draft) : null;
}

export async function draftsWith(executor: Executor, status: DraftStatus, proposer: string | null, first: number, before: string): Promise<Draft[]> {
  const rows = await executor.read<{ draft: Record<string, unknown> }>('drafts.list', { status, proposer, limit: first + 1, before });
  return rows.map((r) => draftOf(r.draft));
}

/**
 * Approves a draft: applied as one change set (attributed to its proposer, approved by `reviewer`)
 * in the transaction that closes it. CONFLICT when it is no longer PROPOSED or a fact it touches
 * changed after its `baseSeq`; FORBIDDEN for its own proposer.
 */
export async function approveDraft(executor: Executor, id: string, reviewer: string): Promise<{ draft: Draft; result: ChangeSetResult }> {
  const [found] = await executor.read<{ draft: Record<string, unknown> }>('drafts.get', { id });
  if (!found) throw notFound(`no draft "${id}"`);
  const operations = Number(found.draft.operations);
  return executor.transaction(
    'WRITE',
    'drafts.approve',
    async (tx) => {
      const run = runnerOf(tx);
      const [row] = await run<{ draft: Record<string, unknown> }>('drafts.lock', { id });
      const draft = draftOf(row.draft);
      if (draft.status !== 'PROPOSED') throw closed(draft);
      if (draft.proposer === reviewer) throw forbidden(`"${reviewer}" proposed draft ${id}; another editor approves it`);
      const result = await applyIn(run, { actor: draft.proposer, approver: reviewer, reason: draft.reason, baseSeq: draft.baseSeq, operations: JSON.parse(String(row.draft.ops)) as Operation[] });
      const [closedRow] = await run<{ draft: Record<string, unknown> }>('drafts.review', { id, status: 'APPLIED', reviewer, reason: null, seq: result.seq });
      return { draft: draftOf(closedRow.draft), result };
    },
    { timeoutMs: loadTimeoutMs(operations) },
  );
}

/** Rejects a draft (a reviewer other than its proposer) or withdraws it (its proposer). */
export async function closeDraft(executor: Executor, id: string, who: string, how: 'REJECTED' | 'WITHDRAWN', reason: string | null): Promise<Draft> {
  return executor.transaction('WRITE', 'drafts.close', async (tx) => {
    const run = runnerOf(tx);
    const [row] = await run<{ draft: Record<string, unknown> }>('drafts.lock', { id });
    if (!row) throw notFound(`no draft "${id}"`);
    const draft = draftOf(row.draft);
    if (draft.status !== 'PROPOSED') throw closed(draft);
    if (how === 'WITHDRAWN' && draft.proposer !== who) throw forbidden(`only its proposer, "${draft.proposer}", withdraws draft ${id}`);
    if (how === 'REJECTED' && draft.proposer === who) throw forbidden(`"${who}" proposed draft ${id}: withdraw it instead`);
    const [closedRow] = await run<{ draft: Record<string, unknown> }>('drafts.review', { id, status: how, reviewer: who, reason, seq: null });
    return draftOf(closedRow.draft);
  });
}
