/**
 * The `where` argument of the lists, compiled into one Cypher condition on the listed node: per
 * field operators (`eq`, `in`, `contains`, `startsWith`, `endsWith`, `lt`/`lte`/`gt`/`gte`),
 * `AND`/`OR`/`NOT`, `cites` (a reference number in the provenance) and, for every relationship field
 * of the kind, the quantifiers `some`/`none`/`all`/`single` over the nodes at the other end, with
 * their own `where`. Property names come from the kind's allow-list (WHERE_FIELDS), relationship
 * types and labels from RELATION_FIELDS; every value is a parameter.
 */
import { z } from 'zod';
import { badUserInput } from '../../errors.js';
import { isKind, labelAt, type Kind } from '../model.js';
import { compose } from '../queries.js';
import { dateEnd, dateStart } from '../seeds/properties.js';
import { RECORD_SCHEMAS } from '../seeds/schema.js';
import { RELATION_FIELDS, type RelationSpec } from './relations.js';
import type { Statement } from './statement.js';

export type ScalarKind = 'String' | 'Int' | 'Float' | 'Boolean' | 'Date';

/** Fields a where may test besides the record's own: the derived year, and the checker's findings. */
const DERIVED: Partial<Record<Kind, Record<string, ScalarKind>>> = {
  Guideline: { year: 'Int' },
  Reform: { year: 'Int' },
  Event: { year: 'Int' },
  Product: { year: 'Int' },
  Statistic: { year: 'Int' },
  Claim: { year: 'Int' },
};
const FINDING_FIELDS: Record<string, ScalarKind> = { id: 'String', name: 'String', rule: 'String', computedValue: 'Float', statedValue: 'Float' };

/**
 * Provenance a where may test on every kind, by field name, and the property that holds it: the data
 * source a figure is taken from ("the Insight database"), and the document and sentence that state it.
 */
export const PROVENANCE_FIELDS: Record<string, { type: ScalarKind; property: string; description: string }> = {
  dataSource: { type: 'String', property: 'sourceDataSource', description: 'Conditions on the data source its source names for a figure (e.g. "Insight database").' },
  document: { type: 'String', property: 'sourceDocument', description: 'Conditions on the document that states it (e.g. "doc:china-cell-therapy-review").' },
  sentence: { type: 'Int', property: 'sourceSentence', description: 'Conditions on the number of the sentence that states it, in its document.' },
};
const PROVENANCE_TYPES = Object.fromEntries(Object.entries(PROVENANCE_FIELDS).map(([name, f]) => [name, f.type]));

function scalarKindOf(field: string, schema: z.ZodTypeAny): ScalarKind | undefined {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodTypeAny) : schema;
  if (field === 'date') return 'Date';
  if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) return 'String';
  if (inner instanceof z.ZodNumber) return inner.isInt ? 'Int' : 'Float';
  if (inner instanceof z.ZodBoolean) return 'Boolean';
  return undefined; // lists (aliases) and the provenance object
}

/** The scalar fields a kind's `where` accepts, by name (which is also the property name). */
export const WHERE_FIELDS: Record<Kind, Record<string, ScalarKind>> = Object.fromEntries(
  (['Finding', ...Object.keys(RECORD_SCHEMAS)] as Kind[]).map((kind) => {
    if (kind === 'Finding') return [kind, FINDING_FIELDS];
    const shape = RECORD_SCHEMAS[kind as keyof typeof RECORD_SCHEMAS].shape as Record<string, z.ZodTypeAny>;
    const fields: Record<string, ScalarKind> = {};
    for (const [field, schema] of Object.entries(shape)) {
      const scalar = scalarKindOf(field, schema);
      if (scalar && field !== 'countsKind') fields[field] = scalar;
    }
    return [kind, { ...fields, ...(DERIVED[kind] ?? {}), ...PROVENANCE_TYPES }];
  }),
) as Record<Kind, Record<string, ScalarKind>>;

/** Relationship fields a where may go through: those whose other end is one kind (not any node). */
export function whereRelations(kind: Kind): Array<[string, RelationSpec & { to: Kind }]> {
  return Object.entries(RELATION_FIELDS[kind] ?? {}).filter((e): e is [string, RelationSpec & { to: Kind }] => isKind(e[1].to));
}

const OPERATORS: Record<ScalarKind, readonly string[]> = {
  String: ['eq', 'in', 'contains', 'startsWith', 'endsWith'],
  Int: ['eq', 'in', 'lt', 'lte', 'gt', 'gte'],
  Float: ['eq', 'in', 'lt', 'lte', 'gt', 'gte'],
  Boolean: ['eq'],
  Date: ['eq', 'lt', 'lte', 'gt', 'gte'],
};
const QUANTIFIERS = ['some', 'none', 'all', 'single'] as const;

/**
 * Bounds on one where: conditions in all (every comparison, quantifier and `cites`, and every `AND`,
 * `OR` and `NOT`), relationships deep, and `AND`/`OR`/`NOT` nested. Neo4j's planner recurses over a
 * predicate: 300-400 nested `NOT`s (3 kB of where) overflowed its stack and held a connection for
 * minutes, so nesting is bounded here, before any Cypher is built.
 */
export const WHERE_LIMITS = { conditions: 50, depth: 3, inValues: 1000, nesting: 8 };

export type WhereInput = Record<string, unknown>;

class Compiler {
  private conditions = 0;
  /** `ownFields`: a list read as of a past change set tests the entity's own fields only (lists.ts). */
  constructor(
    private readonly st: Statement,
    private readonly ownFields = false,
  ) {}

  private own(at: string): void {
    if (this.ownFields) throw badUserInput(`${at}: a list read "asOf" a past change set tests the entity's own fields; its relationships then are not read`, 'where');
  }

  private count(path: string): void {
    if (++this.conditions > WHERE_LIMITS.conditions) {
      throw badUserInput(`"where" may hold at most ${WHERE_LIMITS.conditions} conditions; ${path} is one too many`, 'where');
    }
  }

  /** A date operator on the first day a partial date covers (gte, lt) or its last (lte, gt). */
  private date(node: string, op: string, value: string): string {
    if (op === 'eq') return compose('where.eq', { node, property: 'date' }, { value: this.st.param(value) });
    const bound = op === 'gte' || op === 'lt' ? dateStart(value) : dateEnd(value);
    return compose(`where.${op}`, { node, property: 'dateStart' }, { value: this.st.param(bound) });
  }

  private scalar(node: string, field: string, type: ScalarKind, filter: Record<string, unknown>, path: string): string[] {
    const out: string[] = [];
    for (const [op, value] of Object.entries(filter)) {
      if (value === undefined || value === null) continue;
      if (!OPERATORS[type].includes(op)) throw badUserInput(`${path}.${op} does not apply to a ${type} field`, 'where');
      this.count(`${path}.${op}`);
      if (op === 'in' && (value as unknown[]).length > WHERE_LIMITS.inValues) {
        throw badUserInput(`${path}.in takes at most ${WHERE_LIMITS.inValues} values`, 'where');
      }
      const property = PROVENANCE_FIELDS[field]?.property ?? field;
      if (type === 'Date') out.push(this.date(node, op, value as string));
      else if (type === 'Boolean') out.push(compose('where.flag', { node, property }, { value: this.st.param(value) }));
      else out.push(compose(`where.${op}`, { node, property }, { value: this.st.param(value) }));
    }
    return out;
  }

  private relation(node: string, spec: RelationSpec & { to: Kind }, filter: Record<string, unknown>, path: string, depth: number): string[] {
    if (depth >= WHERE_LIMITS.depth) throw badUserInput(`${path}: "where" goes through at most ${WHERE_LIMITS.depth} relationships`, 'where');
    const out: string[] = [];
    for (const [quantifier, inner] of Object.entries(filter)) {
      if (inner === undefined || inner === null) continue;
      if (!(QUANTIFIERS as readonly string[]).includes(quantifier)) throw badUserInput(`${path}.${quantifier} is not some, none, all or single`, 'where');
      this.count(`${path}.${quantifier}`);
      const other = this.st.variable('w');
      const label = labelAt(spec.type, spec.direction === 'OUT' ? 'to' : 'from', spec.to as Kind);
      const predicate = this.node(other, spec.to, inner as WhereInput, `${path}.${quantifier}`, depth + 1);
      out.push(compose(`where.${quantifier}.${spec.direction}`, { node, type: spec.type, other }, { label, predicate }));
    }
    return out;
  }

  /** The condition `where` puts on `node`, a node of `kind`; "true" when it asks nothing. */
  node(node: string, kind: Kind, where: WhereInput, path = 'where', depth = 0, nesting = 0): string {
    if (nesting > WHERE_LIMITS.nesting) {
      throw badUserInput(`${path}: "where" nests AND, OR and NOT at most ${WHERE_LIMITS.nesting} deep`, 'where');
    }
    const parts: string[] = [];
    const fields = WHERE_FIELDS[kind];
    const relations = RELATION_FIELDS[kind] ?? {};
    for (const [key, value] of Object.entries(where ?? {})) {
      if (value === undefined || value === null) continue;
      const at = `${path}.${key}`;
      if (key === 'AND' || key === 'OR') {
        this.count(at);
        const list = (value as WhereInput[]).map((w, i) => this.node(node, kind, w, `${at}[${i}]`, depth, nesting + 1));
        if (!list.length) continue;
        parts.push(`(${list.map((p) => `(${p})`).join(key === 'AND' ? ' AND ' : ' OR ')})`);
      } else if (key === 'NOT') {
        this.count(at);
        parts.push(compose('where.not', {}, { predicate: this.node(node, kind, value as WhereInput, at, depth, nesting + 1) }));
      } else if (key === 'cites') {
        this.count(at);
        parts.push(compose('where.cites', { node }, { value: this.st.param(value) }));
      } else if (fields[key]) {
        parts.push(...this.scalar(node, key, fields[key], value as Record<string, unknown>, at));
      } else if (relations[key] && isKind(relations[key].to)) {
        this.own(at);
        parts.push(...this.relation(node, relations[key] as RelationSpec & { to: Kind }, value as Record<string, unknown>, at, depth));
      } else {
        throw badUserInput(`${at} is not a field of ${kind} that "where" can test`, 'where');
      }
    }
    return parts.length ? parts.join(' AND ') : 'true';
  }
}

/** The Cypher condition for `where` on `node` (a `kind`), with its values added to the statement's parameters. */
export function wherePredicate(st: Statement, kind: Kind, node: string, where: WhereInput | undefined | null, ownFields = false): string {
  return where ? new Compiler(st, ownFields).node(node, kind, where) : 'true';
}
