/**
 * CSV tables that answer a question the lists alone do not: the checker's findings, and each approval
 * beside the reforms that preceded it. Read through the API's own GraphQL, like the list exports, so
 * they have its limits and error codes.
 */
import { cell, csvText, ExportError, type CsvDialect, MAX_EXPORT_ROWS, SOURCE_COLUMNS, SOURCE_FIELDS as SOURCES, sourceCells, type RunOperation } from './lists.js';

type Source = { section: string; quote: string; referenceNumber: number | null; document: string | null; sentence: number | null };

interface Table {
  /** The operation that reads the table, or one page of it (then it takes `$after`). */
  query: string;
  header: string[];
  rows(data: any): unknown[][];
  /** For a paged table: the page's endCursor while there is a next page. */
  next?(data: any): string | null;
  /** Whether the answer held more than the table shows. */
  truncated(data: any): boolean;
}

export const TABLES: Record<string, Table> = {
  findings: {
    query: `query FindingsTable { inconsistencies(first: 500) { id name rule statedValue computedValue difference tolerance description statistics(first: 20) { id } references(first: 20) { number } ${SOURCES} } }`,
    header: ['id', 'name', 'rule', 'statedValue', 'computedValue', 'difference', 'tolerance', 'description', 'statistics', 'references', ...SOURCE_COLUMNS],
    rows: (data) =>
      data.inconsistencies.map((f: any) => [
        f.id, cell(f.name), f.rule, f.statedValue, f.computedValue, f.difference, f.tolerance, cell(f.description),
        f.statistics.map((s: { id: string }) => s.id).join(';'), f.references.map((r: { number: number }) => r.number).join(';'),
        ...sourceCells(f.sources as Source[]),
      ]),
    truncated: (data) => data.inconsistencies.length >= 500,
  },
  'approvals-and-preceding-reforms': {
    // Pages of 20 products with up to 20 reforms each keep an operation within the cost limit.
    query: `query ApprovalsAndPrecedingReforms($after: String) { products(first: 20, after: $after, orderBy: {field: DATE, direction: ASC}) { pageInfo { hasNextPage endCursor } edges { node { id name date precedingReforms(first: 20) { lagYears reform { id name date ${SOURCES} } } } } } }`,
    header: ['approval', 'approvalName', 'approvalDate', 'reform', 'reformName', 'reformDate', 'lagYears', ...SOURCE_COLUMNS],
    rows: (data) =>
      data.products.edges.flatMap(({ node }: any) =>
        node.precedingReforms.map((p: any) => [node.id, cell(node.name), node.date, p.reform.id, cell(p.reform.name), p.reform.date, p.lagYears, ...sourceCells(p.reform.sources as Source[])]),
      ),
    next: (data) => (data.products.pageInfo.hasNextPage ? data.products.pageInfo.endCursor : null),
    truncated: (data) => data.products.pageInfo.hasNextPage,
  },
};

/**
 * Reads a table through GraphQL, page after page for a paged one (at most MAX_EXPORT_ROWS rows), and
 * returns its CSV (the same cells as the list exports: safe, with a BOM).
 */
export async function tableCsv(table: Table, run: RunOperation, dialect: CsvDialect = 'plain'): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows: unknown[][] = [];
  for (let after: string | null = null; ; ) {
    const result = await run(table.query, table.next ? { after } : {});
    if (result.errors?.length) throw Object.assign(new ExportError(result.errors[0].message), { code: result.errors[0].extensions?.code });
    rows.push(...table.rows(result.data));
    after = table.next?.(result.data) ?? null;
    if (!after || rows.length >= MAX_EXPORT_ROWS) {
      return { csv: csvText([table.header, ...rows.slice(0, MAX_EXPORT_ROWS)], dialect), rows: Math.min(rows.length, MAX_EXPORT_ROWS), truncated: table.truncated(result.data) || rows.length > MAX_EXPORT_ROWS };
    }
  }
}
