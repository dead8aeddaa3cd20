/**
 * CSV tables that answer a question the lists alone do not: the checker's findings, and each approval
 * beside the reforms that preceded it. Read through the API's own GraphQL, like the list exports, so
 * they have its limits and error codes.
 */
import { cell, csvText, ExportError, sourceCells, type RunOperation } from './lists.js';

type Source = { section: string; quote: string; referenceNumber: number | null };
const SOURCES = 'sources { section quote referenceNumber }';

interface Table {
  /** The operation that reads the whole table (bounded: a page of at most 100 of the list it walks). */
  query: string;
  header: string[];
  rows(data: any): unknown[][];
  /** Whether the answer held more than the table shows. */
  truncated(data: any): boolean;
}

export const TABLES: Record<string, Table> = {
  findings: {
    query: `query FindingsTable { inconsistencies(first: 500) { id name rule statedValue computedValue difference tolerance description statistics(first: 20) { id } references(first: 20) { number } ${SOURCES} } }`,
    header: ['id', 'name', 'rule', 'statedValue', 'computedValue', 'difference', 'tolerance', 'description', 'statistics', 'references', 'sourceSection', 'sourceQuote', 'sourceRefs'],
    rows: (data) =>
      data.inconsistencies.map((f: any) => [
        f.id, cell(f.name), f.rule, f.statedValue, f.computedValue, f.difference, f.tolerance, cell(f.description),
        f.statistics.map((s: { id: string }) => s.id).join(';'), f.references.map((r: { number: number }) => r.number).join(';'),
        ...sourceCells(f.sources as Source[]),
      ]),
    truncated: (data) => data.inconsistencies.length >= 500,
  },
  'approvals-and-preceding-reforms': {
    query: `query ApprovalsAndPrecedingReforms { products(first: 100, orderBy: {field: DATE, direction: ASC}) { pageInfo { hasNextPage } edges { node { id name date precedingReforms(first: 100) { lagYears reform { id name date ${SOURCES} } } } } } }`,
    header: ['approval', 'approvalName', 'approvalDate', 'reform', 'reformName', 'reformDate', 'lagYears', 'sourceSection', 'sourceQuote', 'sourceRefs'],
    rows: (data) =>
      data.products.edges.flatMap(({ node }: any) =>
        node.precedingReforms.map((p: any) => [node.id, cell(node.name), node.date, p.reform.id, cell(p.reform.name), p.reform.date, p.lagYears, ...sourceCells(p.reform.sources as Source[])]),
      ),
    truncated: (data) => data.products.pageInfo.hasNextPage,
  },
};

/** Reads a table through GraphQL and returns its CSV (the same cells as the list exports: safe, with a BOM). */
export async function tableCsv(table: Table, run: RunOperation): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const result = await run(table.query, {});
  if (result.errors?.length) throw Object.assign(new ExportError(result.errors[0].message), { code: result.errors[0].extensions?.code });
  const rows = table.rows(result.data);
  return { csv: csvText([table.header, ...rows]), rows: rows.length, truncated: table.truncated(result.data) };
}
