/**
 * Controlled vocabularies of the seeds (seeds/vocabulary/): the metrics statistics are measured in,
 * each with its unit and a description. Seeds are checked against them when read, and the API serves
 * them (`metrics`), so a metric name is never a guess.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../paths.js';

export const METRICS_FILE = join(PROJECT_ROOT, 'seeds', 'vocabulary', 'metrics.json');

export interface MetricTerm {
  name: string;
  unit: string;
  description: string;
}

let metrics: MetricTerm[] | undefined;

/** The metric vocabulary, read once. */
export function metricTerms(): MetricTerm[] {
  metrics ??= (JSON.parse(readFileSync(METRICS_FILE, 'utf8')) as { terms: MetricTerm[] }).terms;
  return metrics;
}

/** What is wrong with a statistic's metric and unit against the vocabulary, or null. */
export function metricProblem(metric: string, unit: string): { field: 'metric' | 'unit'; message: string } | null {
  const term = metricTerms().find((m) => m.name === metric);
  if (!term) return { field: 'metric', message: `"${metric}" is not in seeds/vocabulary/metrics.json (add it there, with its unit and a description)` };
  if (term.unit !== unit) return { field: 'unit', message: `metric "${metric}" is measured in "${term.unit}", not "${unit}"` };
  return null;
}
