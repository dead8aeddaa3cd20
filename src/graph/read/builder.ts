/**
 * The read compiler's words for @neo4j/cypher-builder: variables and parameters under the statement's
 * names (NamedNode, NamedParam: Statement.finish numbers them in output order), and the few joints
 * where a builder clause holds text another renderer wrote (a projection's subqueries and item, a
 * pattern patterns.ts wrote for lists and traversals alike). Every value is a parameter; labels,
 * relationship types and property names come from the model's allow-lists.
 */
import Cypher from '@neo4j/cypher-builder';
import type { Statement } from './statement.js';

export type Node = Cypher.NamedNode;
export type Param = Cypher.NamedParam;
/** A condition, or none (a WHERE left out). */
export type Condition = Cypher.Predicate | undefined;

/** A fresh node variable of the statement. */
export const nodeNamed = (st: Statement, stem: string): Node => new Cypher.NamedNode(st.variable(stem));
/** A fresh variable of the statement that holds a value, not a node. */
export const variableNamed = (st: Statement, stem: string) => new Cypher.NamedVariable(st.variable(stem));
/** A new parameter of the statement holding `value`. */
export const param = (st: Statement, value: unknown): Param => new Cypher.NamedParam(st.param(value).slice(1));
/** A parameter already allocated (`$u0_3`). */
export const paramNamed = (text: string): Param => new Cypher.NamedParam(text.slice(1));

/** A clause or expression another renderer wrote as text. */
export const written = (cypher: string) => new Cypher.Raw(cypher);
/** A condition another renderer wrote as text; 'true' is none. */
export const writtenCondition = (text: string): Condition => (text === 'true' ? undefined : written(text));
/** A variable or property that holds a boolean, as a condition. */
export const holds = (value: Cypher.Expr): Cypher.Predicate => new Cypher.Raw((context) => context.compile(value));

/** The id of what an expression yields (`startNode(r).id`). */
export const idOf = (value: Cypher.Expr): Cypher.Expr => new Cypher.Raw((context) => `${context.compile(value)}.id`);

/**
 * A builder element as Cypher text, for a renderer that still joins text: an expression, a condition or
 * a pattern on one line (no value is ever in the text, so no string is broken).
 */
export function cypherText(element: Cypher.Expr | Cypher.Pattern | Cypher.Clause): string {
  return new Cypher.Raw((context) => context.compile(element)).build().cypher.replace(/\n\s*/g, ' ');
}

/** A MATCH on a pattern patterns.ts wrote, with the builder's condition. */
export function matchWritten(pattern: string, where: Condition, optional = false): Cypher.Clause {
  return new Cypher.Raw((context) => `${optional ? 'OPTIONAL ' : ''}MATCH ${pattern}${where ? `\nWHERE ${context.compile(where)}` : ''}`);
}

/** `clause WHERE condition`, or the clause alone when there is none. */
export function where<C extends Cypher.Match | Cypher.OptionalMatch | Cypher.With>(clause: C, condition: Condition): C {
  return condition ? (clause.where(condition) as C) : clause;
}

/** A subquery, `CALL (imports) { … }`. */
export function subqueryClause(imports: Cypher.Variable[] | '*', ...clauses: Array<Cypher.Clause | undefined>): Cypher.Call {
  return new Cypher.Call(Cypher.utils.concat(...clauses), imports);
}

/** A subquery of the statement, `CALL (imports) { … }`, as text. */
export function subquery(imports: Cypher.Variable[] | '*', ...clauses: Array<Cypher.Clause | undefined>): string {
  // The builder leaves an empty line where a WITH has a LIMIT and no ORDER BY; no value is ever in the text.
  return subqueryClause(imports, ...clauses).build().cypher.replace(/\n[ \t]*(?=\n)/g, '');
}

/** What a projection (projection.ts) gives a subquery: its own subqueries, then the item it collects. */
export interface Projected {
  calls: string[];
  item: string;
}

/** A subquery's ending: the projection's subqueries below each row, then `RETURN collect(item) AS out`. */
export function collected(projection: Projected, out: string, item: Cypher.Expr = written(projection.item)): Cypher.Clause {
  return Cypher.utils.concat(projection.calls.length ? written(projection.calls.join('\n')) : undefined, new Cypher.Return([Cypher.collect(item), new Cypher.NamedVariable(out)]));
}
