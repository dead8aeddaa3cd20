/**
 * docs/data-dictionary.md, generated from the model (npm run docs:dictionary; a test keeps the file in
 * step): per kind, its properties with their types (the seed schema, through zod's JSON Schema), what
 * each means (the GraphQL field's description), its relationship fields (model.ts RELATION_FIELDS) and how many
 * records the seed files hold; then every relationship type with the kinds at its ends.
 */
import { isObjectType, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { KINDS, RELATIONSHIPS, REL_TYPES, type Kind } from '../graph/model.js';
import { RELATION_FIELDS } from '../graph/model.js';
import { RECORD_SCHEMAS } from '../graph/seeds/schema.js';
import type { SeedSet } from '../graph/seeds/read.js';

type JsonSchema = { type?: string; enum?: unknown[]; pattern?: string; items?: JsonSchema; minimum?: number; maximum?: number };

/** A JSON Schema property as a reader would say its type. */
function typeOf(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (schema.type === 'array') return `list of ${typeOf(schema.items ?? {})}`;
  if (schema.type === 'string' && schema.pattern?.startsWith('^\\d{4}')) return 'partial date (`2017`, `2017-06`, `2017-06-30`)';
  if (schema.type === 'integer') return 'integer';
  return schema.type ?? 'any';
}

/** A kind's seed record as JSON Schema (zod's own conversion). */
const recordSchema = (kind: Exclude<Kind, 'Finding'>) =>
  z.toJSONSchema(RECORD_SCHEMAS[kind], { unrepresentable: 'any' }) as unknown as { properties: Record<string, JsonSchema>; required?: string[] };

const cell = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|');

/** The GraphQL type of a kind (Agency, …) and its fields' descriptions. */
function descriptions(schema: GraphQLSchema, kind: Kind): Map<string, string> {
  const type = schema.getType(kind);
  return new Map(isObjectType(type) ? Object.values(type.getFields()).map((f) => [f.name, f.description ?? ''] as const) : []);
}

export function dataDictionary(schema: GraphQLSchema, seeds: SeedSet): string {
  const records = new Map<string, number>();
  for (const { kind } of seeds.entities) records.set(kind, (records.get(kind) ?? 0) + 1);
  const links = new Map<string, number>();
  for (const { record } of seeds.relationships) links.set(record.type, (links.get(record.type) ?? 0) + 1);

  const lines = [
    '# Data dictionary',
    '',
    'Generated from the model by `npm run docs:dictionary` (src/docs/data-dictionary.ts): the seed schema',
    '(src/graph/seeds/schema.ts) for properties and types, the GraphQL schema for what each field means,',
    'src/graph/model.ts for relationship fields and types.',
    'Counts are the records of the seed files (`seeds/`); the curated change sets (`seeds/changes/`) and',
    'later writes change the graph from there (`{ meta { dataVersion { seq } } }`).',
    '',
    'Every entity also carries its provenance (`sources`: document, sentence, section, quote, references;',
    '`inferred` when the graph infers it), `changedSeq` (the change set that last changed it) and, when',
    'retracted, `retracted`, `retractedSeq` and `retractedReason` (read with `includeRetracted: true`).',
    '',
    '## Kinds',
    '',
    '| kind | records | id prefix |',
    '| --- | ---: | --- |',
  ];
  for (const kind of KINDS) {
    // The id pattern the seed schema checks, "^product:[a-z0-9]…", names the prefix.
    const prefix = kind === 'Finding' ? 'finding:' : `${/\^([a-z]+):/.exec(recordSchema(kind).properties.id.pattern ?? '')?.[1]}:`;
    lines.push(`| [${kind}](#${kind.toLowerCase()}) | ${kind === 'Finding' ? 'computed by the checker' : (records.get(kind) ?? 0)} | \`${prefix}\` |`);
  }
  for (const kind of KINDS) {
    const described = descriptions(schema, kind);
    lines.push('', `## ${kind}`, '', cell(schema.getType(kind)?.description), '');
    if (kind !== 'Finding') {
      const json = recordSchema(kind);
      lines.push('| property | type | required | meaning |', '| --- | --- | --- | --- |');
      for (const [name, property] of Object.entries(json.properties)) {
        if (name === 'source') continue;
        lines.push(`| \`${name}\` | ${typeOf(property)} | ${json.required?.includes(name) ? 'yes' : ''} | ${cell(described.get(name))} |`);
      }
      lines.push('');
    }
    const fields = Object.entries(RELATION_FIELDS[kind] ?? {});
    if (fields.length) {
      lines.push('| relationship field | follows | to | meaning |', '| --- | --- | --- | --- |');
      for (const [name, spec] of fields) {
        const arrow = spec.direction === 'OUT' ? `\`-[:${spec.type}]->\`` : `\`<-[:${spec.type}]-\``;
        lines.push(`| \`${name}\` | ${arrow} | ${spec.to}${spec.one ? ' (one)' : ''} | ${cell(spec.description)} |`);
      }
    }
  }
  lines.push('', '## Relationship types', '', '| type | from | to | records | notes |', '| --- | --- | --- | ---: | --- |');
  for (const type of REL_TYPES) {
    const ends = RELATIONSHIPS[type];
    const derived = 'derived' in ends ? 'derived from provenance (not in the seed files)' : '';
    lines.push(`| \`${type}\` | ${ends.from.join(', ')} | ${ends.to.join(', ')} | ${derived ? '' : (links.get(type) ?? 0)} | ${derived} |`);
  }
  lines.push('| `RETRACTED` | any | any |  | a retracted relationship, its own type kept in `type` (read with `includeRetracted: true`) |');
  lines.push('| `SUPERSEDES` | any | the same kind |  | a retracted entity\'s replacement |');
  return `${lines.join('\n')}\n`;
}
