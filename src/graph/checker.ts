/**
 * The consistency checker. It recomputes what the article's figures let one derive and compares
 * it with what the article states. Nothing here knows which figures disagree: the rules read the
 * statistics and their links (BREAKDOWN_OF, NUMERATOR/DENOMINATOR, GROWTH_FROM/GROWTH_TO, countsKind)
 * and every disagreement beyond the tolerance becomes a Finding attached to the statistics involved.
 *
 * Tolerances: a stated percentage is taken to be rounded, so it may differ from the computed one by
 * half a unit of its last decimal place (12 -> 0.5, 10.6 -> 0.05); counts must match exactly.
 */
import type { Executor, QueryRunner } from './executor.js';
import { render } from './queries.js';
import { dateEnd } from './seeds/properties.js';
import { RECORD_SCHEMAS, type SeededKind } from './seeds/schema.js';

export interface StatisticFacts {
  id: string;
  name: string;
  value: number;
  unit: string;
  metric: string;
  year?: number;
  date?: string;
  periodStart?: number;
  periodEnd?: number;
  dimension?: string;
  category?: string;
  statedPercent?: number;
  countsKind?: string;
  forecast?: boolean;
  /** The direction the sentence says the figure moved from the previous one of its metric. */
  trend?: 'decrease' | 'increase';
  sourceRefs: number[];
  sourceQuote: string;
  links: Array<{ type: string; to: string; props: Record<string, unknown> }>;
}

export type Rule =
  | 'breakdown-sum'
  | 'percent-of-total'
  | 'percent-sum'
  | 'share'
  | 'growth-rate'
  | 'graph-count'
  | 'repeated-figure'
  | 'same-total'
  | 'duplicate-reference'
  | 'share-base'
  | 'stated-trend'
  | 'reference-date';

export interface Check {
  rule: Rule;
  /** The statistic the check is about; `statistics` lists every one involved. */
  subject: string;
  statistics: string[];
  computed: number;
  stated: number;
  tolerance: number;
  ok: boolean;
  /** A passed check worth reading: something that looks odd and is explained (not a finding). */
  note?: boolean;
  message: string;
}

export interface FindingProps {
  id: string;
  name: string;
  rule: Rule;
  description: string;
  computedValue: number;
  statedValue: number;
  tolerance: number;
  difference: number;
  sourceSection: string;
  sourceRefs: number[];
  sourceQuote: string;
}

/** Half a unit of the last decimal place of a stated figure. */
export function roundingTolerance(stated: number): number {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(round(x)));

/**
 * One comparison of a computed figure with a stated one: equal within the tolerance, or (for a
 * partial breakdown, whose parts the article lists as "including ...") at most the stated total.
 */
function check(
  rule: Rule,
  subject: StatisticFacts,
  involved: StatisticFacts[],
  computed: number,
  stated: number,
  tolerance: number,
  what: string,
  bound: 'equal' | 'at most' = 'equal',
): Check {
  const ok = bound === 'equal' ? Math.abs(computed - stated) <= tolerance + 1e-9 : computed <= stated + tolerance + 1e-9;
  const message = ok
    ? `${what}: computed ${fmt(computed)}, ${bound === 'equal' ? 'stated' : 'at most the stated total'} ${fmt(stated)} (within ${tolerance})`
    : `${what}${bound === 'equal' ? '' : ' exceeds the total'}: computed ${fmt(computed)}, but the article states ${fmt(stated)} (tolerance ${tolerance})`;
  return { rule, subject: subject.id, statistics: [...new Set(involved.map((s) => s.id))], computed, stated, tolerance, ok, message };
}

/**
 * Runs every rule over the statistics. `kindCounts` are the graph's node counts per kind; `datedCounts`,
 * per statistic that counts a dated kind as of a date, the nodes of that kind dated up to then.
 */
export function checkStatistics(stats: StatisticFacts[], kindCounts: Record<string, number>, datedCounts: Record<string, number> = {}): Check[] {
  const byId = new Map(stats.map((s) => [s.id, s]));
  const linked = (s: StatisticFacts, type: string) => s.links.filter((l) => l.type === type).map((l) => byId.get(l.to)!).filter(Boolean);
  const checks: Check[] = [];

  // Every statistic some other breaks down.
  const totals = [...new Set(stats.flatMap((s) => linked(s, 'BREAKDOWN_OF')))].sort((a, b) => a.id.localeCompare(b.id));

  // Breakdowns: parts of one total along one dimension.
  const groups = new Map<string, { total: StatisticFacts; dimension: string; parts: StatisticFacts[]; exhaustive: boolean }>();
  for (const s of stats) {
    for (const link of s.links.filter((l) => l.type === 'BREAKDOWN_OF')) {
      const total = byId.get(link.to);
      if (!total) continue;
      const dimension = String(link.props.dimension ?? s.dimension ?? '');
      const key = `${total.id}|${dimension}`;
      const group = groups.get(key) ?? { total, dimension, parts: [], exhaustive: true };
      group.parts.push(s);
      group.exhaustive &&= link.props.exhaustive === true;
      groups.set(key, group);
    }
  }
  for (const { total, dimension, parts, exhaustive } of groups.values()) {
    const counts = parts.filter((p) => p.unit === total.unit);
    const sum = counts.reduce((acc, p) => acc + p.value, 0);
    const what = `Sum of "${total.name}" by ${dimension} (${counts.map((p) => `${p.category ?? p.name} ${fmt(p.value)}`).join(' + ')})`;
    checks.push(check('breakdown-sum', total, [total, ...counts], sum, total.value, 0, what, exhaustive ? 'equal' : 'at most'));
    for (const part of parts.filter((p) => p.statedPercent !== undefined)) {
      const computed = (100 * part.value) / total.value;
      const stated = part.statedPercent!;
      checks.push(
        check('percent-of-total', part, [part, total], computed, stated, roundingTolerance(stated), `Share of ${part.category ?? part.name} (${fmt(part.value)} of ${fmt(total.value)}, "${total.name}")`),
      );
    }
    const stated = parts.filter((p) => p.statedPercent !== undefined);
    // Shares that disagree with their total: is there any stated figure they are shares of?
    const fits = (base: number) => stated.every((p) => Math.abs((100 * p.value) / base - p.statedPercent!) <= roundingTolerance(p.statedPercent!) + 1e-9);
    const implied = stated.map((p) => (100 * p.value) / p.statedPercent!);
    const base = implied.reduce((a, b) => a + b, 0) / (implied.length || 1);
    // A base within 2 % of the total is the total with a share rounded badly (percent-of-total says which).
    if (stated.length > 1 && !fits(total.value) && Math.abs(base - total.value) > 0.02 * total.value) {
      // The denominators tried: the other totals the article breaks down, in the same unit.
      const candidates = totals.filter((c) => c.unit === total.unit && c.id !== total.id);
      const match = candidates.find((c) => fits(c.value));
      const tried = [total, ...candidates].map((c) => `${fmt(c.value)} ("${c.name}")`).join(', ');
      checks.push({
        rule: 'share-base',
        subject: total.id,
        statistics: [total.id, ...stated.map((p) => p.id), ...(match ? [match.id] : [])],
        computed: round(base, 1),
        stated: total.value,
        tolerance: 0,
        ok: false,
        message: match
          ? `The stated shares of "${total.name}" by ${dimension} are shares of ${fmt(match.value)} ("${match.name}"), not of the total ${fmt(total.value)}`
          : `The stated shares of "${total.name}" by ${dimension} (${stated.map((p) => `${p.statedPercent}%`).join(', ')}) match no stated figure: tried ${tried}; they imply a base of about ${fmt(round(base, 0))} (${implied.map((x) => fmt(round(x, 1))).join(', ')})`,
      });
    }
    if (exhaustive && stated.length === parts.length && parts.length > 1) {
      const sumPercent = stated.reduce((acc, p) => acc + p.statedPercent!, 0);
      const tolerance = round(stated.reduce((acc, p) => acc + roundingTolerance(p.statedPercent!), 0), 4);
      checks.push(check('percent-sum', total, [total, ...parts], sumPercent, 100, tolerance, `Stated percentages of "${total.name}" by ${dimension} add up`));
    }
  }

  // Shares: a percentage of a denominator made of named numerators.
  for (const s of stats.filter((x) => x.unit === 'percent')) {
    const numerators = linked(s, 'NUMERATOR');
    const [denominator] = linked(s, 'DENOMINATOR');
    if (!numerators.length || !denominator) continue;
    const computed = (100 * numerators.reduce((acc, n) => acc + n.value, 0)) / denominator.value;
    checks.push(check('share', s, [s, ...numerators, denominator], computed, s.value, roundingTolerance(s.value), `"${s.name}" from ${numerators.map((n) => fmt(n.value)).join(' + ')} of ${fmt(denominator.value)}`));
  }

  // Growth rates: a CAGR between a start and an end value.
  for (const s of stats.filter((x) => x.unit === 'percent per year')) {
    const [from] = linked(s, 'GROWTH_FROM');
    const [to] = linked(s, 'GROWTH_TO');
    if (!from || !to || from.year === undefined || to.year === undefined || to.year <= from.year) continue;
    const years = to.year - from.year;
    const computed = ((to.value / from.value) ** (1 / years) - 1) * 100;
    let what = `"${s.name}" from ${fmt(from.value)} ${from.unit} (${from.year}) to ${fmt(to.value)} ${to.unit} (${to.year}), ${years} years`;
    if (s.periodStart !== undefined && s.periodEnd !== undefined && s.periodEnd - s.periodStart !== years) {
      const statedYears = s.periodEnd - s.periodStart;
      what += `; over the stated ${s.periodStart}-${s.periodEnd} span (${statedYears} years) it would be ${fmt(((to.value / from.value) ** (1 / statedYears) - 1) * 100)}`;
    }
    checks.push(check('growth-rate', s, [s, from, to], computed, s.value, roundingTolerance(s.value), what));
  }

  // Counts of things the graph itself holds.
  for (const s of stats.filter((x) => x.countsKind)) {
    const dated = datedCounts[s.id];
    if (dated === undefined) checks.push(check('graph-count', s, [s], kindCounts[s.countsKind!] ?? 0, s.value, 0, `"${s.name}" against the ${s.countsKind} nodes in the graph`));
    else checks.push(check('graph-count', s, [s], dated, s.value, 0, `"${s.name}" against the ${s.countsKind} nodes in the graph dated up to ${s.date}`));
  }

  // A figure the sentence says moved one way ("further accelerated") against the previous figure of its metric.
  const yearOf = (s: StatisticFacts) => s.year ?? (s.date ? Number(s.date.slice(0, 4)) : s.periodEnd);
  for (const s of stats.filter((x) => x.trend)) {
    const previous = stats
      .filter((p) => p.metric === s.metric && p.unit === s.unit && p.id !== s.id && (yearOf(p) ?? Infinity) < (yearOf(s) ?? -Infinity))
      .sort((a, b) => yearOf(b)! - yearOf(a)!)[0];
    if (!previous) continue;
    const moved = s.trend === 'decrease' ? s.value < previous.value : s.value > previous.value;
    checks.push({
      rule: 'stated-trend',
      subject: s.id,
      statistics: [previous.id, s.id],
      computed: s.value - previous.value,
      stated: 0,
      tolerance: 0,
      ok: moved,
      message: moved
        ? `"${s.name}" (${fmt(s.value)} ${s.unit}) is a ${s.trend} from "${previous.name}" (${fmt(previous.value)} ${s.unit}), as stated`
        : `"${s.name}" is said to be a ${s.trend} ("${s.sourceQuote}"), but at ${fmt(s.value)} ${s.unit} it is ${s.value === previous.value ? 'the same as' : s.trend === 'decrease' ? 'more than' : 'less than'} the ${fmt(previous.value)} ${s.unit} of "${previous.name}"`,
    });
  }

  // The same figure stated twice (same metric, time and breakdown) must agree.
  const repeated = new Map<string, StatisticFacts[]>();
  for (const s of stats) {
    const key = [s.metric, s.date ?? '', s.periodStart ?? '', s.periodEnd ?? '', s.dimension ?? '', s.category ?? ''].join('|');
    repeated.set(key, [...(repeated.get(key) ?? []), s]);
  }
  for (const group of repeated.values()) {
    for (const other of group.slice(1)) {
      checks.push(check('repeated-figure', other, [group[0], other], group[0].value, other.value, 0, `"${other.name}" repeats "${group[0].name}"`));
    }
  }
  // One figure as the total of two breakdowns (257 IND programs by type, 257 trials by phase): read
  // as one dataset broken down two ways, which is a note for the reader, not an inconsistency.
  for (const [i, first] of totals.entries()) {
    for (const other of totals.slice(i + 1)) {
      if (other.value !== first.value || other.unit !== first.unit || other.metric === first.metric) continue;
      const partsOf = (t: StatisticFacts) => [...new Set(stats.filter((s) => linked(s, 'BREAKDOWN_OF').includes(t)).map((s) => s.dimension ?? 'parts'))].join(', ');
      checks.push({
        rule: 'same-total',
        subject: other.id,
        statistics: [first.id, other.id],
        computed: first.value,
        stated: other.value,
        tolerance: 0,
        ok: true,
        note: true,
        message: `"${other.name}" (${other.metric}, broken down by ${partsOf(other)}) states the same total, ${fmt(other.value)}, as "${first.name}" (${first.metric}, broken down by ${partsOf(first)}): most likely one dataset broken down two ways (a note, not a finding)`,
      });
    }
  }
  return checks;
}

/** A reference of the article's list, as the duplicate rule reads it. */
export interface ReferenceFacts {
  id: string;
  name: string;
  number: number;
  authors: string;
  year: number;
  journal: string;
  volumePages: string;
  sourceRefs: number[];
  sourceQuote: string;
}

/**
 * Two entries of the reference list for one publication: the same authors (by surname, since the
 * initials are abbreviated differently), year, journal and volume.
 */
export function checkReferences(references: ReferenceFacts[]): Check[] {
  const surnames = (authors: string) => authors.replace(/,?\s*et al\.?$/, '').split(/,\s*/).map((a) => a.split(' ')[0].toLowerCase()).join(',');
  const volume = (volumePages: string) => /^\d+/.exec(volumePages)?.[0] ?? volumePages;
  const seen = new Map<string, ReferenceFacts>();
  const checks: Check[] = [];
  for (const r of [...references].sort((a, b) => a.number - b.number)) {
    const key = [surnames(r.authors), r.year, r.journal.toLowerCase(), volume(r.volumePages)].join('|');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    checks.push({
      rule: 'duplicate-reference',
      subject: r.id,
      statistics: [first.id, r.id],
      computed: first.number,
      stated: r.number,
      tolerance: 0,
      ok: false,
      message: `References [${first.number}] and [${r.number}] are one publication (${r.authors.split(',')[0]} et al., ${r.year}, ${r.journal} ${volume(r.volumePages)}; listed as "${first.volumePages}" and "${r.volumePages}")`,
    });
  }
  return checks;
}

/**
 * A reference published before the period of the data it is cited for (a forecast excepted: a
 * statistic marked as one, or a growth rate towards one).
 */
export function checkReferenceDates(stats: StatisticFacts[], references: ReferenceFacts[]): Check[] {
  const byNumber = new Map(references.map((r) => [r.number, r]));
  const byId = new Map(stats.map((s) => [s.id, s]));
  const forecast = (s: StatisticFacts) => s.forecast === true || s.links.some((l) => l.type === 'GROWTH_TO' && byId.get(l.to)?.forecast === true);
  const checks: Check[] = [];
  for (const s of stats.filter((x) => !forecast(x))) {
    const dataYear = s.periodEnd ?? (s.date ? Number(s.date.slice(0, 4)) : s.year);
    if (dataYear === undefined) continue;
    for (const ref of s.sourceRefs.map((n) => byNumber.get(n)).filter((r): r is ReferenceFacts => Boolean(r))) {
      if (ref.year >= dataYear) continue;
      checks.push({
        rule: 'reference-date',
        subject: s.id,
        statistics: [s.id, ref.id],
        computed: ref.year,
        stated: dataYear,
        tolerance: 0,
        ok: false,
        message: `"${s.name}" (data of ${dataYear}) cites [${ref.number}], published in ${ref.year}, before the data it is cited for`,
      });
    }
  }
  return checks;
}

/** A finding for each failed check, with provenance merged from the statistics involved. */
export function findingsFrom(checks: Check[], stats: Array<Pick<StatisticFacts, 'id' | 'name' | 'sourceRefs' | 'sourceQuote'>>): Array<{ id: string; props: FindingProps; statistics: string[] }> {
  const byId = new Map(stats.map((s) => [s.id, s]));
  return checks
    .filter((c) => !c.ok)
    .map((c) => {
      const involved = c.statistics.map((id) => byId.get(id)!);
      // A statistic may cite more than one reference published too early: one finding each.
      const ref = c.rule === 'reference-date' ? `:${c.statistics[1].replace(/^ref:/, 'ref-')}` : '';
      const id = `finding:${c.rule}:${c.subject.replace(/^(stat|ref):/, '')}${ref}`;
      return {
        id,
        statistics: c.statistics,
        props: {
          id,
          name: `${c.rule}: ${byId.get(c.subject)?.name ?? c.subject}`,
          rule: c.rule,
          description: c.message,
          computedValue: round(c.computed, 4),
          statedValue: c.stated,
          tolerance: c.tolerance,
          difference: round(c.computed - c.stated, 4),
          sourceSection: 'Derived: consistency checker',
          sourceRefs: [...new Set(involved.flatMap((s) => s.sourceRefs))].sort((a, b) => a - b),
          sourceQuote: [...new Set(involved.map((s) => s.sourceQuote))].join(' … '),
        },
      };
    });
}

/**
 * Reads the statistics, runs every rule and (with `record`) replaces the stored findings.
 * Returns every check made, passed or not.
 */
export async function runChecker(target: Executor | QueryRunner, options: { record: boolean }): Promise<{ checks: Check[]; findings: number }> {
  // An executor runs each query in its own transaction; a change set passes its transaction's runner.
  const read: QueryRunner =
    typeof target === 'function'
      ? target
      : <R>(name: string, params?: Record<string, unknown>, identifiers?: Record<string, string>) =>
          (identifiers ? target.readText(name, render(name, identifiers), params) : target.read(name, params)) as Promise<R[]>;
  const rows = await read<{ props: Omit<StatisticFacts, 'links'>; links: StatisticFacts['links'] }>('checker.statistics');
  const stats: StatisticFacts[] = rows.map((r) => ({ ...r.props, links: r.links }));
  const counts = await read<{ kind: string; count: number }>('checker.kindCounts');
  const references = await read<{ props: ReferenceFacts }>('checker.references');
  const refs = references.map((r) => r.props);
  // Statistics that count a dated kind as of a date ("as of that year, six such products"): the nodes dated up to its end.
  // One query per counted kind, for all its statistics' dates.
  const datedCounts: Record<string, number> = {};
  const dated = stats.filter((x) => x.countsKind && x.date && 'date' in RECORD_SCHEMAS[x.countsKind as SeededKind].shape);
  for (const kind of new Set(dated.map((s) => s.countsKind!))) {
    const rows = dated.filter((s) => s.countsKind === kind).map((s) => ({ id: s.id, end: dateEnd(s.date!) }));
    for (const r of await read<{ id: string; count: number }>('checker.countUntil', { rows }, { label: kind })) datedCounts[r.id] = Number(r.count);
  }
  const checks = [...checkStatistics(stats, Object.fromEntries(counts.map((c) => [c.kind, c.count])), datedCounts), ...checkReferences(refs), ...checkReferenceDates(stats, refs)];
  const findings = findingsFrom(checks, [...stats, ...refs]);
  if (options.record) {
    if (typeof target === 'function') await target('checker.replaceFindings', { findings });
    else await target.write('checker.replaceFindings', { findings });
  }
  return { checks, findings: findings.length };
}
