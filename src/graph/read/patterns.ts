/**
 * The pieces of a traversal every reader writes the same way, with @neo4j/cypher-builder: a node's
 * kind, the pattern of a relationship field (typed, with retracted links when asked), and, as of a
 * past change set (Statement.asOf), whether a link and an entity stood then and an entity's
 * properties then. Projections, lists, aggregates and the root questions import these; they import
 * nothing of those. Each comes as a builder element and, for the renderers that still join text, as
 * text (the same Cypher).
 */
import Cypher from '@neo4j/cypher-builder';
import { isKind, labelAt, type Kind, type RelationSpec } from '../model.js';
import { cypherText, holds, idOf, param, paramNamed, subquery, type Node } from './builder.js';
import type { Statement } from './statement.js';

const named = (variable: string) => new Cypher.NamedNode(variable);
/** The variable of the list comprehension over a node's labels (local to it). */
const label = new Cypher.NamedVariable('l');

/** The kind of a node: its label other than Entity. */
export function kindExpr(node: Node): Cypher.Expr {
  return Cypher.head(new Cypher.ListComprehension(label).in(Cypher.labels(node)).where(Cypher.neq(label, new Cypher.Literal('Entity'))));
}

/** A node's kind: its label, or, asked with includeRetracted, the property a retracted one keeps (its kind label is gone). */
export function kindOfExpr(st: Statement, node: Node): Cypher.Expr {
  if (!st.includeRetracted) return kindExpr(node);
  return new Cypher.Case().when(node.hasLabel('Retracted')).then(node.property('kind')).else(kindExpr(node));
}

/** Whether a node is of one of `kinds` (a fresh parameter), as text. */
export const kindIn = (st: Statement, node: string, kinds: readonly string[]): string => cypherText(Cypher.in(kindOfExpr(st, named(node)), param(st, kinds)));

/** Whether a node is of a kind, a retracted one of it included (includeRetracted, asOf). */
export function hasKind(st: Statement, node: Node, kind: Kind): Cypher.Predicate {
  return Cypher.or(node.hasLabel(kind), Cypher.and(node.hasLabel('Retracted'), Cypher.eq(node.property('kind'), param(st, kind))));
}

/** The guard on a kind's field under an interface (several kinds): its label, or its kind with the retracted ones. */
export function kindGuard(st: Statement, node: string, kind: Kind): string {
  return cypherText(st.includeRetracted ? hasKind(st, named(node), kind) : named(node).hasLabel(kind));
}

/** The label written into a pattern, or none when the relationship type already implies it. */
export function labelClause(spec: RelationSpec): string {
  if (spec.to === 'Node') return '';
  if (!isKind(spec.to)) throw new Error(`Unknown kind ${spec.to}`);
  return labelAt(spec.type, spec.direction === 'OUT' ? 'to' : 'from', spec.to);
}

/**
 * A relationship field's pattern from `node` to `other`: typed (the other end's label only where the
 * type does not imply it, so Neo4j can read a degree without expanding), or with its retracted links
 * too (includeRetracted, asOf): a RETRACTED relationship keeps its type as a property and implies no
 * kind at its other end, so the kind is always checked.
 */
export function relatedPatternOf(st: Statement, node: Node, spec: RelationSpec, rel: string, other: Node, kindLabel = labelClause(spec)): Cypher.Pattern {
  const r = new Cypher.NamedRelationship(rel);
  const direction = spec.direction === 'OUT' ? 'right' : 'left';
  if (st.includeRetracted) {
    const link = new Cypher.Pattern(node)
      .related(r, { type: Cypher.labelExpr.or(spec.type, 'RETRACTED'), direction })
      .where(Cypher.or(r.hasType(spec.type), Cypher.eq(r.property('type'), param(st, spec.type))))
      .to(other);
    return isKind(spec.to) ? link.where(hasKind(st, other, spec.to)) : link;
  }
  return new Cypher.Pattern(node).related(r, { type: spec.type, direction }).to(other, kindLabel ? { labels: [kindLabel.slice(1)] } : {});
}

/** A relationship field's pattern, as text. */
export function relatedPattern(st: Statement, node: string, spec: RelationSpec, rel: string, other: string, kindLabel = labelClause(spec)): string {
  return cypherText(relatedPatternOf(st, named(node), spec, rel, named(other), kindLabel));
}

/**
 * Whether an entity stood at the change set a read is pinned to: one not changed since (every write
 * stamps changedSeq) stood as it stands now (an :Entity, not :Retracted); one changed since stood if
 * the log holds its state then (created since, it has none).
 */
export function nodeThen(st: Statement, node: Node): Cypher.Predicate {
  const { seq, states } = st.then;
  return new Cypher.Case()
    .when(Cypher.lte(Cypher.coalesce(node.property('changedSeq'), new Cypher.Literal(0)), paramNamed(seq)))
    .then(node.hasLabel('Entity'))
    .else(Cypher.isNotNull(paramNamed(states).property(node.property('id'))));
}

/**
 * Whether a relationship stood then. One not changed since stood if it is live. One changed since: not
 * if its key was created since (the log's relationships map says false); a link the log does not list
 * (CITES and CONCERNS, retracted with their entity) if it was retracted since. Otherwise the key existed
 * then, and of its lives (a retracted link each, the live one last) the one that stood is the first to
 * end after then: a retracted one with no other retracted between then and its own retraction, the
 * live one if none was retracted since (a correction retracts the link and adds it anew; seeds update
 * in place).
 */
export function relationshipThen(st: Statement, rel: string): Cypher.Predicate {
  const { seq, relationships } = st.then;
  const r = new Cypher.NamedRelationship(rel);
  const [start, end, earlier] = [new Cypher.NamedNode(st.variable('s')), new Cypher.NamedNode(st.variable('e')), new Cypher.NamedRelationship(st.variable('x'))];
  const at = paramNamed(seq);
  const typeOf = Cypher.coalesce(r.property('type'), Cypher.type(r));
  const existed = paramNamed(relationships).property(Cypher.concat(idOf(Cypher.startNode(r)), new Cypher.Literal('|'), typeOf, new Cypher.Literal('|'), idOf(Cypher.endNode(r))));
  const retractedBetween = new Cypher.Exists(
    Cypher.utils.concat(
      new Cypher.With([Cypher.startNode(r), start], [Cypher.endNode(r), end]),
      new Cypher.Match(new Cypher.Pattern(start).related(earlier, { type: 'RETRACTED' }).to(end)).where(
        Cypher.and(
          Cypher.eq(earlier.property('type'), typeOf),
          Cypher.gt(earlier.property('retractedSeq'), at),
          Cypher.lt(earlier.property('retractedSeq'), Cypher.coalesce(r.property('retractedSeq'), Cypher.plus(earlier.property('retractedSeq'), new Cypher.Literal(1)))),
        ),
      ),
    ),
  );
  return new Cypher.Case()
    .when(Cypher.lte(Cypher.coalesce(r.property('changedSeq'), new Cypher.Literal(0)), at))
    .then(Cypher.not(r.hasType('RETRACTED')))
    .when(Cypher.isNull(existed))
    .then(r.hasType('RETRACTED'))
    .when(Cypher.not(holds(existed)))
    .then(Cypher.false)
    .else(Cypher.not(retractedBetween));
}

/** As of a change set (Statement.asOf): whether the relationship in `rel` and the entity in `other` stood then. */
export function stoodThenOf(st: Statement, rel: string | undefined, other: Node): Cypher.Predicate {
  return Cypher.and(rel ? relationshipThen(st, rel) : undefined, nodeThen(st, other))!;
}

/** The same, as text. */
export function stoodThen(st: Statement, rel: string | undefined, other: string): string {
  return cypherText(stoodThenOf(st, rel, named(other)));
}

/** As of a change set: an entity's properties then (its state from the log where it changed since, else itself). */
export function viewThenOf(st: Statement, node: Node): Cypher.Expr {
  return Cypher.coalesce(paramNamed(st.then.states).property(node.property('id')), node);
}

/** The same, as text. */
export const viewThen = (st: Statement, node: string): string => cypherText(viewThenOf(st, named(node)));

/**
 * A stored entity by id whether it is live or retracted (as of a change set, one retracted since may
 * have stood then, and a state from the log is a map: where its relationships start is the stored
 * node): the :Entity(id) or the :Retracted(id) index, imported into a subquery from `imports` ('' for
 * none). No row when neither holds it.
 */
export function storedById(node: string, id: string, imports = ''): string {
  const n = named(node);
  const value = id.startsWith('$') ? paramNamed(id) : new Cypher.Raw(id);
  const from = (kindLabel: string) => Cypher.utils.concat(new Cypher.Match(new Cypher.Pattern(n, { labels: [kindLabel], properties: { id: value } })), new Cypher.Return(n));
  return subquery(imports ? [new Cypher.NamedVariable(imports)] : [], new Cypher.Union(from('Entity'), from('Retracted')));
}

/**
 * A relationship's properties (its provenance); as of a change set, as they stood then: a link
 * retracted since was not retracted then (its retraction's marks read as null, which decode.ts leaves out).
 */
export function relationshipProperties(st: Statement, rel: string): Cypher.Expr {
  const r = new Cypher.NamedRelationship(rel);
  if (!st.asOf) return Cypher.properties(r);
  const cleared = new Cypher.MapProjection(r, '*', { status: Cypher.Null, type: Cypher.Null, retractedSeq: Cypher.Null, retractedReason: Cypher.Null, changedSeq: Cypher.Null });
  return new Cypher.Case().when(r.hasType('RETRACTED')).then(cleared).else(Cypher.properties(r));
}
