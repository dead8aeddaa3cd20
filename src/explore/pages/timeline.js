// The timeline page: one GraphQL request for the dated entities (with each approval's preceding
// reforms and everyone's sources), drawn with vis-timeline in rows by kind; an approval's reforms are
// linked to it with timeline-arrows (curves between the boxes, redrawn by the library as the axis moves).
// A module: it imports timeline-arrows, which is one.
import Arrow from '/explore/assets/timeline-arrows.js';

const { graphql, style, escape, sourcesHtml, SOURCE_FIELDS, OWN_SOURCE_FIELDS, showError, labelOf, includeRetracted, asOf } = window.Explore;

const QUERY = `query ExploreTimeline($includeRetracted: Boolean!) {
  timeline(first: 50, includeRetracted: $includeRetracted) {
    date kind title
    node {
      id kind name caption description retracted
      ${SOURCE_FIELDS}
      ... on Product { precedingReforms(first: 10) { lagYears reform { id } } }
    }
  }
}`;

/** The timeline as it stood at a past change set (`?asOf=12`): the entries' own fields, no links. */
const QUERY_AS_OF = `query ExploreTimelineAsOf($asOf: Int!) {
  timeline(first: 50, asOf: $asOf) {
    date kind title
    node { id kind name caption description retracted ${OWN_SOURCE_FIELDS} }
  }
}`;

/** Entities of the timeline's kinds that the article gives no date: listed beside the axis, not dropped. */
const UNDATED = `query ExploreUndated($includeRetracted: Boolean!) {
  reforms(first: 100, includeRetracted: $includeRetracted) { edges { node { id kind name date } } }
  guidelines(first: 100, includeRetracted: $includeRetracted) { edges { node { id kind name date } } }
  events(first: 100, includeRetracted: $includeRetracted) { edges { node { id kind name date } } }
}`;
const UNDATED_AS_OF = `query ExploreUndatedAsOf($asOf: Int!) {
  reforms(first: 100, asOf: $asOf) { edges { node { id kind name date } } }
  guidelines(first: 100, asOf: $asOf) { edges { node { id kind name date } } }
  events(first: 100, asOf: $asOf) { edges { node { id kind name date } } }
}`;

const ROWS = [
  { id: 'Event', content: 'Events' },
  { id: 'Reform', content: 'Reforms' },
  { id: 'Guideline', content: 'Guidelines' },
  { id: 'Product', content: 'Approvals' },
];

/** A partial date ("2017", "2020-07") as the first day it covers. */
const startOf = (date) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

async function main() {
  const details = document.getElementById('details');
  const [data, colours, lists] = await Promise.all(
    asOf === undefined
      ? [graphql(QUERY, { includeRetracted }), style(), graphql(UNDATED, { includeRetracted })]
      : [graphql(QUERY_AS_OF, { asOf }), style(), graphql(UNDATED_AS_OF, { asOf })],
  );
  const undated = Object.values(lists).flatMap((list) => list.edges.map((e) => e.node)).filter((n) => !n.date);
  const entries = data.timeline;
  const byId = new Map(entries.map((e) => [e.node.id, e]));
  // Approvals each reform preceded: the inverse of Product.precedingReforms.
  const following = new Map();
  for (const e of entries) {
    for (const lag of e.node.precedingReforms ?? []) {
      following.set(lag.reform.id, [...(following.get(lag.reform.id) ?? []), { product: e, lagYears: lag.lagYears }]);
    }
  }

  // The item's classes live in its data, so a redraw (the arrows ask for one) keeps them.
  const marked = new Set();
  const classOf = (e, i) => `kind-${labelOf(e.kind)} item-${i}${e.node.retracted ? ' retracted' : ''}${marked.has(e.node.id) ? ' preceding' : ''}`;
  const items = new vis.DataSet(
    entries.map((e, i) => {
      const colour = colours.nodes[labelOf(e.kind)] ?? colours.nodes.default;
      return {
        id: e.node.id,
        group: labelOf(e.kind),
        start: startOf(e.date),
        content: escape(e.node.caption),
        title: escape(`${e.date}: ${e.title}`),
        className: classOf(e, i),
        style: `background-color: ${colour.color}; border-color: ${colour.border}; color: ${colour.text};`,
      };
    }),
  );
  const years = entries.map((e) => Number(e.date.slice(0, 4)));
  const container = document.getElementById('timeline');
  const timeline = new vis.Timeline(container, items, new vis.DataSet(ROWS), {
    stack: true,
    align: 'left',
    orientation: 'top',
    zoomMin: 1000 * 60 * 60 * 24 * 180,
    start: `${Math.min(...years) - 1}-07-01`,
    // A box starts at its date and its label runs to the right: room for the latest ones' labels.
    end: `${Math.max(...years) + 2}-06-30`,
    margin: { item: { horizontal: 4, vertical: 6 } },
    tooltip: { followMouse: true },
  });

  let selected = null;
  const arrows = new Arrow(timeline, [], { color: '#e74c3c', strokeWidth: 1.5 });

  /** Curves from each reform that preceded the selected approval to it, with the lag as their title. */
  function drawLinks() {
    for (const id of arrows.getIdArrows()) arrows.removeArrow(id);
    const entry = selected && byId.get(selected);
    if (!entry?.node.precedingReforms) return;
    entry.node.precedingReforms.forEach((lag, i) => {
      if (byId.has(lag.reform.id)) arrows.addArrow({ id: `lag-${i}`, id_item_1: lag.reform.id, id_item_2: entry.node.id, title: `${lag.lagYears} year(s) before`, line: 1 });
    });
  }

  function show(id) {
    selected = id;
    const entry = byId.get(id);
    const before = new Set(marked);
    marked.clear();
    if (entry?.node.precedingReforms) entry.node.precedingReforms.forEach((lag) => marked.add(lag.reform.id));
    const changed = [...new Set([...before, ...marked])].filter((rid) => byId.has(rid));
    items.update(changed.map((rid) => ({ id: rid, className: classOf(byId.get(rid), entries.indexOf(byId.get(rid))) })));
    if (!entry) {
      drawLinks();
      return;
    }
    const { node } = entry;
    const colour = colours.nodes[labelOf(node.kind)] ?? colours.nodes.default;
    let related = '';
    if (node.precedingReforms) {
      related = `<h3>Preceded by ${node.precedingReforms.length} reform(s)</h3><ul class="links">${node.precedingReforms
        .map((lag) => `<li><a class="link" href="?id=${encodeURIComponent(lag.reform.id)}" data-id="${escape(lag.reform.id)}">${escape(byId.get(lag.reform.id)?.node.name ?? lag.reform.id)}</a>: ${lag.lagYears} year(s) before</li>`)
        .join('')}</ul>`;
    } else if (following.has(node.id)) {
      related = `<h3>Approvals in later years</h3><ul class="links">${following
        .get(node.id)
        .map((f) => `<li><a class="link" href="?id=${encodeURIComponent(f.product.node.id)}" data-id="${escape(f.product.node.id)}">${escape(f.product.node.name)}</a>: ${f.lagYears} year(s) later</li>`)
        .join('')}</ul>`;
    }
    details.innerHTML = `<span class="kind" style="background:${colour.color};color:${colour.text}">${escape(labelOf(node.kind))}</span>
      <h2>${escape(node.name)}</h2><div class="muted">${escape(entry.date)} · <code>${escape(node.id)}</code></div>
      ${node.retracted ? '<p class="retracted-note">Retracted: kept for the record, no longer a fact of the graph (<code>retracted(id)</code> says why).</p>' : ''}
      ${node.description ? `<p>${escape(node.description)}</p>` : ''}${related}<h3>Sources</h3>${sourcesHtml(node.sources)}`;
    details.querySelectorAll('a[data-id]').forEach((b) =>
      b.addEventListener('click', (event) => {
        event.preventDefault();
        timeline.setSelection([b.dataset.id], { focus: false });
        show(b.dataset.id);
      }),
    );
    drawLinks();
  }

  timeline.on('select', ({ items: ids }) => show(ids[0]));
  document.getElementById('status')?.replaceChildren(`${entries.length} dated entries.`);
  // What the axis cannot show: the article dates these nowhere.
  const intro = document.getElementById('undated');
  if (intro && undated.length) {
    intro.innerHTML = `<h3>Not on the axis: no date in the article (${undated.length})</h3><ul class="links">${undated
      .map((n) => `<li><span class="muted">${escape(labelOf(n.kind))}</span> <a class="link" href="/explore/graph?id=${encodeURIComponent(n.id)}">${escape(n.name)}</a></li>`)
      .join('')}</ul>`;
  }
  // Tests and curious users can reach the drawing.
  window.explore = { timeline, entries, show, undated, arrows };
  const initial = new URLSearchParams(location.search).get('id');
  if (initial && byId.has(initial)) {
    timeline.setSelection([initial]);
    show(initial);
  }
}

main().catch((error) => showError(document.getElementById('details'), error));
