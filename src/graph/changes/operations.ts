/**
 * What a change set is made of, as the applier (apply.ts) takes it: the GraphQL input
 * (src/schema/changes.input.ts) and the importer build these.
 */
import neo4j from 'neo4j-driver';
import type { Kind, RelType } from '../model.js';

/** Where an added or changed fact is stated: a document's sentence, the words quoted, the references it cites. */
export interface Citation {
  document: string;
  sentence: number;
  quote: string;
  refs: number[];
  /** Why the fact is inferred, when the sentence does not state it in so many words. */
  inferred?: string | null;
  /** The data source the sentence names for a figure. */
  dataSource?: string | null;
  /** The name as the sentence spells it, where the fact normalises it. */
  stated?: string | null;
}

export type Operation =
  | { op: 'createEntity'; kind: Kind; id: string; properties: Record<string, unknown>; source: Citation }
  | { op: 'setProperties'; id: string; properties: Record<string, unknown>; source: Citation }
  | { op: 'unsetProperties'; id: string; names: string[]; source: Citation }
  | { op: 'addRelationship'; type: RelType; from: string; to: string; properties?: Record<string, unknown> | null; source: Citation }
  | { op: 'retractRelationship'; type: RelType; from: string; to: string; reason: string }
  | { op: 'retract'; id: string; reason: string }
  | { op: 'supersede'; id: string; by: string; reason: string };

export interface ChangeSetInput {
  reason: string;
  /** The seq the writer read the graph at; a fact changed after it makes the change set a CONFLICT. */
  baseSeq: number;
  operations: Operation[];
  actor: string;
  /** The file of seeds/changes/ it was applied from (without ".json"), when it was. */
  file?: string;
  /** Who approved it, for a draft applied on review (src/graph/changes/drafts.ts). */
  approver?: string;
}

/** One entity's or relationship's change, in the shape of a CDC event. */
export interface Change {
  index: number;
  /** An entity id, or `from|TYPE|to` for a relationship. */
  target: string;
  targetType: 'node' | 'relationship';
  /** The entity's kind, or the relationship's type (null on changes recorded before kinds were kept). */
  kind: string | null;
  op: 'create' | 'update' | 'retract';
  /** Why, for a retraction. */
  reason?: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ChangeSetResult {
  seq: number;
  baseSeq: number;
  actor: string;
  reason: string;
  /** How many operations it held. */
  operations: number;
  dryRun: boolean;
  changes: Change[];
  /** Findings of the consistency checker that this change set brings (ids and names). */
  newFindings: Array<{ id: string; name: string }>;
}

/** The actor of every load of the seed files: the change log tells imports from curated change sets by it. */
export const IMPORT_ACTOR = 'import';

/** Most operations one change set may hold. */
export const MAX_OPERATIONS = 10_000;

/** A relationship's key, as history and sentences name it. */
export const relationshipKey = (r: { from: string; type: string; to: string }) => `${r.from}|${r.type}|${r.to}`;

/** A fact's state as history shows it: plain JSON values, without the lower-case search text. */
export function shownState(props: Record<string, unknown>): Record<string, unknown> {
  const { searchText: _s, searchExtra: _e, ...rest } = props;
  return plain(rest) as Record<string, unknown>;
}

/** Neo4j integers (the loader stores whole numbers as such) as JavaScript numbers, for JSON. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
