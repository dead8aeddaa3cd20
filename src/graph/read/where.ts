/**
 * The `where` argument of the lists and relationship connections, planned as a predicate tree on the
 * listed node (plan.ts; predicate.ts writes its Cypher): per field operators (`eq`, `in`, `contains`,
 * `startsWith`, `endsWith`, `lt`/`lte`/`gt`/`gte`), `AND`/`OR`/`NOT`, `cites` (a reference number in
 * the provenance) and, for every relationship field of the kind, the quantifiers
 * `some`/`none`/`all`/`single` over the nodes at the other end, with their own `where`. Property
 * names come from the kind's allow-list (WHERE_FIELDS, from the model's FIELDS), relationship types
 * and labels from RELATION_FIELDS; every value becomes a parameter when rendered.
 */
import { badUserInput } from '../../errors.js';
import { FIELDS, isKind, KINDS, RELATION_FIELDS, type Kind, type RelationSpec, type ScalarKind } from '../model.js';
import { dateEnd, dateStart } from '../seeds/properties.js';
import type { CompareOp, Predicate, Quantifier } from './plan.js';

export type { ScalarKind };

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

/** The scalar fields a kind's `where` accepts, by name (which is also the property name); findings have no provenance. */
export const WHERE_FIELDS: Record<Kind, Record<string, ScalarKind>> = Object.fromEntries(
  KINDS.map((kind) => [kind, kind === 'Finding' ? FIELDS.Finding : { ...FIELDS[kind], ...PROVENANCE_TYPES }]),
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

/**
 * Plans one where: every key checked against the kind's fields, operators and relationship fields,
 * and the bounds above counted, before any Cypher is built (render.ts writes the tree).
 */
class Planner {
  private conditions = 0;
  /** `ownFields`: a list read as of a past change set tests the entity's own fields only. */
  constructor(private readonly ownFields = false) {}

  private own(at: string): void {
    if (this.ownFields) throw badUserInput(`${at}: a list read "asOf" a past change set tests the entity's own fields; its relationships then are not read`, 'where');
  }

  private count(path: string): void {
    if (++this.conditions > WHERE_LIMITS.conditions) {
      throw badUserInput(`"where" may hold at most ${WHERE_LIMITS.conditions} conditions; ${path} is one too many`, 'where');
    }
  }

  /** A date operator on the first day a partial date covers (gte, lt) or its last (lte, gt). */
  private date(op: CompareOp, value: string): Predicate {
    if (op === 'eq') return { is: 'compare', property: 'date', op, value };
    const bound = op === 'gte' || op === 'lt' ? dateStart(value) : dateEnd(value);
    return { is: 'compare', property: 'dateStart', op, value: bound };
  }

  private scalar(field: string, type: ScalarKind, filter: Record<string, unknown>, path: string): Predicate[] {
    const out: Predicate[] = [];
    for (const [op, value] of Object.entries(filter)) {
      if (value === undefined || value === null) continue;
      if (!OPERATORS[type].includes(op)) throw badUserInput(`${path}.${op} does not apply to a ${type} field`, 'where');
      this.count(`${path}.${op}`);
      if (op === 'in' && (value as unknown[]).length > WHERE_LIMITS.inValues) {
        throw badUserInput(`${path}.in takes at most ${WHERE_LIMITS.inValues} values`, 'where');
      }
      const property = PROVENANCE_FIELDS[field]?.property ?? field;
      if (type === 'Date') out.push(this.date(op as CompareOp, value as string));
      else out.push({ is: 'compare', property, op: type === 'Boolean' ? 'flag' : (op as CompareOp), value });
    }
    return out;
  }

  private relation(spec: RelationSpec & { to: Kind }, filter: Record<string, unknown>, path: string, depth: number): Predicate[] {
    if (depth >= WHERE_LIMITS.depth) throw badUserInput(`${path}: "where" goes through at most ${WHERE_LIMITS.depth} relationships`, 'where');
    const out: Predicate[] = [];
    for (const [quantifier, inner] of Object.entries(filter)) {
      if (inner === undefined || inner === null) continue;
      if (!(QUANTIFIERS as readonly string[]).includes(quantifier)) throw badUserInput(`${path}.${quantifier} is not some, none, all or single`, 'where');
      this.count(`${path}.${quantifier}`);
      const where = this.node(spec.to, inner as WhereInput, `${path}.${quantifier}`, depth + 1);
      out.push({ is: 'quantified', quantifier: quantifier as Quantifier, type: spec.type, direction: spec.direction, to: spec.to, where });
    }
    return out;
  }

  /** The conditions `where` puts on a node of `kind` (none: it asks nothing). */
  node(kind: Kind, where: WhereInput, path = 'where', depth = 0, nesting = 0): Predicate {
    if (nesting > WHERE_LIMITS.nesting) {
      throw badUserInput(`${path}: "where" nests AND, OR and NOT at most ${WHERE_LIMITS.nesting} deep`, 'where');
    }
    const parts: Predicate[] = [];
    const fields = WHERE_FIELDS[kind];
    const relations = RELATION_FIELDS[kind] ?? {};
    for (const [key, value] of Object.entries(where ?? {})) {
      if (value === undefined || value === null) continue;
      const at = `${path}.${key}`;
      if (key === 'AND' || key === 'OR') {
        this.count(at);
        const list = (value as WhereInput[]).map((w, i) => this.node(kind, w, `${at}[${i}]`, depth, nesting + 1));
        if (list.length) parts.push({ is: key === 'AND' ? 'and' : 'or', parts: list });
      } else if (key === 'NOT') {
        this.count(at);
        parts.push({ is: 'not', part: this.node(kind, value as WhereInput, at, depth, nesting + 1) });
      } else if (key === 'cites') {
        this.count(at);
        parts.push({ is: 'cites', number: value });
      } else if (fields[key]) {
        parts.push(...this.scalar(key, fields[key], value as Record<string, unknown>, at));
      } else if (relations[key] && isKind(relations[key].to)) {
        this.own(at);
        parts.push(...this.relation(relations[key] as RelationSpec & { to: Kind }, value as Record<string, unknown>, at, depth));
      } else {
        throw badUserInput(`${at} is not a field of ${kind} that "where" can test`, 'where');
      }
    }
    return { is: 'all', parts };
  }
}

/** The plan of `where` on a node of `kind`; BAD_USER_INPUT for anything it cannot test or beyond its bounds. */
export function planWhere(kind: Kind, where: WhereInput | undefined | null, ownFields = false): Predicate {
  return where ? new Planner(ownFields).node(kind, where) : { is: 'all', parts: [] };
}
