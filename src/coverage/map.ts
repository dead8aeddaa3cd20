/**
 * The coverage map of the article (seeds/coverage/article.json): for every sentence, the facts that
 * state it (node and relationship ids whose quote is in it) or why none does, from a fixed list. The
 * facts of a sentence are found from the seeds' quotes, so the map follows the data; the reasons are
 * curated and kept by sentence hash when the map is rewritten.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import type { SeedSet } from '../graph/seeds/read.js';
import type { Sentence } from './article.js';

export const MAP_FILE = join(PROJECT_ROOT, 'seeds', 'coverage', 'article.json');

/** Why a sentence states no fact of the graph. `gap` is a statement not modelled yet: reported, never hidden. */
export const REASONS = {
  'front matter': 'Title, authors, affiliations, dates, keywords.',
  heading: 'A section or table heading.',
  'table header': 'The column names of a table.',
  'figure caption': 'A figure the text file does not hold.',
  restates: 'Says again what the sentences in `restates` say; the facts are mapped there.',
  method: 'How the review itself was done or what it set out to do, not a fact about the landscape.',
  gap: 'A statement of the article the graph does not hold yet (a problem: the test fails on it).',
} as const;
export type Reason = keyof typeof REASONS;

export interface MappedSentence {
  n: number;
  hash: string;
  section: string;
  text: string;
  facts: string[];
  noFact?: Reason;
  /** For `restates`: the sentences it restates (an abstract sentence may sum up several). */
  restates?: number[];
}

export interface CoverageMap {
  source: string;
  sentences: MappedSentence[];
}

export interface Fact {
  id: string;
  quote: string;
  refs: number[];
}

/** Every node and relationship of the seeds with the article's words for it. */
export function factsOf(seeds: SeedSet): Fact[] {
  return [
    ...seeds.entities.map(({ record }) => ({ id: record.id, quote: record.source.quote, refs: record.source.refs })),
    ...seeds.relationships.map(({ record }) => ({ id: `${record.from}|${record.type}|${record.to}`, quote: record.source.quote, refs: record.source.refs })),
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

/** The article's citations in a text, one group per bracket: "[17-19]" is [17, 18, 19], "[5, 6]" is [5, 6]. */
export function citationGroups(text: string): number[][] {
  return [...text.matchAll(/\[(\d+(?:\s*[-–,]\s*\d+)*)\]/g)].map(([, inner]) =>
    inner.split(',').flatMap((part) => {
      const [from, to] = part.split(/[-–]/).map((n) => Number(n.trim()));
      return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
    }),
  );
}

/**
 * How a fact's references differ from its sentence's citations: a fact cites only references its
 * own sentences cite, and a joint citation ("[17-19]") stays whole on every fact that cites any of it
 * or quotes it. The reference list itself is exempt (its entries are the references).
 */
export function citationProblems(fact: Fact, sentences: Sentence[]): string[] {
  if (fact.id.startsWith('ref:')) return [];
  const groups = citationGroups(sentences.map((s) => s.text).join(' '));
  const cited = new Set(groups.flat());
  const problems = fact.refs.filter((r) => !cited.has(r)).map((r) => `${fact.id} cites [${r}], which its sentence (${sentences.map((s) => s.n).join(', ')}) does not cite`);
  const inQuote = citationGroups(fact.quote).map((g) => g.join(','));
  for (const group of groups) {
    const touched = group.some((r) => fact.refs.includes(r)) || inQuote.includes(group.join(','));
    const missing = group.filter((r) => !fact.refs.includes(r));
    if (touched && missing.length) problems.push(`${fact.id} cites part of the joint citation [${group.join(', ')}]: [${missing.join(', ')}] missing`);
  }
  return problems;
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
    if (m.noFact === 'gap') problems.push(`sentence ${s.n} is not modelled yet (gap): "${s.text.slice(0, 60)}"`);
    if (m.noFact === 'restates' && !(m.restates?.length && m.restates.every((n) => n !== s.n && map.sentences[n - 1]?.facts.length))) {
      problems.push(`sentence ${s.n} restates sentences with facts, which it must name`);
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
    else problems.push(...citationProblems(fact, sentences.filter((s) => at.includes(s.n))));
  }
  const cited = new Set(facts.flatMap((f) => f.refs));
  for (const fact of facts) if (fact.id.startsWith('ref:') && !cited.has(Number(fact.id.slice(4)))) problems.push(`${fact.id} is cited by no fact`);
  return problems;
}
