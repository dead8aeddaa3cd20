/**
 * The coverage map of the article (seeds/coverage/article.json): for every sentence, the facts that
 * state it (node and relationship ids whose quote is in it) or why none does, from a fixed list. The
 * facts of a sentence are found from the seeds' quotes, so the map follows the data; the reasons are
 * curated and kept by sentence hash when the map is rewritten.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../graph/local-server.js';
import type { SeedSet } from '../graph/seeds/read.js';
import type { Sentence } from './article.js';

export const MAP_FILE = join(PROJECT_ROOT, 'seeds', 'coverage', 'article.json');

/** Why a sentence states no fact of the graph. `gap` is a statement not modelled yet: reported, never hidden. */
export const REASONS = {
  'front matter': 'Title, authors, affiliations, dates, keywords.',
  heading: 'A section or table heading.',
  'table header': 'The column names of a table.',
  'figure caption': 'A figure the text file does not hold.',
  restates: 'Says again what sentence `restates` says; the facts are mapped there.',
  method: 'How the review itself was done or what it set out to do, not a fact about the landscape.',
  gap: 'A statement of the article the graph does not hold yet.',
} as const;
export type Reason = keyof typeof REASONS;

export interface MappedSentence {
  n: number;
  hash: string;
  section: string;
  text: string;
  facts: string[];
  noFact?: Reason;
  /** For `restates`: the sentence it restates. */
  restates?: number;
}

export interface CoverageMap {
  source: string;
  sentences: MappedSentence[];
}

export interface Fact {
  id: string;
  quote: string;
}

/** Every node and relationship of the seeds with the article's words for it. */
export function factsOf(seeds: SeedSet): Fact[] {
  return [
    ...seeds.entities.map(({ record }) => ({ id: record.id, quote: record.source.quote })),
    ...seeds.relationships.map(({ record }) => ({ id: `${record.from}|${record.type}|${record.to}`, quote: record.source.quote })),
  ];
}

/** The sentences a quote lies in: every sentence that holds it, or the run of sentences it spans. */
export function locate(sentences: Sentence[], quote: string): number[] {
  const whole = sentences.filter((s) => s.text.includes(quote)).map((s) => s.n);
  if (whole.length) return whole;
  // A quote across a sentence end: find it in the text of consecutive sentences joined by spaces.
  for (let i = 0; i < sentences.length; i++) {
    let joined = sentences[i].text;
    for (let j = i + 1; j < Math.min(i + 4, sentences.length); j++) {
      joined += ` ${sentences[j].text}`;
      const at = joined.indexOf(quote);
      if (at >= 0 && at < sentences[i].text.length) return sentences.slice(i, j + 1).map((s) => s.n);
    }
  }
  return [];
}

export function readMap(file = MAP_FILE): CoverageMap | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CoverageMap) : undefined;
}

/** The map for these sentences and facts, keeping curated reasons of sentences whose text is unchanged. */
export function buildMap(sentences: Sentence[], facts: Fact[], previous?: CoverageMap): CoverageMap {
  const bySentence = new Map<number, string[]>();
  for (const fact of facts) for (const n of locate(sentences, fact.quote)) bySentence.set(n, [...(bySentence.get(n) ?? []), fact.id]);
  const kept = new Map(previous?.sentences.map((s) => [s.hash, s]));
  return {
    source: 'shared/source/china-cell-therapy-review.txt',
    sentences: sentences.map((s) => {
      const mapped: MappedSentence = { n: s.n, hash: s.hash, section: s.section, text: s.text, facts: [...new Set(bySentence.get(s.n) ?? [])].sort() };
      if (mapped.facts.length) return mapped;
      const old = kept.get(s.hash);
      const reason: Reason = old?.noFact ?? defaultReason(s);
      return { ...mapped, noFact: reason, ...(reason === 'restates' && old?.restates ? { restates: old.restates } : {}) };
    }),
  };
}

function defaultReason(s: Sentence): Reason {
  if (s.kind === 'front matter') return 'front matter';
  if (s.kind === 'heading') return 'heading';
  if (s.kind === 'figure caption') return 'figure caption';
  if (s.kind === 'table row' && s.text.startsWith('Name\t')) return 'table header';
  return 'gap';
}

/** What is wrong with a map: each problem as one line naming the sentence or fact. */
export function checkMap(map: CoverageMap, sentences: Sentence[], facts: Fact[]): string[] {
  const problems: string[] = [];
  if (map.sentences.length !== sentences.length) problems.push(`the map has ${map.sentences.length} sentences; the article has ${sentences.length}`);
  const quotes = new Map(facts.map((f) => [f.id, f.quote]));
  for (const s of sentences) {
    const m = map.sentences[s.n - 1];
    if (!m || m.hash !== s.hash) {
      problems.push(`sentence ${s.n} changed in the article (hash ${s.hash}, map ${m?.hash ?? 'none'}): "${s.text.slice(0, 60)}"`);
      continue;
    }
    if (!m.facts.length && !m.noFact) problems.push(`sentence ${s.n} is unmapped and unexplained: "${s.text.slice(0, 60)}"`);
    if (m.noFact && !(m.noFact in REASONS)) problems.push(`sentence ${s.n}: "${m.noFact}" is not a reason (${Object.keys(REASONS).join(', ')})`);
    if (m.noFact === 'restates' && !(m.restates && m.restates !== s.n && map.sentences[m.restates - 1]?.facts.length)) {
      problems.push(`sentence ${s.n} restates a sentence with facts, which it must name`);
    }
    for (const id of m.facts) {
      const quote = quotes.get(id);
      if (quote === undefined) problems.push(`sentence ${s.n} maps ${id}, which is not in the seeds`);
      else if (!locate(sentences, quote).includes(s.n)) problems.push(`sentence ${s.n} maps ${id}, whose quote is not in it`);
    }
  }
  for (const fact of facts) {
    const at = locate(sentences, fact.quote);
    if (!at.length) problems.push(`${fact.id}: its quote is in no sentence of the article`);
    else if (!at.some((n) => map.sentences[n - 1]?.facts.includes(fact.id))) problems.push(`${fact.id}: no sentence that holds its quote maps it (${at.join(', ')})`);
  }
  return problems;
}
