// The article beside its facts: a document's sentences (Query.document), each marked by what the
// coverage map says of it (facts, restates, no fact with its reason); a click lists the sentence's
// facts (Query.nodes) with links into the graph and timeline pages. /explore/source/<document>#s<n>
// opens at a sentence: every source panel and export links here.
'use strict';

const { graphql, escape, showError, labelOf, includeRetracted, asOf } = window.Explore;

const DOCUMENT = `query SourceDocument($id: ID!, $after: String) {
  document(id: $id) {
    id title authors year journal doi url licence textStored sentenceCount
    sentences(first: 100, after: $after) { nodes { number section text refs facts } pageInfo { hasNextPage endCursor } }
  }
}`;
// With ?asOf=12, a sentence's facts as they stood at that change set (those added since are marked).
const FACTS = `query SentenceFacts($ids: [ID!]!, $includeRetracted: Boolean!, $asOf: Int) { nodes(ids: $ids, includeRetracted: $includeRetracted, asOf: $asOf) { id kind name retracted } }`;
const REFERENCES = `query SourceReferences { references(first: 100, orderBy: {field: NUMBER, direction: ASC}) { edges { node { id number name authors year journal volumePages } } } }`;

/** Kinds the timeline draws (it shows dated reforms, guidelines, approvals and events). */
const ON_TIMELINE = new Set(['REFORM', 'GUIDELINE', 'PRODUCT', 'EVENT']);

async function sentencesOf(id) {
  const all = [];
  let document;
  for (let after = null, page = 0; page < 50; page++) {
    ({ document } = await graphql(DOCUMENT, { id, after }));
    if (!document) return { document: null, sentences: [] };
    all.push(...document.sentences.nodes);
    if (!document.sentences.pageInfo.hasNextPage) break;
    after = document.sentences.pageInfo.endCursor;
  }
  return { document, sentences: all };
}

/** The coverage map's word on each sentence, and what its reasons mean (the review only; other documents have none). */
async function coverageOf(id) {
  const res = await fetch(`/explore/source/${encodeURIComponent(id)}/coverage.json`);
  if (!res.ok) return { coverage: new Map(), reasons: {} };
  const map = await res.json();
  return { coverage: new Map(map.sentences.map((s) => [s.n, s])), reasons: map.reasons };
}

/** A sentence's class: what the graph holds of it. */
function markOf(sentence, mapped) {
  if (sentence.facts.length) return 'facts';
  if (mapped?.noFact === 'restates') return 'restates';
  if (mapped?.noFact === 'gap') return 'gap';
  return 'no-fact';
}

async function main() {
  const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
  const text = document.getElementById('text');
  const details = document.getElementById('details');
  const [{ document: doc, sentences }, { coverage, reasons }] = await Promise.all([sentencesOf(id), coverageOf(id)]);
  if (!doc) throw new Error(`NOT_FOUND: no document "${id}"`);
  const bySentence = new Map(sentences.map((s) => [s.number, s]));

  let html = `<h1>${escape(doc.title)}</h1><div class="muted">${escape(doc.authors.join(', '))}${doc.journal ? `, <i>${escape(doc.journal)}</i>` : ''}${doc.year ? ` (${doc.year})` : ''}${
    doc.doi ? ` · <a href="https://doi.org/${escape(doc.doi)}">doi:${escape(doc.doi)}</a>` : ''}${doc.url ? ` · <a href="${escape(doc.url)}">${escape(doc.url)}</a>` : ''} · licence: ${escape(doc.licence)}</div>`;
  if (!doc.textStored) html += `<p class="muted">Its licence does not let the graph keep the text: facts cite it by quote and locator, unverified.</p>`;
  let section = null;
  for (const s of sentences) {
    if (s.section !== section) {
      section = s.section;
      html += `${section === null ? '' : '</p>'}<h2>${escape(section)}</h2><p>`;
    }
    // Citations "[7]" or "[5, 6]" lead to the reference list below.
    const body = escape(s.text).replace(/\[(\d+(?:\s*[,–-]\s*\d+)*)\]/g, (group, numbers) =>
      `[${numbers.split(/\s*,\s*/).map((n) => (/^\d+$/.test(n) ? `<a href="#ref-${n}">${n}</a>` : escape(n))).join(', ')}]`);
    html += `<span class="sentence ${markOf(s, coverage.get(s.number))}" id="s${s.number}" data-n="${s.number}">${body}</span> `;
  }
  html += '</p>';
  if (id === 'doc:china-cell-therapy-review') {
    const { references } = await graphql(REFERENCES);
    html += `<h2>References</h2><p class="muted">As the article lists them; it gives no DOI or URL for any of them.</p><ol id="references">${references.edges
      .map(({ node: r }) => `<li id="ref-${r.number}" value="${r.number}">${escape(r.authors)}. ${escape(r.name)}. <i>${escape(r.journal)}</i> (${r.year}) ${escape(r.volumePages ?? '')} · <a href="/explore/graph?id=${encodeURIComponent(r.id)}">in the graph</a></li>`)
      .join('')}</ol>`;
  }
  text.innerHTML = html;

  async function show(n) {
    const s = bySentence.get(n);
    if (!s) return;
    text.querySelectorAll('.sentence.selected').forEach((el) => el.classList.remove('selected'));
    const el = document.getElementById(`s${n}`);
    el.classList.add('selected');
    history.replaceState(null, '', `#s${n}`);
    const mapped = coverage.get(n);
    let status;
    if (s.facts.length) status = `<p>States ${s.facts.length} fact(s) of the graph.</p>`;
    else if (mapped?.noFact) {
      const restates = (mapped.restates ?? []).map((m) => `<a class="link" href="#s${m}" data-n="${m}">sentence ${m}</a>`).join(', ');
      status = `<p>No fact of its own: <b>${escape(mapped.noFact)}</b>. ${escape(reasons[mapped.noFact] ?? '')}${restates ? ` It restates ${restates}.` : ''}</p>`;
    } else status = '<p>No fact of the graph cites this sentence.</p>';
    details.innerHTML = `<span class="kind" style="background:#566573;color:#fff">Sentence ${n}</span><h2>${escape(s.section)}</h2><blockquote>${escape(s.text)}</blockquote>${status}<ul class="links" id="facts"></ul>`;
    details.querySelectorAll('a[data-n]').forEach((a) => a.addEventListener('click', (event) => {
      event.preventDefault();
      show(Number(a.dataset.n));
      document.getElementById(`s${a.dataset.n}`).scrollIntoView({ block: 'center' });
    }));
    if (!s.facts.length) return;
    // Entities by id; a relationship ("from|TYPE|to") by the names of its ends.
    const ids = [...new Set(s.facts.flatMap((f) => (f.includes('|') ? [f.split('|')[0], f.split('|')[2]] : [f])))];
    const { nodes } = await graphql(FACTS, { ids, includeRetracted, asOf: asOf ?? null });
    const pinned = asOf !== undefined ? `&asOf=${asOf}` : includeRetracted ? '&retracted=1' : '';
    const named = new Map(nodes.filter(Boolean).map((node) => [node.id, node]));
    const nameOf = (nid) => escape(named.get(nid)?.name ?? nid);
    document.getElementById('facts').innerHTML = s.facts
      .map((f) => {
        if (f.includes('|')) {
          const [from, type, to] = f.split('|');
          return `<li>${nameOf(from)} <span class="muted">${escape(type)}</span> ${nameOf(to)} · <a href="/explore/graph?id=${encodeURIComponent(from)}${pinned}">graph</a></li>`;
        }
        const node = named.get(f);
        const kind = node ? labelOf(node.kind) : '';
        const timeline = node && ON_TIMELINE.has(node.kind) ? ` · <a href="/explore/timeline?id=${encodeURIComponent(f)}${pinned}">timeline</a>` : '';
        // A fact retracted since: named with "Show retracted facts", marked; its id alone otherwise. As of
        // a change set, one that did not stand then (added since, or retracted by then).
        const missing = asOf !== undefined ? '(not in the graph then)' : '(retracted or superseded)';
        const gone = node?.retracted ? ' <span class="retracted-note">(retracted)</span>' : !node ? ` <span class="muted">${missing}</span>` : '';
        return `<li><span class="muted">${escape(kind)}</span> ${nameOf(f)}${gone} · <a href="/explore/graph?id=${encodeURIComponent(f)}${pinned}">graph</a>${timeline}</li>`;
      })
      .join('');
  }

  text.addEventListener('click', (event) => {
    const sentence = event.target.closest('.sentence');
    if (sentence && !event.target.closest('a')) show(Number(sentence.dataset.n));
  });
  const counts = sentences.reduce((c, s) => ((c[markOf(s, coverage.get(s.number))] = (c[markOf(s, coverage.get(s.number))] ?? 0) + 1), c), {});
  document.getElementById('status')?.replaceChildren(
    `${sentences.length} sentences: ${counts.facts ?? 0} state facts, ${counts.restates ?? 0} restate others, ${counts['no-fact'] ?? 0} state none, ${counts.gap ?? 0} not modelled yet.`,
  );
  window.explore = { sentences, coverage, show };
  const initial = /^#s(\d+)$/.exec(location.hash);
  if (initial) {
    await show(Number(initial[1]));
    document.getElementById(`s${initial[1]}`)?.scrollIntoView({ block: 'center' });
  }
}

main().catch((error) => showError(document.getElementById('details'), error));
