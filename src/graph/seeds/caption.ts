/**
 * Short captions for drawings (Neo4j Browser's GraSS `{caption}`, the explore pages). A name such
 * as "Ciltacabtagene autoleucel" is cut off in a 70-pixel circle, and six products ending in
 * "-cabtagene …" cannot be told apart; a caption is short and, within a kind, distinct.
 * Captions are derived at load time (never exported); they state nothing the record does not.
 */
import type { EntityRecord } from './schema.js';

/** Longest caption before a name is shortened. */
const MAX = 26;

/** Within a kind: the product's INN short name with its year ("cilta-cel 2024"), else the name. */
function fullCaption(kind: string, record: EntityRecord): string {
  const fields = record as Record<string, unknown>;
  const year = typeof fields.date === 'string' ? fields.date.slice(0, 4) : undefined;
  if (kind === 'Product') {
    const short = (record.aliases ?? []).find((a) => /-cel$/.test(a));
    return [short ?? record.name, year].filter(Boolean).join(' ');
  }
  if (kind === 'Agency' && typeof fields.acronym === 'string') return fields.acronym;
  if (kind === 'Reference' && typeof fields.number === 'number') return `[${fields.number}]`;
  const shortAlias = (record.aliases ?? []).filter((a) => a.length <= MAX).sort((a, b) => a.length - b.length)[0];
  const name = record.name.length > MAX && shortAlias ? shortAlias : record.name;
  // Reforms, guidelines and events read as "2017 · …", in time order on a glance.
  return year && ['Reform', 'Guideline', 'Event'].includes(kind) ? `${year} · ${name}` : name;
}

/** The first `words` words of `text`, with an ellipsis when it was cut. */
function head(text: string, words: number): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(' ')}…`;
}

/** The most words of `text` that fit in MAX characters (at least one). */
function wordsThatFit(text: string): number {
  const parts = text.split(/\s+/);
  let n = 1;
  while (n < parts.length && parts.slice(0, n + 1).join(' ').length + 1 <= MAX) n++;
  return n;
}

/**
 * Captions by id for records of one load. Long names are cut at a word under MAX characters; where
 * two records of a kind would get the same caption, both get more words until they differ (in the
 * worst case the whole name, which ids keep distinct in practice). `taken` holds captions already in
 * use by other entities ("kind\0caption"), which count as clashes too.
 */
export function captionsOf(records: Array<{ kind: string; record: EntityRecord }>, taken: ReadonlySet<string> = new Set()): Map<string, string> {
  const full = records.map(({ kind, record }) => ({ kind, id: record.id, text: fullCaption(kind, record) }));
  const words = new Map(full.map((f) => [f.id, wordsThatFit(f.text)]));
  for (;;) {
    const seen = new Map<string, string[]>();
    for (const f of full) {
      const key = `${f.kind}\u0000${head(f.text, words.get(f.id)!)}`;
      seen.set(key, [...(seen.get(key) ?? []), f.id]);
    }
    // Clashing: two of these records, or one with a caption another entity of its kind holds (`taken`: "kind\0caption").
    const clashing = [...seen].filter(([key, ids]) => ids.length > 1 || taken.has(key)).flatMap(([, ids]) => ids);
    const growable = clashing.filter((id) => head(full.find((f) => f.id === id)!.text, words.get(id)!).endsWith('…'));
    if (!growable.length) break;
    for (const id of growable) words.set(id, words.get(id)! + 1);
  }
  return new Map(full.map((f) => [f.id, head(f.text, words.get(f.id)!)]));
}
