/**
 * npm run schema:print — regenerates schema.graphql from the type-graphql classes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';
import { printApiSchema } from '../src/resolvers/print.js';

writeFileSync(join(PROJECT_ROOT, 'schema.graphql'), await printApiSchema());
console.log('Wrote schema.graphql');
