/**
 * Answers as people read them in docs/examples.md: a Markdown table per answer (one row per item,
 * nested objects shown by their names) and a Mermaid timeline of the reform timeline.
 */

/** Longest cell shown; the full answer is in the folded JSON below each table. */
const MAX_CELL = 120;

/** A value as one short cell: an entity by its name (and date), a list as "a; b", an object by its parts. */
function summarise(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(summarise).filter(Boolean).join('; ');
  if (typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  const label = o.name ?? o.title ?? o.acronym ?? o.number;
  if (label !== undefined) return o.date ? `${String(label)} (${String(o.date)})` : String(label);
  // No name of its own (a lag, a source, a breakdown): its plain values by key, its entities by name.
  return Object.entries(o)
    .filter(([key, v]) => key !== 'id' && key !== '__typename' && v !== null && v !== undefined)
    .map(([key, v]) => (typeof v === 'object' ? summarise(v) : `${key} ${String(v)}`))
    .filter(Boolean)
    .join(', ');
}

function cell(value: unknown): string {
  const text = summarise(value).replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** The items an answer lists: a connection's nodes, a list, or the one object it returns. */
function itemsOf(data: Record<string, unknown>): Array<Record<string, unknown>> {
  const root = Object.values(data)[0];
  if (root === null || root === undefined) return [];
  if (Array.isArray(root)) return root as Array<Record<string, unknown>>;
  const o = root as Record<string, unknown>;
  if (Array.isArray(o.edges)) return (o.edges as Array<{ node: Record<string, unknown> }>).map((e) => e.node);
  // A subgraph (path, neighbourhood): its nodes are what a reader scans.
  if (Array.isArray(o.nodes)) return o.nodes as Array<Record<string, unknown>>;
  return [o];
}

/** A Markdown table of the answer's items; columns in selection order; ids left to the JSON. */
export function answerTable(answer: unknown): string {
  const data = (answer as { data?: Record<string, unknown> })?.data;
  if (!data) return '';
  const items = itemsOf(data).filter((item) => item && typeof item === 'object');
  if (!items.length) return '_No items._';
  // Ids are for machines (and in the JSON); a column with nothing to show is left out.
  const columns = [...new Set(items.flatMap((item) => Object.keys(item)))].filter((c) => c !== 'id' && items.some((item) => cell(item[c]) !== ''));
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...items.map((item) => `| ${columns.map((c) => cell(item[c])).join(' | ')} |`)].join('\n');
}

/** Mermaid's timeline syntax gives ":" and "#" meanings of their own. */
const mermaidText = (text: string) => text.replace(/[:#;]/g, ' -').replace(/\s+/g, ' ').trim();

/** A Mermaid timeline, one section per year, from the timeline's items (their titles name their kind). */
export function mermaidTimeline(items: Array<{ date: string; title: string }>, title: string): string {
  const years = new Map<string, string[]>();
  for (const item of items) {
    const year = item.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), mermaidText(item.title)]);
  }
  return ['```mermaid', 'timeline', `    title ${mermaidText(title)}`, ...[...years].map(([year, entries]) => `    ${year} : ${entries.join(' : ')}`), '```'].join('\n');
}
