import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema, getNamedType, Kind, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { parseNamedBlocks } from '../src/graph/queries.js';
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

  it('has the same question as raw Cypher for the seed benchmark (bench/raw-cypher.cypher)', () => {
    const raw = parseNamedBlocks('raw-cypher.cypher', readFileSync(join(PROJECT_ROOT, 'bench', 'raw-cypher.cypher'), 'utf8')).map(([name]) => name);
    expect(raw).toEqual(expect.arrayContaining(operations.map((o) => o.name)));
  });

  it('selects `id` wherever the type has one, so clients (Apollo Client, urql) can normalise their caches', () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
    const typeInfo = new TypeInfo(schema);
    const missing: string[] = [];
    visit(
      parse(source),
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node, _key, parent) {
          const type = getNamedType(typeInfo.getType());
          if (!type || !('getFields' in type) || !('id' in type.getFields())) return;
          // A selection made only of inline fragments is checked through theirs (`node(id:) { ... on X { id } }`).
          const selected = node.selections.every((s) => s.kind === Kind.INLINE_FRAGMENT) || node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'id');
          if (!selected) missing.push(`${(parent as { name?: { value: string } })?.name?.value ?? type.name}: ${type.name}`);
        },
      }),
    );
    expect(missing).toEqual([]);
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

  it('pages a search with the cursor of the page before, without repeating a hit', async () => {
    const paged = source.replace('pageInfo { hasNextPage }', 'pageInfo { hasNextPage endCursor }');
    const first = ((await api.post(paged, {}, 'SearchPaged')).body.data as any).searchConnection;
    expect(first.totalCount).toBeGreaterThan(first.edges.length);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const { body } = await api.post(paged, { after: first.pageInfo.endCursor }, 'SearchPaged');
    const second = (body.data as any).searchConnection;
    expect(second.edges).toHaveLength(2);
    const ids = [...first.edges, ...second.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    expect(second.totalCount).toBe(first.totalCount);
  });

  it('shows the current answers in docs/examples.md (npm run examples:answers)', () => {
    const doc = join(PROJECT_ROOT, 'docs', 'examples.md');
    // Search scores depend on the index's history; UPDATE_EXAMPLES=1 writes the answers of this run.
    if (process.env.UPDATE_EXAMPLES) writeFileSync(doc, renderExamplesDoc(operations, answers));
    expect(readFileSync(doc, 'utf8')).toBe(renderExamplesDoc(operations, answers));
  });
});
