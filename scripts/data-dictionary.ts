/**
 * npm run docs:dictionary — regenerates docs/data-dictionary.md from the model (src/docs/data-dictionary.ts).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../src/bootstrap.js';
import { dataDictionary } from '../src/docs/data-dictionary.js';
import { readSeeds } from '../src/graph/seeds/read.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { buildApiSchema } from '../src/resolvers/index.js';

writeFileSync(join(PROJECT_ROOT, 'docs', 'data-dictionary.md'), dataDictionary(await buildApiSchema(), readSeeds(SEEDS_DIR)));
console.log('Wrote docs/data-dictionary.md');
