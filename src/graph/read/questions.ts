/**
 * The root questions other than lists, each compiled into one unit: nodes by id, search, the
 * timeline, the checker's findings, reforms before an approval (and back), shortest paths and
 * neighbourhoods. Each takes the selection of what it returns and reads it in the same statement.
 */
import type { Entity, GraphRelationship } from '../entities.js';
import { KINDS, REL_TYPES, type Kind } from '../model.js';
import { compose, conjunction } from '../queries.js';
import { toEntities, toEntity, toLags, toRelationship, type Lag } from './decode.js';
import { lagsOf, planNode, projectNode, readsRelationships, references, renderNode, type Projection } from './projection.js';
import { kindIn, kindOf } from './patterns.js';
import { stoodThen, viewThen } from './patterns.js';
import type { GraphAt } from '../changes/feed.js';
import { child, type Selection, type Statement } from './statement.js';
import { connectionOf, type PageInfo } from './connection.js';
import { encodeCursor } from './cursor.js';
import type { Unit } from './unit.js';
import { projectThen, refuseUnpinnable, type AsOfStates } from './lists.js';

type Rows = Array<Record<string, unknown>>;

/** `A|B|C`: the allowed relationship types, written into a pattern (never compared as strings). */
function typeAlternatives(excluded: readonly string[]): string {
  const types = REL_TYPES.filter((t) => !excluded.includes(t));
  if (!types.length) throw new Error('Every relationship type is excluded');
  return types.join('|');
}

/** Nodes by id, in the order asked, null for unknown ids; as of a change set, null for those that did not stand then. */
export function nodesUnit(ids: string[], selection: Selection | undefined, includeRetracted = false, asOf?: GraphAt): Unit<Array<Entity | null>> {
  return {
    name: asOf ? 'nodes.asOf' : 'nodes',
    includeRetracted,
    asOf,
    build(st) {
      const node = st.variable('n');
      const out = st.variable('nodes');
      if (st.asOf) {
        const view = st.variable('v');
        const projection = renderNode(st, node, planNode(selection, KINDS, st.limits), [], undefined, view);
        const call = compose('read.nodesAsOf', { id: st.variable('id'), node, view, out }, {
          ids: st.param(ids),
          then: stoodThen(st, undefined, node),
          view: viewThen(st, node),
          calls: projection.calls.join('\n'),
          item: projection.item,
        });
        return { calls: [call], returns: [out], decode: (row) => (row[out] as Rows).map((r) => toEntity(r.node as Record<string, unknown>)) };
      }
      const projection = projectNode(st, node, selection, KINDS);
      const name = includeRetracted ? 'read.nodesIncludingRetracted' : 'read.nodes';
      const call = compose(name, { id: st.variable('id'), node, out }, { ids: st.param(ids), calls: projection.calls.join('\n'), item: projection.item });
      // A retracted entity's labels no longer name its kind; the property it keeps does.
      const entityOf = (r: Record<string, unknown>) => {
        const entity = toEntity(r.node as Record<string, unknown>);
        return entity && r.retractedKind ? { ...entity, kind: r.retractedKind as Entity['kind'] } : entity;
      };
      return { calls: [call], returns: [out], decode: (row) => (row[out] as Rows).map(entityOf) };
    },
  };
}

export interface SearchRequest {
  /** A Lucene query (search.ts makes it safe). */
  lucene: string;
  kinds: Kind[];
  first: number;
  /** How many ranked hits the index hands over before kinds are filtered. */
  scan: number;
}

/**
 * The projection of a question's entity in `node`; as of a change set, through its state then (a
 * `WITH` of read.withView first), and with the condition that it stood then for the question's WHERE.
 */
function projectedThen(st: Statement, node: string, selection: Selection | undefined, kinds: readonly Kind[]): Projection & { view: string; stood: string } {
  if (!st.asOf) return { ...projectNode(st, node, selection, kinds), view: node, stood: 'true' };
  const view = st.variable('v');
  const projection = renderNode(st, node, planNode(selection, kinds, st.limits), [], undefined, view);
  return { calls: [compose('read.withView', { node, view }, { view: viewThen(st, node) }), ...projection.calls], item: projection.item, view, stood: stoodThen(st, undefined, node) };
}

export function searchUnit(request: SearchRequest, nodeSelection: Selection | undefined, includeRetracted = false, asOf?: GraphAt): Unit<Array<{ score: number; node: Entity }>> {
  return {
    name: asOf ? 'search.asOf' : 'search',
    includeRetracted,
    asOf,
    build(st) {
      const node = st.variable('n');
      const score = st.variable('score');
      const out = st.variable('hits');
      const projection = projectedThen(st, node, nodeSelection, request.kinds.length ? request.kinds : KINDS);
      const call = compose(st.includeRetracted ? 'read.searchWithRetracted' : 'read.search', { node, score, out }, {
        text: st.param(request.lucene),
        scan: st.param(request.scan),
        where: conjunction([request.kinds.length ? kindIn(st, node, request.kinds) : 'true', projection.stood]),
        limit: st.param(request.first),
        calls: projection.calls.join('\n'),
        item: projection.item,
      });
      return { calls: [call], returns: [out], decode: (row) => (row[out] as Rows).map((r) => ({ score: r.score as number, node: toEntity(r.node as Record<string, unknown>)! })) };
    },
  };
}

export function timelineUnit(kinds: Kind[], from: string, to: string, first: number, nodeSelection: Selection | undefined, includeRetracted = false, asOf?: AsOfStates): Unit<Entity[]> {
  return {
    name: asOf ? 'timeline.asOf' : 'timeline',
    includeRetracted,
    asOf: asOf?.graph,
    build(st) {
      const node = st.variable('n');
      const out = st.variable('timeline');
      const plan = planNode(nodeSelection, kinds, st.limits);
      if (asOf) refuseUnpinnable('the timeline', { includeRetracted, relationships: !asOf.graph && readsRelationships(plan) });
      // As of a change set, the entries are maps that carry their kind (read.timelineAsOf).
      const projection = asOf?.graph && readsRelationships(plan) ? projectThen(st, node, plan, ['date'], `${node}.kind`) : renderNode(st, node, plan, ['date'], asOf ? `${node}.kind` : undefined);
      const call = compose(asOf ? 'read.timelineAsOf' : includeRetracted ? 'read.timelineWithRetracted' : 'read.timeline', { node, out }, {
        ...(asOf ? { changed: st.param(asOf.changed), states: st.param(asOf.states) } : {}),
        from: st.param(from),
        to: st.param(to),
        kinds: st.param(kinds),
        // The :Entity side: its kind is its label (retracted ones come from their own branch).
        where: compose('read.kindIn', {}, { kind: compose('read.kind', { node }), kinds: st.param(kinds) }),
        limit: st.param(first),
        calls: projection.calls.join('\n'),
        item: projection.item,
      });
      return { calls: [call], returns: [out], decode: (row) => toEntities(row[out] as Rows) };
    },
  };
}

export function findingsUnit(first: number, selection: Selection | undefined): Unit<Entity[]> {
  return {
    name: 'findings',
    build(st) {
      const node = st.variable('f');
      const out = st.variable('findings');
      const projection = projectNode(st, node, selection, ['Finding']);
      const call = compose('read.findings', { node, out }, { limit: st.param(first), calls: projection.calls.join('\n'), item: projection.item });
      return { calls: [call], returns: [out], decode: (row) => toEntities(row[out] as Rows) };
    },
  };
}

/** Reforms before a product's approval (`preceding`) or approvals after a reform (`following`); null for an unknown id. */
export function lagsUnit(derived: 'preceding' | 'following', id: string, selection: Selection, asOf?: GraphAt): Unit<Lag[] | null> {
  return {
    name: `${derived === 'preceding' ? 'reformsPreceding' : 'approvalsFollowing'}${asOf ? '.asOf' : ''}`,
    asOf,
    build(st) {
      const node = st.variable('n');
      const found = st.variable('found');
      const out = st.variable('lags');
      if (st.asOf) {
        // As of a change set: the node if it stood then, of the kind, and the lags by the dates of then.
        const view = st.variable('v');
        const lags = lagsOf(st, node, derived, selection, view);
        const call = compose('read.lagsRootAsOf', { node, view, found, out }, {
          id: st.param(id),
          then: stoodThen(st, undefined, node),
          kind: kindOf(st, node),
          label: st.param(derived === 'preceding' ? 'Product' : 'Reform'),
          view: viewThen(st, node),
          calls: lags.calls.join('\n'),
          lags: lags.item,
        });
        return { calls: [call], returns: [found, out], decode: (row) => (row[found] ? toLags(row[out] as Rows) : null) };
      }
      const lags = lagsOf(st, node, derived, selection);
      const call = compose(
        'read.lags',
        { node, label: derived === 'preceding' ? 'Product' : 'Reform', found, out },
        { id: st.param(id), calls: lags.calls.join('\n'), lags: lags.item },
      );
      return { calls: [call], returns: [found, out], decode: (row) => (row[found] ? toLags(row[out] as Rows) : null) };
    },
  };
}

/** Relationships with their ends and provenance, for paths and neighbourhoods; as of a change set, as they stood then. */
function relationshipItem(st: Statement, rel: string, selection: Selection | undefined): { calls: string[]; item: string } {
  const refs = references(st, rel, child(child(selection, 'sources'), 'reference'));
  const values = { refs: refs ? `, __refs: ${refs.out}` : '' };
  const item = st.asOf
    ? compose('read.relationshipItemAsOf', { rel }, { ...values, then: compose('read.relationshipThen', { rel }) })
    : compose(st.includeRetracted ? 'read.relationshipItemWithRetracted' : 'read.relationshipItem', { rel }, values);
  return { calls: refs ? [refs.call] : [], item };
}

/** Nodes of a path or a neighbourhood (`members`, a list expression), projected in order; as of a change set, each through its state then. */
function membersProjected(st: Statement, members: string, selection: Selection | undefined, out: string): string {
  const node = st.variable('n');
  if (!st.asOf) {
    const nodes = projectNode(st, node, selection, KINDS);
    return compose('read.membersProjected', { node, out }, { members, calls: nodes.calls.join('\n'), item: nodes.item });
  }
  const view = st.variable('v');
  const nodes = renderNode(st, node, planNode(selection, KINDS, st.limits), [], undefined, view);
  return compose('read.membersProjectedAsOf', { node, view, out }, { members, view: viewThen(st, node), calls: nodes.calls.join('\n'), item: nodes.item });
}

export interface PathResult {
  found: boolean;
  nodes: Entity[];
  relationships: GraphRelationship[];
}

/** A shortest path of at most `maxHops` allowed relationships between two different nodes. */
export function pathUnit(fromId: string, toId: string, maxHops: number, excluded: readonly string[], selection: Selection, includeInferred = true, includeRetracted = false, asOf?: GraphAt): Unit<PathResult> {
  return {
    name: asOf ? 'path.asOf' : 'path',
    includeRetracted,
    asOf,
    build(st) {
      const [from, to, path, found] = [st.variable('a'), st.variable('b'), st.variable('p'), st.variable('found')];
      const [nodesOut, relsOut, rel] = [st.variable('nodes'), st.variable('rels'), st.variable('r')];
      const rels = relationshipItem(st, rel, child(selection, 'relationships'));
      const types = typeAlternatives(excluded);
      // With retracted links the path already has a WHERE: the stated check joins it.
      const stated = includeInferred ? '' : st.includeRetracted ? ` AND ${compose('read.pathStated', { rel: st.variable('s'), path }).replace(/^WHERE /, '')}` : ` ${compose('read.pathStated', { rel: st.variable('s'), path })}`;
      const [x, y] = [st.variable('x'), st.variable('y')];
      const find = st.asOf
        ? compose('read.pathAsOf', { from, to, path, found, maxHops, rel: x, node: y }, {
            fromId: st.param(fromId),
            toId: st.param(toId),
            types,
            typeNames: st.param(types.split('|')),
            fromThen: stoodThen(st, undefined, from),
            toThen: stoodThen(st, undefined, to),
            relThen: compose('read.thenRelationship', { rel: x, other: st.variable('s'), last: st.variable('e'), earlier: st.variable('x') }, { seq: st.then.seq, relationships: st.then.relationships }),
            nodeThen: stoodThen(st, undefined, y),
            stated,
          })
        : compose(includeRetracted ? 'read.pathWithRetracted' : 'read.path', { from, to, path, found, maxHops, rel: x }, {
            fromId: st.param(fromId),
            toId: st.param(toId),
            types,
            typeNames: includeRetracted ? st.param(types.split('|')) : '',
            stated,
          });
      const calls = [
        find,
        membersProjected(st, `CASE WHEN ${path} IS NULL THEN [] ELSE nodes(${path}) END`, child(selection, 'nodes'), nodesOut),
        compose('read.relationshipsProjected', { rel, out: relsOut }, { rels: `CASE WHEN ${path} IS NULL THEN [] ELSE relationships(${path}) END`, calls: rels.calls.join('\n'), item: rels.item }),
      ];
      return {
        calls,
        returns: [found, nodesOut, relsOut],
        decode: (row) => ({ found: row[found] as boolean, nodes: toEntities(row[nodesOut] as Rows), relationships: (row[relsOut] as Rows).map(toRelationship) }),
      };
    },
  };
}

/** The most relationships a neighbourhood returns among its nodes (a drawing of more is unreadable anyway). */
export const NEIGHBORHOOD_EDGE_CAP = 1000;

export interface NeighborhoodResult {
  found: boolean;
  nodes: Entity[];
  edges: GraphRelationship[];
  truncated: boolean;
}

/**
 * A node and the nearest others within `depth` hops, at most `limit`, with the relationships among
 * them. Each ring is read with a LIMIT before anything is sorted, so a hub costs what a leaf costs;
 * when a ring is cut, which of its nodes are shown follows the store's order.
 */
export function neighborhoodUnit(id: string, depth: number, limit: number, excluded: readonly string[], selection: Selection, includeInferred = true, includeRetracted = false, asOf?: GraphAt): Unit<NeighborhoodResult> {
  // Asked with includeRetracted (or as of a change set): retracted entities and the retracted links of the allowed types too.
  const retracted = includeRetracted || asOf ? 'WithRetracted' : '';
  return {
    name: asOf ? 'neighborhood.asOf' : 'neighborhood',
    includeRetracted,
    asOf,
    build(st) {
      const types = typeAlternatives(excluded);
      const typeNames = retracted ? st.param(types.split('|')) : '';
      const centre = st.variable('c');
      const calls = [
        st.asOf
          ? compose('read.neighborhoodCentreAsOf', { node: centre }, { id: st.param(id), then: stoodThen(st, undefined, centre) })
          : compose(`read.neighborhoodCentre${retracted}`, { node: centre }, { id: st.param(id) }),
      ];
      const rings: string[] = [];
      for (let hop = 1; hop <= depth; hop++) {
        const next = st.variable('ring');
        const hopRel = st.variable('h');
        const other = st.variable('m');
        // As of a change set, a hop keeps to the links and entities that stood then.
        const then = st.asOf ? ` AND ${stoodThen(st, hopRel, other)}` : '';
        calls.push(
          compose(`read.neighborhoodHop${retracted}`, { from: st.variable('x'), other, next, rel: hopRel }, {
            typeNames,
            stated: (includeInferred ? '' : ` ${compose('read.stated', { rel: hopRel })}`) + then,
            ring: hop === 1 ? `[${centre}]` : rings[hop - 2],
            types,
            seen: `[${centre}]${rings.map((r) => ` + ${r}`).join('')}`,
            limit: st.param(limit + 1),
          }),
        );
        rings.push(next);
      }
      const members = st.variable('members');
      calls.push(
        compose('read.neighborhoodNodes', { all: st.variable('rings'), hop: st.variable('hop'), other: st.variable('m'), members }, {
          rings: `[${rings.join(', ')}]`,
          limit: st.param(limit),
        }),
      );
      const everyone = `[${centre}] + ${members}`;
      const [rel, nodesOut, edgesOut] = [st.variable('r'), st.variable('nodes'), st.variable('edges')];
      const edges = relationshipItem(st, rel, child(selection, 'edges'));
      // A centre that did not stand then has no members (rings from null are empty).
      calls.push(membersProjected(st, st.asOf ? `CASE WHEN ${centre} IS NULL THEN [] ELSE ${everyone} END` : everyone, child(selection, 'nodes'), nodesOut));
      const edgeThen = st.asOf ? ` AND ${compose('read.thenRelationship', { rel, other: st.variable('s'), last: st.variable('e'), earlier: st.variable('x') }, { seq: st.then.seq, relationships: st.then.relationships })}` : '';
      calls.push(
        compose(`read.neighborhoodEdges${retracted}`, { from: st.variable('a'), to: st.variable('b'), rel, out: edgesOut }, {
          members: everyone,
          typeNames: typeNames || st.param(types.split('|')),
          stated: (includeInferred ? '' : ` ${compose('read.stated', { rel })}`) + edgeThen,
          limit: st.param(NEIGHBORHOOD_EDGE_CAP),
          calls: edges.calls.join('\n'),
          item: edges.item,
        }),
      );
      const reach = st.variable('reach');
      return {
        calls,
        returns: [`${centre} IS NOT NULL AS ${reach}_found`, `${rings.map((r) => `size(${r})`).join(' + ')} AS ${reach}`, nodesOut, edgesOut],
        decode: (row) => ({
          found: row[`${reach}_found`] as boolean,
          nodes: toEntities(row[nodesOut] as Rows),
          edges: (row[edgesOut] as Rows).map(toRelationship),
          truncated: (row[reach] as number) > limit,
        }),
      };
    },
  };
}

export interface SearchPageRequest {
  lucene: string;
  /** The user's words, for the highlight. */
  words: string[];
  kinds: Kind[];
  first: number;
  after?: { score: number; id: string };
  /** How many ranked hits the index hands over: the pages and counts cover these. */
  scan: number;
}

/** How search pages are ordered, in their cursors: best score first, then id. */
export const SEARCH_ORDER = 'score:DESC';

export interface SearchEdge {
  cursor: string;
  score: number;
  node: Entity;
  highlight: string | null;
}

export interface SearchPage {
  edges: SearchEdge[];
  pageInfo: PageInfo;
  kinds: Array<{ kind: Kind; count: number }>;
}

/** Where a hit's words show: the first text of the node (name, aliases, description, quote) holding one, words in <em>. */
export function highlight(text: { name?: string; aliases?: string[]; description?: string; quote?: string }, words: string[]): string | null {
  // The words as typed, then their parts ("CAR-T" is indexed as "car" and "t"), longest first.
  const parts = words.flatMap((w) => [w, ...w.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= 3)]);
  const lowered = [...new Set(parts.map((w) => w.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!lowered.length) return null;
  const pattern = new RegExp(lowered.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  for (const field of [text.name, ...(text.aliases ?? []), text.description, text.quote]) {
    if (!field) continue;
    const match = new RegExp(pattern.source, 'i').exec(field);
    if (!match) continue;
    // About 160 characters around the first match.
    const start = Math.max(0, match.index - 60);
    const snippet = `${start > 0 ? '…' : ''}${field.slice(start, start + 160)}${start + 160 < field.length ? '…' : ''}`;
    return snippet.replace(pattern, (m) => `<em>${m}</em>`);
  }
  return null;
}

export function searchPageUnit(request: SearchPageRequest, nodeSelection: Selection | undefined, countKinds: boolean, includeRetracted = false, asOf?: GraphAt): Unit<SearchPage> {
  const retracted = includeRetracted || asOf ? 'WithRetracted' : '';
  return {
    name: asOf ? 'searchPage.asOf' : 'searchPage',
    includeRetracted,
    asOf,
    build(st) {
      const node = st.variable('n');
      const score = st.variable('score');
      const out = st.variable('hits');
      const text = st.param(request.lucene);
      const scan = st.param(request.scan);
      const projection = projectedThen(st, node, nodeSelection, request.kinds.length ? request.kinds : KINDS);
      const where = [request.kinds.length ? kindIn(st, node, request.kinds) : 'true', projection.stood];
      if (request.after) where.push(compose('read.searchAfter', { node, score }, { value: st.param(request.after.score), id: st.param(request.after.id) }));
      const calls = [
        compose(`read.searchPage${retracted}`, { node, score, out, view: projection.view }, {
          text,
          scan,
          where: where.filter((w) => w !== 'true').join(' AND ') || 'true',
          limit: st.param(request.first + 1),
          calls: projection.calls.join('\n'),
          item: projection.item,
        }),
      ];
      const returns = [out];
      const kinds = st.variable('kinds');
      if (countKinds) {
        const counted = st.variable('n');
        const block = st.asOf ? 'read.searchKindsAsOf' : `read.searchKinds${retracted}`;
        calls.push(compose(block, { node: counted, out: kinds }, { text, scan, kind: kindOf(st, counted), ...(st.asOf ? { where: stoodThen(st, undefined, counted) } : {}) }));
        returns.push(kinds);
      }
      return {
        calls,
        returns,
        decode(row) {
          const rows = row[out] as Rows;
          return {
            ...connectionOf(rows, request.first, request.after !== undefined, (r) => {
              const node = toEntity(r.node as Record<string, unknown>)!;
              const score = r.score as number;
              return { cursor: encodeCursor(SEARCH_ORDER, { value: score, id: node.id }), score, node, highlight: highlight(r.text as Parameters<typeof highlight>[0], request.words) };
            }),
            kinds: countKinds ? (row[kinds] as Array<{ kind: Kind; count: number }>) : [],
          };
        },
      };
    },
  };
}
