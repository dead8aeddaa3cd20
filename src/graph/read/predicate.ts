/**
 * A planned predicate (plan.ts) written as a Cypher condition on a node variable, with
 * @neo4j/cypher-builder: the where union (compare, and/or/not, quantifiers, cites) and the list
 * filters compose here as expressions, with the conventions of @neo4j/graphql 7 (string operators are
 * case-sensitive; `all` holds when there is no related node). Variables and parameters keep the
 * statement's names (NamedNode, NamedParam), so the predicate sits inside the Cypher render.ts and
 * projection.ts build around it. Every value is a fresh parameter; property names come from the model's
 * allow-lists, relationship types and labels from RELATIONSHIPS. A predicate rendered twice (the page
 * and its totalCount) gets two sets of parameters.
 */
import Cypher from '@neo4j/cypher-builder';
import { labelAt } from '../model.js';
import type { CompareOp, Predicate } from './plan.js';
import type { Statement } from './statement.js';

type Node = Cypher.Node;
type Value = Cypher.Param;

const OPERATORS: Record<CompareOp, (left: Cypher.Expr, right: Cypher.Expr) => Cypher.Predicate> = {
  eq: Cypher.eq,
  in: Cypher.in,
  contains: Cypher.contains,
  startsWith: Cypher.startsWith,
  endsWith: Cypher.endsWith,
  lt: Cypher.lt,
  lte: Cypher.lte,
  gt: Cypher.gt,
  gte: Cypher.gte,
};

/** The typed `filter` of the lists on a node's own fields (model.ts FILTERS, `own`). */
const OWN_FILTERS: Record<string, (n: Node, value: Value) => Cypher.Predicate> = {
  /**
   * Name, aliases, stated spellings or description contain the text, case-insensitive: searchText is
   * stored lower case and read from the kind's TEXT index rather than by scanning the kind.
   */
  nameContains: (n, v) => Cypher.contains(n.property('searchText'), Cypher.toLower(v)),
  /** Dated on or after / on or before the year (approval year for products). */
  yearFrom: (n, v) => Cypher.gte(n.property('year'), v),
  yearTo: (n, v) => Cypher.lte(n.property('year'), v),
  /** A statistic whose date or period covers the year. */
  year: (n, v) => Cypher.and(Cypher.lte(Cypher.coalesce(n.property('periodStart'), n.property('year')), v), Cypher.gte(Cypher.coalesce(n.property('periodEnd'), n.property('year')), v)),
  /** A statistic for a point in time in the year (a dated figure, not a period). */
  dateYear: (n, v) => Cypher.and(Cypher.isNotNull(n.property('date')), Cypher.eq(n.property('year'), v)),
  /** A statistic for a period that includes the year (periodStart..periodEnd), not a dated figure. */
  periodCovers: (n, v) => Cypher.and(Cypher.lte(n.property('periodStart'), v), Cypher.gte(n.property('periodEnd'), v)),
  metric: (n, v) => Cypher.eq(n.property('metric'), v),
  dimension: (n, v) => Cypher.eq(n.property('dimension'), v),
  status: (n, v) => Cypher.eq(n.property('status'), v),
  eventType: (n, v) => Cypher.eq(n.property('eventType'), v),
  claimType: (n, v) => Cypher.eq(n.property('claimType'), v),
};

/** A value as a parameter of the statement, under the statement's own name for it. */
const param = (st: Statement, value: unknown): Value => new Cypher.NamedParam(st.param(value).slice(1));

function expression(st: Statement, node: Node, predicate: Predicate): Cypher.Predicate | undefined {
  switch (predicate.is) {
    case 'compare': {
      const property = node.property(predicate.property);
      const value = param(st, predicate.value);
      // A boolean the seeds leave out when false (a statistic's `forecast`).
      if (predicate.op === 'flag') return Cypher.eq(Cypher.coalesce(property, new Cypher.Literal(false)), value);
      return OPERATORS[predicate.op](property, value);
    }
    case 'filter':
      return OWN_FILTERS[predicate.name](node, param(st, predicate.value));
    case 'related': {
      // A typed relationship between the node and the one with this id (a second filter naming a node).
      const named = new Cypher.NamedNode(st.variable('a'));
      const pattern = new Cypher.Pattern(named, { labels: ['Entity'], properties: { id: param(st, predicate.id) } });
      const path = predicate.end === 'from' ? pattern.related({ type: predicate.type }).to(node) : pattern.related({ type: predicate.type, direction: 'left' }).to(node);
      return new Cypher.Exists(path);
    }
    case 'cites':
      // The node's provenance cites this reference number.
      return Cypher.in(param(st, predicate.number), node.property('sourceRefs'));
    case 'all':
    case 'and':
      return Cypher.and(...predicate.parts.map((p) => expression(st, node, p) ?? Cypher.true));
    case 'or':
      return Cypher.or(...predicate.parts.map((p) => expression(st, node, p) ?? Cypher.true));
    case 'not':
      return Cypher.not(expression(st, node, predicate.part) ?? Cypher.true);
    case 'quantified': {
      const { quantifier, type, direction, to } = predicate;
      const other = new Cypher.NamedNode(st.variable('w'));
      const label = labelAt(type, direction === 'OUT' ? 'to' : 'from', to);
      const pattern = new Cypher.Pattern(node).related({ type, direction: direction === 'OUT' ? 'right' : 'left' }).to(other, label ? { labels: [to] } : {});
      const inner = expression(st, other, predicate.where);
      const matching = (where: Cypher.Predicate | undefined) => (where ? new Cypher.Match(pattern).where(where) : new Cypher.Match(pattern));
      switch (quantifier) {
        case 'some':
          return new Cypher.Exists(matching(inner));
        case 'none':
          return Cypher.not(new Cypher.Exists(matching(inner)));
        case 'all':
          // Every related node matches (true when there are none, as in @neo4j/graphql).
          return Cypher.not(new Cypher.Exists(matching(inner ? Cypher.not(inner) : Cypher.false)));
        case 'single':
          return Cypher.eq(new Cypher.Count(matching(inner)), new Cypher.Literal(1));
      }
    }
  }
}

/** The conditions `predicates` put on `node`, all holding, as a builder predicate; undefined when they ask nothing. */
export function conditionOf(st: Statement, node: Cypher.Node, predicates: Predicate[]): Cypher.Predicate | undefined {
  return Cypher.and(...predicates.map((p) => expression(st, node, p)));
}

/** The condition `predicate` puts on `node`; "true" when it asks nothing. */
export function renderPredicate(st: Statement, node: string, predicate: Predicate): string {
  const built = expression(st, new Cypher.NamedNode(node), predicate);
  // One line, as projection.ts joins it into its conditions (no value is ever in the text, so no string is broken).
  return built ? new Cypher.Raw((context) => context.compile(built)).build().cypher.replace(/\n\s*/g, ' ') : 'true';
}
