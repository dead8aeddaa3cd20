/**
 * The project's Neo4j Browser guide, served at /neo4j-browser/guide.html and opened after connecting
 * (`:guide <url>`, browser.post_connect_cmd). Browser shows each <slide> as a page of its guide
 * drawer; a `pre.runnable` block gets a play button that runs it. One slide per saved question of
 * cypher/browser/, with the sentence its file starts with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const SAVED_QUERIES_DIR = join(PROJECT_ROOT, 'cypher', 'browser');

export interface SavedQuery {
  file: string;
  /** The file's leading comment: what the question shows. */
  about: string;
  cypher: string;
}

export function savedQueries(dir = SAVED_QUERIES_DIR): SavedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(dir, file), 'utf8').trim().split('\n');
      const about = lines.filter((l) => l.startsWith('//')).map((l) => l.replace(/^\/\/\s?/, '')).join(' ');
      const cypher = lines.filter((l) => !l.startsWith('//')).join('\n').trim();
      return { file, about, cypher };
    });
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The first sentence of `about` as a title, the rest as the lead. */
function split(about: string): { title: string; lead: string } {
  const [title, ...rest] = about.split(': ');
  const lead = rest.join(': ');
  return { title, lead: lead.charAt(0).toUpperCase() + lead.slice(1) };
}

function slide(title: string, body: string): string {
  return `<slide class="row-fluid">\n<h3>${escape(title)}</h3>\n${body}\n</slide>`;
}

/** The guide as HTML; `apiOrigin` is where the explore pages and exports are served. */
export function browserGuide(apiOrigin: string, queries = savedQueries()): string {
  const intro = slide(
    'cell-therapy-kg: a guided tour',
    `<p>China's cell-therapy regulatory landscape, from one review article: agencies, reforms, guidelines,
pathways, approved products, their targets and sponsors, and the article's figures. Every node and
relationship carries its source: <code>sourceSection</code>, <code>sourceQuote</code> (the article's words) and
<code>sourceRefs</code> (the cited reference numbers).</p>
<p>Each page of this guide is one question. Click the play button of a block to run it, or click the block to
copy it into the editor. Start with the labels and relationship types:</p>
<pre class="runnable">CALL db.schema.visualization()</pre>
<p>The same graph as a timeline and as a drawing to explore:
<a href="${escape(apiOrigin)}/explore/timeline" target="_blank">timeline</a>,
<a href="${escape(apiOrigin)}/explore/graph" target="_blank">graph</a>; as files:
<a href="${escape(apiOrigin)}/export/graph.xlsx" target="_blank">graph.xlsx</a>,
<a href="${escape(apiOrigin)}/export/graph.graphml" target="_blank">graph.graphml</a>.</p>`,
  );
  const pages = queries.map((q) => {
    const { title, lead } = split(q.about);
    return slide(title, `<p>${escape(lead)}</p>\n<pre class="runnable">${escape(q.cypher)}</pre>\n<p class="muted">Saved as <code>cypher/browser/${escape(q.file)}</code>.</p>`);
  });
  const apoc = slide(
    'APOC and exports',
    `<p>APOC Core is installed in this Neo4j. Its version, and the whole graph as GraphML (streamed, nothing written):</p>
<pre class="runnable">RETURN apoc.version() AS apoc</pre>
<pre class="runnable">CALL apoc.export.graphml.all(null, {stream: true}) YIELD nodes, relationships, data
RETURN nodes, relationships, size(data) AS characters</pre>`,
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>cell-therapy-kg</title></head>
<body>
<article class="guide">
<carousel class="deck container-fluid">
${[intro, ...pages, apoc].join('\n')}
</carousel>
</article>
</body>
</html>
`;
}
