import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/graph/local-server.js';
import { exampleOperations, EXAMPLES_FILE, renderExamplesDoc } from '../src/resolvers/examples.js';
import { startTestApi, type TestApi } from './support/api.js';


const source = readFileSync(EXAMPLES_FILE, 'utf8');
const operations = exampleOperations(source);

describe('examples.graphql', () => {
  let api: TestApi;
  const answers = new Map<string, unknown>();
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('has a named operation for each question', () => {
    expect(operations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['ReformsBeforeFirstCD19Approval', 'SponsorsOfBCMAProducts', 'ReformTimeline', 'PathFromIncidentToProduct', 'NeighborhoodOfNMPA', 'Inconsistencies', 'SearchStatedSpelling']),
    );
    for (const op of operations) expect(op.question, op.name).not.toBe('');
  });

  it.each(operations.map((o) => [o.name]))('%s runs without errors', async (name) => {
    const { status, body } = await api.post(source, undefined, name);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    // The answer is the data; extensions (the cost report outside production) vary from run to run.
    answers.set(name, { data: body.data });
  });

  it('answers which reforms preceded the first CD19 approval from the graph', () => {
    const answer = answers.get('ReformsBeforeFirstCD19Approval') as any;
    const product = answer.data.products.edges[0].node;
    expect(product.name).toBe('Axicabtagene ciloleucel');
    expect(product.precedingReforms.map((r: any) => r.reform.name)).toEqual([
      'Reform of the drug review and approval system',
      'Implicit approval for clinical trials',
      'Regulatory Science Action Plan',
      'Registration review timelines of the 2020 Provisions',
    ]);
  });

  it('shows the current answers in docs/examples.md (npm run examples:answers)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs', 'examples.md'), 'utf8')).toBe(renderExamplesDoc(operations, answers));
  });
});
