/**
 * npm run seeds:format — validates seeds/ and rewrites it in the canonical layout that export
 * writes (records sorted by id, one per line, fields in schema order).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../src/bootstrap.js';
import { formatSeedSet } from '../src/graph/seeds/export.js';
import { readSeeds } from '../src/graph/seeds/read.js';

const files = formatSeedSet(readSeeds(SEEDS_DIR));
for (const [name, text] of files) writeFileSync(join(SEEDS_DIR, name), text);
console.log(`Formatted ${files.size} files in seeds/`);
