/**
 * The Cypher of every example operation and every list shape, translated with no database and
 * compared with the files in tests/tck/cypher/ (text, then parameters; variables and parameters are
 * named in the order they appear). A change to the compiler shows here as a readable diff of those
 * files: `npx vitest run tests/tck -u` rewrites them, and the diff is reviewed like code.
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { buildApiSchema } from '../../src/resolvers/index.js';
import { exampleOperations } from '../../src/resolvers/examples.js';
import { translate, type Translation } from '../../src/graph/read/translate.js';
import { REFUSED, SHAPES } from './shapes.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

/** A translation as the pinned file shows it: the operation, each statement with its units' plans, its parameters. */
function pinned(operation: string, { statements, errors }: Translation): string {
  const lines = [`// ${operation.replace(/\s+/g, ' ').trim()}`];
  for (const { name, text, params, plans } of statements) {
    lines.push('', `// ${name}`);
    for (const plan of plans) lines.push(...plan.map((line) => `// ${line}`));
    lines.push(text, `// params: ${JSON.stringify(params)}`);
  }
  for (const error of errors) lines.push('', `// error ${String(error.code)}: ${error.message}`);
  return `${lines.join('\n')}\n`;
}

describe('example operations', () => {
  for (const { name, text } of exampleOperations()) {
    it(name, async () => {
      const translation = await translate(schema, text);
      expect(translation.statements.length, 'one statement per operation').toBe(1);
      await expect(pinned(name, translation)).toMatchFileSnapshot(`./cypher/examples/${name}.cypher`);
    });
  }
});

describe('list shapes', () => {
  for (const [name, query] of Object.entries(SHAPES)) {
    it(name, async () => {
      const translation = await translate(schema, query);
      expect(translation.errors).toEqual([]);
      expect(translation.statements).toHaveLength(1);
      await expect(pinned(query, translation)).toMatchFileSnapshot(`./cypher/shapes/${name}.cypher`);
    });
  }
});

describe('refused while planning, before any statement', () => {
  for (const [name, { query, code }] of Object.entries(REFUSED)) {
    it(name, async () => {
      const translation = await translate(schema, query);
      expect(translation.statements).toEqual([]);
      expect(translation.errors[0]?.code).toBe(code);
    });
  }
});

describe('the compiled statement', () => {
  it('is the same text for the same question, whatever the values', async () => {
    const bcma = await translate(schema, `{ products(filter: {target: "target:bcma"}, first: 2) { totalCount ${'edges { node { id } }'} } }`);
    const cd19 = await translate(schema, `{ products(filter: {target: "target:cd19"}, first: 3) { totalCount ${'edges { node { id } }'} } }`);
    expect(cd19.statements[0].text).toBe(bcma.statements[0].text);
    expect(cd19.statements[0].params).not.toEqual(bcma.statements[0].params);
  });

  it('holds every value as a parameter, never in the text', async () => {
    const { statements } = await translate(schema, `{ products(filter: {nameContains: "x'}) RETURN 1 //"}) { totalCount } }`);
    expect(statements[0].text).not.toContain("x'");
    expect(Object.values(statements[0].params)).toContain("x'}) RETURN 1 //");
  });
});
