/**
 * Neo4j Browser, served by the API at /browser/ behind a Content-Security-Policy that lets the page
 * reach this API and the configured Neo4j, and nothing else.
 *
 * Why not Neo4j's own /browser/: Browser 5.24 loads Google Fonts before login, and Segment and Canny
 * after it, and on Community edition no setting stops them. Its `shouldAllowOutgoingConnections` is
 * true for every server that is not Enterprise (neo4j-browser src/shared/modules/dbMeta/dbMetaDuck.ts),
 * and `browser.allow_outgoing_connections` is an Enterprise setting that Community 5.26 refuses to
 * start with. A policy is what the page itself obeys: the requests are refused inside the page, before
 * they leave the machine. The local Neo4j's own Browser module is off (server.http_enabled_modules).
 *
 * The files are Browser's own, unchanged: unpacked once from the Browser jar that the local Neo4j was
 * fetched with (Maven Central) into .neo4j/, then served as static files.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';
import JSZip from 'jszip';
import { NEO4J_DIR } from '../paths.js';
import { BROWSER_JAR } from '../local-neo4j/server.js';

/** Where the jar's Browser files are unpacked (its version in the name: a new jar unpacks anew). */
export const BROWSER_DIR = join(NEO4J_DIR, BROWSER_JAR.replace(/\.jar$/, ''));
const JAR_FILE = join(NEO4J_DIR, 'lib', BROWSER_JAR);
/** The jar's web root; `preview/` (the next Browser, 27 MB) is left out. */
const PREFIX = 'browser/';
const SKIPPED = 'browser/preview/';

/**
 * Unpacks Browser from its jar once and returns the folder, or undefined when the jar was never
 * fetched (an existing Neo4j given by NEO4J_URI, and no `npm run neo4j:fetch`). Several processes may
 * start at once: each unpacks into its own folder and renames it into place; the first one wins.
 */
export async function browserFiles(): Promise<string | undefined> {
  if (existsSync(join(BROWSER_DIR, 'index.html'))) return BROWSER_DIR;
  if (!existsSync(JAR_FILE)) return undefined;
  const zip = await JSZip.loadAsync(await readFile(JAR_FILE));
  const staging = `${BROWSER_DIR}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !entry.name.startsWith(PREFIX) || entry.name.startsWith(SKIPPED)) continue;
    const target = join(staging, entry.name.slice(PREFIX.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  try {
    renameSync(staging, BROWSER_DIR);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process was first
  }
  return BROWSER_DIR;
}

/** The origins a page may open to reach the Neo4j at `boltUrl`: WebSocket for Bolt, HTTP for its discovery. */
export function neo4jOrigins(boltUrl: string): string[] {
  const url = new URL(boltUrl);
  const secure = /\+s(sc)?:$/.test(url.protocol);
  const host = `${url.hostname}:${url.port || '7687'}`;
  return secure ? [`wss://${host}`, `https://${host}`] : [`ws://${host}`, `http://${host}`];
}

/**
 * The policy: scripts, styles, fonts and images from this server only (inline styles and eval as
 * Browser's bundle needs them), connections to this server (also as the origin Browser's post-connect
 * commands name, e.g. 127.0.0.1 when the page was opened as localhost) and the configured Neo4j only.
 */
export function browserPolicy(boltUrl: string, apiOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${new URL(apiOrigin).origin} ${neo4jOrigins(boltUrl).join(' ')}`,
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * /browser/: Browser's files under the policy (hashed bundles cached for good, index.html revalidated),
 * and the discovery document Browser asks this origin's root for (`Accept: application/json`), which
 * fills its connect form with the configured Neo4j, as Neo4j's own root does.
 */
export function neo4jBrowserRouter(dir: string | undefined, boltUrl: string, apiOrigin: string): Router {
  const router = express.Router();
  router.get('/', (req, res, next) => {
    if (req.accepts(['html', 'json']) !== 'json') return next();
    const url = new URL(boltUrl);
    const direct = `bolt${url.protocol.replace(/^(bolt|neo4j)/, '')}//${url.host}`;
    res.json({ bolt_direct: direct, bolt_routing: direct.replace(/^bolt/, 'neo4j') });
  });
  if (!dir) {
    router.use('/browser', (_req, res) => {
      res.status(404).json({
        errors: [{ message: 'Neo4j Browser is served from the local Neo4j\'s Browser jar, which is not here: run `npm run neo4j:fetch` once, or open the Browser of the Neo4j you use.', extensions: { code: 'NOT_FOUND' } }],
      });
    });
    return router;
  }
  const policy = browserPolicy(boltUrl, apiOrigin);
  router.use(
    '/browser',
    (_req, res, next) => {
      res.set('Content-Security-Policy', policy);
      next();
    },
    express.static(dir, {
      index: 'index.html',
      redirect: true,
      setHeaders: (res, path) => {
        // Bundles carry their content hash in the name; index.html and the manifest do not.
        res.set('Cache-Control', /-[0-9a-f]{16,}\./.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  return router;
}
