/**
 * The review article as numbered sentences, deterministically: each line is classified by a fixed
 * table of the article's headings; the body lines of a section are joined (the text file breaks
 * paragraphs at page columns) and split at sentence ends; table rows and references are one unit
 * each. Every sentence carries a hash of its text, so an edit to the source is detected.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const ARTICLE_FILE = join(PROJECT_ROOT, '..', 'shared', 'source', 'china-cell-therapy-review.txt');

export type UnitKind = 'front matter' | 'heading' | 'text' | 'table row' | 'figure caption' | 'reference';

export interface Sentence {
  /** 1-based, in reading order. */
  n: number;
  /** The section, as the seeds name it (src/graph/model.ts SECTIONS), or "Front matter". */
  section: string;
  kind: UnitKind;
  text: string;
  /** The first 12 hex digits of the SHA-256 of the text. */
  hash: string;
}

/** Heading lines and the section each opens (the seeds' section names). */
const HEADINGS: Record<string, string> = {
  Introduction: 'Introduction',
  'Regulatory framework for cell therapy products in China': 'Framework: definitions and classifications',
  '(1) Establishing definitions and classifications': 'Framework: definitions and classifications',
  '(2) Optimizing the review process': 'Framework: optimizing the review process',
  '(3) Accelerate approval speed': 'Framework: accelerating approval',
  '(4) Initiate regulatory science action': 'Framework: regulatory science action',
  "Emerging trends in China's cell therapy products industry development": 'Industry: current status',
  '(1) Current status of the industry': 'Industry: current status',
  '(2) Analyzing promoting factors': 'Industry: promoting factors',
  'Regulatory challenges and prospect': 'Challenges and prospect',
  Conclusion: 'Conclusion',
  References: 'References',
};

export const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Sentence ends: ".", "?" or "!" (with any closing quote or bracket), then a space and a capital,
 * a digit or an opening quote. Abbreviations the article uses mid-sentence ("U.S.", "e.g.") are
 * followed by lower case and do not end a sentence.
 */
const SENTENCE_END = /(?<=[.?!]["”’)]?)\s+(?=[A-Z0-9"“(])/;

function sentencesOf(body: string): string[] {
  return body
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function splitArticle(text = readFileSync(ARTICLE_FILE, 'utf8')): Sentence[] {
  const units: Array<Omit<Sentence, 'n' | 'hash'>> = [];
  let section = 'Front matter';
  let body: string[] = [];
  // Tables and figures break a paragraph in the text file (mid-sentence, at a page): they are
  // numbered after the sentences of the section that surrounds them.
  let inserts: Array<Omit<Sentence, 'n' | 'hash'>> = [];
  const flush = () => {
    if (body.length) for (const s of sentencesOf(body.join(' '))) units.push({ section, kind: 'text', text: s });
    units.push(...inserts);
    body = [];
    inserts = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('Table 1.')) {
      inserts.push({ section: 'Table 1', kind: 'heading', text: line });
      continue;
    }
    if (HEADINGS[line] !== undefined) {
      flush();
      section = HEADINGS[line];
      units.push({ section, kind: 'heading', text: line });
      continue;
    }
    if (section === 'Front matter') {
      // The abstract is the one long paragraph before the keywords; the rest is title, authors, dates.
      if (line.length > 400) units.push(...sentencesOf(line).map((s) => ({ section: 'Abstract', kind: 'text' as const, text: s })));
      else units.push({ section, kind: 'front matter', text: line });
      continue;
    }
    if (section === 'References') {
      // A reference's second line (a page break) belongs to the one before it.
      if (/^\d+\.\s/.test(line) || !units.length || units.at(-1)!.kind !== 'reference') units.push({ section, kind: 'reference', text: line });
      else units.at(-1)!.text += ` ${line}`;
      continue;
    }
    if (line.includes('\t')) inserts.push({ section: 'Table 1', kind: 'table row', text: line });
    else if (/^Figure \d+\./.test(line)) inserts.push({ section, kind: 'figure caption', text: line });
    else body.push(line);
  }
  flush();
  return units.map((u, i) => ({ ...u, n: i + 1, hash: hashOf(u.text) }));
}
