/**
 * Reads as of a past change set: `node(id, asOf: 12)` or `node(id, asOfTime: "2026-12-01T10:00:00Z")`
 * answers the entity as it stood when that change set committed, from the change log (each Change
 * keeps the state before and after). Current reads are untouched: the log is read only when `asOf` is
 * asked. An answer pinned to a version never changes.
 */
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import { changedSince, dataVersion, entitiesAt, graphSince, seqAt, TooFarBack, type GraphAt } from '../graph/changes/feed.js';
import { planNode, readsRelationships } from '../graph/read/projection.js';
import type { PageLimits, Selection } from '../graph/read/statement.js';
import type { AsOfStates } from '../graph/read/lists.js';
import type { Kind } from '../graph/model.js';
import { toEntity } from '../graph/read/decode.js';
import type { Entity } from '../graph/entities.js';

export const AS_OF_DESCRIPTION =
  'Answer as the graph stood when this change set committed (a seq: `meta { dataVersion { seq } }`, `changes`, or an answer\'s `extensions.dataVersion`): its own fields, and its relationship fields with the links and entities that stood then (their values then). Lists derived from dates and figures (`precedingReforms`, `approvalsFollowing`, `siblings`) by the values then. Own fields alone read any seq; relationship fields read up to 20,000 changes back, the states of 5,000 entities changed since.';
export const AS_OF_TIME_DESCRIPTION = 'As `asOf`, by date-time (ISO 8601): the graph as it stood at that moment (the last change set committed by then).';

/** The seq an asOf read pins to, checked (one of the two arguments is given). */
export async function pinnedSeq(ctx: Context, asOf: number | undefined | null, asOfTime: string | undefined | null): Promise<number> {
  if (asOf !== undefined && asOf !== null && asOfTime) throw badUserInput('give "asOf" or "asOfTime", not both', 'asOf');
  if (asOfTime) {
    const time = Date.parse(asOfTime);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(asOfTime) || Number.isNaN(time)) throw badUserInput(`"asOfTime" is an ISO 8601 date-time, e.g. "2026-12-01T10:00:00Z"; got ${JSON.stringify(asOfTime)}`, 'asOfTime');
    return seqAt(ctx.executor, new Date(time).toISOString());
  }
  if (asOf === undefined || asOf === null) throw badUserInput('give "asOf" or "asOfTime"', 'asOf');
  const newest = ctx.version?.seq ?? (await dataVersion(ctx.executor)).seq;
  if (!Number.isInteger(asOf) || asOf < 0 || asOf > newest) throw badUserInput(`"asOf" is a committed seq, 0 to ${newest}; got ${asOf}`, 'asOf');
  return asOf;
}

/** The entities with these ids as they stood at `seq`, in order; null where one did not exist then (or was retracted). */
export async function entitiesAsOf(ctx: Context, ids: string[], seq: number): Promise<Array<Entity | null>> {
  const rows = await entitiesAt(ctx.executor, ids, seq);
  return rows.map((row) => {
    if (!row) return null;
    const entity = toEntity({ ...row.props, kind: row.kind, id: row.id })!;
    return { ...entity, retracted: false, asOf: seq };
  });
}

export const LIST_AS_OF_DESCRIPTION =
  "The list as it stood when this change set committed (a seq): entities created since left out, corrected ones with their values then, retracted ones as they were; filtered, ordered, paged and counted as then, and their relationship fields with the links and entities that stood then. `aggregate` and `facets` group the matches of then. A filter (or a where) naming one related node by id reads its links as they stood then; a second such filter, a node named by name, and other conditions through relationships are refused. Read from the change log: up to 20,000 changes back, the states of 5,000 entities changed since.";

export const TIMELINE_AS_OF_DESCRIPTION =
  "The timeline as it stood when this change set committed (a seq): entries created since left out, corrected dates and names as they were, retracted ones as they were, and their relationship fields as they stood then. Read from the change log: up to 20,000 changes back, the states of 5,000 entities changed since.";

/**
 * A read of entities of `kinds` as of a past change set: those changed since, with their states then.
 * With `relationships` (the selection reads relationship fields), the whole graph's changes since
 * (versions.graphSince), which the traversals read; the kinds' share of it is the list's.
 */
export async function statesAsOf(ctx: Context, kinds: readonly Kind[], asOf: number | undefined | null, asOfTime: string | undefined | null, relationships = false): Promise<AsOfStates | undefined> {
  if ((asOf === undefined || asOf === null) && !asOfTime) return undefined;
  const seq = await pinnedSeq(ctx, asOf, asOfTime);
  return tooFarBack(seq, asOf, async () => {
    if (!relationships) return { seq, ...(await changedSince(ctx.executor, kinds, seq)) };
    // One read of the log: the whole graph's changes since for the traversals, the kinds' share for the list.
    const graph = await graphSince(ctx.executor, seq, true);
    const changed = Object.keys(graph.changed).filter((id) => kinds.includes(graph.changed[id] as Kind));
    return { seq, changed, states: changed.flatMap((id) => (graph.states[id] ? [graph.states[id]] : [])), graph };
  });
}

/** The graph as it stood at a past change set, for a read that follows relationships (neighbourhoods, paths, nodes with relationship fields). */
export async function graphAsOf(ctx: Context, asOf: number | undefined | null, asOfTime: string | undefined | null): Promise<GraphAt | undefined> {
  if ((asOf === undefined || asOf === null) && !asOfTime) return undefined;
  const seq = await pinnedSeq(ctx, asOf, asOfTime);
  return tooFarBack(seq, asOf, () => graphSince(ctx.executor, seq));
}

async function tooFarBack<T>(seq: number, asOf: number | undefined | null, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TooFarBack) throw badUserInput(`"asOf" ${seq} is further back than a list or a traversal reads: ${error.message}; read entities by id with node(id, asOf) (its own fields), or a later change set`, asOf === undefined || asOf === null ? 'asOfTime' : 'asOf');
    throw error;
  }
}

/** Whether the nodes selected (`selection`, of `kinds`) read relationship fields or the references of their sources. */
export function selectsRelationships(selection: Selection | undefined, kinds: readonly Kind[], limits: PageLimits): boolean {
  return readsRelationships(planNode(selection, kinds, limits));
}
