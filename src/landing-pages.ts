/**
 * What a browser gets at /graphql: Apollo Sandbox in development (with the example operations), a
 * plain page in production. Neither depends on anything but this server when offline.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Context } from './context.js';

/** What Apollo's page says when Sandbox (loaded from Apollo's CDN) cannot load, e.g. offline. */
const SANDBOX_FALLBACK = '<p>Apollo Sandbox cannot be loaded; it appears that you might be offline.</p>';
const OFFLINE_LINKS = `<p>Apollo Sandbox cannot be loaded: it comes from Apollo's CDN, and this browser cannot reach it (offline?).</p>
  <p>Everything here works offline: <a href="/graphiql">GraphiQL</a> with the example operations, the
  <a href="/explore/timeline">timeline</a> and <a href="/explore/graph">graph</a> pages, the exports
  (<a href="/export/products.csv">products.csv</a>, <a href="/export/graph.xlsx">graph.xlsx</a>,
  <a href="/export/graph.graphml">graph.graphml</a>) and <a href="/metrics">/metrics</a>.</p>`;

/**
 * Development: Apollo's Sandbox page, whose offline fallback (shown under Sandbox, covered by it when
 * it loads) also links to what works without the CDN.
 */
export function sandboxLandingPage(examples: string): ApolloServerPlugin<Context> {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: { endpointIsEditable: false, runTelemetry: false }, document: examples, footer: false });
  return {
    async serverWillStart(context) {
      const listener = await sandbox.serverWillStart!(context as never);
      return {
        async renderLandingPage() {
          const page = await listener!.renderLandingPage!();
          const html = typeof page.html === 'string' ? page.html : await page.html();
          // Sandbox's empty container covers the page until Sandbox fills it: offline it never does, so
          // it is hidden while empty and the links can be clicked. The page's CSP admits styles by nonce.
          const nonce = /nonce="?([0-9a-f]+)/.exec(html)?.[1];
          const uncover = nonce ? `<style nonce="${nonce}">#embeddableSandbox:empty { display: none; }</style>` : '';
          return { html: html.replace(SANDBOX_FALLBACK, `${OFFLINE_LINKS}\n${uncover}`) };
        },
      };
    },
  };
}

/** Production: a plain page that loads nothing from anywhere and says how to call the API. */
export function plainLandingPage(): ApolloServerPlugin<Context> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cell-therapy-kg GraphQL API</title></head>
<body><h1>cell-therapy-kg GraphQL API</h1><p>POST GraphQL operations as JSON to this URL, e.g.</p>
<pre>curl -H 'content-type: application/json' -d '{"query":"{ products { totalCount } }"}' &lt;this URL&gt;</pre></body></html>`;
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}
