/**
 * Explorers served by the API itself: an offline GraphiQL at /graphiql (from the graphiql npm
 * package, no CDN) with the example operations, and the GraSS style and guide that Neo4j Browser
 * loads from /neo4j-browser/ after connecting to the project's Neo4j.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cors from 'cors';
import express, { type Router } from 'express';
import { browserGuide } from './explore/browser-guide.js';
import { GRASS_FILE } from './explore/grass.js';
import { packageDir, serveAssets, type Asset } from './static-assets.js';


/** The files of the offline explorer, by the name they are served under. */
const ASSETS: Record<string, Asset> = {
  'react.production.min.js': { file: join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.min.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

export { GRASS_FILE };

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
  serveAssets(router, '/graphiql/assets', ASSETS);
  // Neo4j Browser (another origin) fetches these after connecting; it sends the guide request with
  // no-cache headers, so that one is preflighted.
  router.use('/neo4j-browser', cors({ origin: '*', methods: ['GET'], allowedHeaders: ['pragma', 'cache-control'] }));
  const grass = readFileSync(GRASS_FILE, 'utf8');
  router.get('/neo4j-browser/style.grass', (_req, res) => {
    res.type('text/plain').send(grass);
  });
  router.get('/neo4j-browser/guide.html', (req, res) => {
    // Links in the guide point back at this server, as Browser reached it.
    res.type('html').send(browserGuide(`${req.protocol}://${req.get('host')}`));
  });
  return router;
}
