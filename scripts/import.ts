/**
 * npm run import -- <file or folder> [--reason "why"] [--dry-run] [--reset --yes]
 * Validates the files (the seeds format), then loads them in one transaction: all or nothing, written
 * as one change set (actor "import", the reason given) with each entity's state before and after.
 * --dry-run does the whole load and rolls it back: it prints the change set and writes nothing.
 * --reset empties the database first (never in production), and only with --yes (or --dry-run): without it the command
 * says what it would delete (nodes per kind) and changes nothing.
 * Existing nodes or relationships that a record leaves properties out of lose them; the command
 * lists them, per id, on stderr. Facts a curated change set changed are left as curated (listed as
 * keptCurated). A folder's changes/ subfolder (seeds/changes/) is applied after the load: each file the
 * graph has not seen, in order, as its own change set.
 * In production an import is an admin's act: IMPORT_TOKEN must hold a token the configured identity
 * provider signed with the admin role (an environment variable, so that it never shows in `ps`); the
 * change set names that admin as its approver. --reset is refused in production to everyone.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyChangeFiles } from '../src/graph/changes/files.js';
import { connect, registerSources } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { runChecker } from '../src/graph/checker.js';
import { applySchema } from '../src/graph/schema-apply.js';
import { graphCounts, loadSeeds, type ChangeSet } from '../src/graph/seeds/load.js';
import { readSeeds } from '../src/graph/seeds/read.js';
import type { Executor } from '../src/graph/executor.js';
import { TokenVerifier } from '../src/identity/verify.js';
import { ADMINS } from '../src/identity/roles.js';
import { cliMessage } from './cli.js';

const args = process.argv.slice(2);
const reset = args.includes('--reset');
const confirmed = args.includes('--yes');
const dryRun = args.includes('--dry-run');
const reasonAt = args.indexOf('--reason');
const reason = reasonAt >= 0 ? args[reasonAt + 1] : undefined;
const path = args.find((a, i) => !a.startsWith('--') && (reasonAt < 0 || i !== reasonAt + 1));
if (!path) {
  console.error('usage: npm run import -- <file-or-folder> [--reason "why"] [--dry-run] [--reset --yes]');
  process.exit(2);
}

/** At most this many ids per list are printed; the counts give the rest. */
const SHOWN = 50;

function abridged(changeSet: ChangeSet): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(changeSet).map(([key, list]: [string, unknown[]]) => [key, list.length > SHOWN ? [...list.slice(0, SHOWN), `... and ${list.length - SHOWN} more`] : list]),
  );
}

/** What --reset deletes: every node and relationship, per kind and in all. */
async function deletions(executor: Executor): Promise<string> {
  const { nodes, relationships } = await graphCounts(executor);
  const total = Object.values(nodes).reduce((a, b) => a + b, 0);
  const links = Object.values(relationships).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(nodes).map(([kind, n]) => `${n} ${kind}`).join(', ');
  return `every node of the database: ${total} (${kinds || 'none'}), and its ${links} relationships`;
}

const config = readConfig();
if (reset && config.env === 'production') {
  console.error('--reset empties the database: a development wipe, refused in production (NODE_ENV=production). Nothing was changed.');
  process.exit(2);
}

/** Production: the admin this import is done by (IMPORT_TOKEN, verified as the API verifies a bearer token). */
async function importingAdmin(): Promise<string | undefined> {
  if (config.env !== 'production') return undefined;
  const token = process.env.IMPORT_TOKEN;
  const refuse = (why: string): never => {
    console.error(`An import in production is an admin's: ${why}. Nothing was changed.`);
    process.exit(2);
  };
  if (!token) return refuse('set IMPORT_TOKEN to a token with the admin role from your identity provider');
  try {
    const identity = await (await TokenVerifier.create(config.auth)).identify(`Bearer ${token}`);
    if (!identity?.roles.some((role) => ADMINS.includes(role))) return refuse(`IMPORT_TOKEN's subject "${identity?.subject}" does not have the admin role`);
    return identity.subject;
  } catch (error) {
    return refuse(`IMPORT_TOKEN was refused (${cliMessage(error)})`);
  }
}
const admin = await importingAdmin();

let exitCode = 0;
let written = false;
const connection = await connect(config, 'cell-therapy-kg import');
try {
  const set = readSeeds(resolve(path));
  if (reset && !confirmed && !dryRun) {
    console.error(`--reset would delete ${await deletions(connection.executor)}, then load ${set.entities.length} records. Nothing was changed; add --yes to do it.`);
    exitCode = 2;
  } else {
    if (reset && dryRun) console.log(`Dry run: --reset would first delete ${await deletions(connection.executor)}.`);
    if (!dryRun) await applySchema(connection.executor);
    const report = await loadSeeds(connection.executor, set, { reset, dryRun, reason: reason ?? `npm run import -- ${path}`, approver: admin });
    written = !dryRun;
    // New or reloaded facts name the review's sentence that states them (after --reset, the documents too).
    if (!dryRun) await registerSources(connection.executor, () => {}, true);
    // A seeds folder's curated change sets (seeds/changes/), those the graph has not seen, in order.
    if (!dryRun && statSync(resolve(path)).isDirectory()) await applyChangeFiles(connection.executor, join(resolve(path), 'changes'), console.log);
    const { findings } = dryRun ? { findings: null } : await runChecker(connection.executor, { record: true });
    console.log(JSON.stringify({ ...report, changeSet: abridged(report.changeSet), findings }, null, 2));
    const removed = Object.entries(report.removedProperties);
    if (removed.length) {
      console.error(`${removed.length} existing ${removed.length === 1 ? 'entry loses' : 'entries lose'} properties the new records leave out:`);
      for (const [id, keys] of removed) console.error(`  ${id}: ${keys.join(', ')}`);
    }
    if (dryRun) console.log(report.changes === 0 ? 'Dry run: no changes would be made.' : `Dry run: ${report.changes} changes would be written; nothing was.`);
    else console.log(report.changes === 0 ? 'No changes: the graph already held this data.' : `${report.changes} changes written.`);
  }
} catch (error) {
  exitCode = 1;
  // The load is one transaction: when it failed, nothing of it was written. The checker runs after it.
  const what = written ? 'The records were written; recording the consistency findings failed:' : 'Nothing was written.';
  console.error(`${what} ${cliMessage(error)}`);
} finally {
  await connection.close();
}
process.exit(exitCode);
