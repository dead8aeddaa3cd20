import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../src/bootstrap.js';
import { ARTICLE_FILE, splitArticle } from '../src/coverage/article.js';
import { buildMap, checkMap, factsOf, readMap, REASONS } from '../src/coverage/map.js';
import { readSeeds } from '../src/graph/seeds/read.js';
import { readFileSync } from 'node:fs';

describe.skipIf(!existsSync(ARTICLE_FILE))('the coverage map of the article (npm run coverage)', () => {
  const sentences = splitArticle();
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
});
