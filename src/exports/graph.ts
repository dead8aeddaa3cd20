/**
 * The whole graph as GraphML (Gephi, yEd, Cytoscape) and as an XLSX workbook (one sheet per kind,
 * plus one for relationships). Bounded: a graph with more than MAX_GRAPH_NODES entities or
 * MAX_GRAPH_RELATIONSHIPS relationships is refused; for those, use APOC's apoc.export.* in Neo4j.
 * Streamed a page of entities at a time, so memory does not grow with the graph.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Executor } from '../graph/executor.js';
import { REL_TYPES } from '../graph/model.js';
import { compose } from '../graph/queries.js';
import { ExportError } from './lists.js';
import type { GraphAt } from '../graph/changes/feed.js';

export const MAX_GRAPH_NODES = 100_000;
export const MAX_GRAPH_RELATIONSHIPS = 500_000;
/** Entities read per page, with the relationships that start at them: what a writer holds at once. */
const PAGE = 2_000;

type Props = Record<string, unknown>;

/** Stored for the database's own use (the search index's text, the sort key of partial dates), not facts. */
const INTERNAL_PROPERTIES = new Set(['searchText', 'searchExtra', 'dateStart']);

interface GraphNode { id: string; kind: string; props: Props }
interface GraphRelationship { from: string; type: string; to: string; props: Props }

/** A property's type in both formats: GraphML's attr.type, and how a cell holds it. */
export type ValueType = 'long' | 'double' | 'boolean' | 'string';

/** What is known before any row is written: property keys per kind and of relationships, typed. */
export interface GraphShape {
  nodeKeys: Map<string, Map<string, ValueType>>;
  relationshipKeys: Map<string, ValueType>;
  /** Retracted entities and relationships too, after the live ones (`status: RETRACTED`, `retracted: true`). */
  includeRetracted?: boolean;
  /** The graph as it stood at a past change set (?asOf=12): what changed since (versions.graphSince). */
  asOf?: GraphAt;
}

/** What a retraction adds to a relationship it keeps: not a property the relationship had. */
const RETRACTION_MARKS = new Set(['status', 'type', 'retractedSeq', 'retractedReason', 'changedSeq']);

/** Neo4j's valueType() names ("INTEGER NOT NULL", "LIST<STRING NOT NULL> NOT NULL") as one type for a key. */
function valueTypeOf(types: string[]): ValueType {
  const bare = types.map((t) => t.replace(/ NOT NULL$/, ''));
  if (bare.every((t) => t === 'INTEGER')) return 'long';
  if (bare.every((t) => t === 'INTEGER' || t === 'FLOAT')) return 'double';
  if (bare.every((t) => t === 'BOOLEAN')) return 'boolean';
  return 'string';
}

/** One type for a key that kinds hold differently: integers and floats as double, anything else mixed as string. */
function widest(known: ValueType | undefined, type: ValueType): ValueType {
  if (!known || known === type) return type;
  return (known === 'long' || known === 'double') && (type === 'long' || type === 'double') ? 'double' : 'string';
}

/** `id` and `name` first, then the rest by name. */
const keyOrder = (a: string, b: string) => (a === b ? 0 : a === 'id' ? -1 : b === 'id' ? 1 : a === 'name' ? -1 : b === 'name' ? 1 : a < b ? -1 : 1);

/**
 * Refuses a graph too large to export over HTTP, from the count store before anything is read (at 1M
 * nodes the relationship pages alone would be 3.2M rows), then reads the keys both formats declare
 * first. Both happen before a response starts, so a refusal is still a coded answer.
 */
export async function graphShape(executor: Executor, includeRetracted = false, asOf?: GraphAt): Promise<GraphShape> {
  const [size] = await executor.read<{ nodes: number; relationships: number }>('exports.size');
  if (size.nodes > MAX_GRAPH_NODES || size.relationships > MAX_GRAPH_RELATIONSHIPS) {
    throw new ExportError(
      `The graph has ${size.nodes} entities and ${size.relationships} relationships, more than the ${MAX_GRAPH_NODES} and ${MAX_GRAPH_RELATIONSHIPS} ` +
        'that export over HTTP; export it in Neo4j with apoc.export.graphml.all or neo4j-admin database dump.',
    );
  }
  const nodeKeys = new Map<string, Map<string, ValueType>>();
  const rows = await executor.read<{ kind: string; key: string; types: string[] }>('exports.keys');
  // Retracted entities are written on a sheet (and with keys) of their own: RETRACTED_SHEET. As of a
  // change set, those that stood then are entities of their kind, with the keys of their states then.
  if (includeRetracted) rows.push(...(await executor.read<{ kind: string; key: string; types: string[] }>('exports.retractedKeys')).map((r) => ({ ...r, kind: RETRACTED_SHEET })));
  if (asOf) {
    for (const state of Object.values(asOf.states)) {
      for (const [key, value] of Object.entries(state)) if (key !== 'kind' && value !== null) rows.push({ kind: state.kind as string, key, types: [cypherTypeOf(value)] });
    }
  }
  for (const { kind, key, types } of rows.sort((a, b) => keyOrder(a.key, b.key))) {
    if (INTERNAL_PROPERTIES.has(key)) continue;
    if (!nodeKeys.has(kind)) nodeKeys.set(kind, new Map([['id', 'string']]));
    const known = nodeKeys.get(kind)!;
    known.set(key, widest(known.get(key), valueTypeOf(types)));
  }
  const relText = compose('exports.relationshipKeys', {}, { types: REL_TYPES.join('|') });
  const relRows = await executor.readText<{ key: string; types: string[] }>('exports.relationshipKeys', relText);
  if (includeRetracted || asOf) {
    const retracted = await executor.read<{ key: string; types: string[] }>('exports.retractedRelationshipKeys');
    relRows.push(...retracted.filter((r) => r.key !== 'type' && !(asOf && RETRACTION_MARKS.has(r.key))));
  }
  const relationshipKeys = new Map<string, ValueType>();
  for (const r of relRows.sort((a, b) => keyOrder(a.key, b.key))) relationshipKeys.set(r.key, widest(relationshipKeys.get(r.key), valueTypeOf(r.types)));
  return { nodeKeys, relationshipKeys, includeRetracted, asOf };
}

/** A JSON value of a state from the log, typed as valueType() would type it. */
function cypherTypeOf(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  if (typeof value === 'boolean') return 'BOOLEAN';
  return 'STRING';
}

/** Where retracted entities go (?includeRetracted=true): one sheet of every kind, `kind` a column. */
export const RETRACTED_SHEET = 'Retracted';

/**
 * The entities in id order, a page at a time, each page with the relationships that start at it (when
 * asked); with retracted facts, their retracted relationships too, then the retracted entities' pages.
 */
async function* graphPages(executor: Executor, withRelationships: boolean, includeRetracted = false, asOf?: GraphAt): AsyncGenerator<{ nodes: GraphNode[]; relationships: GraphRelationship[] }> {
  if (asOf) {
    yield* graphPagesAsOf(executor, withRelationships, asOf);
    return;
  }
  const relText = compose('exports.relationshipsFrom', {}, { types: REL_TYPES.join('|') });
  const pages = includeRetracted ? (['Entity', 'Retracted'] as const) : (['Entity'] as const);
  for (const label of pages) {
    const retractedText = compose('exports.retractedRelationshipsFrom', { label });
    for (let after = ''; ; ) {
      const nodes = await executor.read<GraphNode>(label === 'Entity' ? 'exports.nodePage' : 'exports.retractedNodePage', { after, limit: PAGE });
      if (!nodes.length) break;
      for (const { props } of nodes) for (const key of INTERNAL_PROPERTIES) delete props[key];
      const ids = nodes.map((n) => n.id);
      const relationships = !withRelationships
        ? []
        : [
            ...(label === 'Entity' ? await executor.readText<GraphRelationship>('exports.relationshipsFrom', relText, { ids }) : []),
            ...(includeRetracted ? await executor.readText<GraphRelationship>('exports.retractedRelationshipsFrom', retractedText, { ids }) : []),
          ];
      yield { nodes, relationships };
      after = nodes[nodes.length - 1].id;
    }
  }
}

/**
 * The graph as it stood at a past change set, a page at a time in id order: the entities that stood
 * then (live ones not changed since, and those changed since that existed then, live or retracted now,
 * with their states then), and the relationships among them that stood then (live ones not created
 * since, retracted ones retracted since: the rules of relationshipThen (src/graph/read/patterns.ts), applied here to each page).
 */
async function* graphPagesAsOf(executor: Executor, withRelationships: boolean, asOf: GraphAt): AsyncGenerator<{ nodes: GraphNode[]; relationships: GraphRelationship[] }> {
  const changedSince = (props: Props) => Number(props.changedSeq ?? 0) > asOf.seq;
  const stood = (n: GraphNode & { retractedNow: boolean }) => (changedSince(n.props) ? asOf.states[n.id] !== undefined : !n.retractedNow);
  const retracted = (r: GraphRelationship) => r.props.status === 'RETRACTED';
  /** The lives of one key that stood then (at most one): relationshipThen's rule over a page's links of that key. */
  const standing = (lives: GraphRelationship[]): GraphRelationship[] => {
    const key = `${lives[0].from}|${lives[0].type}|${lives[0].to}`;
    const existed = asOf.relationships[key];
    const kept = lives.filter((r) => {
      if (!changedSince(r.props)) return !retracted(r);
      if (existed === undefined) return retracted(r);
      return existed;
    });
    // Of the lives that ended after then (retracted since, or live), the first to end stood.
    const end = (r: GraphRelationship) => (retracted(r) ? Number(r.props.retractedSeq) : Infinity);
    return existed ? kept.sort((a, b) => end(a) - end(b)).slice(0, 1) : kept;
  };
  const relText = compose('exports.relationshipsFrom', {}, { types: REL_TYPES.join('|') });
  for (let after = ''; ; ) {
    // Entities live now and retracted now, merged in id order: a page of each, the first PAGE of both.
    const [live, gone] = await Promise.all([
      executor.read<GraphNode>('exports.nodePage', { after, limit: PAGE }),
      executor.read<GraphNode>('exports.retractedNodePage', { after, limit: PAGE }),
    ]);
    const merged = [...live.map((n) => ({ ...n, retractedNow: false })), ...gone.map((n) => ({ ...n, retractedNow: true }))].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, PAGE);
    if (!merged.length) break;
    after = merged[merged.length - 1].id;
    const nodes: GraphNode[] = merged.filter(stood).map((n) => {
      const state = changedSince(n.props) ? asOf.states[n.id] : undefined;
      return state ? { id: n.id, kind: state.kind as string, props: Object.fromEntries(Object.entries(state).filter(([key]) => key !== 'kind')) } : { id: n.id, kind: n.kind, props: n.props };
    });
    for (const { props } of nodes) for (const key of INTERNAL_PROPERTIES) delete props[key];
    let relationships: GraphRelationship[] = [];
    if (withRelationships) {
      const ids = nodes.map((n) => n.id);
      const found = [
        ...(await executor.readText<GraphRelationship>('exports.relationshipsFrom', relText, { ids })),
        ...(await executor.readText<GraphRelationship>('exports.retractedRelationshipsFrom', compose('exports.retractedRelationshipsFrom', { label: 'Entity' }), { ids })),
        ...(await executor.readText<GraphRelationship>('exports.retractedRelationshipsFrom', compose('exports.retractedRelationshipsFrom', { label: 'Retracted' }), { ids })),
      ];
      // Every life of a key starts at the same entity, so all of them are in this page.
      const byKey = new Map<string, GraphRelationship[]>();
      for (const r of found) {
        const key = `${r.from}|${r.type}|${r.to}`;
        byKey.set(key, [...(byKey.get(key) ?? []), r]);
      }
      relationships = [...byKey.values()]
        .flatMap(standing)
        .map((r) => (retracted(r) ? { ...r, props: Object.fromEntries(Object.entries(r.props).filter(([key]) => !RETRACTION_MARKS.has(key))) } : r))
        .sort((a, b) => (a.from + a.type + a.to < b.from + b.type + b.to ? -1 : 1));
    }
    if (nodes.length) yield { nodes, relationships };
  }
}

/** Writes text to a stream, waiting while the stream's buffer is full: memory stays bounded by a page. */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await drained(out);
}

/**
 * Resolves when `out` has room again; rejects when it closes first (the client went away, or the
 * export ran past its deadline and was cut off), so an export never waits on a reader that is gone.
 */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('the export was cut off'));
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the export was cut off'));
    out.on('drain', onDrain).on('close', onClose);
  });
}

/** A property value as one cell or attribute: lists joined with "; ". */
function flat(value: unknown): string | number | boolean {
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** XML text: the five entities escaped, characters XML 1.0 forbids dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * GraphML 1.0, written here rather than with a library: the format is a dozen lines of XML and the
 * npm GraphML packages either only read it or bring a whole graph model along. Streamed: the keys
 * first (typed from the graph: years and counts are `long`), then the nodes and edges a page at a
 * time. Nodes carry `kind`, `label` (the name, which Gephi shows) and every property; edges `type`
 * and theirs.
 */
export async function writeGraphml(executor: Executor, shape: GraphShape, out: Writable): Promise<void> {
  const nodeKeys = new Map<string, ValueType>([['kind', 'string'], ['label', 'string']]);
  for (const keys of shape.nodeKeys.values()) for (const [key, type] of keys) nodeKeys.set(key, widest(nodeKeys.get(key), type));
  const edgeKeys = new Map<string, ValueType>([['type', 'string'], ...shape.relationshipKeys]);
  const declare = (domain: 'node' | 'edge', keys: Map<string, ValueType>) =>
    [...keys].map(([name, type]) => `  <key id="${xml(`${domain[0]}_${name}`)}" for="${domain}" attr.name="${xml(name)}" attr.type="${type}"/>\n`).join('');
  const data = (domain: 'n' | 'e', keys: Map<string, ValueType>, values: Record<string, unknown>) =>
    Object.entries(values)
      .filter(([name, value]) => value !== null && value !== undefined && keys.has(name))
      .map(([name, value]) => `<data key="${xml(`${domain}_${name}`)}">${xml(String(flat(value)))}</data>`)
      .join('');
  await write(
    out,
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      declare('node', nodeKeys) +
      declare('edge', edgeKeys) +
      '  <graph id="cell-therapy-kg" edgedefault="directed">\n',
  );
  // Nodes first, then edges: some readers want every node declared before an edge names it.
  for await (const { nodes } of graphPages(executor, false, shape.includeRetracted, shape.asOf)) {
    await write(out, nodes.map((n) => `    <node id="${xml(n.id)}">${data('n', nodeKeys, { kind: n.kind, label: n.props.name ?? n.id, ...n.props })}</node>\n`).join(''));
  }
  let edge = 0;
  for await (const { relationships } of graphPages(executor, true, shape.includeRetracted, shape.asOf)) {
    await write(out, relationships.map((r) => `    <edge id="e${edge++}" source="${xml(r.from)}" target="${xml(r.to)}">${data('e', edgeKeys, { type: r.type, ...r.props })}</edge>\n`).join(''));
  }
  await write(out, '  </graph>\n</graphml>\n');
}

/**
 * One sheet per kind (columns: id, name, then every property the kind has) and one for
 * relationships, streamed with exceljs's WorkbookWriter: entities come in id order, whose prefix is
 * the kind, so each kind's sheet is written whole and committed before the next begins.
 */
export async function writeXlsx(executor: Executor, shape: GraphShape, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  workbook.creator = 'cell-therapy-kg';
  const sheet = (name: string, columns: string[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((key) => ({ header: key, key, width: Math.min(60, Math.max(12, key.length + 2)) }));
    return ws;
  };
  const row = (columns: string[], values: Props) => Object.fromEntries(columns.map((c) => [c, values[c] === undefined || values[c] === null ? null : flat(values[c])]));
  let current: { kind: string; ws: ExcelJS.Worksheet; columns: string[] } | undefined;
  const seen = new Map<string, number>();
  for await (const { nodes } of graphPages(executor, false, shape.includeRetracted, shape.asOf)) {
    // exceljs pipes into `out` without waiting for it: wait here, a page at a time.
    await drained(out);
    for (const found of nodes) {
      // Retracted entities (they come last) share one sheet, their kind a column.
      const node = found.props.retracted === true ? { ...found, kind: RETRACTED_SHEET, props: { ...found.props, kind: found.kind } } : found;
      if (current?.kind !== node.kind) {
        current?.ws.commit();
        // A kind met again (an id outside its prefix) continues on a sheet of its own.
        const times = (seen.get(node.kind) ?? 0) + 1;
        seen.set(node.kind, times);
        const columns = [...(shape.nodeKeys.get(node.kind)?.keys() ?? ['id'])];
        current = { kind: node.kind, ws: sheet(times === 1 ? node.kind : `${node.kind} (${times})`, columns), columns };
      }
      current.ws.addRow(row(current.columns, node.props)).commit();
    }
  }
  current?.ws.commit();
  const relColumns = ['from', 'type', 'to', ...[...shape.relationshipKeys.keys()].filter((k) => k !== 'id' && k !== 'name')];
  const rels = sheet('Relationships', relColumns);
  for await (const { relationships } of graphPages(executor, true, shape.includeRetracted, shape.asOf)) {
    await drained(out);
    for (const r of relationships) rels.addRow(row(relColumns, { from: r.from, type: r.type, to: r.to, ...r.props })).commit();
  }
  rels.commit();
  await workbook.commit();
}
