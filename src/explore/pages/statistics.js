// The figures as charts (Apache ECharts, served by the API): one request for every statistic with its
// sentence and the checker's findings on it, grouped into one chart per measure. Forecasts are drawn
// hatched; findings as red pins on the figures they concern; a click opens the figure's sentence in
// the article beside its facts.
'use strict';

const { graphql, escape, showError, includeRetracted, asOf } = window.Explore;

// With ?asOf=12, the figures as they stood at that change set (and the findings on them then).
const QUERY = `query ExploreStatistics($includeRetracted: Boolean!, $asOf: Int) {
  metrics { name unit description }
  statistics(first: 100, orderBy: {field: ID, direction: ASC}, includeRetracted: $includeRetracted, asOf: $asOf) {
    totalCount
    edges { node {
      id name caption metric value unit date periodStart periodEnd forecast dimension category retracted
      sources { document sentence quote }
      findings(first: 3) { id name rule }
    } }
  }
}`;

/** Market sizes and growth rates are compared across measures, one chart per unit. */
const ACROSS_MEASURES = [/_market_size$/, /_market_cagr$/];

/** Where a figure sits on its chart's axis: its category, else its date or period. */
function labelOf(s) {
  if (s.category) return s.category;
  if (s.date) return s.date;
  if (s.periodStart !== null && s.periodEnd !== null) return `${s.periodStart}–${s.periodEnd}`;
  return s.caption;
}

/** The chart a figure belongs to. */
function groupOf(s) {
  if (ACROSS_MEASURES.some((re) => re.test(s.metric))) return `${s.metric.replace(/^.*_(market_\w+)$/, '$1')}|${s.unit}`;
  return s.dimension ? `${s.metric}|${s.dimension}|${labelOfPeriod(s)}` : s.metric;
}
const labelOfPeriod = (s) => s.date ?? `${s.periodStart}–${s.periodEnd}`;

async function main() {
  const { metrics, statistics } = await graphql(QUERY, { includeRetracted, asOf: asOf ?? null });
  const described = new Map(metrics.map((m) => [m.name, m]));
  const figures = statistics.edges.map((e) => e.node);
  const groups = new Map();
  for (const s of figures) groups.set(groupOf(s), [...(groups.get(groupOf(s)) ?? []), s]);
  const container = document.getElementById('charts');
  container.innerHTML = '';
  const charts = [];
  const points = new Map(); // statistic id -> its chart and place, for tests and links
  for (const [key, members] of [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
    const first = members[0];
    const across = ACROSS_MEASURES.some((re) => re.test(first.metric));
    const metric = described.get(first.metric);
    const title = across
      ? `${first.metric.includes('cagr') ? 'Market growth (CAGR)' : 'Market size'}, ${first.unit}`
      : `${(metric?.description ?? first.metric).replace(/\.$/, '')}${first.dimension ? `, by ${first.dimension} (${labelOfPeriod(first)})` : ''}`;
    // One bar per figure, in the order of its axis (years ascending, categories as stated).
    const ordered = first.dimension ? members : [...members].sort((a, b) => (labelOf(a) < labelOf(b) ? -1 : 1));
    const unique = ordered.filter((s, i) => ordered.findIndex((o) => labelOf(o) === labelOf(s) && o.metric === s.metric && o.value === s.value) === i);
    const categories = unique.map((s) => (across ? `${s.metric.replace(/_market_\w+$/, '').replace(/_/g, ' ')} ${labelOf(s)}` : labelOf(s)));
    const card = document.createElement('div');
    card.className = 'chart-card';
    card.dataset.group = key;
    // Each finding once under its chart (a breakdown's finding concerns each of its parts).
    const findings = [...new Map(unique.flatMap((s) => s.findings).map((f) => [f.id, f])).values()];
    card.innerHTML = `<h3>${escape(title)}</h3><div class="muted">${escape(first.unit)}${unique.some((s) => s.forecast) ? ' · hatched: forecast' : ''}</div><div class="chart"></div>${findings
      .map((f) => `<div class="finding">⚑ ${escape(f.name)}</div>`)
      .join('')}`;
    container.appendChild(card);
    const chart = echarts.init(card.querySelector('.chart'), null, { renderer: 'svg' });
    const data = unique.map((s, i) => ({
      value: s.value,
      statistic: s.id,
      itemStyle: {
        color: s.retracted ? '#bdc3c7' : '#2e86c1',
        ...(s.forecast ? { opacity: 0.55, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.7)' } } : {}),
      },
      label: { show: true, position: 'top', fontSize: 10, formatter: () => `${formatValue(s.value)}${s.forecast ? ' (forecast)' : ''}` },
      index: i,
    }));
    unique.forEach((s, i) => points.set(s.id, { key, index: i, chart }));
    chart.setOption({
      aria: { enabled: true, decal: { show: false } },
      // Drawn at once: a chart read (or pictured) mid-animation shows bars at the wrong height.
      animation: false,
      grid: { left: 56, right: 14, top: 24, bottom: 56 },
      tooltip: { trigger: 'item', formatter: (p) => escape(unique[p.dataIndex].name) },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.some((c) => c.length > 10) ? 25 : 0, fontSize: 10 } },
      yAxis: { type: 'value', axisLabel: { formatter: formatValue, fontSize: 10 } },
      series: [
        {
          type: 'bar',
          data,
          markPoint: {
            symbol: 'pin',
            symbolSize: 34,
            itemStyle: { color: '#c0392b' },
            label: { formatter: '!', color: '#fff' },
            data: unique.flatMap((s, i) => s.findings.map((f) => ({ coord: [i, s.value], name: f.name, finding: f.id }))),
          },
        },
      ],
    });
    chart.on('click', (p) => {
      if (p.componentType === 'series') open(unique[p.dataIndex]);
    });
    charts.push(chart);
  }

  /** A figure's sentence in the article beside its facts. */
  function open(s) {
    const source = s.sources.find((x) => x.document && x.sentence);
    if (source) location.href = `/explore/source/${encodeURIComponent(source.document)}#s${source.sentence}`;
  }
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  document.getElementById('status')?.replaceChildren(
    `${figures.length} figures in ${groups.size} charts; ${figures.filter((s) => s.forecast).length} forecasts; ${figures.reduce((n, s) => n + s.findings.length, 0)} findings pinned.`,
  );
  window.explore = { charts, points, figures, open: (id) => open(figures.find((s) => s.id === id)) };
}

/** 28900000000 as "28.9 bn", 4824700 as "4.82 m". */
function formatValue(value) {
  if (Math.abs(value) >= 1e9) return `${+(value / 1e9).toPrecision(3)} bn`;
  if (Math.abs(value) >= 1e6) return `${+(value / 1e6).toPrecision(3)} m`;
  return String(value);
}

main().catch((error) => showError(document.getElementById('details'), error));
