/**
 * GET /export/<list>.csv (every root list, with its filters and order), /export/graph.graphml and
 * /export/graph.xlsx. A bad parameter is a 400 with a coded JSON error, as for GraphQL; Neo4j being
 * unavailable a 503 with Retry-After.
 */
import express from 'express';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { GraphQLError } from 'graphql';
import { Admission, Overloaded } from '../graph/admission.js';
import { isUnavailable, type Executor } from '../graph/executor.js';
import { graphShape, writeGraphml, writeXlsx } from './graph.js';
import { dataVersion, graphSince, TooFarBack, type GraphAt } from '../graph/changes/feed.js';
import { argumentsFromQuery, exportLists, ExportError, listCsv, type CsvDialect } from './lists.js';
import { operationRunner } from './run.js';
import { TABLES, tableCsv } from './tables.js';

type Handler = (req: express.Request, res: express.Response) => Promise<void>;

/** The longest a whole-graph export may take before it is cut off (GraphML at 100k entities takes 24 s streamed). */
const EXPORT_DEADLINE_MS = 120_000;

/** Runs a handler; client mistakes and outages become coded JSON errors, anything else goes to Express. */
function handled(work: Handler): express.RequestHandler {
  return async (req, res, next) => {
    try {
      await work(req, res);
    } catch (error) {
      // A streamed export that fails midway cannot change its status: the client sees it cut off.
      if (res.headersSent) return void res.destroy(error as Error);
      // A coded error of the executor is a GraphQLError with its code in extensions; an export page
      // run through GraphQL carries it as `code`.
      const code = (error as { code?: string }).code ?? (error instanceof GraphQLError ? (error.extensions.code as string | undefined) : undefined);
      if (code === 'SERVICE_UNAVAILABLE' || isUnavailable(error) || error instanceof Overloaded) {
        const busy = error instanceof Overloaded || (error as GraphQLError).extensions?.reason === 'overloaded';
        const message = busy ? 'The server is busy; try again shortly.' : 'The graph database is not available right now; try again shortly.';
        res.status(503).set('retry-after', '1').json({ errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', ...(busy ? { reason: 'overloaded' } : {}) } }] });
      } else if (error instanceof ExportError) {
        res.status(400).json({ errors: [{ message: error.message, extensions: { code: code ?? 'BAD_USER_INPUT' } }] });
      } else next(error);
    }
  };
}

export function exportsRouter(schema: GraphQLSchema, apollo: ApolloServer<Context>, executor: Executor, limits: Config['limits']): express.Router {
  const router = express.Router();
  const lists = exportLists(schema);
  /**
   * Whole-graph exports are the heaviest work a GET can ask for (built in memory at 100k entities:
   * GraphML 19 s and 708 MB of RSS, XLSX 89 s and 2.6 GB, four XLSX at once 3.4 GB and three 500s;
   * `npm run bench:exports`): one at a time, one waiting, the rest refused with 503 at once.
   */
  const wholeGraph = new Admission(1, 1, 30_000);
  /**
   * A whole-graph export: its keys read (and the size checked) before the answer starts, then
   * streamed. It is cut off after EXPORT_DEADLINE_MS, so a client that stops reading (the stream then
   * waits for it) cannot hold the one place for longer.
   */
  const wholeGraphExport = (file: string, type: string, write: typeof writeGraphml): express.RequestHandler =>
    handled((req, res) =>
      wholeGraph.run(async () => {
        const deadline = setTimeout(() => res.destroy(), EXPORT_DEADLINE_MS);
        try {
          // ?includeRetracted=true: the retracted entities and links too, marked, after the live ones.
          // ?asOf=12: the graph as it stood when change set 12 committed.
          const includeRetracted = req.query.includeRetracted === 'true';
          const shape = await graphShape(executor, includeRetracted, await exportAsOf(executor, req.query.asOf, includeRetracted));
          // attachment() first: it sets the type from the file name (octet-stream for .graphml).
          res.attachment(file).type(type);
          await write(executor.scoped(), shape, res);
          res.end();
        } finally {
          clearTimeout(deadline);
        }
      }),
    );

  // The export index: every file the exports serve, as a page to click through.
  const index = exportIndex([...lists.keys()]);
  router.get('/export', (_req, res) => {
    res.type('html').send(index);
  });

  router.get('/export/graph.graphml', wholeGraphExport('cell-therapy-kg.graphml', 'application/graphml+xml; charset=utf-8', writeGraphml));
  router.get('/export/graph.xlsx', wholeGraphExport('cell-therapy-kg.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', writeXlsx));

  router.get(
    '/export/:name.csv',
    handled(async (req, res) => {
      const { for: reader, ...query } = req.query as Record<string, unknown>;
      const dialect = csvDialect(reader);
      const table = TABLES[String(req.params.name)];
      if (table) {
        // These tables are derived from dates and findings as they stand (reforms before an approval,
        // the checker's findings): not read as of a change set.
        if (query.asOf !== undefined) throw new ExportError(`${req.params.name}.csv is derived from the graph as it stands; "asOf" is taken by the list exports and the whole-graph exports`);
        const { csv, rows, truncated } = await tableCsv(table, operationRunner(apollo, executor, limits, res.locals.requestId), dialect);
        res.type('text/csv; charset=utf-8').attachment(`${req.params.name}.csv`).set('x-rows', String(rows));
        if (truncated) res.set('x-truncated', 'true');
        res.send(csv);
        return;
      }
      const list = lists.get(String(req.params.name));
      if (!list) {
        res.status(404).json({ errors: [{ message: `No list "${req.params.name}"; exports exist for ${[...lists.keys(), ...Object.keys(TABLES)].join(', ')}.`, extensions: { code: 'NOT_FOUND' } }] });
        return;
      }
      const run = operationRunner(apollo, executor, limits, res.locals.requestId);
      const { csv, rows, truncated } = await listCsv(list, argumentsFromQuery(list, query), run, dialect);
      res.type('text/csv; charset=utf-8').attachment(`${list.name}.csv`).set('x-rows', String(rows));
      if (truncated) res.set('x-truncated', 'true');
      res.send(csv);
    }),
  );
  return router;
}

/** `?asOf=12` on a whole-graph export: the graph as it stood then (versions.graphSince), checked; undefined when not asked. */
async function exportAsOf(executor: Executor, value: unknown, includeRetracted: boolean): Promise<GraphAt | undefined> {
  if (value === undefined) return undefined;
  const { seq: newest } = await dataVersion(executor);
  const seq = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seq <= newest)) throw new ExportError(`"asOf" is a committed seq, 0 to ${newest}; got ${JSON.stringify(value)}`);
  if (includeRetracted) throw new ExportError('"includeRetracted" and "asOf": an export as of a change set holds what stood then, retracted since or not');
  try {
    return await graphSince(executor, seq);
  } catch (error) {
    if (error instanceof TooFarBack) throw new ExportError(`"asOf" ${seq} is further back than an export reads: ${error.message}`);
    throw error;
  }
}

/** `?for=excel` or nothing (lists.ts, CsvDialect). */
function csvDialect(value: unknown): CsvDialect {
  if (value === undefined) return 'plain';
  if (value === 'excel') return 'excel';
  throw new ExportError(`"for" takes only "excel" (text that Excel would read as a date stays text); without it the values are as they are, for pandas, R and csv readers.`);
}

/** The /export page: a link per export, with what it holds. */
function exportIndex(lists: string[]): string {
  const csv = lists
    .filter((name) => name !== 'searchConnection')
    .map((name) => `<li><a class="link" href="/export/${name}.csv">${name}.csv</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>cell-therapy-kg · Exports</title>
<link rel="stylesheet" href="/explore/assets/explore.css"><style>.home{max-width:880px;margin:0 auto;padding:16px 20px 40px}</style></head>
<body><header><h1>cell-therapy-kg</h1><nav><a href="/explore/timeline">Timeline</a><a href="/explore/graph">Graph</a><a href="/graphiql">GraphiQL</a><a href="/graphql">Sandbox</a><a href="/export" aria-current="page">Exports</a><a href="/">Home</a></nav></header>
<div class="home">
<h2>The whole graph</h2>
<ul class="links"><li><a class="link" href="/export/graph.xlsx">graph.xlsx</a>: one sheet per kind, one of relationships</li>
<li><a class="link" href="/export/graph.graphml">graph.graphml</a>: for Gephi, yEd and Cytoscape (typed attributes)</li></ul>
<p>Either as the graph stood at a past change set: <code>?asOf=12</code> (a seq from <code>changes</code> or an answer's <code>extensions.dataVersion</code>); the lists below take it too.</p>
<h2>Tables that answer</h2>
<ul class="links"><li><a class="link" href="/export/approvals-and-preceding-reforms.csv">approvals-and-preceding-reforms.csv</a>: each approval beside the reforms that took effect in an earlier year, with the lag and the reform's sources</li>
<li><a class="link" href="/export/findings.csv">findings.csv</a>: the consistency checker's findings, with the figures they concern</li></ul>
<h2>One list as CSV</h2>
<p>Each takes the list's arguments: <code>?target=target:bcma</code>, <code>?filter={…}</code>, <code>?orderBy={"field":"DATE","direction":"ASC"}</code>;
a search: <a class="link" href="/export/searchConnection.csv?text=BCMA">searchConnection.csv?text=BCMA</a>.
Every CSV is UTF-8 with a byte-order mark. <strong>Opening one in Excel?</strong> Add <code>?for=excel</code>
(<a class="link" href="/export/reforms.csv?for=excel">reforms.csv?for=excel</a>): Excel would turn a month such as 2024-05 into a date,
and this writes such cells so that they stay text. Without it the values are plain, for pandas, R and csv readers; graph.xlsx has typed cells for both.</p>
<ul class="links">${csv}</ul>
</div></body></html>
`;
}
