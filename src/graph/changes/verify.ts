/**
 * Every added or changed fact cites a document's sentence: the document must be known, the sentence
 * must exist, the quote must be in it word for word (whitespace aside), and the references must be
 * ones the sentence cites. A document whose licence keeps its text out of the graph cannot be checked;
 * facts cited from it are kept, marked unverified.
 */
import { badOperation } from '../../errors.js';
import type { QueryRunner } from '../executor.js';
import type { Citation, Operation } from './operations.js';


export interface CitedSentence {
  section: string;
  /** False when the document's text is not stored and the quote could not be checked. */
  verified: boolean;
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Checks every operation's citation; returns, per operation index, the section and whether it was verified. */
export async function verifyCitations(run: QueryRunner, operations: Operation[]): Promise<Map<number, CitedSentence>> {
  const cited = operations.flatMap((op, index) => ('source' in op ? [{ index, source: op.source }] : []));
  const documents = new Map<string, { textStored: boolean } | null>();
  for (const id of new Set(cited.map((c) => c.source.document))) {
    const [row] = await run<{ document: { textStored: boolean } }>('documents.get', { id });
    documents.set(id, row?.document ?? null);
  }
  const wanted = new Map<string, Set<number>>();
  for (const { source } of cited) if (documents.get(source.document)?.textStored) wanted.set(source.document, (wanted.get(source.document) ?? new Set()).add(source.sentence));
  const sentences = new Map<string, { section: string; text: string; refs: number[] }>();
  for (const [document, numbers] of wanted) {
    for (const s of await run<{ number: number; section: string; text: string; refs: number[] }>('documents.sentences', { document, numbers: [...numbers] })) {
      sentences.set(`${document}#${s.number}`, s);
    }
  }
  const out = new Map<number, CitedSentence>();
  for (const { index, source } of cited) out.set(index, check(index, source, documents.get(source.document), sentences.get(`${source.document}#${source.sentence}`)));
  return out;
}

function check(index: number, source: Citation, document: { textStored: boolean } | null | undefined, sentence: { section: string; text: string; refs: number[] } | undefined): CitedSentence {
  if (!document) throw badOperation(index, 'source.document', `no document "${source.document}" (register it with npm run source:add)`);
  if (normalised(source.quote).length < 8) throw badOperation(index, 'source.quote', 'quote at least 8 characters of the sentence');
  if (!document.textStored) return { section: 'Other documents', verified: false };
  if (!sentence) throw badOperation(index, 'source.sentence', `"${source.document}" has no sentence ${source.sentence}`);
  if (!normalised(sentence.text).includes(normalised(source.quote))) {
    throw badOperation(index, 'source.quote', `not found word for word in sentence ${source.sentence} of "${source.document}": ${JSON.stringify(sentence.text.slice(0, 200))}`);
  }
  const uncited = source.refs.filter((r) => !sentence.refs.includes(r));
  if (uncited.length) {
    throw badOperation(index, 'source.refs', `sentence ${source.sentence} cites ${sentence.refs.length ? `[${sentence.refs.join(', ')}]` : 'no reference'}, not [${uncited.join(', ')}]`);
  }
  return { section: sentence.section, verified: true };
}
