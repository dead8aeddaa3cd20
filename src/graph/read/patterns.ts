/**
 * The pieces of a traversal every reader writes the same way: the pattern of a relationship field
 * (typed, with retracted links when asked), and, as of a past change set (Statement.asOf), whether a
 * link and an entity stood then and an entity's properties then. Projections, lists and aggregates
 * import these; they import nothing of those.
 */
import { isKind, labelAt, type RelationSpec } from '../model.js';
import { compose, conjunction } from '../queries.js';
import type { Statement } from './statement.js';

/** The label written into a pattern, or none when the relationship type already implies it. */
export function labelClause(spec: RelationSpec): string {
  if (spec.to === 'Node') return '';
  if (!isKind(spec.to)) throw new Error(`Unknown kind ${spec.to}`);
  return labelAt(spec.type, spec.direction === 'OUT' ? 'to' : 'from', spec.to);
}

/** A relationship field's pattern from `node` to `other`: typed, or with its retracted links too (includeRetracted, asOf). */
export function relatedPattern(st: Statement, node: string, spec: RelationSpec, rel: string, other: string, label = labelClause(spec)): string {
  if (st.includeRetracted) {
    // A RETRACTED relationship implies no kind at its other end: the kind is always checked.
    const otherWhere = isKind(spec.to) ? ` WHERE ${compose('read.hasKind', { node: other, label: spec.to }, { kind: st.param(spec.to) })}` : '';
    return compose(`read.pattern.${spec.direction}.withRetracted`, { node, rel, type: spec.type, other }, { typeName: st.param(spec.type), otherWhere });
  }
  return compose(`read.pattern.${spec.direction}`, { node, rel, type: spec.type, other }, { label });
}

/** As of a change set (Statement.asOf): whether the relationship in `rel` and the entity in `other` stood then. */
export function stoodThen(st: Statement, rel: string | undefined, other: string): string {
  const { seq, states, relationships } = st.then;
  return conjunction([
    rel ? compose('read.thenRelationship', { rel, other: st.variable('s'), last: st.variable('e'), earlier: st.variable('x') }, { seq, relationships }) : 'true',
    compose('read.thenNode', { node: other }, { seq, states }),
  ]);
}

/** As of a change set: the entity in `node`'s properties then (a state from the log, or the node). */
export function viewThen(st: Statement, node: string): string {
  return compose('read.view', { node }, { states: st.then.states });
}

/** A stored entity by id, live or retracted, in `node` (read.stored), imported into a subquery from `imports` ('' for none). */
export function storedById(node: string, id: string, imports = ''): string {
  return compose('read.stored', { node }, { imports, id });
}
