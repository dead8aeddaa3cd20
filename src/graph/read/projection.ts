/**
 * Compiles what a GraphQL selection asks of a node into Cypher: a map projection of the properties
 * it reads, and one `CALL (node) {}` subquery per relationship field below it (recursively), each
 * typed, ordered and limited inside Cypher. The result of a whole tree comes back in one row, so a
 * nested request costs one round trip whatever its depth.
 *
 * The projection of a node is `node {.id, .name, ..., kind, __rel: {"<Kind>.<alias>": value}, __refs}`:
 * `__rel` holds each relationship field under its response key (prefixed by the kind, since under an
 * interface two kinds may use one key for different fields), `__refs` the references its provenance
 * cites. decode.ts turns these back into the objects the resolvers serve.
 */
import { CONNECTION_SUFFIX, derivedOf, isKind, KINDS, labelAt, relationOf, SORTS, type DerivedField, type Kind, type RelationSpec, type Target } from '../model.js';
import { compose, conjunction } from '../queries.js';
import { decodeCursor } from './cursor.js';
import { child, fieldsOn, type Selection, type Statement } from './statement.js';
import { planWhere, type WhereInput } from './where.js';
import { renderPredicate } from './predicate.js';
import { aggregateCall, facetFields, facetsCall, planFacet, type Scan } from './aggregate.js';
import { badUserInput } from '../../errors.js';

/** Cypher for one projected value: subqueries to run first, then the expression that reads their results. */
export interface Projection {
  calls: string[];
  item: string;
}

/** Node properties that hold provenance; read when `sources` is selected. */
const SOURCE_PROPERTIES = ['sourceSection', 'sourceQuote', 'sourceStated', 'sourceRefs', 'sourceInferred', 'sourceDataSource', 'sourceDocument', 'sourceSentence', 'sourceUnverified'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Fields every node projection carries: the id and name (cursors, titles), the kind (interfaces). */
const ALWAYS = ['id', 'name'];

export function kindsOf(target: Target): readonly Kind[] {
  return target === 'Node' ? KINDS : [target];
}

/** The label written into a pattern, or none when the relationship type already implies it. */
function labelClause(spec: RelationSpec): string {
  if (spec.to === 'Node') return '';
  if (!isKind(spec.to)) throw new Error(`Unknown kind ${spec.to}`);
  return labelAt(spec.type, spec.direction === 'OUT' ? 'to' : 'from', spec.to);
}

function guardOf(st: Statement, node: string, kind: Kind, kinds: readonly Kind[]): string {
  if (kinds.length === 1) return 'true';
  return st.includeRetracted ? compose('read.hasKind', { node, label: kind }, { kind: st.param(kind) }) : compose('read.hasLabel', { node, label: kind });
}

/** A node's kind: its label, or, asked with includeRetracted, the property a retracted one keeps. */
export function kindOf(st: Statement, node: string): string {
  return compose(st.includeRetracted ? 'read.kindWithRetracted' : 'read.kind', { node });
}

/** Whether a node is of one of `kinds` (a fresh parameter). */
export function kindIn(st: Statement, node: string, kinds: readonly string[]): string {
  return compose('read.kindIn', {}, { kind: kindOf(st, node), kinds: st.param(kinds) });
}

/** A guard as the start of a longer WHERE: "n:Target AND ", or nothing. */
const guardPrefix = (guard: string) => (guard === 'true' ? '' : `${guard} AND `);

/**
 * The projection of the node in variable `node` for `selection`, which may hold fields of any of
 * `kinds` (more than one under an interface). `extra` names properties needed besides the selected
 * ones (a list's sort key).
 */
export function projectNode(st: Statement, node: string, selection: Selection | undefined, kinds: readonly Kind[], extra: string[] = [], pinnedKind?: string): Projection {
  const properties = new Set([...ALWAYS, ...extra]);
  const calls: string[] = [];
  const related: string[] = [];
  let sources: Selection | undefined;
  for (const kind of kinds) {
    const guard = guardOf(st, node, kind, kinds);
    for (const [alias, field] of fieldsOn(selection, kind)) {
      const key = `\`${kind}.${alias}\``;
      const relation = relationOf(kind, field.name);
      const connection = field.name.endsWith(CONNECTION_SUFFIX) ? relationOf(kind, field.name.slice(0, -CONNECTION_SUFFIX.length)) : undefined;
      const derived = derivedOf(kind, field.name);
      if (relation) {
        const out = st.variable('list');
        calls.push(relatedList(st, node, guard, relation, field, out));
        related.push(`${key}: ${out}`);
      } else if (connection && !connection.one) {
        const { calls: connectionCalls, value } = relatedConnection(st, node, guard, connection, field);
        calls.push(...connectionCalls);
        related.push(`${key}: ${value}`);
      } else if (derived) {
        const out = st.variable('derived');
        calls.push(derivedList(st, node, guard, derived, field, out));
        related.push(`${key}: ${out}`);
      } else if (field.name === 'sources') {
        sources = sources ? { ...sources, fieldsByTypeName: { ...sources.fieldsByTypeName, ...field.fieldsByTypeName } } : field;
      } else if (field.name !== 'kind') {
        if (!IDENTIFIER.test(field.name)) throw new Error(`Not a property name: ${field.name}`);
        properties.add(field.name);
      }
    }
  }
  // `pinnedKind` given: the node may be a state read from the change log (a map, no labels) of that kind.
  const entries = [...[...properties].map((p) => `.${p}`), `kind: ${pinnedKind ?? kindOf(st, node)}`];
  if (sources) {
    SOURCE_PROPERTIES.forEach((p) => entries.push(`.${p}`));
    const refs = references(st, node, child(sources, 'reference'));
    if (refs) {
      calls.push(refs.call);
      entries.push(`__refs: ${refs.out}`);
    }
  }
  if (related.length) entries.push(`__rel: {${related.join(', ')}}`);
  return { calls, item: `${node} {${entries.join(', ')}}` };
}

/**
 * Whether the projection of `selection` reads anything beyond the node's own properties (a
 * relationship field or connection, a derived list, `sources { reference }`): what projectNode
 * writes a subquery for. A read as of a past change set refuses those while planning.
 */
export function readsRelationships(selection: Selection | undefined, kinds: readonly Kind[]): boolean {
  return kinds.some((kind) =>
    fieldsOn(selection, kind).some(([, field]) => {
      const connection = field.name.endsWith(CONNECTION_SUFFIX) ? relationOf(kind, field.name.slice(0, -CONNECTION_SUFFIX.length)) : undefined;
      return Boolean(relationOf(kind, field.name) || (connection && !connection.one) || derivedOf(kind, field.name) || (field.name === 'sources' && child(field, 'reference')));
    }),
  );
}

/** The references cited by a node's or relationship's provenance, when `sources { reference }` is asked. */
export function references(st: Statement, owner: string, reference: Selection | undefined): { call: string; out: string } | undefined {
  if (!reference) return undefined;
  const other = st.variable('ref');
  const out = st.variable('refs');
  const projection = projectNode(st, other, reference, ['Reference'], ['number']);
  const call = compose('read.references', { owner, number: st.variable('number'), other, out }, { calls: projection.calls.join('\n'), item: projection.item });
  return { call, out };
}

function relatedPattern(st: Statement, node: string, spec: RelationSpec, rel: string, other: string, label = labelClause(spec)): string {
  if (st.includeRetracted) {
    // A RETRACTED relationship implies no kind at its other end: the kind is always checked.
    const otherWhere = isKind(spec.to) ? ` WHERE ${compose('read.hasKind', { node: other, label: spec.to }, { kind: st.param(spec.to) })}` : '';
    return compose(`read.pattern.${spec.direction}.withRetracted`, { node, rel, type: spec.type, other }, { typeName: st.param(spec.type), otherWhere });
  }
  return compose(`read.pattern.${spec.direction}`, { node, rel, type: spec.type, other }, { label });
}

/**
 * How a kind's relationship lists are ordered, and the index that gives that order. A kind the
 * seeds never date is ordered by name (its date is null throughout, so date-then-name is name);
 * products, always dated, by date then name from their composite index; kinds dated only sometimes
 * have no index for the order (nulls sort last, and an index holds no nulls).
 */
function listOrder(kind: Target): { block: string; index?: string[] } {
  if (kind === 'Node' || kind === 'Finding') return { block: 'read.order.related' };
  const date = SORTS[kind].dateStart;
  if (!date) return { block: 'read.order.byName', index: ['name'] };
  return date === 'optional' ? { block: 'read.order.related' } : { block: 'read.order.related', index: ['dateStart', 'name'] };
}

interface RelatedRead {
  node: string;
  guard: string;
  spec: RelationSpec;
  rel: string;
  other: string;
  out: string;
  /** The order block, and the index that gives it, if any. */
  order: { block: string; index?: string[] };
  /** The keyset predicate past a connection's cursor, or `true`. */
  after: string;
  /** Where a connection's cursor starts the index seek (its sort value), if it has one. */
  from?: string;
  limit: string;
  projection: Projection;
}

/** A relationship list: read.relatedHub where an index gives its order, read.related otherwise. */
function readRelated(st: Statement, r: RelatedRead): string {
  const order = compose(r.order.block, { other: r.other });
  const shared = {
    pattern: relatedPattern(st, r.node, r.spec, r.rel, r.other),
    where: conjunction([r.guard, r.after]),
    order,
    limit: r.limit,
    calls: r.projection.calls.join('\n'),
    item: r.projection.item,
  };
  // A single node (parent, successor, approvedBy) is one relationship of its parent by nature: few.
  // With retracted links the type's index order no longer holds alone: the plain read sorts them.
  if (!r.order.index || r.spec.to === 'Node' || r.spec.few || r.spec.one || st.includeRetracted) return compose('read.related', { node: r.node, rel: r.rel, other: r.other, out: r.out }, shared);
  const hub = st.variable('hub');
  const [first, ...rest] = r.order.index;
  return compose(
    'read.relatedHub',
    { node: r.node, rel: r.rel, other: r.other, out: r.out, degreeOf: st.variable('degree'), hub, scan: st.variable('s'), label: r.spec.to },
    {
      ...shared,
      degree: relatedPattern(st, r.node, r.spec, st.variable('r'), st.variable('m'), ''),
      indexed: r.order.index.join(', '),
      seek: conjunction([
        compose('read.seekFrom', { other: r.other, property: first, hub }, { from: r.from ?? "''" }),
        ...rest.map((property) => compose('read.exists', { other: r.other, property })),
        r.after,
      ]),
    },
  );
}

function relatedList(st: Statement, node: string, guard: string, spec: RelationSpec, field: Selection, out: string): string {
  const other = st.variable('m');
  return readRelated(st, {
    node,
    guard,
    spec,
    rel: st.variable('r'),
    other,
    out,
    order: listOrder(spec.to),
    after: 'true',
    limit: st.param(spec.one ? 1 : st.pageSize(field.args.first)),
    projection: projectNode(st, other, field, kindsOf(spec.to)),
  });
}

/**
 * A relationship field's connection: a page of edges (node + the relationship's provenance) and, when
 * asked, the total, the aggregate and the facets of every related node the where matches (these read
 * the node's whole degree, as a where's totalCount does).
 */
function relatedConnection(st: Statement, node: string, guard: string, spec: RelationSpec, field: Selection): { calls: string[]; value: string } {
  const rel = st.variable('r');
  const other = st.variable('m');
  const out = st.variable('edges');
  const edges = child(field, 'edges');
  const nodeProjection = projectNode(st, other, child(edges, 'node'), kindsOf(spec.to));
  const refs = references(st, rel, child(child(edges, 'sources'), 'reference'));
  const first = st.pageSize(field.args.first);
  const after = typeof field.args.after === 'string' ? decodeCursor(field.args.after, 'name') : undefined;
  const from = after ? st.param(after.value) : undefined;
  // A connection to one kind takes that kind's where; one to any node (citedBy, members) takes kinds.
  const matching = (m: string) =>
    isKind(spec.to)
      ? renderPredicate(st, m, planWhere(spec.to, field.args.where as WhereInput | undefined))
      : Array.isArray(field.args.kinds) && field.args.kinds.length
        ? kindIn(st, m, field.args.kinds as string[])
        : 'true';
  const condition = matching(other);
  const call = readRelated(st, {
    node,
    guard,
    spec,
    rel,
    other,
    out,
    order: { block: 'read.order.byName', index: ['name'] },
    after: conjunction([after ? compose('read.after.byName', { other }, { value: from!, id: st.param(after.id) }) : 'true', condition]),
    from,
    limit: st.param(first + 1),
    projection: {
      calls: [...nodeProjection.calls, ...(refs ? [refs.call] : [])],
      item: `{node: ${nodeProjection.item}, rel: properties(${rel})${refs ? `, __refs: ${refs.out}` : ''}}`,
    },
  });
  let total = 'null';
  if (child(field, 'totalCount')) {
    const counted = st.variable('m');
    const where = condition === 'true' ? 'true' : matching(counted);
    total =
      where === 'true'
        ? compose('read.degree', {}, { guard, pattern: relatedPattern(st, node, spec, st.variable('r'), counted) })
        : compose('read.degreeWhere', {}, { guard, pattern: relatedPattern(st, node, spec, st.variable('r'), counted, labelClause(spec)), where });
  }
  const calls = [call];
  const extra: string[] = [];
  const scan = (): Scan => {
    const m = st.variable('m');
    return { node: m, anchor: relatedPattern(st, node, spec, st.variable('r'), m, labelClause(spec)), where: conjunction([guard, matching(m)]), distinct: '', imports: node };
  };
  if (child(field, 'aggregate')) {
    const stats = st.variable('stats');
    calls.push(aggregateCall(st, scan(), stats));
    extra.push(`, aggregate: ${stats}`);
  }
  const facets = facetFields(field);
  if (facets.length) {
    if (!isKind(spec.to)) throw badUserInput(`facets: ${field.name} leads to entities of any kind; facets need a connection to one kind (use its kinds argument to narrow, and a list's facets to group)`, 'by');
    const kind = spec.to;
    const entries = facets.map(([alias, f]) => {
      const buckets = st.variable('facets');
      calls.push(facetsCall(st, scan(), planFacet(kind, alias, f), buckets));
      return `\`${alias}\`: ${buckets}`;
    });
    extra.push(`, facets: {${entries.join(', ')}}`);
  }
  return { calls, value: `{edges: ${out}, first: ${st.param(first)}, after: ${st.param(after ? 1 : 0)}, totalCount: ${total}${extra.join('')}}` };
}

/** Reforms before an approval, approvals after a reform, or a statistic's siblings. */
function derivedList(st: Statement, node: string, guard: string, derived: DerivedField, field: Selection, out: string): string {
  const other = st.variable('m');
  const limit = st.param(st.pageSize(field.args.first));
  if (derived === 'siblings') {
    const projection = projectNode(st, other, field, ['Statistic']);
    return compose(
      'read.siblings',
      { node, rel: st.variable('b'), rel2: st.variable('b'), other, out },
      { guard: guardPrefix(guard), limit, calls: projection.calls.join('\n'), item: projection.item },
    );
  }
  // A ReformLag: `reform` and `product`, one of which is the parent node itself.
  const [otherKind, otherField, parentKind, parentField] =
    derived === 'preceding' ? (['Reform', 'reform', 'Product', 'product'] as const) : (['Product', 'product', 'Reform', 'reform'] as const);
  const otherProjection = projectNode(st, other, child(field, otherField), [otherKind]);
  const parentProjection = projectNode(st, node, child(field, parentField), [parentKind]);
  return compose(`read.${derived}`, { node, other, out }, {
    guard: guardPrefix(guard),
    limit,
    calls: [...otherProjection.calls, ...parentProjection.calls].join('\n'),
    item: otherProjection.item,
    parentItem: parentProjection.item,
  });
}

/** The lags of one root `reformsPreceding`/`approvalsFollowing` call, compiled as the nested field is. */
export function lagsOf(st: Statement, node: string, derived: 'preceding' | 'following', selection: Selection): Projection & { out: string } {
  const out = st.variable('lags');
  return { calls: [derivedList(st, node, 'true', derived, selection, out)], item: out, out };
}
