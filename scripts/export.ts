/**
 * npm run export -- <folder>
 * Writes the graph in the seeds format (findings and citations are derived, so left out).
 */
import { resolve } from 'node:path';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { exportGraph } from '../src/graph/seeds/export.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run export -- <folder>');
  process.exit(2);
}
const connection = await connect(readConfig(), 'cell-therapy-kg export');
try {
  const files = await exportGraph(connection.executor, resolve(dir));
  console.log(`Wrote ${files.length} files to ${dir}: ${files.join(', ')}`);
} finally {
  await connection.close();
}
