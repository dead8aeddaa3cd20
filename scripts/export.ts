/**
 * npm run export -- [--format json|csv|xlsx|graphml] <folder>
 *   json (default): the graph in the seeds format (findings and citations are derived, so left out)
 *   csv: one file per list of the API (<list>.csv), as GET /export/<list>.csv serves them
 *   xlsx: cell-therapy-kg.xlsx, one sheet per kind plus relationships
 *   graphml: cell-therapy-kg.graphml, for Gephi, yEd and Cytoscape
 */
import './cli.js';
import 'reflect-metadata';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../src/app.js';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { exportLists, listCsv } from '../src/exports/lists.js';
import { graphShape, writeGraphml, writeXlsx } from '../src/exports/graph.js';
import { operationRunner } from '../src/exports/run.js';
import { ReadinessProbe } from '../src/graph/readiness.js';
import { exportGraph } from '../src/graph/seeds/export.js';
import { buildApiSchema } from '../src/resolvers/index.js';

const FORMATS = ['json', 'csv', 'xlsx', 'graphml'] as const;
const args = process.argv.slice(2);
const at = args.indexOf('--format');
const format = (at >= 0 ? args[at + 1] : 'json') as (typeof FORMATS)[number];
const dir = args.find((a, i) => !a.startsWith('--') && i !== at + 1);
if (!dir || !FORMATS.includes(format)) {
  console.error(`usage: npm run export -- [--format ${FORMATS.join('|')}] <folder>`);
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });
const config = readConfig();
const connection = await connect(config, 'cell-therapy-kg export');
try {
  const written: string[] = [];
  if (format === 'json') written.push(...(await exportGraph(connection.executor, out)));
  if (format === 'graphml' || format === 'xlsx') {
    const shape = await graphShape(connection.executor);
    const name = `cell-therapy-kg.${format}`;
    const file = createWriteStream(join(out, name));
    await (format === 'graphml' ? writeGraphml : writeXlsx)(connection.executor, shape, file);
    await new Promise<void>((done, fail) => file.once('error', fail).end(() => done()));
    written.push(name);
  }
  if (format === 'csv') {
    const app = await createApp({ config: { ...config, logLevel: 'silent' }, executor: connection.executor, readiness: new ReadinessProbe(connection.executor, async () => undefined, true) });
    const run = operationRunner(app.apollo, connection.executor, config.limits);
    for (const list of exportLists(await buildApiSchema()).values()) {
      const { csv } = await listCsv(list, {}, run);
      writeFileSync(join(out, `${list.name}.csv`), csv);
      written.push(`${list.name}.csv`);
    }
    await app.stop();
  }
  console.log(`Wrote ${written.length} files to ${dir}: ${written.join(', ')}`);
} finally {
  await connection.close();
}
