/**
 * The whole graph as GraphML (Gephi, yEd, Cytoscape) and as an XLSX workbook (one sheet per kind,
 * plus one for relationships). Bounded: a graph with more than MAX_GRAPH_NODES entities or
 * MAX_GRAPH_RELATIONSHIPS relationships is refused; for those, use APOC's apoc.export.* in Neo4j.
 */
import ExcelJS from 'exceljs';
import type { Executor } from '../graph/executor.js';
import { REL_TYPES } from '../graph/model.js';
import { compose } from '../graph/queries.js';
import { ExportError } from './lists.js';

export const MAX_GRAPH_NODES = 100_000;
export const MAX_GRAPH_RELATIONSHIPS = 500_000;

type Props = Record<string, unknown>;

/** Stored for the database's own use (the search index's text, the sort key of partial dates), not facts. */
const INTERNAL_PROPERTIES = new Set(['searchText', 'searchExtra', 'dateStart']);
export interface GraphDump {
  nodes: Array<{ id: string; kind: string; props: Props }>;
  relationships: Array<{ from: string; type: string; to: string; props: Props }>;
}

export async function readGraph(executor: Executor): Promise<GraphDump> {
  // Refused from the count store before anything is read: at 1M nodes the relationship sort alone
  // would hold 3.2M rows.
  const [size] = await executor.read<{ nodes: number; relationships: number }>('exports.size');
  if (size.nodes > MAX_GRAPH_NODES || size.relationships > MAX_GRAPH_RELATIONSHIPS) {
    throw new ExportError(
      `The graph has ${size.nodes} entities and ${size.relationships} relationships, more than the ${MAX_GRAPH_NODES} and ${MAX_GRAPH_RELATIONSHIPS} ` +
        'that export over HTTP; export it in Neo4j with apoc.export.graphml.all or neo4j-admin database dump.',
    );
  }
  const nodes = await executor.read<GraphDump['nodes'][number]>('exports.nodes', { limit: MAX_GRAPH_NODES });
  const text = compose('exports.relationships', {}, { types: REL_TYPES.join('|') });
  const relationships = await executor.readText<GraphDump['relationships'][number]>('exports.relationships', text, { limit: MAX_GRAPH_RELATIONSHIPS });
  for (const { props } of nodes) for (const key of INTERNAL_PROPERTIES) delete props[key];
  return { nodes, relationships };
}

/** A property value as one cell or attribute: lists joined with "; ". */
function flat(value: unknown): string | number | boolean {
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** The properties' keys, in first-seen order, with `id` and `name` first. */
function keysOf(rows: Array<{ props: Props }>): string[] {
  const keys = new Set<string>(['id', 'name']);
  for (const { props } of rows) for (const key of Object.keys(props)) keys.add(key);
  return [...keys];
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

/** GraphML type of a key: double or boolean when every value is one, else string. */
function graphmlType(values: unknown[]): 'double' | 'boolean' | 'string' {
  if (values.every((v) => typeof v === 'number')) return 'double';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

/**
 * GraphML 1.0, written here rather than with a library: the format is a dozen lines of XML and the
 * npm GraphML packages either only read it or bring a whole graph model along.
 * Nodes carry `kind`, `label` (the name, which Gephi shows) and every property; edges `type` and theirs.
 */
export function toGraphml({ nodes, relationships }: GraphDump): string {
  const keyLines: string[] = [];
  const declare = (domain: 'node' | 'edge', rows: Array<{ props: Props }>, extra: Record<string, unknown[]>) => {
    const ids = new Map<string, string>();
    const names = [...Object.keys(extra), ...keysOf(rows).filter((k) => rows.some((r) => k in r.props))];
    for (const name of new Set(names)) {
      const id = `${domain[0]}_${name}`;
      ids.set(name, id);
      const values = extra[name] ?? rows.map((r) => r.props[name]).filter((v) => v !== undefined && !Array.isArray(v));
      const type = rows.some((r) => Array.isArray(r.props[name])) ? 'string' : graphmlType(values);
      keyLines.push(`  <key id="${xml(id)}" for="${domain}" attr.name="${xml(name)}" attr.type="${type}"/>`);
    }
    return ids;
  };
  const nodeKeys = declare('node', nodes, { kind: nodes.map((n) => n.kind), label: nodes.map((n) => String(n.props.name ?? n.id)) });
  const edgeKeys = declare('edge', relationships, { type: relationships.map((r) => r.type) });
  const data = (keys: Map<string, string>, values: Record<string, unknown>) =>
    Object.entries(values)
      .filter(([name, value]) => value !== null && value !== undefined && keys.has(name))
      .map(([name, value]) => `<data key="${xml(keys.get(name)!)}">${xml(String(flat(value)))}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines,
    '  <graph id="cell-therapy-kg" edgedefault="directed">',
    ...nodes.map((n) => `    <node id="${xml(n.id)}">${data(nodeKeys, { kind: n.kind, label: n.props.name ?? n.id, ...n.props })}</node>`),
    ...relationships.map((r, i) => `    <edge id="e${i}" source="${xml(r.from)}" target="${xml(r.to)}">${data(edgeKeys, { type: r.type, ...r.props })}</edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

/** One sheet per kind (columns: id, name, then every property the kind has) and one for relationships. */
export async function toXlsx({ nodes, relationships }: GraphDump): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cell-therapy-kg';
  const sheet = (name: string, columns: string[], rows: Array<Record<string, unknown>>) => {
    const ws = workbook.addWorksheet(name);
    ws.columns = columns.map((key) => ({ header: key, key, width: Math.min(60, Math.max(12, key.length + 2)) }));
    for (const row of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c, row[c] === undefined || row[c] === null ? null : flat(row[c])])));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const kinds = [...new Set(nodes.map((n) => n.kind))].sort();
  for (const kind of kinds) {
    const ofKind = nodes.filter((n) => n.kind === kind);
    sheet(kind, keysOf(ofKind), ofKind.map((n) => n.props));
  }
  const relKeys = ['from', 'type', 'to', ...keysOf(relationships).filter((k) => k !== 'id' && k !== 'name')];
  sheet('Relationships', relKeys, relationships.map((r) => ({ from: r.from, type: r.type, to: r.to, ...r.props })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
