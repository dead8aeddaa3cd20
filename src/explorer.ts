/**
 * Explorers served by the API itself: an offline GraphiQL at /graphiql (from the graphiql npm
 * package, no CDN) with the example operations, and the GraSS style that Neo4j Browser loads
 * from /neo4j-browser/style.grass after connecting to the project's Neo4j.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from './graph/local-server.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The files of the offline explorer, by the name they are served under. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.min.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

export const GRASS_FILE = join(PROJECT_ROOT, 'cypher', 'browser', 'style.grass');

function graphiqlPage(examples: string): string {
  // JSON inside <script> must not be able to close the tag.
  const initial = JSON.stringify(examples).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>cell-therapy-kg · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).href });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${initial}, defaultEditorToolsVisibility: false, shouldPersistHeaders: false })
    );
  </script>
</body>
</html>
`;
}

/** Routes for the explorers; `examples` is the document GraphiQL opens with. */
export function explorerRouter(examples: string): Router {
  const router = express.Router();
  const page = graphiqlPage(examples);
  router.get('/graphiql', (_req, res) => {
    res.type('html').send(page);
  });
  for (const [name, { file, type }] of Object.entries(ASSETS)) {
    const body = readFileSync(file);
    router.get(`/graphiql/assets/${name}`, (_req, res) => {
      res.type(type).set('Cache-Control', 'public, max-age=3600').send(body);
    });
  }
  const grass = readFileSync(GRASS_FILE, 'utf8');
  router.get('/neo4j-browser/style.grass', (_req, res) => {
    // Neo4j Browser (another origin) fetches this after connecting.
    res.set('Access-Control-Allow-Origin', '*').type('text/plain').send(grass);
  });
  return router;
}
