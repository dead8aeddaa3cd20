import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../src/bootstrap.js';
import { ARTICLE_FILE, splitArticle } from '../src/coverage/article.js';
import { buildMap, checkMap, factsOf, readMap, REASONS } from '../src/coverage/map.js';
import { readSeeds } from '../src/graph/seeds/read.js';
import { readFileSync } from 'node:fs';

describe.skipIf(!existsSync(ARTICLE_FILE))('the coverage map of the article (npm run coverage)', () => {
  // A skipped describe's body still runs while tests are collected: read the article only when it is there.
  const sentences = existsSync(ARTICLE_FILE) ? splitArticle() : [];
  const facts = factsOf(readSeeds(SEEDS_DIR));
  const map = readMap()!;

  it('splits the article the same way every time, each sentence with its hash', () => {
    expect(splitArticle()).toEqual(sentences);
    expect(sentences).toHaveLength(147);
    expect(sentences[53]).toMatchObject({ section: 'Table 1', kind: 'table row', text: 'Name\tAvailability\tEnterprise\tTarget' });
    // A sentence broken by a table in the text file is one sentence.
    expect(sentences.find((s) => s.text.startsWith('The "Wei Zexi incident"'))!.text).toContain('medical technologies with a heightened focus on patient protection.');
  });

  it('maps every sentence to the facts whose quote it holds, or says why none, and finds every fact\'s quote in a sentence that maps it', () => {
    expect(checkMap(map, sentences, facts)).toEqual([]);
    for (const s of map.sentences) expect(s.facts.length > 0 || (s.noFact !== undefined && s.noFact in REASONS), `sentence ${s.n}`).toBe(true);
  });

  it('keeps the map in step with the seeds and the article (npm run coverage -- --write)', () => {
    expect(buildMap(sentences, facts, map)).toEqual(map);
  });

  it('notices an edited sentence and a quote that moved', () => {
    const edited = splitArticle(readFileSync(ARTICLE_FILE, 'utf8').replace('six such products', 'seven such products'));
    expect(checkMap(map, edited, facts).some((p) => p.includes('changed in the article'))).toBe(true);
    const moved = facts.map((f) => (f.id === 'reform:2018-implicit-approval' ? { ...f, quote: 'In 2019, the NMPA introduced implicit approval' } : f));
    expect(checkMap(map, sentences, moved)).toContain('reform:2018-implicit-approval: its quote is in no sentence of the article');
    const wrong = { ...map, sentences: map.sentences.map((s) => (s.n === 55 ? { ...s, facts: [...s.facts, 'agency:nmpa'] } : s)) };
    expect(checkMap(wrong, sentences, facts)).toContain('sentence 55 maps agency:nmpa, whose quote is not in it');
  });

  it('leaves no sentence as a gap: each states facts, or restates sentences that do, or is a heading, method, ...', () => {
    const gap = { ...map, sentences: map.sentences.map((s) => (s.n === 24 ? { ...s, facts: [], noFact: 'gap' as const } : s)) };
    expect(checkMap(gap, sentences, facts).filter((p) => p.startsWith('sentence 24 is not modelled yet (gap)'))).toHaveLength(1);
    expect(map.sentences.filter((s) => s.noFact === 'gap')).toEqual([]);
    expect(map.sentences.find((s) => s.n === 8)).toMatchObject({ noFact: 'restates', restates: [107, 109, 111] });
  });

  it('keeps citations as the article gives them: a joint citation stays whole, a fact cites only its sentence\'s references, every reference is cited', () => {
    // The funding rounds of sentence 103 cite "[17-19]" jointly; split one reference per round, the rule finds it.
    const split = facts.map((f) => (f.id === 'event:cart-med-funding' ? { ...f, refs: [18] } : f));
    expect(checkMap(map, sentences, split)).toContain('event:cart-med-funding cites part of the joint citation [17, 18, 19]: [17, 19] missing');
    // The conditional approval is quoted from an uncited sentence (64); reference 20 belongs to sentence 109.
    const borrowed = facts.map((f) => (f.id === 'pathway:conditional-approval' ? { ...f, refs: [20] } : f));
    expect(checkMap(map, sentences, borrowed)).toContain('pathway:conditional-approval cites [20], which its sentence (64) does not cite');
    const uncited = facts.map((f) => (f.refs.includes(13) ? { ...f, refs: f.refs.filter((r) => r !== 13) } : f));
    expect(checkMap(map, sentences, uncited)).toContain('ref:13 is cited by no fact');
  });
});
