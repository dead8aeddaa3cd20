/**
 * A deterministic synthetic knowledge graph with the project's own labels, relationship types and
 * provenance properties, for the scale benchmark. Shaped like a registry that grew: products are
 * most of it, and a few targets, agencies and sponsors are hubs of very high degree.
 *
 * Same `nodes`, same graph: every value is computed from the node's index (no randomness), so two
 * runs and two machines measure the same data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Executor } from '../src/graph/executor.js';
import { PROJECT_ROOT } from '../src/paths.js';
import type { Kind, RelType } from '../src/graph/model.js';
import { parseNamedBlocks } from '../src/graph/queries.js';
import type { SeedSet } from '../src/graph/seeds/read.js';

export const SYNTHETIC_VERSION = 2;
const BLOCKS = new Map(parseNamedBlocks('synthetic.cypher', readFileSync(join(PROJECT_ROOT, 'bench', 'synthetic.cypher'), 'utf8')));
const cypher = (name: string, identifiers: Record<string, string> = {}) =>
  BLOCKS.get(name)!.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!/^[A-Z_]+$/i.test(identifiers[key] ?? '')) throw new Error(`bad identifier ${identifiers[key]}`);
    return identifiers[key];
  });

/** Share of the nodes per kind (the rest are products). */
const SHARES: Array<[Kind, number]> = [
  ['Statistic', 0.2],
  ['Sponsor', 0.1],
  ['Reference', 0.08],
  ['Event', 0.08],
  ['Guideline', 0.05],
  ['Reform', 0.05],
  ['Pathway', 0.01],
  ['Classification', 0.005],
  ['Target', 0.002],
  ['Agency', 0.001],
  ['Department', 0.001],
];

const PREFIX: Record<Kind, string> = {
  Agency: 'agency', Department: 'department', Track: 'track', Guideline: 'guideline', Reform: 'reform', Pathway: 'pathway', Event: 'event',
  Product: 'product', Target: 'target', Sponsor: 'sponsor', Classification: 'classification', Statistic: 'stat', Claim: 'claim', Reference: 'ref', Finding: 'finding',
};

const SYLLABLES = ['axi', 'brexu', 'cilta', 'ide', 'relma', 'zevor', 'eque', 'tisa', 'lisa', 'obe', 'varne', 'inati', 'cara', 'melo', 'pura', 'sori'];
const SECTIONS = ['Introduction', 'Table 1', 'Industry: current status', 'Framework: accelerating approval'];

export interface SyntheticGraph {
  counts: Record<Kind, number>;
  /** The ids the benchmark asks about: the largest hubs. */
  hubs: { target: string; agency: string; sponsor: string };
}

/** Node counts per kind for a graph of about `total` nodes. */
export function plan(total: number): SyntheticGraph {
  const counts = { Track: 2, Finding: 0 } as Record<Kind, number>;
  let rest = total - 2;
  for (const [kind, share] of SHARES) {
    counts[kind] = Math.max(kind === 'Target' || kind === 'Agency' ? 5 : 3, Math.round(total * share));
    rest -= counts[kind];
  }
  counts.Product = rest;
  return { counts, hubs: { target: 'target:t0', agency: 'agency:a0', sponsor: 'sponsor:s0' } };
}

/** Ids in the project's scheme; references are numbered from 1, as the loader requires (ref:<number>). */
const id = (kind: Kind, i: number) => (kind === 'Reference' ? `ref:${i + 1}` : `${PREFIX[kind]}:${PREFIX[kind][0]}${i}`);
/** A spread of i over n that is fixed for the graph (Knuth's multiplicative hash). */
const spread = (i: number, n: number) => Number((BigInt(i) * 2654435761n) % 4294967296n) % n;

/** Provenance as every seeded node and relationship has it. */
function source(i: number, references: number): Record<string, unknown> {
  return { sourceSection: SECTIONS[i % SECTIONS.length], sourceQuote: `synthetic statement ${i}`, sourceRefs: [1 + spread(i, references)] };
}

function name(kind: Kind, i: number): string {
  const a = SYLLABLES[spread(i, SYLLABLES.length)];
  const b = SYLLABLES[spread(i + 7, SYLLABLES.length)];
  if (kind === 'Product') return `${a[0].toUpperCase()}${a.slice(1)}${b}cabtagene autoleucel ${i}`;
  return `${kind} ${a}${b} ${i}`;
}

/** The properties of node i of a kind, with the fields its GraphQL type declares non-null. */
export function nodeProps(kind: Kind, i: number, g: SyntheticGraph): Record<string, unknown> {
  const n = name(kind, i);
  const year = 2010 + spread(i, 20);
  const props: Record<string, unknown> = { id: id(kind, i), name: n, aliases: [`${kind.slice(0, 3)}-${i}`], description: `A synthetic ${kind.toLowerCase()} for the scale benchmark.` };
  props.searchText = [n, ...(props.aliases as string[]), props.description].join(' | ').toLowerCase();
  Object.assign(props, source(i, g.counts.Reference));
  const dated = { date: String(year), dateStart: `${year}-01-01`, year };
  switch (kind) {
    case 'Product': return { ...props, ...dated, modality: 'CAR-T' };
    case 'Agency': return { ...props, acronym: `A${i}`, status: i % 5 === 4 ? 'former' : 'current' };
    case 'Guideline': return { ...props, ...dated, instrument: 'guideline' };
    case 'Reform': return { ...props, ...dated };
    case 'Event': return { ...props, ...dated, eventType: ['incident', 'approval abroad', 'funding'][i % 3] };
    case 'Pathway': return { ...props, pathwayType: 'accelerated approval' };
    case 'Classification': return { ...props, scheme: 'synthetic' };
    case 'Reference': return { ...props, number: i + 1, authors: `Author ${i}`, year, journal: 'Synth J', volumePages: `${i}(1):1-2` };
    case 'Statistic': return { ...props, metric: ['clinical_trials', 'ind_applications', 'market_size'][i % 3], value: spread(i, 10_000), unit: 'count', forecast: false, year };
    default: return props;
  }
}

interface Rel {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/**
 * The relationships of the graph, type by type. Products: one target (10 % of them the hub
 * target t0), one sponsor (5 % the hub s0), one approving agency (10 % the hub a0), one
 * classification. Guidelines and reforms hang off agencies, events off products, statistics off
 * pathways and each other; every node cites its reference.
 */
export function* relationships(g: SyntheticGraph): Generator<[RelType, Rel]> {
  const c = g.counts;
  const hubbed = (i: number, share: number, n: number) => (spread(i, 1000) < share * 1000 ? 0 : 1 + spread(i + 13, Math.max(1, n - 1)));
  const rel = (from: string, to: string, i: number) => ({ from, to, props: source(i, c.Reference) });
  for (let i = 0; i < c.Product; i++) {
    const p = id('Product', i);
    yield ['TARGETS', rel(p, id('Target', hubbed(i, 0.1, c.Target)), i)];
    yield ['SPONSORED_BY', rel(p, id('Sponsor', hubbed(i + 1, 0.05, c.Sponsor)), i)];
    yield ['APPROVED_BY', rel(p, id('Agency', hubbed(i + 2, 0.1, c.Agency)), i)];
    yield ['CLASSIFIED_AS', rel(p, id('Classification', spread(i, c.Classification)), i)];
  }
  for (let i = 0; i < c.Guideline; i++) yield ['ISSUED', rel(id('Agency', spread(i, c.Agency)), id('Guideline', i), i)];
  for (let i = 0; i < c.Reform; i++) {
    yield ['ENACTED', rel(id('Agency', spread(i, c.Agency)), id('Reform', i), i)];
    yield ['INTRODUCED', rel(id('Reform', i), id('Pathway', spread(i, c.Pathway)), i)];
  }
  for (let i = 0; i < c.Event; i++) yield ['INVOLVES', rel(id('Event', i), id('Product', spread(i, c.Product)), i)];
  for (let i = 0; i < c.Department; i++) yield ['DEPARTMENT_OF', rel(id('Department', i), id('Agency', spread(i, c.Agency)), i)];
  yield ['GOVERNS', rel(id('Agency', 0), id('Track', 0), 0)];
  yield ['GOVERNS', rel(id('Agency', 1), id('Track', 1), 1)];
  for (let i = 0; i < c.Statistic; i++) {
    yield ['ABOUT', rel(id('Statistic', i), id('Pathway', spread(i, c.Pathway)), i)];
    if (i % 4 !== 0) yield ['BREAKDOWN_OF', { ...rel(id('Statistic', i), id('Statistic', i - (i % 4)), i), props: { ...source(i, c.Reference), dimension: 'phase' } }];
  }
  // Derived citations, as the loader keeps them: one CITES per node to the reference its provenance names.
  for (const [kind, count] of Object.entries(c) as Array<[Kind, number]>) {
    for (let i = 0; i < count; i++) yield ['CITES', rel(id(kind, i), id('Reference', (source(i, c.Reference).sourceRefs as number[])[0] - 1), i)];
  }
}

const BATCH = 10_000;

async function write(executor: Executor, name: string, text: string, rows: unknown[]): Promise<void> {
  await executor.transaction('WRITE', name, (tx) => tx.run(text, { rows }), { timeoutMs: 600_000 });
}

/** Writes the graph into an empty database in UNWIND batches; returns the number of relationships. */
export async function build(executor: Executor, g: SyntheticGraph, log: (line: string) => void): Promise<number> {
  for (const [kind, count] of Object.entries(g.counts) as Array<[Kind, number]>) {
    const text = cypher('synthetic.createNodes', { label: kind });
    for (let start = 0; start < count; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) rows.push(nodeProps(kind, i, g));
      await write(executor, 'synthetic.createNodes', text, rows);
    }
    if (count) log(`  ${count} ${kind}`);
  }
  let total = 0;
  const pending = new Map<RelType, Rel[]>();
  const flush = async (type: RelType) => {
    const rows = pending.get(type) ?? [];
    if (rows.length) await write(executor, 'synthetic.createRelationships', cypher('synthetic.createRelationships', { type }), rows);
    total += rows.length;
    pending.set(type, []);
  };
  for (const [type, r] of relationships(g)) {
    const rows = pending.get(type) ?? [];
    rows.push(r);
    pending.set(type, rows);
    if (rows.length >= BATCH) await flush(type);
  }
  for (const type of pending.keys()) await flush(type);
  return total;
}

/** A slice of the same graph in the seeds format, for timing the project's own importer. */
export function seedSet(records: number): SeedSet {
  const g = plan(records);
  const set: SeedSet = { entities: [], relationships: [] };
  const asRecord = (props: Record<string, unknown>) => {
    const { sourceSection, sourceQuote, sourceRefs, searchText: _s, dateStart: _d, year, ...fields } = props;
    const src = { section: sourceSection, quote: sourceQuote, refs: sourceRefs };
    return { ...fields, ...(fields.date || !year ? {} : { year }), source: src } as never;
  };
  for (const kind of ['Reference', 'Target', 'Sponsor', 'Agency', 'Product'] as Kind[]) {
    const count = kind === 'Product' ? records - g.counts.Target - g.counts.Sponsor - g.counts.Agency - g.counts.Reference : g.counts[kind];
    for (let i = 0; i < count; i++) set.entities.push({ file: 'synthetic', kind: kind as never, record: asRecord(nodeProps(kind, i, g)) });
  }
  const products = set.entities.filter((e) => e.kind === 'Product').length;
  for (const [type, r] of relationships({ ...g, counts: { ...g.counts, Product: products, Guideline: 0, Reform: 0, Event: 0, Department: 0, Statistic: 0, Track: 0 } })) {
    if (type === 'CITES' || type === 'GOVERNS' || type === 'CLASSIFIED_AS') continue;
    const { sourceSection, sourceQuote, sourceRefs } = r.props;
    set.relationships.push({ file: 'synthetic', record: { type, from: r.from, to: r.to, source: { section: sourceSection, quote: sourceQuote, refs: sourceRefs } } as never });
  }
  return set;
}

export const syntheticCypher = cypher;
