/**
 * The local Neo4j Community 5.26 server that the project runs by itself when no NEO4J_URI is given.
 *
 * Maven fetches the server's jars from Maven Central once (scripts/neo4j/pom.xml) into `.neo4j/lib`,
 * and APOC Core into `.neo4j/plugins`, which every instance loads procedures from. Each instance
 * (dev, test) has its own home with a generated neo4j.conf, data, logs and a pid file, and is started
 * through the server's own entry point, `org.neo4j.server.CommunityEntryPoint`.
 */
import { spawn, spawnSync } from 'node:child_process';
import neo4j from 'neo4j-driver';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { NEO4J_DIR, PROJECT_ROOT } from '../paths.js';

const LIB_DIR = join(NEO4J_DIR, 'lib');
const POM = join(PROJECT_ROOT, 'scripts', 'neo4j', 'pom.xml');
const PLUGINS_DIR = join(NEO4J_DIR, 'plugins');
/** The Neo4j Browser jar Maven fetches with the server (scripts/neo4j/pom.xml); the API serves it (src/explore/neo4j-browser.ts). */
export const BROWSER_JAR = 'neo4j-browser-5.24.0.jar';
/** APOC Core, the release for Neo4j 5.26, in its self-contained ("core" classifier) jar. */
const APOC = { artifact: 'org.neo4j.procedure:apoc-core:5.26.0:jar:core', jar: 'apoc-core-5.26.0-core.jar' };
/** The APOC procedures and functions the project uses (README: Neo4j Browser); nothing else of APOC loads. */
export const APOC_ALLOWED = ['apoc.version', 'apoc.export.graphml.all', 'apoc.export.csv.all', 'apoc.export.json.all', 'apoc.meta.schema'];
const ALTERNATIVES =
  'Alternatives: run `docker compose up -d` (docker-compose.yml, image neo4j:5.26-community), ' +
  'or point NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE at an existing Neo4j (Desktop, Aura).';

export interface LocalInstance {
  /** Folder holding conf/, data/, logs/ and the pid file of this instance. */
  home: string;
  boltPort: number;
  httpPort: number;
  password: string;
  heap?: string;
  pageCache?: string;
  /** Extra neo4j.conf lines (e.g. Neo4j Browser settings). */
  extraConf?: Record<string, string>;
}

export class LocalNeo4jError extends Error {}

function pidFile(instance: LocalInstance): string {
  return join(instance.home, 'neo4j.pid');
}

function readPid(instance: LocalInstance): number | undefined {
  const file = pidFile(instance);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function javaMajorVersion(): number | undefined {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr + out.stdout);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Fails with a clear message when Java 17+ is missing. */
export function checkJava(): void {
  const major = javaMajorVersion();
  if (major === undefined) throw new LocalNeo4jError(`Java 17 or later is needed to run the local Neo4j, and no 'java' was found. ${ALTERNATIVES}`);
  if (major < 17) throw new LocalNeo4jError(`Java 17 or later is needed to run the local Neo4j; found Java ${major}. ${ALTERNATIVES}`);
}

function serverFetched(): boolean {
  return existsSync(join(LIB_DIR, 'neo4j-5.26.30.jar')) && existsSync(join(LIB_DIR, BROWSER_JAR));
}

function apocFetched(): boolean {
  return existsSync(join(PLUGINS_DIR, APOC.jar));
}

/** Whether the server's jars and APOC are already in the local cache. */
export function isFetched(): boolean {
  return serverFetched() && apocFetched();
}

/**
 * Copies the Neo4j server and Browser jars from Maven Central into .neo4j/lib, and APOC Core into
 * .neo4j/plugins (once; later calls are no-ops; a clone fetched before APOC was added gets APOC only).
 */
export function fetchServer(log: (line: string) => void = console.error): void {
  if (isFetched()) return;
  checkJava();
  if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).error) {
    throw new LocalNeo4jError(`Maven ('mvn') is needed to fetch Neo4j from Maven Central the first time. ${ALTERNATIVES}`);
  }
  const mvn = (args: string[], what: string) => {
    const started = Date.now();
    // Maven's output is kept unless it fails: even quiet, it prints terminal escape codes.
    const result = spawnSync('mvn', ['-q', '-B', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '').trim();
      throw new LocalNeo4jError(`Maven could not fetch ${what} (exit ${result.status}).${output ? `\n${output}\n` : ' '}${ALTERNATIVES}`);
    }
    log(`Fetched ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  };
  if (!serverFetched()) {
    log('Fetching Neo4j Community 5.26 and Neo4j Browser from Maven Central (first run only)...');
    mvn(['-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${LIB_DIR}`, '-DincludeScope=runtime'], 'Neo4j');
  }
  if (!apocFetched()) {
    log('Fetching APOC Core 5.26 from Maven Central (first run only)...');
    mvn(['-f', POM, 'dependency:copy', `-Dartifact=${APOC.artifact}`, `-DoutputDirectory=${PLUGINS_DIR}`], 'APOC Core');
  }
  if (!isFetched()) throw new LocalNeo4jError(`Maven did not leave Neo4j and APOC in ${LIB_DIR} and ${PLUGINS_DIR}. ${ALTERNATIVES}`);
}

/** Writes the instance's neo4j.conf (keeping the user's own block) and apoc.conf. */
export function writeConf(instance: LocalInstance): void {
  const home = instance.home;
  const settings: Record<string, string> = {
    'server.default_listen_address': '127.0.0.1',
    'server.default_advertised_address': '127.0.0.1',
    'server.bolt.listen_address': `127.0.0.1:${instance.boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${instance.boltPort}`,
    'server.http.listen_address': `127.0.0.1:${instance.httpPort}`,
    'server.http.advertised_address': `127.0.0.1:${instance.httpPort}`,
    'server.https.enabled': 'false',
    'dbms.security.auth_enabled': 'true',
    'server.directories.data': join(home, 'data'),
    'server.directories.logs': join(home, 'logs'),
    'server.directories.run': join(home, 'run'),
    'server.directories.plugins': PLUGINS_DIR,
    'server.directories.import': join(home, 'import'),
    'server.memory.heap.initial_size': instance.heap ?? '512m',
    'server.memory.heap.max_size': instance.heap ?? '512m',
    'server.memory.pagecache.size': instance.pageCache ?? '128m',
    'dbms.usage_report.enabled': 'false',
    // Neo4j Browser and Bloom send no product analytics from this server.
    'client.allow_telemetry': 'false',
    // Neo4j's own Browser is off: it loads Google Fonts, Segment and Canny, and Community has no setting
    // against that. The API serves the same Browser behind a Content-Security-Policy (/browser/).
    'server.http_enabled_modules': 'TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,QUERY_API_ENDPOINTS',
    // Only Neo4j Browser on this server's own HTTP port may call its HTTP API from a web page; the
    // default answered every origin with `Access-Control-Allow-Origin: *`. (Bolt over WebSocket has
    // no origin setting in 5.26: the generated password is what keeps other pages out; README.)
    'dbms.security.http_access_control_allow_origin': `http://127.0.0.1:${instance.httpPort}`,
    // APOC: only the procedures the project uses (the Browser guide's version check and streamed
    // exports), none unrestricted. Before, all 190 were allowed, apoc.cypher.*, apoc.periodic.*,
    // apoc.trigger.* and apoc.load.* among them.
    'dbms.security.procedures.allowlist': APOC_ALLOWED.join(','),
    // LOAD CSV reads no file URL and no network address (the attack found a `LOAD CSV FROM
    // 'http://…'` holding a transaction for 23 minutes).
    'dbms.security.allow_csv_import_from_file_urls': 'false',
    'internal.dbms.cypher_ip_blocklist': '0.0.0.0/0,::/0',
    ...instance.extraConf,
  };
  for (const dir of ['conf', 'data', 'logs', 'run', 'import']) mkdirSync(join(home, dir), { recursive: true });
  const file = join(home, 'conf', 'neo4j.conf');
  const own = existsSync(file) ? ownSettings(readFileSync(file, 'utf8')) : '';
  // A setting the user gives in their block wins over the generated one (Neo4j refuses duplicates).
  const overridden = new Set(own.split('\n').map((line) => /^\s*([\w.]+)\s*=/.exec(line)?.[1]).filter(Boolean));
  const text = Object.entries(settings)
    .filter(([key]) => !overridden.has(key))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(file, `# Generated by src/local-neo4j/server.ts at every start; only the block at the end is kept.\n${text}\n\n${OWN_SETTINGS}\n${own}`);
  // APOC exports stream to the client only: writing files failed anyway (APOC Core's file writers
  // need Woodstox, which its core jar does not ship), and reading files or URLs is not wanted.
  writeFileSync(join(home, 'conf', 'apoc.conf'), 'apoc.export.file.enabled=false\napoc.import.file.enabled=false\napoc.import.file.use_neo4j_config=true\n');
}

/** The marker of the block in neo4j.conf that survives regeneration. */
export const OWN_SETTINGS = '# --- Your own settings: everything below this line is kept when neo4j.conf is regenerated ---';

function ownSettings(conf: string): string {
  const at = conf.indexOf(OWN_SETTINGS);
  return at < 0 ? '' : conf.slice(at + OWN_SETTINGS.length).replace(/^\n/, '');
}

function javaEnv(instance: LocalInstance): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: instance.home, NEO4J_CONF: join(instance.home, 'conf') };
}

/** Written into the instance's data folder once its password is set (wiped with the data). */
function passwordMarker(instance: LocalInstance): string {
  return join(instance.home, 'data', 'password-set');
}

/**
 * A new database has the user neo4j with the password "neo4j", which must be changed before any other
 * use. The change goes over Bolt with the new password as a parameter, so it never appears on a command
 * line (`neo4j-admin dbms set-initial-password <password>` shows it in `ps` while it runs).
 */
async function setInitialPassword(instance: LocalInstance): Promise<void> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${instance.boltPort}`, neo4j.auth.basic('neo4j', 'neo4j'));
  try {
    await driver.executeQuery('ALTER CURRENT USER SET PASSWORD FROM $current TO $password', { current: 'neo4j', password: instance.password }, { database: 'system' });
  } finally {
    await driver.close();
  }
  writeFileSync(passwordMarker(instance), 'The password of user neo4j was set from NEO4J_PASSWORD at first start.\n');
}

export interface LocalStatus {
  running: boolean;
  pid?: number;
  boltAnswers: boolean;
}

export async function status(instance: LocalInstance): Promise<LocalStatus> {
  const pid = readPid(instance);
  const running = pid !== undefined && isAlive(pid);
  return { running, pid: running ? pid : undefined, boltAnswers: await portAnswers(instance.boltPort) };
}

/**
 * Starts the instance unless it already runs, and resolves once Bolt and HTTP answer.
 * `fresh` wipes the instance's data first (the test suite's throwaway database).
 */
export async function start(
  instance: LocalInstance,
  options: { fresh?: boolean; timeoutMs?: number; log?: (line: string) => void } = {},
): Promise<{ reused: boolean; pid: number }> {
  const log = options.log ?? console.error;
  const current = await status(instance);
  if (current.running && current.pid !== undefined) {
    await waitForPorts(instance, options.timeoutMs ?? 120_000, current.pid, log);
    return { reused: true, pid: current.pid };
  }
  if (current.boltAnswers) {
    throw new LocalNeo4jError(
      `Port ${instance.boltPort} is taken by a process this project did not start. Stop it, or set NEO4J_URI to use it.`,
    );
  }
  checkJava();
  fetchServer(log);
  if (options.fresh) rmSync(join(instance.home, 'data'), { recursive: true, force: true });
  writeConf(instance);
  const out = openSync(join(instance.home, 'logs', 'console.log'), 'a');
  const child = spawn(
    'java',
    [
      `-Xmx${instance.heap ?? '512m'}`,
      '-XX:+UseG1GC',
      '-cp',
      // Plugins go on the classpath too, as Neo4j's own launcher does: APOC registers extension
      // factories (its configuration) that Neo4j finds through the classpath, not the plugins folder.
      `${LIB_DIR}/*:${PLUGINS_DIR}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${instance.home}`,
      `--config-dir=${join(instance.home, 'conf')}`,
    ],
    { env: javaEnv(instance), detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  if (child.pid === undefined) throw new LocalNeo4jError('Could not start java for Neo4j.');
  writeFileSync(pidFile(instance), String(child.pid));
  log(`Starting Neo4j (pid ${child.pid}, bolt 127.0.0.1:${instance.boltPort}, http 127.0.0.1:${instance.httpPort})...`);
  await waitForPorts(instance, options.timeoutMs ?? 120_000, child.pid, log);
  // Instances created before this change had their password set with neo4j-admin (data/dbms/auth.ini).
  const passwordSet = existsSync(passwordMarker(instance)) || existsSync(join(instance.home, 'data', 'dbms', 'auth.ini'));
  if (!passwordSet) await setInitialPassword(instance);
  return { reused: false, pid: child.pid };
}

/** How often a start that is still waiting says so (the first start takes 40-80 s). */
const PROGRESS_EVERY_MS = 10_000;

async function waitForPorts(instance: LocalInstance, timeoutMs: number, pid: number, log?: (line: string) => void): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let nextProgress = started + PROGRESS_EVERY_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new LocalNeo4jError(`Neo4j exited during start-up; see ${join(instance.home, 'logs')} (neo4j.log, debug.log, console.log).`);
    }
    const bolt = await portAnswers(instance.boltPort);
    if (bolt && (await portAnswers(instance.httpPort))) {
      if (Date.now() - started > 1000) log?.(`Neo4j answered after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return;
    }
    if (log && Date.now() >= nextProgress) {
      const waited = Math.round((Date.now() - started) / 1000);
      log(`Still starting Neo4j: ${waited} s so far, ${bolt ? 'Bolt answers, waiting for HTTP' : 'waiting for Bolt'} (logs: ${join(instance.home, 'logs', 'neo4j.log')}).`);
      nextProgress += PROGRESS_EVERY_MS;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new LocalNeo4jError(`Neo4j did not answer on port ${instance.boltPort} within ${timeoutMs} ms; see ${join(instance.home, 'logs')}.`);
}

/** Stops the process this project started for the instance (by its recorded pid), and waits for it to exit. */
export async function stop(instance: LocalInstance, timeoutMs = 60_000): Promise<boolean> {
  const pid = readPid(instance);
  if (pid === undefined || !isAlive(pid)) {
    rmSync(pidFile(instance), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile(instance), { force: true });
  return true;
}
