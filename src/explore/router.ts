/**
 * The explore pages: /explore/timeline (vis-timeline), /explore/graph (Cytoscape.js) and
 * /explore/source/<document> (the article beside its facts), /explore/statistics (ECharts). The pages
 * are static files in ./pages that call the API's own /graphql; the libraries are served from
 * node_modules, so nothing is fetched from a CDN and the pages work offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { packageDir, serveAssets, type Asset } from '../static-assets.js';
import { exploreStyle } from './style.js';
import { readMap, REASONS } from '../coverage/map.js';
import { REVIEW_ID } from '../graph/documents.js';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), 'pages');

const JS = 'text/javascript';
const CSS = 'text/css';

/** What /explore/assets/<name> serves, and from where. */
const ASSETS: Record<string, Asset> = {
  'vis-timeline-graph2d.min.js': { file: join(packageDir('vis-timeline'), 'standalone', 'umd', 'vis-timeline-graph2d.min.js'), type: JS },
  'vis-timeline-graph2d.min.css': { file: join(packageDir('vis-timeline'), 'styles', 'vis-timeline-graph2d.min.css'), type: CSS },
  'cytoscape.min.js': { file: join(packageDir('cytoscape'), 'dist', 'cytoscape.min.js'), type: JS },
  'timeline-arrows.js': { file: join(packageDir('timeline-arrows'), 'arrow.js'), type: JS },
  // fCoSE and the two packages it is built on, as the globals their UMD builds define.
  'layout-base.js': { file: join(packageDir('layout-base'), 'layout-base.js'), type: JS },
  'cose-base.js': { file: join(packageDir('cose-base'), 'cose-base.js'), type: JS },
  'cytoscape-fcose.js': { file: join(packageDir('cytoscape-fcose'), 'cytoscape-fcose.js'), type: JS },
  'cytoscape-expand-collapse.js': { file: join(packageDir('cytoscape-expand-collapse'), 'cytoscape-expand-collapse.js'), type: JS },
  // echarts' entry point sits in dist/ beside a package.json of its own: resolved by path instead.
  'echarts.min.js': { file: createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), type: JS },
  'statistics.js': { file: join(PAGES, 'statistics.js'), type: JS },
  'common.js': { file: join(PAGES, 'common.js'), type: JS },
  'timeline.js': { file: join(PAGES, 'timeline.js'), type: JS },
  'graph.js': { file: join(PAGES, 'graph.js'), type: JS },
  'source.js': { file: join(PAGES, 'source.js'), type: JS },
  'explore.css': { file: join(PAGES, 'explore.css'), type: CSS },
};

const PAGE_FILES: Record<string, string> = {
  '/': 'index.html',
  '/explore/timeline': 'timeline.html',
  '/explore/graph': 'graph.html',
  '/explore/statistics': 'statistics.html',
};

export function exploreRouter(): Router {
  const router = express.Router();
  for (const [path, file] of Object.entries(PAGE_FILES)) {
    const html = readFileSync(join(PAGES, file));
    router.get(path, (_req, res) => {
      res.type('html').send(html);
    });
  }
  // Browsers ask for it on every page; an empty answer instead of a 404 in their console.
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get('/explore', (_req, res) => {
    res.redirect('/explore/timeline');
  });
  // The article beside its facts: one page for any document (its script reads the id from the path),
  // and what the coverage map says of each of the review's sentences (no fact: why; restates: which).
  const source = readFileSync(join(PAGES, 'source.html'));
  const map = readMap();
  const coverage = JSON.stringify({ reasons: REASONS, sentences: (map?.sentences ?? []).map(({ n, noFact, restates }) => ({ n, noFact, restates })) });
  router.get('/explore/source', (_req, res) => {
    res.redirect(`/explore/source/${REVIEW_ID}`);
  });
  router.get('/explore/source/:document/coverage.json', (req, res) => {
    if (req.params.document !== REVIEW_ID || !map) return void res.status(404).json({ errors: [{ message: 'Only the review article has a coverage map.', extensions: { code: 'NOT_FOUND' } }] });
    res.type('json').send(coverage);
  });
  router.get('/explore/source/:document', (_req, res) => {
    res.type('html').send(source);
  });
  const style = JSON.stringify(exploreStyle());
  router.get('/explore/assets/style.json', (_req, res) => {
    res.type('json').send(style);
  });
  serveAssets(router, '/explore/assets', ASSETS);
  return router;
}
