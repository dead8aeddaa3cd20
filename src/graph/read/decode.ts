/**
 * From the maps a compiled statement returns to the objects the resolvers serve. Relationship
 * fields stay raw on their parent until a resolver asks for them (`relatedOf`), so each value is
 * converted once, by the field that serves it.
 */
import { plainProperties, sourcesOf, type Entity, type GraphRelationship, type SourceEntry } from '../entities.js';
import type { Kind } from '../model.js';
import { encodeCursor } from './cursor.js';
import { connectionOf, type Aggregate, type Facet, type PageInfo } from './connection.js';

type Row = Record<string, unknown>;

/** A projected node (projection.ts) as an Entity; null stays null. */
export function toEntity(row: Row | null | undefined): Entity | null {
  if (!row) return null;
  const references = (row.__refs as Row[] | undefined)?.map((r) => toEntity(r)!);
  let sources: SourceEntry[] | undefined;
  return {
    ...plainProperties(row),
    kind: row.kind as Kind,
    id: row.id as string,
    name: row.name as string,
    // Nodes loaded other than from the seeds (findings, synthetic graphs) are captioned by name.
    caption: (row.caption as string | undefined) ?? (row.name as string),
    aliases: (row.aliases as string[] | undefined) ?? [],
    description: (row.description as string | undefined) ?? null,
    retracted: row.retracted === true,
    // Built when a resolver asks: a drawing's 50 nodes and edges never do (sourcesOf was the read
    // path's costliest function in a CPU profile of the hub neighbourhood at 1M).
    get sources() {
      return (sources ??= sourcesOf(row, references));
    },
    related: (row.__rel as Record<string, unknown> | undefined) ?? {},
  };
}

export const toEntities = (rows: Row[]): Entity[] => rows.map((r) => toEntity(r)!);

/** A relationship's properties as read: those read as of a change set mark what did not stand then with null (patterns.ts relationshipProperties). */
const relationshipProps = (rel: Row): Row => Object.fromEntries(Object.entries(rel).filter(([, value]) => value !== null));

/** A relationship read with its provenance: `{type, from, to, rel: properties, __refs}` (a path's or neighbourhood's without `rel` when no field needs it). */
export function toRelationship(row: Row): GraphRelationship {
  const props = row.rel ? relationshipProps(row.rel as Row) : {};
  const references = (row.__refs as Row[] | undefined)?.map((r) => toEntity(r)!);
  const { from, to, type } = row as { from: string; to: string; type: string };
  let sources: SourceEntry[] | undefined;
  return {
    id: `${from}|${type}|${to}`,
    type,
    from,
    to,
    retracted: props.status === 'RETRACTED',
    properties: plainProperties(props),
    get sources() {
      return (sources ??= sourcesOf(props, references));
    },
  };
}

/** The raw value of a relationship field read with `parent`, by the field's response key. */
export function relatedOf(parent: Entity, responseKey: string): unknown {
  const key = `${parent.kind}.${responseKey}`;
  if (parent.asOf !== undefined) {
    // A node read by id from the log alone (no relationship field was selected): reaching this is a resolver bug.
    throw new Error(`${key} was not read with a node read asOf its own fields only`);
  }
  if (!parent.related || !(key in parent.related)) {
    // Every path that returns nodes compiles their selections; reaching this is a compiler bug.
    throw new Error(`${key} was not read with its parent`);
  }
  return parent.related[key];
}

export interface RelatedEdge {
  cursor: string;
  node: Entity;
  sources: GraphRelationship['sources'];
  properties: Record<string, unknown>;
}

export interface RelatedConnection {
  edges: RelatedEdge[];
  totalCount: number | null;
  aggregate?: Aggregate;
  /** Facet buckets by the response key of each `facets` field. */
  facets?: Record<string, Facet>;
  pageInfo: PageInfo;
}

/** A relationship connection's value (projection.ts: `{edges, first, after, totalCount}`). */
export function toRelatedConnection(value: {
  edges: Row[];
  first: number;
  after: number;
  totalCount: number | null;
  aggregate?: Aggregate;
  facets?: Record<string, Facet>;
}): RelatedConnection {
  const page = connectionOf(value.edges, value.first, value.after === 1, (row) => {
    const node = toEntity(row.node as Row)!;
    const rel = relationshipProps(row.rel as Row);
    const references = (row.__refs as Row[] | undefined)?.map((r) => toEntity(r)!);
    return { cursor: encodeCursor('name', { value: node.name, id: node.id }), node, sources: sourcesOf(rel, references), properties: plainProperties(rel) };
  });
  return { ...page, totalCount: value.totalCount, aggregate: value.aggregate, facets: value.facets };
}

export interface Lag {
  reform: Entity;
  product: Entity;
  lagYears: number;
}

export const toLags = (rows: Row[]): Lag[] =>
  rows.map((r) => ({ reform: toEntity(r.reform as Row)!, product: toEntity(r.product as Row)!, lagYears: r.lagYears as number }));
