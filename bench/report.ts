/**
 * bench/results.md holds one section per benchmark (`npm run bench`, `npm run bench:scale`); each
 * run rewrites its own section between markers and leaves the other as it was.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';

const FILE = join(PROJECT_ROOT, 'bench', 'results.md');
const HEADER = '# Benchmark results\n\nWritten by `npm run bench` (the seed graph), `npm run bench:scale` (synthetic graphs) and `npm run bench:burst` (goodput under a burst); each command rewrites its own section.\n';

export function writeSection(name: 'seed' | 'scale' | 'burst', body: string): void {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  if (!text.includes('<!-- seed:begin -->') && !text.includes('<!-- scale:begin -->')) text = HEADER;
  const block = `${begin}\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${begin}[\\s\\S]*?${end}`);
  text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
}
