/**
 * The agent door's tools: one per curated question, each a fixed GraphQL operation of this API
 * (never GraphQL text or Cypher from the caller), so a tool call goes through the same validation,
 * cost limit, read path and load shedding as the operation sent over HTTP. Every answer is a list of
 * facts an assistant can cite: each with its quote, section, document, sentence and reference numbers.
 */
import { z } from 'zod';
import { CLAIM_TYPES } from '../graph/seeds/schema.js';
import { metricTerms } from '../graph/seeds/vocabulary.js';
import { KINDS } from '../graph/model.js';

const SOURCES = 'sources { section quote document sentence referenceNumber inferred dataSource }';
const ENTITY = `id kind name description ${SOURCES}`;
const PAGE = 'totalCount pageInfo { endCursor hasNextPage }';

type Data = Record<string, any>;
interface Source {
  section: string;
  quote: string;
  document: string | null;
  sentence: number | null;
  referenceNumber: number | null;
  inferred: string | null;
  dataSource: string | null;
}

/** One citable fact: an entity (or a relationship) with what the answer says of it and where the source says so. */
export interface Fact {
  id: string;
  kind: string;
  name: string;
  /** What the tool adds about it (a year, a value and unit, a lag, a sponsor). */
  detail: Record<string, unknown>;
  quote: string;
  section: string;
  document: string | null;
  sentence: number | null;
  /** The article's reference numbers it cites (empty for an uncited statement). */
  references: number[];
  /** Why the fact is inferred, when the source does not state it in so many words. */
  inferred: string | null;
  /** The data source the article names for a figure (e.g. "Insight database"), apart from its references. */
  dataSource: string | null;
}

export function factOf(node: Data, detail: Record<string, unknown> = {}): Fact {
  const sources = (node.sources ?? []) as Source[];
  const first = sources[0];
  return {
    id: node.id ?? `${node.from}|${node.type}|${node.to}`,
    kind: node.kind ?? node.type,
    name: node.name ?? `${node.from} ${node.type} ${node.to}`,
    detail: Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== null && v !== undefined)),
    quote: first?.quote ?? '',
    section: first?.section ?? '',
    document: first?.document ?? null,
    sentence: first?.sentence ?? null,
    references: sources.flatMap((s) => (s.referenceNumber === null ? [] : [s.referenceNumber])),
    inferred: first?.inferred ?? null,
    dataSource: first?.dataSource ?? null,
  };
}

export interface ToolSpec {
  name: string;
  title: string;
  description: string;
  input: z.ZodRawShape;
  query: string;
  /** The operation to run, when the document holds several. */
  operationName?: string;
  /** Cheaper documents to try, in order, when the query passes the depth or cost limit (the example tools). */
  fallbacks?: string[];
  variables: (args: Record<string, any>) => Record<string, unknown>;
  facts: (data: Data) => Fact[];
  /** The next page's cursor, when the list goes on. */
  next?: (data: Data) => string | null;
  total?: (data: Data) => number;
}

const first = z.number().int().min(1).max(50).optional().describe('How many facts: default 20, at most 50.');
const after = z.string().max(500).optional().describe('The next page: the `nextCursor` of the previous answer.');
const id = (what: string) => z.string().min(3).max(200).describe(what);

const products = (filter: 'target' | 'sponsor'): ToolSpec => ({
  name: `products_of_${filter}`,
  title: `Products of a ${filter}`,
  description: `The cell therapy products approved in China ${filter === 'target' ? 'aimed at an antigen target (e.g. "target:bcma", "target:cd19")' : 'held by a sponsor (e.g. "sponsor:nanjing-legend-biotechnology")'}, with year, sponsors and targets, each cited.`,
  input: { [filter]: id(filter === 'target' ? 'The target id, e.g. "target:bcma" (search finds ids).' : 'The sponsor id (search finds ids).'), first, after },
  query: `query($id: ID!, $first: Int, $after: String) { products(filter: {${filter}: $id}, first: $first, after: $after) { ${PAGE} edges { node { ${ENTITY} year date sponsors { id name } targets { id name } } } } }`,
  variables: (a) => ({ id: a[filter], first: a.first ?? 20, after: a.after }),
  facts: (d) => d.products.edges.map((e: Data) => factOf(e.node, { year: e.node.year, date: e.node.date, sponsors: e.node.sponsors.map((s: Data) => s.name), targets: e.node.targets.map((t: Data) => t.name) })),
  next: (d) => (d.products.pageInfo.hasNextPage ? d.products.pageInfo.endCursor : null),
  total: (d) => d.products.totalCount,
});

/** A data version to answer as of: the graph as it stood when that change set committed. */
const asOf = z.number().int().min(0).optional().describe('As it stood at this data version (a seq: each answer\'s dataVersion.seq), for citing what the graph said on a given day.');

export function toolSpecs(): ToolSpec[] {
  const kinds = KINDS.map((k) => k.toUpperCase()) as [string, ...string[]];
  const metrics = metricTerms().map((m) => m.name) as [string, ...string[]];
  return [
    {
      name: 'search',
      title: 'Search the knowledge graph',
      description: 'Full-text search over names, aliases (with the article\'s own spellings) and descriptions, best first. Use it to find the ids the other tools take.',
      input: { text: z.string().min(1).max(200).describe('Words to find, e.g. "BCMA" or "implicit approval".'), kinds: z.array(z.enum(kinds)).max(10).optional().describe('Only these kinds of entity.'), first, asOf },
      query: `query($text: String!, $kinds: [EntityKind!], $first: Int, $asOf: Int) { search(text: $text, kinds: $kinds, first: $first, asOf: $asOf) { score node { ${ENTITY} } } }`,
      variables: (a) => ({ text: a.text, kinds: a.kinds, first: a.first ?? 10, asOf: a.asOf }),
      facts: (d) => d.search.map((h: Data) => factOf(h.node, { score: Math.round(h.score * 100) / 100 })),
    },
    {
      name: 'get_entity',
      title: 'One entity by id',
      description: 'An entity (agency, guideline, reform, pathway, event, product, target, sponsor, classification, statistic, claim, reference) with its description and its source.',
      input: {
        id: id('Its id, e.g. "product:ciltacabtagene-autoleucel" or "agency:nmpa".'),
        asOf,
      },
      query: `query($id: ID!, $asOf: Int) { node(id: $id, asOf: $asOf) { ${ENTITY} aliases } }`,
      variables: (a) => ({ id: a.id, asOf: a.asOf }),
      facts: (d) => (d.node ? [factOf(d.node, { aliases: d.node.aliases, description: d.node.description })] : []),
    },
    products('target'),
    products('sponsor'),
    {
      name: 'reforms_before_approval',
      title: 'Reforms that preceded an approval',
      description: 'The regulatory reforms that took effect in a year before a product\'s approval in China, oldest first, with the lag in years.',
      input: { product: id('The product id, e.g. "product:axicabtagene-ciloleucel".') },
      query: `query($id: ID!) { reformsPreceding(productId: $id, first: 50) { lagYears product { id name year } reform { ${ENTITY} date } } }`,
      variables: (a) => ({ id: a.product }),
      facts: (d) => d.reformsPreceding.map((l: Data) => factOf(l.reform, { date: l.reform.date, lagYears: l.lagYears, beforeApprovalOf: `${l.product.name} (${l.product.year})` })),
    },
    {
      name: 'agency_issued',
      title: 'What an agency issued and enacted',
      description: 'The guidelines an agency issued and the reforms it enacted, each cited.',
      input: { agency: id('The agency id, e.g. "agency:nmpa" or "agency:cde".') },
      query: `query($id: ID!) { node(id: $id) { ... on Agency { id name issuedGuidelines(first: 50) { ${ENTITY} date } enactedReforms(first: 50) { ${ENTITY} date } } } }`,
      variables: (a) => ({ id: a.agency }),
      facts: (d) => (d.node?.issuedGuidelines ? [...d.node.issuedGuidelines.map((g: Data) => factOf(g, { date: g.date, issuedBy: d.node.name })), ...d.node.enactedReforms.map((r: Data) => factOf(r, { date: r.date, enactedBy: d.node.name }))] : []),
    },
    {
      name: 'statistics_of_metric',
      title: 'Figures of a metric',
      description: 'The figures the article states for one metric (IND applications, clinical trials, review days, market size …), with value, unit and date or period, each cited.',
      input: { metric: z.enum(metrics).describe('The metric (the vocabulary of seeds/vocabulary/metrics.json).'), first, after },
      query: `query($metric: String!, $first: Int, $after: String) { statistics(filter: {metric: $metric}, first: $first, after: $after) { ${PAGE} edges { node { ${ENTITY} value unit date periodStart periodEnd forecast } } } }`,
      variables: (a) => ({ metric: a.metric, first: a.first ?? 20, after: a.after }),
      facts: (d) => d.statistics.edges.map((e: Data) => factOf(e.node, { value: e.node.value, unit: e.node.unit, date: e.node.date, period: e.node.periodStart ? `${e.node.periodStart}-${e.node.periodEnd}` : null, forecast: e.node.forecast || null })),
      next: (d) => (d.statistics.pageInfo.hasNextPage ? d.statistics.pageInfo.endCursor : null),
      total: (d) => d.statistics.totalCount,
    },
    {
      name: 'claims_of_type',
      title: 'What the article says, by type',
      description: 'The article\'s statements in words of one type: challenges, recommendations (remedies), promoting factors, absences, aims, effects …',
      input: { type: z.enum(CLAIM_TYPES as unknown as [string, ...string[]]).describe('The claim type.'), first, after },
      query: `query($type: String!, $first: Int, $after: String) { claims(filter: {claimType: $type}, first: $first, after: $after) { ${PAGE} edges { node { ${ENTITY} } } } }`,
      variables: (a) => ({ type: a.type, first: a.first ?? 20, after: a.after }),
      facts: (d) => d.claims.edges.map((e: Data) => factOf(e.node)),
      next: (d) => (d.claims.pageInfo.hasNextPage ? d.claims.pageInfo.endCursor : null),
      total: (d) => d.claims.totalCount,
    },
    {
      name: 'path_between',
      title: 'How two entities are connected',
      description: 'The shortest path between two entities (e.g. an incident and a product), each step a cited relationship.',
      input: { from: id('The start id.'), to: id('The end id.'), maxHops: z.number().int().min(1).max(6).optional().describe('At most this many steps: default 4.'), asOf },
      query: `query($from: ID!, $to: ID!, $maxHops: Int, $asOf: Int) { path(fromId: $from, toId: $to, maxHops: $maxHops, asOf: $asOf) { length nodes { id kind name } relationships { type from to ${SOURCES} } } }`,
      variables: (a) => ({ from: a.from, to: a.to, maxHops: a.maxHops ?? 4, asOf: a.asOf }),
      facts: (d) => {
        if (!d.path) return [];
        const names = new Map<string, string>(d.path.nodes.map((n: Data) => [n.id, n.name]));
        return d.path.relationships.map((r: Data, i: number) => ({ ...factOf(r, { step: i + 1 }), name: `${names.get(r.from)} ${r.type} ${names.get(r.to)}` }));
      },
    },
  ];
}

/** The facts as text, each with its reference numbers beside it: what an assistant quotes from. */
export function renderFacts(facts: Fact[]): string {
  if (!facts.length) return 'Nothing found.';
  return facts
    .map((f, i) => {
      const detail = Object.entries(f.detail)
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join('; ');
      const refs = f.references.length ? ` [${f.references.join(', ')}]` : ' [uncited]';
      const where = f.sentence !== null ? ` (${f.section}, sentence ${f.sentence})` : f.section ? ` (${f.section})` : '';
      const data = f.dataSource ? ` (data: ${f.dataSource})` : '';
      // An entity an example answer lists without its source (the operation with sources was over the cost limit).
      if (!f.quote && !f.section) return `${i + 1}. ${f.name} (${f.id})${detail ? ` — ${detail}` : ''} [source: get_entity("${f.id}")]`;
      return `${i + 1}. ${f.name} (${f.id})${detail ? ` — ${detail}` : ''}: "${f.quote}"${refs}${data}${where}${f.inferred ? ` — inferred: ${f.inferred}` : ''}`;
    })
    .join('\n');
}
