/**
 * The pieces every compiled read shares: the selection tree a GraphQL field asks for, and the
 * statement being built (fresh variable names and parameters, unique across the root fields that
 * share one statement).
 */
import { badUserInput } from '../../errors.js';
import { pageSize, type PageLimits } from './connection.js';
import type { CompiledUnit } from './unit.js';
import type { GraphAt } from '../changes/feed.js';

export type { PageLimits };

/**
 * What a field selects, with fragments, aliases and @skip/@include already resolved, arguments
 * coerced, and subfields grouped by the type they were selected on (graphql-parse-resolve-info's
 * ResolveTree has this shape).
 */
export interface Selection {
  name: string;
  alias: string;
  args: Record<string, unknown>;
  fieldsByTypeName: Record<string, Record<string, Selection>>;
}

export class Statement {
  readonly params: Record<string, unknown> = {};
  private counter = 0;

  constructor(
    /** Keeps names of different root fields apart: "a", "b", ... */
    readonly prefix: string,
    readonly limits: PageLimits,
    includeRetracted = false,
    /**
     * The question asked as of a past change set, reading relationships: what changed since
     * (versions.graphSince). Traversals follow live and retracted links, keep those that stood then
     * (patterns.ts relationshipThen) to entities that stood then (nodeThen), and read each entity's
     * properties from its state then where it changed since (viewThenOf). Off, nothing of it is in the Cypher.
     */
    readonly asOf?: GraphAt,
  ) {
    this.includeRetracted = includeRetracted || asOf !== undefined;
  }

  /**
   * The question asked with `includeRetracted: true`, or as of a change set: retracted entities
   * (label :Retracted, their kind a property) count as entities of their kind, and traversals follow
   * RETRACTED links of the field's type too. Off, nothing of it is in the Cypher.
   */
  readonly includeRetracted: boolean;

  /** A variable name not used anywhere else in the statement. */
  variable(stem: string): string {
    return `${stem}_${this.prefix}${this.counter++}`;
  }

  private graphParams?: Record<'seq' | 'states' | 'relationships', string>;

  /** The parameters of `asOf`, each allocated once however many traversals read them. */
  get then(): Record<'seq' | 'states' | 'relationships', string> {
    if (!this.asOf) throw new Error('Not a read as of a change set');
    if (!this.graphParams) {
      const { seq, states, relationships } = this.asOf;
      this.graphParams = { seq: this.param(seq), states: this.param(states), relationships: this.param(relationships) };
    }
    return this.graphParams;
  }

  /** A new parameter holding `value`, as `$name`. */
  param(value: unknown): string {
    const name = `${this.prefix}${this.counter++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /**
   * The built unit with its variables and parameters numbered in the order they appear in its text
   * (n_u0_0, page_u0_1, ...; $u0_0, $u0_1, ...), whatever order the compiler allocated them in: a
   * block moved or added changes only its own lines of the pinned Cypher (tests/tck), and equal
   * questions read as equal text. Unused parameters are dropped. The decoder reads the row by the
   * names it was built with.
   */
  finish<T>(unit: CompiledUnit<T>): { compiled: CompiledUnit<T>; params: Record<string, unknown> } {
    const prefix = this.prefix.replace(/[^A-Za-z0-9_]/g, '');
    const token = new RegExp(`\\$${prefix}(\\d+)\\b|\\b([A-Za-z][A-Za-z0-9]*)_${prefix}(\\d+)\\b`, 'g');
    const variables = new Map<string, string>();
    const params: Record<string, unknown> = {};
    const paramNames = new Map<string, string>();
    const rename = (text: string) =>
      text.replace(token, (_, param: string | undefined, stem: string, n: string) => {
        if (param !== undefined) {
          let name = paramNames.get(param);
          if (name === undefined) {
            name = `${prefix}${paramNames.size}`;
            paramNames.set(param, name);
            params[name] = this.params[`${prefix}${param}`];
          }
          return `$${name}`;
        }
        const old = `${stem}_${prefix}${n}`;
        let name = variables.get(old);
        if (name === undefined) variables.set(old, (name = `${stem}_${prefix}${variables.size}`));
        return name;
      });
    const calls = unit.calls.map(rename);
    const returns = unit.returns.map(rename);
    const built = new Map([...variables].map(([old, name]) => [name, old]));
    return {
      compiled: {
        calls,
        returns,
        plan: unit.plan,
        decode: (row) => unit.decode(Object.fromEntries(Object.entries(row).map(([key, value]) => [built.get(key) ?? key, value]))),
      },
      params,
    };
  }

  /** A page size argument checked against the cap (the default when omitted). */
  pageSize(first: unknown, argument = 'first'): number {
    return pageSize(first, this.limits, argument);
  }
}

function mergeFields(into: Record<string, Selection>, fields: Record<string, Selection> | undefined): Record<string, Selection> {
  for (const [alias, field] of Object.entries(fields ?? {})) into[alias] = into[alias] ? merge(into[alias], field) : field;
  return into;
}

/**
 * Two selections of the same response key, one tree. GraphQL lets the same key appear in several
 * fragments; when they disagree on the field or its arguments one result could not serve both.
 */
export function merge(a: Selection, b: Selection): Selection {
  if (a.name !== b.name || JSON.stringify(a.args) !== JSON.stringify(b.args)) {
    throw badUserInput(`"${a.alias}" is selected twice with different fields or arguments; give each its own alias`, a.alias);
  }
  const types: Selection['fieldsByTypeName'] = {};
  for (const [type, fields] of [...Object.entries(a.fieldsByTypeName), ...Object.entries(b.fieldsByTypeName)]) {
    types[type] = mergeFields({ ...(types[type] ?? {}) }, fields);
  }
  return { ...a, fieldsByTypeName: types };
}

/** Every selection of `field` directly under `selection`, whatever its type condition, merged. */
export function child(selection: Selection | undefined, field: string): Selection | undefined {
  const found = Object.values(selection?.fieldsByTypeName ?? {})
    .flatMap((fields) => Object.values(fields))
    .filter((s) => s.name === field);
  return found.length ? found.reduce(merge) : undefined;
}

/** The fields selected on an object of type `type` (those asked on its interfaces included), by response key. */
export function fieldsOn(selection: Selection | undefined, type: string, interfaces: string[] = ['Node']): Array<[string, Selection]> {
  const fields: Record<string, Selection> = {};
  for (const name of [...interfaces, type]) mergeFields(fields, selection?.fieldsByTypeName[name]);
  return Object.entries(fields);
}
