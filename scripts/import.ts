/**
 * npm run import -- <file or folder> [--reset]
 * Validates the files (the seeds format), then loads them in one transaction: all or nothing.
 */
import { resolve } from 'node:path';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { runChecker } from '../src/graph/checker.js';
import { applySchema } from '../src/graph/schema-apply.js';
import { loadSeeds } from '../src/graph/seeds/load.js';
import { readSeeds, SeedError } from '../src/graph/seeds/read.js';

const args = process.argv.slice(2);
const reset = args.includes('--reset');
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  console.error('usage: npm run import -- <file-or-folder> [--reset]');
  process.exit(2);
}

let exitCode = 0;
const connection = await connect(readConfig(), 'cell-therapy-kg import');
try {
  const set = readSeeds(resolve(path));
  await applySchema(connection.executor);
  const report = await loadSeeds(connection.executor, set, { reset });
  const { findings } = await runChecker(connection.executor, { record: true });
  console.log(JSON.stringify({ ...report, findings }, null, 2));
  console.log(report.changes === 0 ? 'No changes: the graph already held this data.' : `${report.changes} changes written.`);
} catch (error) {
  exitCode = 1;
  console.error(error instanceof SeedError ? `Nothing was written. ${error.message}` : error instanceof Error ? error.message : error);
} finally {
  await connection.close();
}
process.exit(exitCode);
