/**
 * npm run export:seeds -- [folder]   (default: seeds/)
 * Writes the graph back in the seeds format so that curated changes can be committed: the seed files
 * as imported, and seeds/changes/ with every curated change set (those made through the API become
 * new numbered files). On a graph loaded from seeds/, it writes seeds/ again byte for byte.
 */
import { resolve } from 'node:path';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { exportSeeds } from '../src/graph/seeds/export.js';
import { SEEDS_DIR } from '../src/paths.js';
import { cliMessage } from './cli.js';

const dir = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? SEEDS_DIR);
const connection = await connect(readConfig(), 'cell-therapy-kg export:seeds');
let exitCode = 0;
try {
  const { seedFiles, changeFiles } = await exportSeeds(connection.executor, dir);
  console.log(`Wrote ${seedFiles.length} seed files and ${changeFiles.length} change files to ${dir}.`);
} catch (error) {
  exitCode = 1;
  console.error(`Export failed: ${cliMessage(error)}`);
} finally {
  await connection.close();
}
process.exit(exitCode);
