/**
 * Conversion of Neo4j nodes and relationships into the plain objects the API serves. This is
 * where driver types stop: nothing past this module sees a Neo4j Node, Integer or temporal.
 */
import type { Kind } from './model.js';

/** One provenance entry: a cited reference (or none, for an uncited statement) and where the article says it. */
export interface SourceEntry {
  section: string;
  quote: string;
  stated: string | null;
  /** Why the fact is inferred, when the article does not state it in so many words; null when it does. */
  inferred: string | null;
  /** The data source the article names for the figure, apart from the citation. */
  dataSource: string | null;
  /** The document and sentence that state the fact (the review article's, for the seeds). */
  document: string | null;
  sentence: number | null;
  /** True when the document's text is not stored, so the quote could not be checked. */
  unverified: boolean;
  referenceNumber: number | null;
  /** The cited reference, when the request asked for it (read in the same statement). */
  reference?: Entity | null;
}

export interface Entity {
  kind: Kind;
  id: string;
  name: string;
  /** A short label for drawings (src/graph/seeds/caption.ts). */
  caption: string;
  aliases: string[];
  description: string | null;
  sources: SourceEntry[];
  /** Relationship fields read with the node, by `<Kind>.<response key>` (src/graph/read/projection.ts). */
  related?: Record<string, unknown>;
  [property: string]: unknown;
}

export interface GraphRelationship {
  id: string;
  type: string;
  from: string;
  to: string;
  /** A retracted link, read with includeRetracted: true. */
  retracted: boolean;
  properties: Record<string, unknown>;
  sources: SourceEntry[];
}

const HIDDEN = new Set([
  'searchText', 'searchExtra', 'sourceSection', 'sourceRefs', 'sourceQuote', 'sourceStated', 'sourceInferred', 'sourceDataSource',
  'sourceDocument', 'sourceSentence', 'sourceUnverified', 'changedSeq', '__rel', '__refs',
]);

/** Provenance entries from flat properties; `references` are the cited Reference entities, when read. */
export function sourcesOf(props: Record<string, unknown>, references?: Entity[]): SourceEntry[] {
  const base = {
    section: String(props.sourceSection ?? ''),
    quote: String(props.sourceQuote ?? ''),
    stated: (props.sourceStated as string | undefined) ?? null,
    inferred: (props.sourceInferred as string | undefined) ?? null,
    dataSource: (props.sourceDataSource as string | undefined) ?? null,
    document: (props.sourceDocument as string | undefined) ?? null,
    sentence: props.sourceSentence === undefined || props.sourceSentence === null ? null : Number(props.sourceSentence),
    unverified: props.sourceUnverified === true,
  };
  const refs = (props.sourceRefs as number[] | undefined) ?? [];
  const byNumber = new Map(references?.map((r) => [Number(r.number), r]));
  return refs.length
    ? refs.map((n) => ({ ...base, referenceNumber: Number(n), reference: byNumber.get(Number(n)) ?? null }))
    : [{ ...base, referenceNumber: null, reference: null }];
}

export function plainProperties(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !HIDDEN.has(key)));
}
