/**
 * A planned predicate (plan.ts) written as a Cypher condition on a node variable: each form is a
 * block of cypher/queries/where.cypher or filters.cypher, every value a fresh parameter of the
 * statement. A predicate rendered twice (the page and its totalCount) gets two sets of parameters.
 */
import { labelAt } from '../model.js';
import { compose, conjunction } from '../queries.js';
import type { Predicate } from './plan.js';
import type { Statement } from './statement.js';

/** The condition `predicate` puts on `node`; "true" when it asks nothing. */
export function renderPredicate(st: Statement, node: string, predicate: Predicate): string {
  switch (predicate.is) {
    case 'compare':
      return compose(predicate.op === 'flag' ? 'where.flag' : `where.${predicate.op}`, { node, property: predicate.property }, { value: st.param(predicate.value) });
    case 'filter':
      return compose(`filter.${predicate.name}`, { node }, { value: st.param(predicate.value) });
    case 'related':
      return compose(`filter.via.${predicate.end}`, { node, type: predicate.type }, { value: st.param(predicate.id) });
    case 'cites':
      return compose('where.cites', { node }, { value: st.param(predicate.number) });
    case 'all':
      // Not `conjunction`: a where object that asks nothing is "true" as a whole, never dropped inside AND/OR.
      return predicate.parts.length ? predicate.parts.map((p) => renderPredicate(st, node, p)).join(' AND ') : 'true';
    case 'and':
    case 'or':
      return `(${predicate.parts.map((p) => `(${renderPredicate(st, node, p)})`).join(predicate.is === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return compose('where.not', {}, { predicate: renderPredicate(st, node, predicate.part) });
    case 'quantified': {
      const { quantifier, type, direction, to } = predicate;
      const other = st.variable('w');
      const label = labelAt(type, direction === 'OUT' ? 'to' : 'from', to);
      return compose(`where.${quantifier}.${direction}`, { node, type, other }, { label, predicate: renderPredicate(st, other, predicate.where) });
    }
  }
}

/** Several predicates on `node`, all holding ("true" when there are none). */
export function renderAll(st: Statement, node: string, predicates: Predicate[]): string {
  return conjunction(predicates.map((p) => renderPredicate(st, node, p)));
}
