/**
 * npm run examples:answers — runs every operation of examples.graphql against the running API
 * (API_URL, default http://localhost:4000) and writes docs/examples.md with each answer.
 * tests/examples.test.ts checks that the answers it shows are the ones the graph gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';
import { exampleOperations, EXAMPLES_FILE, renderExamplesDoc } from '../src/resolvers/examples.js';


const url = `${process.env.API_URL ?? 'http://localhost:4000'}/graphql`;
const source = readFileSync(EXAMPLES_FILE, 'utf8');
const answers = new Map<string, unknown>();
for (const op of exampleOperations(source)) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: source, operationName: op.name }) });
  const { data } = (await res.json()) as { data: unknown };
  answers.set(op.name, { data });
}
writeFileSync(join(PROJECT_ROOT, 'docs', 'examples.md'), renderExamplesDoc(exampleOperations(source), answers));
console.log(`Wrote docs/examples.md (${answers.size} operations)`);
