/**
 * npm run seeds:format — validates seeds/ and rewrites it in the canonical layout that export
 * writes (records sorted by id, one per line, fields in schema order), seeds/changes/ included.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChangeFile, readChangeFiles } from '../src/graph/changes/files.js';
import { formatSeedSet } from '../src/graph/seeds/export.js';
import { readSeeds } from '../src/graph/seeds/read.js';
import { CHANGES_DIR, SEEDS_DIR } from '../src/paths.js';

const files = formatSeedSet(readSeeds(SEEDS_DIR));
for (const [name, text] of files) writeFileSync(join(SEEDS_DIR, name), text);
const changes = readChangeFiles(CHANGES_DIR);
for (const file of changes) writeFileSync(join(CHANGES_DIR, `${file.name}.json`), formatChangeFile(file));
console.log(`Formatted ${files.size} seed files and ${changes.length} change files in seeds/`);
