/**
 * npm run coverage — how much of the article the graph accounts for, per section: sentences, those
 * mapped to facts, those explained (heading, method, ...), and the gaps, listed. `--write` rewrites
 * seeds/coverage/article.json from the article and the seeds, keeping the curated reasons.
 */
import './cli.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { SEEDS_DIR } from '../src/bootstrap.js';
import { splitArticle } from '../src/coverage/article.js';
import { buildMap, checkMap, factsOf, MAP_FILE, readMap } from '../src/coverage/map.js';
import { readSeeds } from '../src/graph/seeds/read.js';

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
const sentences = splitArticle();
const facts = factsOf(readSeeds(SEEDS_DIR));
let map = readMap();
if (values.write || !map) {
  map = buildMap(sentences, facts, map);
  mkdirSync(dirname(MAP_FILE), { recursive: true });
  writeFileSync(MAP_FILE, `${JSON.stringify(map, null, 1)}\n`);
  console.log(`Wrote ${MAP_FILE}`);
}

const rows = new Map<string, { sentences: number; mapped: number; explained: number; gaps: number }>();
for (const s of map.sentences) {
  const row = rows.get(s.section) ?? { sentences: 0, mapped: 0, explained: 0, gaps: 0 };
  row.sentences++;
  if (s.facts.length) row.mapped++;
  else if (s.noFact === 'gap') row.gaps++;
  else row.explained++;
  rows.set(s.section, row);
}
console.log(['section'.padEnd(44), 'sentences', 'mapped', 'no fact', 'gaps'].join('  '));
const total = { sentences: 0, mapped: 0, explained: 0, gaps: 0 };
for (const [section, r] of rows) {
  console.log([section.padEnd(44), String(r.sentences).padStart(9), String(r.mapped).padStart(6), String(r.explained).padStart(7), String(r.gaps).padStart(4)].join('  '));
  for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
}
console.log(['total'.padEnd(44), String(total.sentences).padStart(9), String(total.mapped).padStart(6), String(total.explained).padStart(7), String(total.gaps).padStart(4)].join('  '));
const gaps = map.sentences.filter((s) => s.noFact === 'gap');
if (gaps.length) {
  console.log(`\nNot modelled yet (${gaps.length}):`);
  for (const s of gaps) console.log(`  ${s.n} [${s.section}] ${s.text}`);
}
const problems = checkMap(map, sentences, facts);
if (problems.length) {
  console.log(`\nProblems (${problems.length}):`);
  for (const p of problems) console.log(`  ${p}`);
  process.exitCode = 1;
}
