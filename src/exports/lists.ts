/**
 * CSV tables of the API's lists, built from the GraphQL schema and answered through GraphQL itself:
 * an export has exactly the rows, filters and order of the list it is named after.
 */
import {
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { stringify } from 'csv-stringify/sync';

/** At most this many rows per export: the list is paged through GraphQL, 100 at a time. */
export const MAX_EXPORT_ROWS = 10_000;
const PAGE = 100;

export interface ExportList {
  /** The root field, e.g. "products". */
  name: string;
  field: GraphQLField<unknown, unknown>;
  /** The node type's scalar and enum fields, in schema order. */
  columns: string[];
}

/** Every root list (a `…Connection` of nodes), with its columns. */
export function exportLists(schema: GraphQLSchema): Map<string, ExportList> {
  const lists = new Map<string, ExportList>();
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(field.type);
    if (!isObjectType(type) || !type.name.endsWith('Connection')) continue;
    const edge = type.getFields().edges ? getNamedType(type.getFields().edges.type) : undefined;
    const node = isObjectType(edge) && edge.getFields().node ? getNamedType(edge.getFields().node.type) : undefined;
    if (!isObjectType(node) && !isInterfaceType(node)) continue;
    const columns = Object.values(node.getFields())
      .filter((f) => f.args.length === 0 && isLeafType(getNamedType(f.type)))
      .map((f) => f.name);
    lists.set(field.name, { name: field.name, field, columns });
  }
  return lists;
}

/**
 * Related entities a list's rows name, by the list: a product's targets, sponsors and approving agency
 * (their names, joined with ";"), so a spreadsheet answers "who holds BCMA products" by itself.
 */
const RELATED_COLUMNS: Record<string, string[]> = { products: ['targets', 'sponsors', 'approvedBy'] };
/**
 * The provenance columns, named as the XLSX and the stored properties name them; `sourceLink` is the
 * sentence in the article beside its facts (/explore/source/<document>#s<n>), a path on this server.
 */
export const SOURCE_COLUMNS = ['sourceSection', 'sourceQuote', 'sourceRefs', 'sourceDocument', 'sourceSentence', 'sourceLink'];
/** What a page of an export asks of each source. */
export const SOURCE_FIELDS = 'sources { section quote referenceNumber document sentence }';

/** The operation that reads one page of a list with its filter and order arguments as variables. */
export function pageOperation(list: ExportList): string {
  const args = list.field.args.filter((a) => a.name !== 'first' && a.name !== 'after');
  // An argument with a default (includeRetracted: Boolean! = false) takes a nullable variable: left out, the default applies.
  const typeOf = (a: (typeof args)[number]) => (a.defaultValue !== undefined && isNonNullType(a.type) ? a.type.ofType.toString() : a.type.toString());
  const definitions = ['$first: Int', '$after: String', ...args.map((a) => `$${a.name}: ${typeOf(a)}`)].join(', ');
  const passed = ['first: $first', 'after: $after', ...args.map((a) => `${a.name}: $${a.name}`)].join(', ');
  const related = (RELATED_COLUMNS[list.name] ?? []).map((field) => `${field} { name }`).join(' ');
  return `query Export(${definitions}) { ${list.name}(${passed}) { pageInfo { hasNextPage endCursor } edges { node { ${list.columns.join(' ')} ${related} ${SOURCE_FIELDS} } } } }`;
}

/**
 * Turns URL query parameters into the list's arguments: input objects (`filter`, `orderBy`, `where`,
 * `sort`) as JSON, scalar arguments by name (`searchConnection.csv?text=BCMA&kinds=PRODUCT`), and each
 * filter field as its own parameter (`?target=target:bcma&approvedFrom=2020`), typed by the schema.
 */
export function argumentsFromQuery(list: ExportList, query: Record<string, unknown>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const args = new Map(list.field.args.filter((a) => a.name !== 'first' && a.name !== 'after').map((a) => [a.name, a]));
  const filterArg = args.get('filter');
  const filterType = filterArg ? getNamedType(filterArg.type) : undefined;
  const filterFields = filterType && 'getFields' in filterType ? filterType.getFields() : {};
  const filter: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    const arg = args.get(key);
    if (arg && isInputObjectType(getNamedType(arg.type))) variables[key] = parseJson(key, String(raw));
    else if (arg) variables[key] = typedValue(arg.type, raw);
    else if (key in filterFields) filter[key] = typedValue(filterFields[key].type, raw);
    else {
      const known = [...args.keys(), ...Object.keys(filterFields)];
      throw new ExportError(`Unknown parameter "${key}"; this list takes ${known.join(', ') || 'none'}.`);
    }
  }
  if (Object.keys(filter).length) variables.filter = { ...(variables.filter as object), ...filter };
  for (const [name, arg] of args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined && variables[name] === undefined) throw new ExportError(`Parameter "${name}" is required, e.g. ?${name}=…`);
  }
  return variables;
}

/** A URL parameter as the argument's type: numbers and flags converted, lists from repeats or commas. */
function typedValue(type: GraphQLInputType, raw: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  const named = getNamedType(type).name;
  const one = (v: string) => (named === 'Int' || named === 'Float' ? Number(v) : named === 'Boolean' ? v === 'true' : v);
  if (isListType(inner)) return (Array.isArray(raw) ? raw : String(raw).split(',')).map((v) => one(String(v)));
  return one(String(Array.isArray(raw) ? raw[0] : raw));
}

function parseJson(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ExportError(`"${name}" must be JSON, e.g. ${name}={"field":"DATE","direction":"ASC"}.`);
  }
}

/** A client mistake in an export request: answered 400 with this message. */
export class ExportError extends Error {}

export type RunOperation = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>;

/** Pages through the list and returns its CSV: a header row, then one row per item (at most MAX_EXPORT_ROWS). */
export async function listCsv(list: ExportList, variables: Record<string, unknown>, run: RunOperation, dialect: CsvDialect = 'plain'): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const query = pageOperation(list);
  const rows: unknown[][] = [];
  let after: string | null = null;
  let truncated = false;
  for (;;) {
    const result = await run(query, { ...variables, first: PAGE, after });
    if (result.errors?.length) throw Object.assign(new ExportError(result.errors[0].message), { code: result.errors[0].extensions?.code });
    const page = result.data[list.name];
    for (const { node } of page.edges) {
      const related = (RELATED_COLUMNS[list.name] ?? []).map((field) => cell([node[field]].flat().filter(Boolean).map((n: { name: string }) => n.name)));
      rows.push([...list.columns.map((c) => cell(node[c])), ...related, ...sourceCells(node.sources)]);
    }
    if (!page.pageInfo.hasNextPage) break;
    if (rows.length >= MAX_EXPORT_ROWS) {
      truncated = true;
      break;
    }
    after = page.pageInfo.endCursor;
  }
  const csv = csvText([[...list.columns, ...(RELATED_COLUMNS[list.name] ?? []), ...SOURCE_COLUMNS], ...rows.slice(0, MAX_EXPORT_ROWS)], dialect);
  return { csv, rows: Math.min(rows.length, MAX_EXPORT_ROWS), truncated };
}

/** A fact's provenance as three cells: its sections, its quotes (the article's words), its reference numbers. */
export function sourceCells(sources: Array<{ section: string; quote: string; referenceNumber: number | null; document?: string | null; sentence?: number | null }>): unknown[] {
  const distinct = <T>(values: T[]) => [...new Set(values)];
  const located = sources.filter((s) => s.document && s.sentence);
  return [
    cell(distinct(sources.map((s) => s.section))),
    cell(distinct(sources.map((s) => s.quote))),
    distinct(sources.map((s) => s.referenceNumber).filter((n) => n !== null)).join(';'),
    cell(distinct(located.map((s) => s.document))),
    distinct(located.map((s) => s.sentence)).join(';'),
    cell(distinct(located.map((s) => `/explore/source/${s.document}#s${s.sentence}`))),
  ];
}

/**
 * CSV text as spreadsheets open it right: UTF-8 with a byte-order mark (Excel on Windows reads a file
 * without one in the local code page, and the article's non-ASCII letters turn to noise).
 */
export function csvText(rows: unknown[][], dialect: CsvDialect = 'plain'): string {
  return `\uFEFF${stringify(dialect === 'excel' ? rows.map((row) => row.map(excelCell)) : rows)}`;
}

/**
 * `plain`: the values as they are, for pandas, R and csv readers. `excel` (`?for=excel`): the same, but a
 * text cell that Excel would turn into something else on opening is written as the formula `="…"`,
 * which Excel shows as that text. A CSV carries no types, so the two readers cannot share one file;
 * graph.xlsx has typed cells for both.
 */
export type CsvDialect = 'plain' | 'excel';

/** Text Excel converts on opening: dates (2024-05, 3/4, 1-2, May 2024), leading zeros, digits past 15. */
const EXCEL_CONVERTS = [
  /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/,
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-\s/]\d{1,4}$/i,
  /^\d{1,2}[-\s/](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([-\s/]\d{1,4})?$/i,
  /^0\d+$/,
  /^\d{16,}$/,
];

function excelCell(value: unknown): unknown {
  return typeof value === 'string' && EXCEL_CONVERTS.some((pattern) => pattern.test(value)) ? `="${value}"` : value;
}

/** Lists become "a;b"; null stays empty; text is made safe for spreadsheets (safeText). */
export function cell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return safeText(value.join(';'));
  return typeof value === 'string' ? safeText(value) : value;
}

/** Control characters other than tab, newline and carriage return: no fact holds them, a spreadsheet chokes on them. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** What makes a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will not run it: control characters dropped and, as OWASP advises
 * for CSV injection, a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'`, so `=HYPERLINK(…)` stays text. Numbers are numbers and pass unchanged.
 */
export function safeText(text: string): string {
  const clean = text.replace(CONTROL, '');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}
