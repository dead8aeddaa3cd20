// Shared by the explore pages: GraphQL over fetch (the API's own endpoint), the project's colours
// (from the Neo4j Browser GraSS style, served as JSON) and a panel that shows a fact's sources.
'use strict';

window.Explore = (() => {
  /** POSTs an operation to /graphql; throws with the API's coded message when it answers with errors. */
  async function graphql(query, variables = {}) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors?.length) {
      const e = body.errors[0];
      throw new Error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
    }
    return body.data;
  }

  let stylePromise;
  /** Colours and relationship captions by label and type, as Neo4j Browser draws them. */
  function style() {
    stylePromise ??= fetch('/explore/assets/style.json').then((r) => r.json());
    return stylePromise;
  }

  const escape = (text) =>
    String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  /** HTML for a list of sources: section, the article's words, and the cited reference. */
  function sourcesHtml(sources) {
    if (!sources?.length) return '<p class="muted">No sources.</p>';
    return `<ol class="sources">${sources
      .map((s) => {
        const ref = s.reference
          ? `<div class="ref">[${s.referenceNumber}] ${escape(s.reference.name)}${s.reference.journal ? `, <i>${escape(s.reference.journal)}</i>` : ''}${s.reference.year ? ` (${s.reference.year})` : ''}</div>`
          : s.referenceNumber
            ? `<div class="ref">Reference [${s.referenceNumber}]</div>` // read asOf a past version: the number only
            : '<div class="ref muted">No reference cited for this statement.</div>';
        // Inferred links and named data sources are shown, as the API gives them.
        const inferred = s.inferred ? `<div class="inferred">Inferred: ${escape(s.inferred)}</div>` : '';
        const data = s.dataSource ? `<div class="data-source">Data: ${escape(s.dataSource)}</div>` : '';
        // The sentence that states it, in the article beside its facts.
        const sentence = s.document && s.sentence ? `<div class="sentence-link"><a href="/explore/source/${encodeURIComponent(s.document)}#s${s.sentence}">Sentence ${s.sentence} in the article</a></div>` : '';
        return `<li><div class="section">${escape(s.section)}</div><blockquote>${escape(s.quote)}</blockquote>${ref}${inferred}${data}${sentence}</li>`;
      })
      .join('')}</ol>`;
  }

  /** The fields every page asks of a source. */
  const SOURCE_FIELDS = 'sources { section quote referenceNumber reference { id name journal year } inferred dataSource document sentence }';
  /** A source's own fields (no `reference`, a relationship): what a read `asOf` a past version answers. */
  const OWN_SOURCE_FIELDS = 'sources { section quote referenceNumber inferred dataSource document sentence }';

  /** The Neo4j label of an EntityKind value ("PRODUCT" -> "Product"). */
  const labelOf = (kind) => kind.charAt(0) + kind.slice(1).toLowerCase();

  /**
   * Whether the page shows retracted facts too (`?retracted=1`): a checkbox in the page's header
   * switches it, keeping the rest of the address. Retracted entities and links are drawn dashed.
   */
  const params = new URLSearchParams(location.search);
  // As of a change set the graph is what stood then (retracted since or not): no retracted facts beside it.
  const includeRetracted = params.get('retracted') === '1' && !/^\d+$/.test(params.get('asOf') ?? '');
  function retractedToggle() {
    const label = document.createElement('label');
    label.className = 'retracted-toggle';
    label.innerHTML = `<input type="checkbox" id="show-retracted"${includeRetracted ? ' checked' : ''}> Show retracted facts`;
    label.querySelector('input').addEventListener('change', (event) => {
      if (event.target.checked) params.set('retracted', '1');
      else params.delete('retracted');
      location.search = params.toString();
    });
    document.querySelector('header nav')?.after(label);
  }
  /**
   * The graph as it stood at a past change set (`?asOf=12`, a seq from `changes` or an answer's
   * `extensions.dataVersion`): the pages pass it on to every question, and say so in a banner.
   */
  const asOf = /^\d+$/.test(params.get('asOf') ?? '') ? Number(params.get('asOf')) : undefined;
  if (asOf === undefined) retractedToggle();
  else {
    const banner = document.createElement('p');
    banner.className = 'as-of';
    const now = new URLSearchParams(params);
    now.delete('asOf');
    banner.innerHTML = `As of change set ${asOf}: the graph as it stood when that change set was committed: the entities and links then, with their values then (what is derived from dates, such as the reforms before an approval, is drawn only as it stands now). <a class="link" href="?${escape(now.toString())}">As it stands now</a>`;
    document.querySelector('header')?.after(banner);
  }

  function showError(element, error) {
    element.innerHTML = `<p class="error">${escape(error.message ?? error)}</p>`;
  }

  return { graphql, style, escape, sourcesHtml, SOURCE_FIELDS, OWN_SOURCE_FIELDS, showError, labelOf, includeRetracted, asOf };
})();
