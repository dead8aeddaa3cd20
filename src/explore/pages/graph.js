// The graph page: search (Query.search), then each picked or clicked node's neighbourhood
// (Query.neighborhood, one hop) merged into a Cytoscape.js drawing.
'use strict';

const { graphql, style, escape, sourcesHtml, SOURCE_FIELDS, showError, labelOf, includeRetracted, asOf } = window.Explore;

// With ?asOf=12 every question is asked as of that change set: the graph as it stood then.
const SEARCH = `query ExploreSearch($text: String!, $asOf: Int) { search(text: $text, first: 10, asOf: $asOf) { node { id kind name caption } } }`;
/** A year typed in the search box: what the timeline holds for it (names rarely contain their year). */
const YEAR = `query ExploreYear($year: PartialDate!, $asOf: Int) { timeline(from: $year, to: $year, first: 20, asOf: $asOf) { node { id kind name caption } } }`;
const NEIGHBOURHOOD = `query ExploreNeighbourhood($id: ID!, $includeRetracted: Boolean!, $asOf: Int) {
  neighborhood(id: $id, depth: 1, limit: 40, includeRetracted: $includeRetracted, asOf: $asOf) {
    truncated
    nodes { id kind name caption description retracted ${SOURCE_FIELDS} }
    edges { id type from to retracted properties ${SOURCE_FIELDS} }
  }
}`;

/** What every link of the page keeps: retracted facts shown, or the change set the graph is drawn as of. */
const pinned = asOf !== undefined ? `&asOf=${asOf}` : includeRetracted ? '&retracted=1' : '';

async function main() {
  const colours = await style();
  const details = document.getElementById('details');
  const hits = document.getElementById('hits');
  const colourOf = (kind) => colours.nodes[labelOf(kind)] ?? colours.nodes.default;

  const cy = cytoscape({
    container: document.getElementById('cy'),
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          'border-color': 'data(border)',
          'border-width': 2,
          label: 'data(caption)',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': 110,
          width: 'data(size)',
          height: 'data(size)',
        },
      },
      { selector: 'node.expanded', style: { 'border-width': 4 } },
      // What a later expansion added, boxed as "around <name>" (a compound node) so it can be collapsed
      // into one node and expanded again (cytoscape-expand-collapse).
      {
        selector: 'node.around',
        style: {
          'background-color': '#eaf2f8',
          'background-opacity': 0.45,
          'border-color': '#aab7b8',
          'border-style': 'dashed',
          'border-width': 1,
          label: 'data(caption)',
          'font-size': 10,
          'text-valign': 'top',
          'text-halign': 'center',
          'text-margin-y': -3,
          color: '#566573',
        },
      },
      { selector: 'node.around.cy-expand-collapse-collapsed-node', style: { shape: 'round-rectangle', width: 34, height: 22, 'border-width': 2, 'text-valign': 'bottom', 'text-margin-y': 3 } },
      // Retracted entities and links (shown with ?retracted=1): dashed and faded.
      { selector: 'node.retracted', style: { 'border-style': 'dashed', opacity: 0.55 } },
      { selector: ':selected', style: { 'overlay-color': '#1b2631', 'overlay-opacity': 0.15, 'overlay-padding': 6 } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': 'data(color)',
          'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(caption)',
          'font-size': 8,
          color: '#566573',
          'text-rotation': 'autorotate',
          'text-background-color': '#fafbfc',
          'text-background-opacity': 1,
        },
      },
      // Inferred links (the graph's, not the article's words: Source.inferred) dotted; retracted ones dashed.
      { selector: 'edge.inferred', style: { 'line-style': 'dotted', width: 2 } },
      { selector: 'edge.retracted', style: { 'line-style': 'dashed', opacity: 0.55 } },
    ],
  });

  const facts = new Map(); // id -> the node or relationship as the API gave it

  /** Adds what the drawing lacks; new nodes go inside `parent` (a group box) when one is given. */
  function add(subgraph, parent) {
    const added = [];
    for (const n of subgraph.nodes) {
      facts.set(n.id, n);
      if (cy.getElementById(n.id).nonempty()) continue;
      const c = colourOf(n.kind);
      added.push({ group: 'nodes', classes: n.retracted ? 'retracted' : '', data: { id: n.id, kind: labelOf(n.kind), caption: n.caption, color: c.color, border: c.border, size: Math.round(c.diameter * 0.6), ...(parent ? { parent: parent.id } : {}) } });
    }
    if (parent && added.length > 1) added.unshift({ group: 'nodes', classes: 'around', data: { id: parent.id, caption: parent.caption } });
    else for (const a of added) delete a.data.parent; // one new node needs no box
    for (const e of subgraph.edges) {
      // A link retracted and then stated again (a corrected quote) is two relationships of one id.
      const key = e.retracted ? `${e.id}#retracted-${e.properties.retractedSeq}` : e.id;
      facts.set(key, e);
      if (cy.getElementById(key).nonempty()) continue;
      const classes = [e.retracted ? 'retracted' : '', e.sources?.some((x) => x.inferred) ? 'inferred' : ''].filter(Boolean).join(' ');
      added.push({ group: 'edges', classes, data: { id: key, source: e.from, target: e.to, type: e.type, caption: colours.relationships[e.type]?.caption ?? e.type, color: colours.relationships[e.type]?.color ?? '#a5abb6' } });
    }
    cy.add(added);
    return added.map((a) => a.data.id);
  }

  // fCoSE (kept library, served by the API) keeps labelled nodes apart; cose, Cytoscape's own, when it is absent.
  const fcose = typeof window.cytoscapeFcose === 'function';
  if (fcose) cytoscape.use(window.cytoscapeFcose);
  function layout() {
    const spacing = { nodeRepulsion: () => 9000, idealEdgeLength: () => 110, nodeSeparation: 90, padding: 30 };
    cy.layout(fcose ? { name: 'fcose', animate: false, randomize: false, quality: 'proof', ...spacing } : { name: 'cose', animate: false, randomize: false, ...spacing }).run();
  }

  // cytoscape-expand-collapse (kept library, served by the API): a cue on each group box collapses it into
  // one node and expands it again; links to its members are drawn to the collapsed node meanwhile.
  const groups = typeof window.cytoscapeExpandCollapse === 'function' ? (cytoscape.use(window.cytoscapeExpandCollapse), cy.expandCollapse({ layoutBy: null, fisheye: false, animate: false, undoable: false, cueEnabled: true })) : null;
  const collapseAll = document.getElementById('collapse-all');
  const expandAll = document.getElementById('expand-all');
  function groupButtons() {
    if (collapseAll) collapseAll.disabled = !groups || cy.nodes('.around').filter((g) => groups.isCollapsible(g)).empty();
    if (expandAll) expandAll.disabled = !groups || cy.nodes('.around').filter((g) => groups.isExpandable(g)).empty();
  }
  collapseAll?.addEventListener('click', () => (groups.collapseAll(), layout(), groupButtons()));
  expandAll?.addEventListener('click', () => (groups.expandAll(), layout(), groupButtons()));
  cy.on('expandcollapse.aftercollapse expandcollapse.afterexpand', () => groupButtons());

  /** What each expansion added, newest last: "Undo" takes the last one back. */
  const expansions = [];
  const undo = document.getElementById('undo');
  async function expand(id) {
    const { neighborhood } = await graphql(NEIGHBOURHOOD, { id, includeRetracted, asOf: asOf ?? null });
    // The first drawing is the neighbourhood itself; later ones are boxed around the node expanded.
    const parent = expansions.length ? { id: `around:${id}`, caption: `around ${facts.get(id)?.name ?? id}` } : undefined;
    const added = add(neighborhood, parent);
    cy.getElementById(id).addClass('expanded');
    expansions.push({ id, added });
    if (undo) undo.disabled = expansions.length < 2;
    layout();
    groupButtons();
    return neighborhood;
  }
  function collapseLast() {
    if (expansions.length < 2) return; // the first drawing stays
    const { id, added } = expansions.pop();
    const box = cy.getElementById(`around:${id}`);
    if (groups && box.nonempty() && groups.isExpandable(box)) groups.expand(box); // its members back, to be removed
    cy.remove(cy.collection(added.map((a) => cy.getElementById(a)).filter((e) => e.nonempty())));
    cy.getElementById(id).removeClass('expanded');
    if (undo) undo.disabled = expansions.length < 2;
    layout();
    groupButtons();
  }
  undo?.addEventListener('click', collapseLast);

  function showNode(id) {
    const n = facts.get(id);
    if (!n) return;
    const c = colourOf(n.kind);
    const degree = cy.getElementById(id).degree();
    details.innerHTML = `<span class="kind" style="background:${c.color};color:${c.text}">${escape(labelOf(n.kind))}</span>
      <h2>${escape(n.name)}</h2><div class="muted"><code>${escape(n.id)}</code> · ${degree} relationship(s) drawn</div>
      ${n.retracted ? '<p class="retracted-note">Retracted: kept for the record, no longer a fact of the graph.</p>' : ''}
      ${n.description ? `<p>${escape(n.description)}</p>` : ''}<h3>Sources</h3>${sourcesHtml(n.sources)}`;
  }

  function showEdge(id) {
    const e = facts.get(id);
    if (!e) return;
    const name = (nid) => escape(facts.get(nid)?.name ?? nid);
    details.innerHTML = `<span class="kind" style="background:#566573;color:#fff">${escape(e.type)}</span>
      <h2>${name(e.from)} → ${escape(colours.relationships[e.type]?.caption ?? e.type)} → ${name(e.to)}</h2>
      ${e.retracted ? `<p class="retracted-note">Retracted${e.properties?.retractedReason ? `: ${escape(e.properties.retractedReason.replace(/[.]$/, ''))}` : ''}.</p>` : ''}
      <h3>Sources</h3>${sourcesHtml(e.sources)}`;
  }

  async function open(id) {
    cy.elements().remove();
    facts.clear();
    groupButtons();
    expansions.length = 0;
    const neighbourhood = await expand(id);
    cy.getElementById(id).select();
    showNode(id);
    history.replaceState(null, '', `?id=${encodeURIComponent(id)}${pinned}`);
    return neighbourhood;
  }

  cy.on('tap', 'node', (evt) => {
    if (evt.target.hasClass('around')) return; // a group box: its cue collapses and expands it
    const id = evt.target.id();
    showNode(id);
    if (!evt.target.hasClass('expanded')) expand(id).then(() => showNode(id)).catch((e) => showError(details, e));
  });
  cy.on('tap', 'edge', (evt) => showEdge(evt.target.id()));

  document.getElementById('search').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = new FormData(event.target).get('text').trim();
    if (!text) return;
    try {
      const [{ search: found }, dated] = await Promise.all([graphql(SEARCH, { text, asOf: asOf ?? null }), /^\d{4}$/.test(text) ? graphql(YEAR, { year: text, asOf: asOf ?? null }) : { timeline: [] }]);
      // A year: its reforms, guidelines, approvals and events first, then what the text search found.
      const search = [...dated.timeline, ...found.filter((h) => !dated.timeline.some((d) => d.node.id === h.node.id))];
      hits.innerHTML = search.length
        ? search.map((h) => `<li><a class="link" href="?id=${encodeURIComponent(h.node.id)}${pinned}" data-id="${escape(h.node.id)}">${escape(h.node.name)}</a> <span class="muted">${escape(labelOf(h.node.kind))}</span></li>`).join('')
        : '<li class="muted">Nothing found.</li>';
      hits.querySelectorAll('a[data-id]').forEach((a) =>
        a.addEventListener('click', (click) => {
          click.preventDefault();
          open(a.dataset.id).catch((e) => showError(details, e));
        }),
      );
    } catch (e) {
      showError(details, e);
    }
  });

  document.getElementById('legend').innerHTML = Object.entries(colours.nodes)
    .filter(([kind]) => kind !== 'default')
    .map(([kind, c]) => `<span style="--c:${c.color}">${escape(kind)}</span>`)
    .join('') +
    '<em class="edge-key">— stated</em><em class="edge-key">··· inferred</em>' + (includeRetracted ? '<em class="edge-key">- - retracted</em>' : '');

  window.explore = { cy, open, expand, collapseLast, groups, layoutName: fcose ? 'fcose' : 'cose' };
  const initial = new URLSearchParams(location.search).get('id');
  if (initial) await open(initial);
}

main().catch((error) => showError(document.getElementById('details'), error));
