/**
 * Documents: the sources facts are cited from. Each is described in seeds/documents/<slug>.json
 * (title, authors, year, journal, DOI or URL, licence, whether its text may be stored) with its text
 * beside it (<slug>.txt) or, for the review article, the sentences of its coverage map. The graph
 * holds one (:Document) per file and, when the text may be stored, one (:Sentence {document, number})
 * per sentence with the references it cites: a cited quote is checked against its sentence
 * (src/graph/changes/verify.ts). Neither is an :Entity, so lists, counts and exports do not see them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SEEDS_DIR } from '../paths.js';
import { citationGroups, readMap, type CoverageMap } from '../coverage/map.js';
import { toNeo4jParams, type Executor } from './executor.js';
import { REL_TYPES, type RelType } from './model.js';
import { query, render } from './queries.js';
import { IMPORT_ACTOR } from './changes/operations.js';

const isRelType = (t: string): t is RelType => (REL_TYPES as readonly string[]).includes(t);

export const DOCUMENTS_DIR = join(SEEDS_DIR, 'documents');
/** The review article every seed fact comes from. */
export const REVIEW_ID = 'doc:china-cell-therapy-review';

export const documentMeta = z.strictObject({
  id: z.string().regex(/^doc:[a-z0-9][a-z0-9-]*$/, 'expected an id like "doc:some-name"'),
  title: z.string().trim().min(1),
  authors: z.array(z.string().trim().min(1)),
  year: z.number().int().min(1900).max(2100).nullable(),
  journal: z.string().min(1).nullable(),
  doi: z.string().regex(/^10\.\d{4,}\/\S+$/, 'expected a DOI like "10.1234/abc"').nullable(),
  url: z.url().nullable(),
  licence: z.string().min(1),
  /** Whether the licence lets the graph keep the text; without it quotes are kept unverified. */
  storeText: z.boolean(),
  /** The text beside this file, or (the review) its coverage map's sentences. */
  text: z.string().optional(),
  sentences: z.string().optional(),
});
export type DocumentMeta = z.infer<typeof documentMeta>;

export interface DocumentSentence {
  number: number;
  section: string;
  text: string;
  /** The references the sentence cites ("[5, 6]" → 5, 6). */
  refs: number[];
}

export interface SourceDocument extends Omit<DocumentMeta, 'sentences'> {
  sha256: string;
  sentences: DocumentSentence[];
}

/** Sentence ends as the coverage map splits the article: ".", "?" or "!", a space, then a capital, digit or quote. */
const SENTENCE_END = /(?<=[.?!]["”’)]?)\s+(?=[A-Z0-9"“(])/;

/** A plain text's sentences, paragraph by paragraph. */
export function splitText(text: string): Array<{ section: string; text: string }> {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').trim().split(SENTENCE_END))
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ({ section: 'Other documents', text: s }));
}

/** One document from its metadata file, with its sentences and the SHA-256 of its text. */
export function readDocument(file: string): SourceDocument {
  const meta = documentMeta.parse(JSON.parse(readFileSync(file, 'utf8')));
  const dir = join(file, '..');
  let units: Array<{ section: string; text: string }>;
  if (meta.sentences) {
    const map = JSON.parse(readFileSync(join(dir, meta.sentences), 'utf8')) as CoverageMap;
    units = map.sentences.map((s) => ({ section: s.section, text: s.text }));
  } else if (meta.text) {
    units = splitText(readFileSync(join(dir, meta.text), 'utf8'));
  } else {
    throw new Error(`${file}: give "text" (a file beside it) or "sentences"`);
  }
  const text = units.map((u) => u.text).join('\n');
  const sentences = units.map((u, i) => ({ number: i + 1, section: u.section, text: u.text, refs: [...new Set(citationGroups(u.text).flat())] }));
  const { sentences: _file, ...rest } = meta;
  return { ...rest, sha256: createHash('sha256').update(text).digest('hex'), sentences: meta.storeText ? sentences : [] };
}

export function readDocuments(dir = DOCUMENTS_DIR): SourceDocument[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readDocument(join(dir, f)));
}

/**
 * Writes each document whose text changed (by SHA-256) with its sentences, and returns the ids
 * written. Runs at every start; a document already in the graph costs one lookup.
 */
export async function registerDocuments(executor: Executor, documents = readDocuments()): Promise<string[]> {
  const written: string[] = [];
  for (const doc of documents) {
    const [known] = await executor.read<{ sha256: string | null }>('documents.sha', { id: doc.id });
    if (known?.sha256 === doc.sha256) continue;
    const { sentences, text: _text, storeText, ...meta } = doc;
    await executor.write('documents.register', { meta: { ...meta, textStored: storeText, sentenceCount: sentences.length }, sentences });
    written.push(doc.id);
  }
  return written;
}

/**
 * Names, in every seed fact's provenance, the review's sentence it is stated in (the coverage map's
 * first sentence for the fact), and lists the fact on that sentence. Facts a curated change set
 * changed are left as the curator cited them.
 */
export async function linkReviewFacts(executor: Executor, map: CoverageMap | undefined = readMap()): Promise<number> {
  if (!map) return 0;
  const sentenceOf = new Map<string, number>();
  for (const s of map.sentences) for (const fact of s.facts) if (!sentenceOf.has(fact)) sentenceOf.set(fact, s.n);
  const nodes: Array<{ id: string; sentence: number }> = [];
  const byType = new Map<RelType, Array<{ key: string; from: string; to: string; sentence: number }>>();
  for (const [key, sentence] of sentenceOf) {
    const [from, type, to] = key.split('|');
    if (type === undefined) nodes.push({ id: key, sentence });
    else if (isRelType(type)) byType.set(type, [...(byType.get(type) ?? []), { key, from, to, sentence }]);
  }
  // One transaction: every fact linked, or none (a start-up that fails here links them at the next).
  return executor.transaction('WRITE', 'documents.link', async (tx) => {
    // A fact a curated change set changed keeps the citation the curator gave it.
    const curatedRows = await tx.run(query('changes.curatedTargets'), { targets: [...sentenceOf.keys()], importActor: IMPORT_ACTOR });
    const curated = new Set(curatedRows.records.map((r) => r.get('target') as string));
    const run = async (text: string, facts: Array<{ key?: string; id?: string }>) => {
      const own = facts.filter((f) => !curated.has(f.key ?? f.id!));
      return Number((await tx.run(text, toNeo4jParams({ document: REVIEW_ID, facts: own }) as Record<string, unknown>)).records[0]?.get('linked') ?? 0);
    };
    let linked = await run(query('documents.linkNodes'), nodes);
    for (const [type, facts] of byType) linked += await run(render('documents.linkRelationships', { type }), facts);
    return linked;
  });
}
