/**
 * The change-set applier: one change set, one transaction. In order: take the next seq (the change
 * log's lock: writers queue here, so seq has no gap and no update is lost), read the state of every
 * fact the operations touch, refuse the set if any of them changed after its `baseSeq` (CONFLICT),
 * check every citation against its sentence, work out each fact's state after the operations and
 * validate it with the seed schema, write it in batches per kind and type, record the change set and
 * one Change per fact (before and after), and run the consistency checker when figures or counts may
 * have moved. Any refusal throws before commit and nothing is written; `dryRun` does everything, then
 * rolls back. Neo4j commits the transaction whole or not at all, also when Neo4j or the API is killed
 * mid-way.
 */
import { badOperation, badUserInput, conflict } from '../../errors.js';
import { runChecker } from '../checker.js';
import { REVIEW_ID } from '../documents.js';
import type { ManagedTransaction } from 'neo4j-driver';
import { toNeo4jParams, type Executor, type QueryRunner } from '../executor.js';
import { isKind, RELATIONSHIPS, SECTIONS, SEEDED_REL_TYPES, type Kind, type RelType } from '../model.js';
import { query, render } from '../queries.js';
import { captionsOf } from '../seeds/caption.js';
import { nodeProperties, recordFromNode, relationshipProperties } from '../seeds/properties.js';
import { RECORD_SCHEMAS, relationshipSchema, type EntityRecord, type SeededKind, type Source } from '../seeds/schema.js';
import { loadTimeoutMs } from '../seeds/load.js';
import { metricProblem } from '../seeds/vocabulary.js';
import { MAX_OPERATIONS, relationshipKey, shownState, type Change, type ChangeSetInput, type ChangeSetResult, type Citation, type Operation } from './operations.js';
import { verifyCitations, type CitedSentence } from './verify.js';

type Props = Record<string, unknown>;

interface NodeState {
  kind: Kind;
  props: Props;
}

/** Thrown inside the transaction to roll a dry run back, carrying its result out. */
class DryRun extends Error {
  constructor(readonly result: ChangeSetResult) {
    super('dry run');
  }
}

/** Properties the applier keeps on every fact, outside the seed record. */
const PROVENANCE_EXTRA = ['sourceDocument', 'sourceSentence', 'sourceUnverified', 'changedSeq'];

function sourceOf(citation: Citation, cited: CitedSentence): Source {
  const section = (SECTIONS as readonly string[]).includes(cited.section) ? (cited.section as Source['section']) : 'Other documents';
  const source: Source = { section, refs: citation.refs, quote: citation.quote };
  if (citation.stated) source.stated = citation.stated;
  if (citation.inferred) source.inferred = citation.inferred;
  if (citation.dataSource) source.dataSource = citation.dataSource;
  return source;
}

function citationProps(citation: Citation, cited: CitedSentence, seq: number): Props {
  return { sourceDocument: citation.document, sourceSentence: citation.sentence, ...(cited.verified ? {} : { sourceUnverified: true }), changedSeq: seq };
}

/** The first problem the seed schema finds in a record, as a coded error on the operation. */
function validated(index: number, kind: SeededKind, record: Props): EntityRecord {
  const parsed = RECORD_SCHEMAS[kind].safeParse(record);
  if (parsed.success) {
    const problem = kind === 'Statistic' ? metricProblem(String(record.metric), String(record.unit)) : null;
    if (problem) throw badOperation(index, `properties.${problem.field}`, problem.message);
    return parsed.data as EntityRecord;
  }
  const issue = parsed.error.issues[0];
  const path = issue.path.join('.');
  const field = !path ? 'properties' : path === 'source' || path.startsWith('source.') ? path : `properties.${path}`;
  const keys = 'keys' in issue ? `: ${(issue.keys as string[]).join(', ')}` : '';
  throw badOperation(index, field, `${issue.message}${keys}`);
}

/** Only the own properties of a stored entity: those its record has (derived ones are recomputed). */
const withoutDerived = (props: Props): Props => Object.fromEntries(Object.entries(props).filter(([k]) => !PROVENANCE_EXTRA.includes(k)));

function touched(operations: Operation[]): { ids: string[]; keys: Array<{ key: string; from: string; type: string; to: string }> } {
  const ids = new Set<string>();
  const keys = new Map<string, { key: string; from: string; type: string; to: string }>();
  for (const op of operations) {
    if ('id' in op) ids.add(op.id);
    if (op.op === 'supersede') ids.add(op.by);
    if (op.op === 'addRelationship' || op.op === 'retractRelationship') {
      ids.add(op.from).add(op.to);
      const key = relationshipKey(op);
      keys.set(key, { key, from: op.from, type: op.type, to: op.to });
    }
  }
  return { ids: [...ids], keys: [...keys.values()] };
}

export async function applyChangeSet(executor: Executor, input: ChangeSetInput, options: { dryRun?: boolean } = {}): Promise<ChangeSetResult> {
  const { operations } = input;
  if (!input.reason.trim()) throw badUserInput('a change set needs a reason', 'input');
  if (!operations.length) throw badUserInput('a change set needs at least one operation', 'input');
  if (operations.length > MAX_OPERATIONS) throw badUserInput(`a change set holds at most ${MAX_OPERATIONS} operations; got ${operations.length}`, 'input');
  try {
    return await executor.transaction('WRITE', 'changes.apply', async (tx) => {
      const result = await applyIn(runnerOf(tx), input);
      if (options.dryRun) throw new DryRun({ ...result, dryRun: true });
      return result;
    }, { timeoutMs: loadTimeoutMs(operations.length) });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** Named queries run in one transaction: how the applier (and the review of drafts) reads and writes. */
export function runnerOf(tx: ManagedTransaction): QueryRunner {
  return async <R>(name: string, params: Props = {}, identifiers?: Record<string, string>) =>
    (await tx.run(identifiers ? render(name, identifiers) : query(name), toNeo4jParams(params) as Props)).records.map((r) => r.toObject() as R);
}

/** The change set, applied with `run`'s transaction (which the caller commits, or rolls back). */
export async function applyIn(run: QueryRunner, input: ChangeSetInput): Promise<ChangeSetResult> {
  const { operations, baseSeq } = input;
  const [{ seq }] = await run<{ seq: number }>('changes.tick');
  if (!Number.isInteger(baseSeq) || baseSeq < 0 || baseSeq >= seq) throw badUserInput(`"baseSeq" must be a seq the graph has reached (0 to ${seq - 1}); got ${baseSeq}`, 'baseSeq');

  // The state before, and the conflict check against baseSeq.
  const { ids, keys } = touched(operations);
  const nodes = new Map<string, NodeState>();
  const retracted = new Set<string>();
  let newest = 0;
  for (const row of await run<{ id: string; kind: string | null; props: Props | null; retracted: boolean; retractedSeq: number | null }>('changes.readNodes', { ids })) {
    if (row.kind && row.props && isKind(row.kind)) {
      nodes.set(row.id, { kind: row.kind, props: row.props });
      newest = Math.max(newest, Number(row.props.changedSeq ?? 0));
    }
    if (row.retracted) {
      retracted.add(row.id);
      newest = Math.max(newest, Number(row.retractedSeq ?? 0));
    }
  }
  const relationships = new Map<string, Props>();
  for (const row of keys.length ? await run<{ key: string; props: Props | null }>('changes.readRelationships', { keys }) : []) {
    if (row.props) {
      relationships.set(row.key, row.props);
      newest = Math.max(newest, Number(row.props.changedSeq ?? 0));
    }
  }
  if (newest > baseSeq) throw conflict(`change set ${newest} changed these facts after baseSeq ${baseSeq}; read them again and resend`, newest);

  const cited = await verifyCitations(run, operations);
  const before = new Map<string, Props | null>();
  // Per target: its kind (an entity's) or type (a relationship's), and the reason of a retraction.
  const kindOf = new Map<string, string>();
  const reasonOf = new Map<string, string>();
  const remember = (target: string, state: Props | null, kind: string) => {
    if (!before.has(target)) before.set(target, state && shownState(state));
    kindOf.set(target, kind);
  };

  // Each operation on the state in memory, in order; writes are gathered per kind and type.
  const created = new Map<string, Kind>();
  const replaced = new Set<string>();
  const retractNodes: Array<{ id: string; reason: string; kind: Kind }> = [];
  const addRels: Array<{ key: string; type: RelType; from: string; to: string; props: Props }> = [];
  const retractRels: Array<{ key: string; type: RelType; from: string; to: string; reason: string }> = [];
  const supersedes: Array<{ id: string; by: string; reason: string }> = [];
  const sentenceLinks: Array<{ document: string; sentence: number; key: string }> = [];
  // The records of the entities created or changed, for their captions.
  const records = new Map<string, { kind: SeededKind; record: EntityRecord }>();
  const live = (index: number, field: string, id: string): NodeState => {
    const state = nodes.get(id);
    if (state) return state;
    throw badOperation(index, field, retracted.has(id) ? `"${id}" is retracted` : `no entity "${id}"`);
  };

  operations.forEach((op, index) => {
    switch (op.op) {
      case 'createEntity': {
        if (!isKind(op.kind) || op.kind === 'Finding') throw badOperation(index, 'kind', `"${op.kind}" is not a kind that can be written`);
        if (nodes.has(op.id) || retracted.has(op.id)) throw badOperation(index, 'id', `"${op.id}" exists${retracted.has(op.id) ? ' (retracted)' : ''}; ids are never reused`);
        const record = validated(index, op.kind, { id: op.id, ...op.properties, source: sourceOf(op.source, cited.get(index)!) });
        remember(op.id, null, op.kind);
        records.set(op.id, { kind: op.kind, record });
        nodes.set(op.id, { kind: op.kind, props: { ...nodeProperties(record), ...citationProps(op.source, cited.get(index)!, 0) } });
        created.set(op.id, op.kind);
        sentenceLinks.push({ document: op.source.document, sentence: op.source.sentence, key: op.id });
        break;
      }
      case 'setProperties':
      case 'unsetProperties': {
        const state = live(index, 'id', op.id);
        if (state.kind === 'Finding') throw badOperation(index, 'id', 'findings are derived by the checker and not written');
        const current = recordFromNode(state.kind, withoutDerived(state.props)) as Props;
        const next: Props = { ...current, source: sourceOf(op.source, cited.get(index)!) };
        if (op.op === 'setProperties') {
          for (const key of ['id', 'source']) if (key in op.properties) throw badOperation(index, `properties.${key}`, `"${key}" cannot be set; ${key === 'id' ? 'create a new entity and supersede this one' : 'give the citation in "source"'}`);
          Object.assign(next, op.properties);
        } else {
          for (const name of op.names) {
            if (name === 'id' || name === 'name' || name === 'source') throw badOperation(index, 'names', `"${name}" cannot be removed`);
            delete next[name];
          }
        }
        const record = validated(index, state.kind, next);
        remember(op.id, state.props, state.kind);
        records.set(op.id, { kind: state.kind, record });
        nodes.set(op.id, { kind: state.kind, props: { ...nodeProperties(record), ...citationProps(op.source, cited.get(index)!, 0) } });
        if (!created.has(op.id)) replaced.add(op.id);
        sentenceLinks.push({ document: op.source.document, sentence: op.source.sentence, key: op.id });
        break;
      }
      case 'addRelationship': {
        if (!(SEEDED_REL_TYPES as readonly string[]).includes(op.type)) throw badOperation(index, 'type', `"${op.type}" is derived, not written`);
        const from = live(index, 'from', op.from);
        const to = live(index, 'to', op.to);
        const ends = RELATIONSHIPS[op.type] as { from: readonly Kind[]; to: readonly Kind[] };
        if (!ends.from.includes(from.kind)) throw badOperation(index, 'from', `${op.type} starts at ${ends.from.join(' or ')}, not ${from.kind}`);
        if (!ends.to.includes(to.kind)) throw badOperation(index, 'to', `${op.type} ends at ${ends.to.join(' or ')}, not ${to.kind}`);
        const key = relationshipKey(op);
        if (relationships.has(key)) throw badOperation(index, 'type', `${key} exists; retract it first to replace it`);
        const parsed = relationshipSchema.safeParse({ type: op.type, from: op.from, to: op.to, ...(op.properties ? { properties: op.properties } : {}), source: sourceOf(op.source, cited.get(index)!) });
        if (!parsed.success) throw badOperation(index, parsed.error.issues[0].path.join('.') || 'properties', parsed.error.issues[0].message);
        const props = { ...relationshipProperties(parsed.data), ...citationProps(op.source, cited.get(index)!, 0) };
        remember(key, null, op.type);
        relationships.set(key, props);
        addRels.push({ key, type: op.type, from: op.from, to: op.to, props });
        sentenceLinks.push({ document: op.source.document, sentence: op.source.sentence, key });
        break;
      }
      case 'retractRelationship': {
        const key = relationshipKey(op);
        const props = relationships.get(key);
        if (!props) throw badOperation(index, 'type', `no relationship ${key}`);
        if (addRels.some((r) => r.key === key)) throw badOperation(index, 'type', `${key} is added by this change set`);
        remember(key, props, op.type);
        reasonOf.set(key, op.reason);
        relationships.delete(key);
        retractRels.push({ key, type: op.type, from: op.from, to: op.to, reason: op.reason });
        break;
      }
      case 'retract':
      case 'supersede': {
        const state = live(index, 'id', op.id);
        if (created.has(op.id)) throw badOperation(index, 'id', `"${op.id}" is created by this change set`);
        if (op.op === 'supersede') {
          const by = live(index, 'by', op.by);
          if (by.kind !== state.kind) throw badOperation(index, 'by', `"${op.by}" is a ${by.kind}, not a ${state.kind}`);
          supersedes.push({ id: op.id, by: op.by, reason: op.reason });
        }
        remember(op.id, state.props, state.kind);
        reasonOf.set(op.id, op.reason);
        nodes.delete(op.id);
        retracted.add(op.id);
        replaced.delete(op.id);
        retractNodes.push({ id: op.id, reason: op.reason, kind: state.kind });
        break;
      }
    }
  });

  // Captions, distinct within a kind: those of this change set together, then against the graph's.
  const captions = await distinctCaptions(run, [...records].filter(([id]) => nodes.has(id)).map(([, r]) => r));
  for (const [id, caption] of captions) nodes.get(id)!.props.caption = caption;

  // Writes, batched per kind and relationship type (labels and types from the allow-lists).
  const stamp = (props: Props) => ({ ...props, changedSeq: seq });
  for (const kind of new Set(created.values())) {
    const rows = [...created].filter(([id, k]) => k === kind && nodes.has(id)).map(([id]) => ({ props: stamp(nodes.get(id)!.props) }));
    if (rows.length) await run('changes.createNodes', { rows }, { label: kind });
  }
  const replacedRows = [...replaced].filter((id) => nodes.has(id)).map((id) => ({ id, props: stamp(nodes.get(id)!.props) }));
  if (replacedRows.length) await run('changes.replaceNodes', { rows: replacedRows });
  // Retractions first: a relationship retracted and added again in one change set (a new citation) is
  // then the only live one of its key.
  for (const type of new Set(retractRels.map((r) => r.type))) {
    await run('changes.retractRelationships', { seq, rows: retractRels.filter((r) => r.type === type) }, { type });
  }
  for (const type of new Set(addRels.map((r) => r.type))) {
    await run('changes.createRelationships', { rows: addRels.filter((r) => r.type === type).map((r) => ({ from: r.from, to: r.to, props: stamp(r.props) })) }, { type });
  }
  const alsoRetracted: Array<{ key: string; props: Props; reason: string }> = [];
  for (const kind of new Set(retractNodes.map((r) => r.kind))) {
    const rows = retractNodes.filter((r) => r.kind === kind);
    for (const row of await run<{ id: string; relationships: Array<{ key: string; props: Props } | null> }>('changes.retractNodes', { seq, kind, rows }, { label: kind })) {
      const reason = reasonOf.get(row.id) ?? '';
      for (const rel of row.relationships) if (rel && !before.has(rel.key)) alsoRetracted.push({ ...rel, reason });
    }
  }
  if (supersedes.length) await run('changes.supersede', { seq, rows: supersedes });
  const written = [...new Set([...created.keys(), ...replaced])].filter((id) => nodes.has(id));
  if (written.length) await run('seeds.syncCitations', { ids: written, review: REVIEW_ID });
  if (sentenceLinks.length) {
    const bySentence = new Map<string, { document: string; sentence: number; keys: Set<string> }>();
    for (const { document, sentence, key } of sentenceLinks) {
      const at = `${document}#${sentence}`;
      if (!bySentence.has(at)) bySentence.set(at, { document, sentence, keys: new Set() });
      bySentence.get(at)!.keys.add(key);
    }
    await run('changes.linkSentences', { rows: [...bySentence.values()].map((row) => ({ ...row, keys: [...row.keys] })) });
  }

  // The record: one Change per fact, in the order first touched.
  const changes: Change[] = [];
  for (const [target, was] of before) {
    const isRel = target.includes('|');
    const now = isRel ? relationships.get(target) : nodes.get(target)?.props;
    const after = now ? shownState(stamp(now)) : null;
    const op = !was ? 'create' : now ? 'update' : 'retract';
    changes.push({ index: changes.length, target, targetType: isRel ? 'relationship' : 'node', kind: kindOf.get(target)!, op, reason: op === 'retract' ? reasonOf.get(target) ?? null : null, before: was, after });
  }
  for (const rel of alsoRetracted) {
    changes.push({ index: changes.length, target: rel.key, targetType: 'relationship', kind: rel.key.split('|')[1], op: 'retract', reason: rel.reason, before: shownState(rel.props), after: null });
  }
  await run('changes.record', {
    seq,
    actor: input.actor,
    reason: input.reason,
    baseSeq,
    operations: operations.length,
    // The operations as written, so that npm run export:seeds can write the change set to seeds/changes/.
    ops: JSON.stringify(operations),
    file: input.file ?? null,
    approver: input.approver ?? null,
    changes: changes.map((c) => ({ ...c, before: c.before && JSON.stringify(c.before), after: c.after && JSON.stringify(c.after) })),
  });

  // Figures and counts may have moved: the checker, in this transaction, on the state it leaves.
  let newFindings: ChangeSetResult['newFindings'] = [];
  // Only statistics, references and the kinds a statistic counts feed the checker: creating or
  // retracting anything else cannot move a finding (and the checker reads every statistic, which at
  // 1M nodes costs minutes, not milliseconds).
  const entityKinds = new Set([...created.values(), ...retractNodes.map((r) => r.kind)]);
  const counted = new Set((await run<{ kind: string }>('changes.countedKinds')).map((r) => r.kind));
  const movesFigures = [...entityKinds].some((k) => k === 'Statistic' || k === 'Reference' || counted.has(k)) || changes.some((c) => touchesFigures(c, counted));
  if (movesFigures) {
    const old = new Set((await run<{ id: string }>('changes.findings')).map((r) => r.id));
    await runChecker(run, { record: true });
    newFindings = (await run<{ id: string; name: string }>('changes.findings')).filter((f) => !old.has(f.id));
  }
  return { seq, baseSeq, actor: input.actor, reason: input.reason, operations: operations.length, dryRun: false, changes, newFindings };
}

/**
 * Captions for the entities a change set writes: distinct among themselves (captionsOf), and from
 * the captions other entities of their kind hold in the graph (looked up by the caption index); a
 * clash gives the caption more words until none is left.
 */
async function distinctCaptions(run: QueryRunner, records: Array<{ kind: SeededKind; record: EntityRecord }>): Promise<Map<string, string>> {
  const taken = new Set<string>();
  for (;;) {
    const captions = captionsOf(records, taken);
    const rows = records.map(({ kind, record }) => ({ id: record.id, kind, caption: captions.get(record.id)! }));
    const clashes = rows.length ? await run<{ kind: string; caption: string }>('changes.captionClashes', { rows }) : [];
    const fresh = clashes.map((c) => `${c.kind}\u0000${c.caption}`).filter((key) => !taken.has(key));
    if (!fresh.length) return captions;
    fresh.forEach((key) => taken.add(key));
  }
}

/** Properties that no rule of the checker reads: a change to only these cannot move a finding. */
const WORDS_ONLY = new Set(['name', 'aliases', 'description', 'caption', 'searchText', 'searchExtra', 'changedSeq']);

/** Whether a change may move a finding: a statistic's or reference's figures, or a link between statistics. */
function touchesFigures(change: Change, counted: ReadonlySet<string>): boolean {
  if (change.targetType === 'relationship') return /\|(BREAKDOWN_OF|NUMERATOR|DENOMINATOR|GROWTH_FROM|GROWTH_TO)\|/.test(change.target);
  const moved = (k: string) => JSON.stringify(change.before?.[k]) !== JSON.stringify(change.after?.[k]);
  // A counted kind's date moves a dated count ("as of 2017").
  if (change.kind && counted.has(change.kind)) return moved('date');
  if (!/^(stat|ref):/.test(change.target)) return false;
  const keys = new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})]);
  // The references a statistic cites feed the reference-date rule; the rest of its provenance nothing.
  return [...keys].some((k) => !WORDS_ONLY.has(k) && (!k.startsWith('source') || k === 'sourceRefs') && moved(k));
}
