/**
 * npm run check — recomputes what the article's figures let one derive, prints every check and
 * records each disagreement as a Finding in the graph. Exit code 0 either way: findings describe the
 * article, not a failure of the graph.
 */
import './cli.js';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { runChecker } from '../src/graph/checker.js';

const connection = await connect(readConfig(), 'cell-therapy-kg check');
try {
  const { checks, findings } = await runChecker(connection.executor, { record: true });
  for (const c of checks) console.log(`${c.note ? 'note   ' : c.ok ? 'ok     ' : 'FINDING'} [${c.rule}] ${c.message}`);
  console.log(`\n${checks.length} checks, ${findings} findings (recorded as :Finding nodes).`);
} finally {
  await connection.close();
}
