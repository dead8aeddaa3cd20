/**
 * npm run import -- <file or folder> [--reset --yes]
 * Validates the files (the seeds format), then loads them in one transaction: all or nothing.
 * --reset empties the database first, and only with --yes: without it the command says what it
 * would delete (nodes per kind) and changes nothing.
 */
import { resolve } from 'node:path';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { runChecker } from '../src/graph/checker.js';
import { applySchema } from '../src/graph/schema-apply.js';
import { graphCounts, loadSeeds } from '../src/graph/seeds/load.js';
import { readSeeds, SeedError } from '../src/graph/seeds/read.js';

const args = process.argv.slice(2);
const reset = args.includes('--reset');
const confirmed = args.includes('--yes');
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  console.error('usage: npm run import -- <file-or-folder> [--reset --yes]');
  process.exit(2);
}

let exitCode = 0;
const connection = await connect(readConfig(), 'cell-therapy-kg import');
try {
  const set = readSeeds(resolve(path));
  if (reset && !confirmed) {
    const { nodes } = await graphCounts(connection.executor);
    const total = Object.values(nodes).reduce((a, b) => a + b, 0);
    const kinds = Object.entries(nodes).map(([kind, n]) => `${n} ${kind}`).join(', ');
    console.error(`--reset would delete every node of the database: ${total} (${kinds || 'none'}), then load ${set.entities.length} records. Nothing was changed; add --yes to do it.`);
    exitCode = 2;
  } else {
    await applySchema(connection.executor);
    const report = await loadSeeds(connection.executor, set, { reset });
    const { findings } = await runChecker(connection.executor, { record: true });
    console.log(JSON.stringify({ ...report, findings }, null, 2));
    console.log(report.changes === 0 ? 'No changes: the graph already held this data.' : `${report.changes} changes written.`);
  }
} catch (error) {
  exitCode = 1;
  console.error(error instanceof SeedError ? `Nothing was written. ${error.message}` : error instanceof Error ? error.message : error);
} finally {
  await connection.close();
}
process.exit(exitCode);
