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
import { isUnavailable, type Executor } from '../graph/executor.js';
import { readGraph, toGraphml, toXlsx } from './graph.js';
import { argumentsFromQuery, exportLists, ExportError, listCsv } from './lists.js';
import { operationRunner } from './run.js';

type Handler = (req: express.Request, res: express.Response) => Promise<void>;

/** Runs a handler; client mistakes and outages become coded JSON errors, anything else goes to Express. */
function handled(work: Handler): express.RequestHandler {
  return async (req, res, next) => {
    try {
      await work(req, res);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SERVICE_UNAVAILABLE' || isUnavailable(error)) {
        res.status(503).set('retry-after', '1').json({ errors: [{ message: 'The graph database is not available right now; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      } else if (error instanceof ExportError) {
        res.status(400).json({ errors: [{ message: error.message, extensions: { code: code ?? 'BAD_USER_INPUT' } }] });
      } else next(error);
    }
  };
}

export function exportsRouter(schema: GraphQLSchema, apollo: ApolloServer<Context>, executor: Executor, limits: Config['limits']): express.Router {
  const router = express.Router();
  const lists = exportLists(schema);

  router.get(
    '/export/graph.graphml',
    handled(async (_req, res) => {
      const graphml = toGraphml(await readGraph(executor.scoped()));
      res.type('application/graphml+xml; charset=utf-8').attachment('cell-therapy-kg.graphml').send(graphml);
    }),
  );

  router.get(
    '/export/graph.xlsx',
    handled(async (_req, res) => {
      const xlsx = await toXlsx(await readGraph(executor.scoped()));
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment('cell-therapy-kg.xlsx').send(xlsx);
    }),
  );

  router.get(
    '/export/:name.csv',
    handled(async (req, res) => {
      const list = lists.get(String(req.params.name));
      if (!list) {
        res.status(404).json({ errors: [{ message: `No list "${req.params.name}"; exports exist for ${[...lists.keys()].join(', ')}.`, extensions: { code: 'NOT_FOUND' } }] });
        return;
      }
      const run = operationRunner(apollo, executor, limits, res.locals.requestId);
      const { csv, rows, truncated } = await listCsv(list, argumentsFromQuery(list, req.query as Record<string, unknown>), run);
      res.type('text/csv; charset=utf-8').attachment(`${list.name}.csv`).set('x-rows', String(rows));
      if (truncated) res.set('x-truncated', 'true');
      res.send(csv);
    }),
  );
  return router;
}
