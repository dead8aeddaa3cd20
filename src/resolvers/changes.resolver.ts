/**
 * Writes and the change log: proposeChanges (a change set, applied in one transaction, or a dry run),
 * one change set, the feed after a seq, a fact's history, the data version, and documents with their
 * sentences. Writes are served when WRITES_ENABLED is set, to callers whose verified token grants a
 * writing role (src/identity); the change set is attributed to the token's subject.
 */
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ADMINS, REVIEWERS, WRITERS } from '../identity/roles.js';
import { MAX_OPERATIONS } from '../graph/changes/operations.js';
import { approveDraft, closeDraft, draftById, draftsWith, proposeDraft, type Draft, type DraftStatus } from '../graph/changes/drafts.js';
import type { ChangeSetResult } from '../graph/changes/operations.js';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { badUserInput, ErrorCode } from '../errors.js';
import { applyChangeSet } from '../graph/changes/apply.js';
import { dataVersion } from '../graph/changes/feed.js';
import { changeSet, changesSince, documentById, documents, history, lastRetraction, retractions, sentences } from '../graph/changes/history.js';
import type { Operation } from '../graph/changes/operations.js';
import { connectionOf, pageSize } from '../graph/read/connection.js';
import { decodeCursor, encodeCursor } from '../graph/read/cursor.js';
import { ChangeOperationInput, ChangeSet, ChangeSetInput, ChangeSetResult as ChangeSetResultType, Draft as DraftType, DraftConnection, HistoryConnection, Retraction, RetractionConnection, SentenceConnection, SourceDocumentType } from '../schema/changes.type.js';
import { API_VERSION } from '../paths.js';

@ObjectType({ description: 'The version of the data: the newest change set.' })
class DataVersion {
  @Field(() => Int, { description: 'Its seq (every answer says the seq it read in `extensions.dataVersion`; `asOf` reads the graph as it stood at one).' })
  seq!: number;

  @Field(() => String, { nullable: true, description: 'When that change set was committed (ISO 8601).' })
  committedAt!: string | null;
}

@ObjectType({ description: 'About this service and its data.' })
class Meta {
  @Field(() => DataVersion, { description: 'The newest change set: send its seq as `baseSeq` with a change made from what you read.' })
  dataVersion!: DataVersion;

  @Field(() => String, { description: 'The API\'s version (package.json).' })
  apiVersion!: string;
}

@ArgsType()
class PageOfSentences {
  @Field(() => Int, { nullable: true, description: 'How many sentences: default 20, at most 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Sentences after this cursor (a previous page\'s endCursor).' })
  after?: string;
}

const SENTENCE_ORDER = 'number:ASC';
const HISTORY_ORDER = 'seq:DESC';
const DRAFT_ORDER = 'proposedAt:DESC';
const DRAFT_STATUSES: DraftStatus[] = ['PROPOSED', 'APPLIED', 'REJECTED', 'WITHDRAWN'];

/** The GraphQL answer of a change set: at most 100 of its changes (the rest through history). */
function resultOf(result: ChangeSetResult, draft: Draft | null, approver: string | null = null) {
  return {
    dryRun: result.dryRun,
    newFindings: result.newFindings,
    draft,
    changeSet: {
      seq: result.seq,
      baseSeq: result.baseSeq,
      actor: result.actor,
      approver,
      at: result.dryRun || (draft && draft.status === 'PROPOSED') ? null : new Date().toISOString(),
      reason: result.reason,
      operations: result.operations,
      changeCount: result.changes.length,
      changes: result.changes.slice(0, 100),
    },
  };
}
const RETRACTION_ORDER = 'retractions:DESC';

/** The one operation an input names; BAD_USER_INPUT unless exactly one field is given. */
function operationOf(input: ChangeOperationInput, index: number): Operation {
  const given = Object.entries(input).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) throw badUserInput(`operations[${index}] must give exactly one of createEntity, setProperties, unsetProperties, addRelationship, retractRelationship, retract, supersede; got ${given.length}`, 'input');
  const [op, value] = given[0] as [Operation['op'], Record<string, unknown>];
  const source = value.source as Record<string, unknown> | undefined;
  return { op, ...value, ...(source ? { source: { ...source, refs: (source.refs as number[] | undefined) ?? [] } } : {}) } as Operation;
}

/** The change set a mutation's input asks for, by `actor`. */
function changeSetOf(input: ChangeSetInput, actor: string) {
  return { reason: input.reason, baseSeq: input.baseSeq, operations: input.operations.map(operationOf), actor };
}

/**
 * The writer: writes must be on, the authChecker has already let only a writing role through, and
 * the subject must have write budget left (TOO_MANY_REQUESTS with Retry-After otherwise).
 */
function writesAllowed(ctx: Context): string {
  if (!ctx.writes?.enabled) {
    throw new GraphQLError('Writes are off on this server: set WRITES_ENABLED=1 (production needs an identity provider for it).', { extensions: { code: ErrorCode.WRITES_DISABLED } });
  }
  const subject = ctx.identity!.subject;
  ctx.writes.limiter.take(subject);
  return subject;
}

@Resolver()
export class ChangesResolver {
  @Mutation(() => ChangeSetResultType, {
    description:
      'Proposes a change set for review: checked in full now (every citation against its sentence, the seed schema, the `baseSeq` check, the consistency checker), then kept as a PROPOSED draft that an editor other than you approves (approveDraft). Each added or changed fact cites a document\'s sentence whose words it quotes. With `dryRun`, answers the same and keeps nothing.',
  })
  @Authorized(...WRITERS)
  async proposeChanges(
    @Arg('input', () => ChangeSetInput, { description: 'The reason, the seq read at, and the operations.' }) input: ChangeSetInput,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Check and show the change set without keeping a draft.' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ) {
    const actor = writesAllowed(ctx);
    const cap = ctx.writes!.maxDraftOperations;
    if (input.operations.length > cap) throw badUserInput(`a draft holds at most ${cap} operations; got ${input.operations.length} (split it, or have an admin apply it with importChanges)`, 'input');
    const proposal = changeSetOf(input, actor);
    if (dryRun) return resultOf(await applyChangeSet(ctx.executor, proposal, { dryRun: true }), null);
    const { draft, preview } = await proposeDraft(ctx.executor, proposal);
    return resultOf({ ...preview, dryRun: false }, draft, null);
  }

  @Mutation(() => ChangeSetResultType, {
    description: `Imports a change set (admin only): checked as a proposal is, then applied at once as one change set, without a draft, attributed to you as its actor and approver. At most ${MAX_OPERATIONS} operations (a draft holds fewer). With \`dryRun\`, answers the same and writes nothing.`,
  })
  @Authorized(...ADMINS)
  async importChanges(
    @Arg('input', () => ChangeSetInput, { description: 'The reason, the seq read at, and the operations.' }) input: ChangeSetInput,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Check and show the change set without writing it.' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ) {
    const admin = writesAllowed(ctx);
    const result = await applyChangeSet(ctx.executor, { ...changeSetOf(input, admin), approver: admin }, { dryRun });
    if (!dryRun) ctx.committed?.(result.seq);
    return resultOf(result, null, dryRun ? null : admin);
  }

  @Mutation(() => ChangeSetResultType, { description: 'Approves a PROPOSED draft (editor or admin, not its proposer): applied now as one change set, or CONFLICT when a fact it touches changed after its baseSeq or it is no longer PROPOSED.' })
  @Authorized(...REVIEWERS)
  async approveDraft(@Arg('id', () => ID, { description: 'The draft.' }) id: string, @Ctx() ctx: Context) {
    const reviewer = writesAllowed(ctx);
    const { draft, result } = await approveDraft(ctx.executor, id, reviewer);
    ctx.committed?.(result.seq);
    return resultOf(result, draft, reviewer);
  }

  @Mutation(() => DraftType, { description: 'Rejects a PROPOSED draft (editor or admin, not its proposer), with a reason; nothing is applied.' })
  @Authorized(...REVIEWERS)
  rejectDraft(@Arg('id', () => ID, { description: 'The draft.' }) id: string, @Arg('reason', () => String, { description: 'Why.' }) reason: string, @Ctx() ctx: Context) {
    return closeDraft(ctx.executor, id, writesAllowed(ctx), 'REJECTED', reason);
  }

  @Mutation(() => DraftType, { description: 'Withdraws your own PROPOSED draft; nothing is applied.' })
  @Authorized(...WRITERS)
  withdrawDraft(@Arg('id', () => ID, { description: 'The draft.' }) id: string, @Arg('reason', () => String, { nullable: true, description: 'Why, if you like.' }) reason: string | undefined, @Ctx() ctx: Context) {
    return closeDraft(ctx.executor, id, writesAllowed(ctx), 'WITHDRAWN', reason ?? null);
  }

  @Query(() => DraftConnection, { description: 'Drafts of one status, newest first: every draft for editors and admins, your own for curators.' })
  @Authorized(...WRITERS)
  async drafts(
    @Arg('status', () => String, { defaultValue: 'PROPOSED', description: 'PROPOSED, APPLIED, REJECTED or WITHDRAWN.' }) status: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many: default 20, at most 100.' }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Drafts older than this cursor.' }) after: string | undefined,
    @Ctx() ctx: Context,
  ) {
    if (!DRAFT_STATUSES.includes(status as DraftStatus)) throw badUserInput(`"status" is one of ${DRAFT_STATUSES.join(', ')}; got ${JSON.stringify(status)}`, 'status');
    const identity = ctx.identity!;
    const own = identity.roles.some((r) => REVIEWERS.includes(r)) ? null : identity.subject;
    const size = pageSize(first, ctx.limits);
    const before = after ? String(decodeCursor(after, DRAFT_ORDER).value) : '9999-12-31T00:00:00Z';
    const rows = await draftsWith(ctx.executor, status as DraftStatus, own, size, before);
    const page = connectionOf(rows, size, Boolean(after), (d) => ({ ...d, cursor: encodeCursor(DRAFT_ORDER, { value: d.proposedAt, id: d.id }) }));
    return { nodes: page.edges, pageInfo: page.pageInfo };
  }

  @Query(() => DraftType, { nullable: true, description: 'One draft by id (editors and admins: any; curators: their own).' })
  @Authorized(...WRITERS)
  async draft(@Arg('id', () => ID, { description: 'The draft.' }) id: string, @Ctx() ctx: Context) {
    const found = await draftById(ctx.executor, id);
    const identity = ctx.identity!;
    return found && (found.proposer === identity.subject || identity.roles.some((r) => REVIEWERS.includes(r))) ? found : null;
  }

  @Query(() => Meta, { description: 'The data version and the API version.' })
  async meta(@Ctx() ctx: Context) {
    return { dataVersion: await dataVersion(ctx.executor), apiVersion: API_VERSION };
  }

  @Query(() => ChangeSet, { nullable: true, description: 'One change set by its seq, with its first 100 changes.' })
  changeSet(@Arg('seq', () => Int, { description: 'Its seq.' }) seq: number, @Ctx() ctx: Context) {
    return changeSet(ctx.executor, seq);
  }

  @Query(() => [ChangeSet], { description: 'The change sets after a seq, oldest first (their changes through changeSet(seq)); `by` keeps one actor\'s (the audit of a person).' })
  changes(
    @Arg('since', () => Int, { defaultValue: 0, description: 'Change sets after this seq.' }) since: number,
    @Arg('first', () => Int, { nullable: true, description: 'How many: default 20, at most 100.' }) first: number | undefined,
    @Arg('by', () => String, { nullable: true, description: 'Only those this actor made (a token subject, "import", or a change file\'s curator).' }) by: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return changesSince(ctx.executor, since, pageSize(first, ctx.limits), by ?? null);
  }

  @Query(() => HistoryConnection, { description: 'The changes to an entity (by id) or a relationship ("from|TYPE|to"), newest first, retracted ones included.' })
  async history(
    @Arg('id', () => ID, { description: 'An entity id, or "from|TYPE|to".' }) id: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many: default 20, at most 100.' }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Changes older than this cursor.' }) after: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const size = pageSize(first, ctx.limits);
    const before = after ? Number(decodeCursor(after, HISTORY_ORDER).value) : Number.MAX_SAFE_INTEGER;
    const rows = await history(ctx.executor, id, size, before);
    return connectionOf(rows, size, Boolean(after), (r) => ({ ...r, cursor: encodeCursor(HISTORY_ORDER, { value: r.changeSet.seq, id }) }));
  }

  @Query(() => Retraction, {
    nullable: true,
    description:
      'Why an entity (by id) or relationship ("from|TYPE|to") is not in the graph: its newest retraction, with its state before, the reason and the change set; null if it was never retracted. Lists, counts, traversals and exports leave retracted facts out.',
  })
  async retracted(@Arg('id', () => ID, { description: 'An entity id, or "from|TYPE|to".' }) id: string, @Ctx() ctx: Context) {
    const found = await lastRetraction(ctx.executor, id);
    return found && { ...found, status: 'RETRACTED', cursor: encodeCursor(RETRACTION_ORDER, { value: found.change.index, id: String(found.changeSet.seq) }) };
  }

  @Query(() => RetractionConnection, { description: 'Every retraction, newest first: the facts the graph keeps but no longer shows.' })
  async retractions(
    @Arg('first', () => Int, { nullable: true, description: 'How many: default 20, at most 100.' }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Retractions older than this cursor.' }) after: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const size = pageSize(first, ctx.limits);
    const at = after ? decodeCursor(after, RETRACTION_ORDER) : null;
    const before = at ? { seq: Number(at.id), index: Number(at.value) } : { seq: Number.MAX_SAFE_INTEGER, index: 0 };
    if (!Number.isInteger(before.seq) || !Number.isInteger(before.index)) throw badUserInput('"after" is not a cursor returned by this API', 'after');
    const rows = await retractions(ctx.executor, size, before);
    return connectionOf(rows, size, Boolean(after), (r) => ({ ...r, status: 'RETRACTED', cursor: encodeCursor(RETRACTION_ORDER, { value: r.change.index, id: String(r.changeSet.seq) }) }));
  }

  @Query(() => [SourceDocumentType], { description: 'The documents facts are cited from.' })
  documents(@Ctx() ctx: Context) {
    return documents(ctx.executor);
  }

  @Query(() => SourceDocumentType, { nullable: true, description: 'A document by id, e.g. "doc:china-cell-therapy-review".' })
  document(@Arg('id', () => ID, { description: 'Its id, "doc:<slug>".' }) id: string, @Ctx() ctx: Context) {
    return documentById(ctx.executor, id);
  }
}

@Resolver(() => SourceDocumentType)
export class DocumentResolver {
  @FieldResolver(() => SentenceConnection, { description: 'Its sentences in order, each with the references it cites and the facts that cite it.' })
  async sentences(@Root() document: { id: string }, @Args(() => PageOfSentences) { first, after }: PageOfSentences, @Ctx() ctx: Context) {
    const size = pageSize(first, ctx.limits);
    const from = after ? Number(decodeCursor(after, SENTENCE_ORDER).value) : 0;
    const rows = await sentences(ctx.executor, document.id, from, size);
    const page = connectionOf(rows, size, Boolean(after), (r) => ({ ...r, cursor: encodeCursor(SENTENCE_ORDER, { value: r.number, id: document.id }) }));
    return { nodes: page.edges, pageInfo: page.pageInfo };
  }
}

