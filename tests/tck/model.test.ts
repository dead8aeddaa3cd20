/**
 * The model the compiler reads, checked against what it describes (no database): the sort keys of
 * each kind against the seed schema, and the configuration parsed by its one schema.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, KINDS, SORTS, sortKeysOf, type ScalarKind } from '../../src/graph/model.js';
import { z } from 'zod';
import { RECORD_SCHEMAS } from '../../src/graph/seeds/schema.js';
import { ConfigError, readConfig } from '../../src/config.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../src/bootstrap.js';
import { dataDictionary } from '../../src/docs/data-dictionary.js';
import { readSeeds } from '../../src/graph/seeds/read.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { buildApiSchema } from '../../src/resolvers/index.js';

describe('sort keys per kind', () => {
  it('lists a key for a kind exactly when its records have it, required when the seed schema requires it', () => {
    for (const kind of KINDS) {
      if (kind === 'Finding') {
        expect(SORTS.Finding).toEqual({});
        continue;
      }
      const shape = RECORD_SCHEMAS[kind].shape as Record<string, { isOptional(): boolean } | undefined>;
      // dateStart comes from `date`; year from `year`, else from `date` (a statistic's from its period too).
      const source = { dateStart: shape.date, year: shape.year ?? shape.date, value: shape.value, number: shape.number };
      const expected = Object.fromEntries(
        Object.entries(source)
          .filter(([, field]) => field)
          .map(([key, field]) => [key, field!.isOptional() ? 'optional' : 'required']),
      );
      expect(SORTS[kind], kind).toEqual(expected);
    }
  });

  it('has, for every kind a hub list may be read by date (a required date), the (dateStart, id) index the hub branch (render.ts hubPage) names', () => {
    const indexes = readFileSync(join(PROJECT_ROOT, 'cypher', 'schema', '002-indexes.cypher'), 'utf8');
    const dated = KINDS.filter((kind) => SORTS[kind].dateStart === 'required');
    expect(dated).toEqual(['Product']);
    for (const kind of dated) expect(indexes).toMatch(new RegExp(`FOR \\(n:${kind}\\) ON \\(n\\.dateStart, n\\.id\\)`));
  });

  it('always offers id and name', () => {
    for (const kind of KINDS) expect(sortKeysOf(kind).slice(0, 2)).toEqual(['id', 'name']);
  });
});

describe('fields per kind', () => {
  /** What the seed schema says a record field is; undefined for lists (aliases) and objects (the source). */
  function scalarOf(field: string, schema: z.ZodTypeAny): ScalarKind | undefined {
    const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodTypeAny) : schema;
    if (field === 'date') return 'Date';
    if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) return 'String';
    if (inner instanceof z.ZodNumber) return inner.isInt ? 'Int' : 'Float';
    if (inner instanceof z.ZodBoolean) return 'Boolean';
    return undefined;
  }

  it('lists exactly the scalar fields of each kind\'s records, typed as the seed schema types them, and year where a date gives it', () => {
    for (const kind of KINDS) {
      if (kind === 'Finding') continue; // derived by the checker, not seeded
      const shape = RECORD_SCHEMAS[kind].shape as Record<string, z.ZodTypeAny>;
      const expected: Record<string, ScalarKind> = {};
      for (const [field, schema] of Object.entries(shape)) {
        const scalar = scalarOf(field, schema);
        // countsKind names a kind (it says what a count counts); where does not test it.
        if (scalar && field !== 'countsKind') expected[field] = scalar;
      }
      if (shape.date) expected.year = 'Int';
      expect(FIELDS[kind], kind).toEqual(expected);
    }
  });
});

describe('configuration', () => {
  it('takes the defaults from an empty environment, and empty values as unset', () => {
    const config = readConfig({ NEO4J_URI: 'bolt://db:7687', PORT: '', METRICS: '' });
    expect(config).toMatchObject({ env: 'development', port: 4000, metrics: true, introspection: true, neo4j: { uri: 'bolt://db:7687', password: 'cell-therapy-kg', queryTimeoutMs: 10_000 } });
    expect(config.metricsPort).toBeUndefined();
  });

  it('reads numbers and flags, and production turns introspection off unless asked', () => {
    const config = readConfig({ NEO4J_URI: 'bolt://db:7687', NODE_ENV: 'production', PORT: '8080', METRICS: 'No', METRICS_PORT: '9464', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config).toMatchObject({ env: 'production', port: 8080, metrics: false, metricsPort: 9464, introspection: false, corsOrigins: ['https://a.example', 'https://b.example'] });
    expect(readConfig({ NEO4J_URI: 'bolt://db:7687', NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('refuses a wrong value with one message naming every wrong variable and what it holds', () => {
    const wrong = () => readConfig({ NEO4J_URI: 'bolt://db:7687', PORT: 'eighty', METRICS: 'maybe', NODE_ENV: 'staging' });
    expect(wrong).toThrow(ConfigError);
    expect(wrong).toThrow(/PORT must be an integer, got "eighty"/);
    expect(wrong).toThrow(/METRICS must be one of 1, true, yes, 0, false, no, got "maybe"/);
    expect(wrong).toThrow(/NODE_ENV .*got "staging"/);
  });
});

describe('the data dictionary (docs/data-dictionary.md)', () => {
  it('is the one the model generates (npm run docs:dictionary)', async () => {
    const generated = dataDictionary(await buildApiSchema(), readSeeds(SEEDS_DIR));
    expect(readFileSync(join(PROJECT_ROOT, 'docs', 'data-dictionary.md'), 'utf8')).toBe(generated);
    // Every kind and relationship type is in it, with its properties.
    expect(generated).toContain('| `countsKind` | one of `Agency`');
    expect(generated).toContain('| `TARGETS` | Product | Target |');
  });
});
