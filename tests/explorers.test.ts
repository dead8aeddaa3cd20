import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAudits } from 'graphql-http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../src/bootstrap.js';
import { savedQueries } from '../src/explore/browser-guide.js';
import { GRASS_FILE } from '../src/explorer.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { readSeeds } from '../src/graph/seeds/read.js';
import { startTestApi, type TestApi } from './support/api.js';
import { TEST_API_PORT, TEST_NEO4J, TEST_PASSWORD } from './support/test-env.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts');
// CI installs Chromium (.ci/run); elsewhere the browser tests need `apt-get install chromium`.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
if (!haveChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing. Install it (Debian: apt-get install chromium) to run them; .ci/run installs it.`);

/** The colour the GraSS style gives a label. */
function grassColour(label: string): string {
  const rule = new RegExp(`node\\.${label}\\s*\\{([^}]*)\\}`).exec(readFileSync(GRASS_FILE, 'utf8'));
  return /(?:^|\s)color:\s*(#[0-9A-Fa-f]{6})/.exec(rule![1])![1];
}

/** "rgb(142,68,173)" as "#8E44AD". */
function rgbToHex(rgb: string): string {
  return `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

/** Records every request a page makes to anywhere but the API (the pages must work offline). */
function offline(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(api.url) && !r.url().startsWith('data:')) external.push(r.url());
  });
  return external;
}

let api: TestApi;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // On the port the test Neo4j's Browser fetches its style from (post-connect command).
  api = await startTestApi({ env: 'development' }, TEST_API_PORT);
});
afterAll(() => api.close());

describe.skipIf(!haveChromium)('in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(() => browser?.close());

  it('Neo4j Browser, served by the API, connects, opens the project guide, and a guide block draws the graph in the project style', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // What would leave the machine reaches the network layer, where page.route sees it (and drops it);
    // what Browser's bundle only tries (Google Fonts, Segment, Canny) the page's policy refuses first.
    const left: string[] = [];
    const tried: Array<{ url: string; failure?: string }> = [];
    const elsewhere = (url: string) => /^(https?|wss?):/.test(url) && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
    await page.route((url) => elsewhere(url.href), (route) => {
      left.push(route.request().url());
      return route.abort();
    });
    page.on('request', (r) => elsewhere(r.url()) && tried.push({ url: r.url() }));
    page.on('requestfailed', (r) => {
      const entry = tried.find((t) => t.url === r.url() && !t.failure);
      if (entry) entry.failure = r.failure()?.errorText;
    });
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));

    const served = await fetch(`${api.url}/browser/`);
    expect(served.headers.get('content-security-policy')).toContain(`connect-src 'self' http://127.0.0.1:${TEST_API_PORT} ws://127.0.0.1:${TEST_NEO4J.boltPort} http://127.0.0.1:${TEST_NEO4J.boltPort}`);
    // The local Neo4j's own Browser, which would make those requests, is off.
    expect((await fetch(`http://127.0.0.1:${TEST_NEO4J.httpPort}/browser/`)).status).toBe(404);

    await page.goto(`${api.url}/browser/`);
    // The API answers Browser's discovery request with the Neo4j it reads, so the form is filled in.
    await expect.poll(() => page.getByTestId('boltaddress').inputValue(), { timeout: 30_000 }).toContain(`127.0.0.1:${TEST_NEO4J.boltPort}`);
    await page.waitForTimeout(1500);
    expect(left).toEqual([]);
    const beforeLogin = tried.length;
    await page.getByTestId('username').fill('neo4j');
    await page.getByTestId('password').fill(TEST_PASSWORD);
    await page.getByTestId('connect').click();
    // The post-connect commands apply the style, open the guide (served by the API) and clear the
    // stream: no style frame and no welcome frame is left, the guide is what the user sees.
    await page.getByText('cell-therapy-kg: a guided tour').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000);
    // Nothing left the machine, before or after login; Bolt went to the test Neo4j only.
    expect(left).toEqual([]);
    expect(new Set(sockets.map((s) => new URL(s).host))).toEqual(new Set([`127.0.0.1:${TEST_NEO4J.boltPort}`]));
    // What Browser tried, each refused inside the page by the policy (recorded for the README).
    expect(tried.map((t) => t.failure)).toEqual(tried.map(() => 'csp'));
    // The control: the same page with its policy ignored sends Google Fonts' request out at once.
    const bypass = await browser.newContext({ bypassCSP: true });
    const unguarded = await bypass.newPage();
    const leaked: string[] = [];
    await unguarded.route((url) => elsewhere(url.href), (route) => {
      leaked.push(new URL(route.request().url()).hostname);
      return route.abort();
    });
    await unguarded.goto(`${api.url}/browser/`);
    await expect.poll(() => leaked, { timeout: 30_000 }).toContain('fonts.googleapis.com');
    await bypass.close();
    console.log(`Neo4j Browser tried ${beforeLogin} outside request(s) before login and ${tried.length - beforeLogin} after, all refused by the policy: ${[...new Set(tried.map((t) => new URL(t.url).host))].join(', ')}`);
    expect(await page.getByText(':style').count()).toBe(0);
    expect(await page.getByText(':play start').count()).toBe(0);

    // One slide per saved question, after the introduction: go to 03-products-by-target-and-sponsor.
    const slides = savedQueries();
    const index = slides.findIndex((q) => q.file === '03-products-by-target-and-sponsor.cypher');
    for (let i = 0; i <= index; i++) await page.getByTestId('guideNextSlide').click();
    await page.getByText(slides[index].about.split(': ')[0], { exact: true }).waitFor();
    // The play button Browser puts in front of a runnable block runs it.
    await page.locator('pre.runnable i').first().click();

    const seeds = readSeeds(SEEDS_DIR);
    const expected = seeds.entities.filter((e) => ['Product', 'Sponsor', 'Target'].includes(e.kind)).length;
    const nodes = page.locator('svg g.node');
    await expect.poll(() => nodes.count(), { timeout: 30_000 }).toBe(expected);
    await page.waitForTimeout(1500); // let the force layout settle for the screenshot

    const fills = await page.locator('svg g.node circle.b-outline').evaluateAll((els) => els.map((e) => e.getAttribute('fill')?.toUpperCase()));
    expect(fills.filter((f) => f === grassColour('Product'))).toHaveLength(6);
    expect(fills.filter((f) => f === grassColour('Target'))).toHaveLength(2);
    // Short, distinct captions: the product's INN short name and year.
    const captions = (await page.locator('svg g.node text.caption').allTextContents()).map((c) => c.trim());
    expect(captions).toEqual(expect.arrayContaining(['BCMA', 'CD19']));
    const productCaptions = await page.locator('svg g.node').evaluateAll((els) =>
      els.map((e) => [...e.querySelectorAll('text.caption')].map((t) => t.textContent?.trim()).join(' ')).filter((c) => /-cel/.test(c)),
    );
    expect(new Set(productCaptions).size).toBe(6);
    expect(productCaptions).toContain('cilta-cel 2024');
    await page.screenshot({ path: join(ARTIFACTS, 'neo4j-browser.png') });

    // The guide's first block, the schema: Browser adds a style rule for every label it has none for
    // (node.Entity with caption "{name}" before, cutting every caption to a long name). The project's
    // style has one, so the drawn products keep their short captions.
    for (let i = 0; i <= index; i++) await page.getByTestId('guidePreviousSlide').click();
    await page.getByText('CALL db.schema.visualization()').first().waitFor();
    await page.locator('pre.runnable i').first().click();
    await page.waitForTimeout(2500);
    const after = await page.locator('svg g.node').evaluateAll((els) =>
      els.map((e) => [...e.querySelectorAll('text.caption')].map((t) => t.textContent?.trim()).join(' ')).filter((c) => /-cel/.test(c)),
    );
    expect(new Set(after)).toEqual(new Set(productCaptions));
    await page.close();
  });

  it('the timeline page puts reforms and approvals on one axis in date order and links an approval to its preceding reforms', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const external = offline(page);
    await page.goto(`${api.url}/explore/timeline`);
    const boxes = page.locator('#timeline .vis-item.vis-box');
    const { body } = await api.post('{ timeline(first: 100) { date node { id } } }');
    const entries = body.data!.timeline as Array<{ date: string; node: { id: string } }>;
    await expect.poll(() => boxes.count(), { timeout: 30_000 }).toBe(entries.length);

    // Left edges follow the dates: an earlier year is never to the right of a later one.
    const drawn = await page.evaluate(() =>
      (window as any).explore.entries.map((e: { date: string; node: { id: string } }, i: number) => ({
        year: Number(e.date.slice(0, 4)),
        x: document.querySelector(`.vis-item.vis-box.item-${i}`)!.getBoundingClientRect().left,
      })),
    );
    const byYear = [...drawn].sort((a, b) => a.year - b.year || a.x - b.x);
    expect(byYear.map((d) => d.x)).toEqual([...byYear.map((d) => d.x)].sort((a, b) => a - b));

    await boxes.filter({ hasText: 'cilta-cel 2024' }).click();
    const details = page.locator('#details');
    await expect.poll(() => details.innerText()).toContain('Preceded by 4 reform(s)');
    expect(await details.innerText()).toContain('Ciltacabtagene autoleucl 2024 Nanjing Legend Biotechnology BCMA');
    // Curves from the four reforms to the approval (timeline-arrows), and the window leaves room for the latest labels.
    expect(await page.evaluate(() => (window as any).explore.arrows.getIdArrows().length)).toBe(4);
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('#timeline svg > path')].filter((p) => (p.getAttribute('d') ?? '').length > 8).length)).toBe(4);
    const clipped = await page.evaluate(() => {
      const right = document.querySelector('#timeline .vis-center')!.getBoundingClientRect().right;
      return [...document.querySelectorAll('#timeline .vis-item.vis-box')].filter((b) => b.getBoundingClientRect().right > right + 1).map((b) => b.textContent);
    });
    expect(clipped).toEqual([]);
    expect(await page.locator('.vis-box.preceding').count()).toBe(4);

    // A reform's sources: the section, the article's words and the cited reference.
    await boxes.filter({ hasText: '2019 · Regulatory Science' }).click();
    await expect.poll(() => details.innerText()).toContain('In 2019, China launched the Regulatory Science Action Plan');
    expect(await details.locator('ol.sources li').count()).toBe(1);
    await expect.poll(() => details.innerText()).toContain('[10]');
    // Entities of the timeline's kinds the article gives no date are listed beside the axis, not dropped.
    const lists = await api.post('{ reforms(first: 100) { edges { node { id date } } } guidelines(first: 100) { edges { node { id date } } } events(first: 100) { edges { node { id date } } } }');
    const undated = Object.values(lists.body.data!).flatMap((l: any) => l.edges.map((e: any) => e.node)).filter((n: any) => !n.date);
    expect(undated.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as any).explore.undated.map((n: any) => n.id).sort())).toEqual(undated.map((n: any) => n.id).sort());

    await boxes.filter({ hasText: 'cilta-cel 2024' }).click();
    await page.waitForTimeout(300);
    expect(external).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline.png') });
    await page.close();
  });

  it('the timeline page draws the timeline as it stood at a change set (?asOf=1), and says so', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const external = offline(page);
    await page.goto(`${api.url}/explore/timeline?asOf=1`);
    const { body } = await api.post('{ timeline(first: 50, asOf: 1) { node { id } } }');
    expect(body.errors).toBeUndefined();
    const boxes = page.locator('#timeline .vis-item.vis-box');
    await expect.poll(() => boxes.count(), { timeout: 30_000 }).toBe(body.data!.timeline.length);
    expect(await page.locator('.as-of').innerText()).toContain('As of change set 1');
    expect(await page.locator('.error').count()).toBe(0);
    // The way back to the graph as it stands.
    expect(await page.locator('.as-of a').getAttribute('href')).toBe('?');
    expect(external).toEqual([]);
    await page.close();
  });

  it('the graph page draws a neighbourhood as it stood at a change set (?asOf=1), and keeps it on every link', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const external = offline(page);
    await page.goto(`${api.url}/explore/graph?id=target:bcma&asOf=1`);
    const { body } = await api.post('{ neighborhood(id: "target:bcma", limit: 40, asOf: 1) { nodes { id } edges { id } } }');
    expect(body.errors).toBeUndefined();
    const drawn = () => page.evaluate(() => (window as any).explore.cy.nodes().not('.around').map((n: any) => n.id()).sort() as string[]);
    await expect.poll(drawn, { timeout: 30_000 }).toEqual(body.data!.neighborhood.nodes.map((n: { id: string }) => n.id).sort());
    expect(await page.evaluate(() => (window as any).explore.cy.edges().length)).toBe(body.data!.neighborhood.edges.length);
    expect(await page.locator('.as-of').innerText()).toContain('As of change set 1');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('1');
    // A search as of then links to the graph as of then.
    await page.getByLabel('Search the graph').fill('BCMA');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('#hits a').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('#hits a').first().getAttribute('href')).toMatch(/&asOf=1$/);
    expect(await page.locator('.error').count()).toBe(0);
    expect(external).toEqual([]);
    await page.close();
  });

  it('the graph page finds an entity, draws its neighbourhood in the project colours, and expands on click', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const external = offline(page);
    await page.goto(`${api.url}/explore/graph`);
    await page.getByLabel('Search the graph').fill('BCMA');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#hits a', { hasText: 'BCMA' }).first().click();

    // Entities drawn (group boxes, `.around`, aside).
    const count = () => page.evaluate(() => (window as any).explore.cy.nodes().not('.around').length as number);
    const { body } = await api.post('{ neighborhood(id: "target:bcma", limit: 40) { nodes { id } } }');
    await expect.poll(count, { timeout: 30_000 }).toBe(body.data!.neighborhood.nodes.length);

    // Clicking a product expands it: its agency, sponsor and classification join the drawing.
    const before = await count();
    const productPosition = await page.evaluate(() => (window as any).explore.cy.getElementById('product:ciltacabtagene-autoleucel').renderedPosition());
    const box = (await page.locator('#cy').boundingBox())!;
    await page.mouse.click(box.x + productPosition.x, box.y + productPosition.y);
    await expect.poll(count, { timeout: 30_000 }).toBeGreaterThan(before);
    const nmpa = await page.evaluate(() => (window as any).explore.cy.getElementById('agency:nmpa').style('background-color'));
    expect(rgbToHex(nmpa)).toBe(grassColour('Agency'));
    await expect.poll(() => page.locator('#details').innerText()).toContain('Ciltacabtagene autoleucl 2024 Nanjing Legend Biotechnology BCMA');

    // What the click added sits in a box "around" the product; "Collapse groups" (cytoscape-expand-collapse)
    // makes the box one node, with the product's links to it, and "Expand groups" brings the members back.
    const members = await page.evaluate(() => (window as any).explore.cy.getElementById('around:product:ciltacabtagene-autoleucel').children().map((n: any) => n.id()));
    expect(members.length).toBe((await count()) - before);
    expect(members).toContain('agency:nmpa');
    await page.getByRole('button', { name: 'Collapse groups' }).click();
    await expect.poll(count).toBe(before);
    expect(await page.evaluate(() => (window as any).explore.cy.getElementById('around:product:ciltacabtagene-autoleucel').hasClass('cy-expand-collapse-collapsed-node'))).toBe(true);
    expect(await page.evaluate(() => (window as any).explore.cy.getElementById('around:product:ciltacabtagene-autoleucel').connectedEdges().length)).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'graph-collapsed.png') });
    await page.getByRole('button', { name: 'Expand groups' }).click();
    await expect.poll(count).toBe(before + members.length);

    // Laid out with fCoSE; "Undo last expand" takes the expansion back (also when its box is collapsed).
    expect(await page.evaluate(() => (window as any).explore.layoutName)).toBe('fcose');
    const expanded = await count();
    await page.getByRole('button', { name: 'Collapse groups' }).click();
    await page.getByRole('button', { name: 'Undo last expand' }).click();
    await expect.poll(count).toBe(before);
    expect(await page.evaluate(() => (window as any).explore.cy.nodes('.around').length)).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo last expand' }).isDisabled()).toBe(true);
    await page.evaluate(() => (window as any).explore.expand('product:ciltacabtagene-autoleucel'));
    await expect.poll(count, { timeout: 30_000 }).toBe(expanded);

    // Inferred links are drawn dotted, each one the API marks inferred.
    const inferred = await page.evaluate(() => (window as any).explore.cy.edges('.inferred').map((e: any) => e.id()));
    expect(inferred.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as any).explore.cy.edges('.inferred')[0].style('line-style'))).toBe('dotted');

    // An edge's sources.
    await page.evaluate(() => (window as any).explore.cy.getElementById('product:ciltacabtagene-autoleucel|APPROVED_BY|agency:nmpa').emit('tap'));
    await expect.poll(() => page.locator('#details').innerText()).toContain('APPROVED_BY');
    expect(external).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'graph.png') });
    await page.close();
  });

  it('the graph page\'s search finds a year\'s reforms and approvals', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    await page.goto(`${api.url}/explore/graph`);
    await page.getByLabel('Search the graph').fill('2017');
    await page.getByRole('button', { name: 'Search' }).click();
    const { body } = await api.post('{ timeline(from: "2017", to: "2017") { node { name } } }');
    const names = body.data!.timeline.map((e: any) => e.node.name as string);
    expect(names.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#hits li').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(names.length);
    const hits = await page.locator('#hits li').allInnerTexts();
    for (const name of names) expect(hits.some((h) => h.includes(name))).toBe(true);
    expect(hits.some((h) => h.includes('Reform'))).toBe(true);
    await page.close();
  });

  it('fits a phone: viewport set, the panel below the drawing, nothing wider than the screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const path of ['/explore/timeline', '/explore/graph', '/explore/source/doc:china-cell-therapy-review', '/explore/statistics', '/']) {
      await page.goto(`${api.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('meta[name="viewport"]').count(), path).toBe(1);
      const layout = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        view: document.getElementById('view')?.getBoundingClientRect().bottom ?? null,
        aside: document.querySelector('aside')?.getBoundingClientRect().top ?? null,
      }));
      expect(layout.width, path).toBeLessThanOrEqual(390);
      if (layout.view !== null && layout.aside !== null) expect(layout.aside, path).toBeGreaterThanOrEqual(layout.view - 1);
    }
    await page.goto(`${api.url}/explore/timeline`);
    await page.locator('#timeline .vis-item.vis-box').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-phone.png') });
    await page.close();
  });

  it('the graph page shows retracted links, dashed, only when asked ("Show retracted facts")', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const external = offline(page);
    // The curated change set 0003 retracted the six misread links to this classification and stated them again.
    await page.goto(`${api.url}/explore/graph?id=classification:atmp-cell-therapy`);
    const count = (selector: string) => page.evaluate((s) => ((window as any).explore?.cy.$(s).length as number | undefined) ?? -1, selector);
    await expect.poll(() => count('node'), { timeout: 30_000 }).toBeGreaterThan(6);
    const live = await count('edge');
    expect(await count('edge.retracted')).toBe(0);

    await page.getByLabel('Show retracted facts').check();
    await page.waitForURL(/retracted=1/);
    await expect.poll(() => count('edge.retracted'), { timeout: 30_000 }).toBe(6);
    expect(await count('edge')).toBe(live + 6);
    expect(await page.evaluate(() => (window as any).explore.cy.$('edge.retracted').first().style('line-style'))).toBe('dashed');
    await page.evaluate(() => (window as any).explore.cy.$('edge.retracted').first().emit('tap'));
    await expect.poll(() => page.locator('#details').innerText()).toContain('Retracted: Quoted "cell derivatives with genetically modified cells"');
    expect(external).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'graph-retracted.png') });
    await page.close();
  });

  it('the source page shows the article beside its facts: each sentence marked, a click lists its facts with links, and source panels lead back', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external = offline(page);
    const REVIEW = 'doc:china-cell-therapy-review';
    const { body } = await api.post(`{ document(id: "${REVIEW}") { sentenceCount } reform: node(id: "reform:2019-regulatory-science-action-plan") { sources { sentence } } }`);
    const { sentenceCount } = body.data!.document;
    const sentence = body.data!.reform.sources[0].sentence as number;
    const coverage = (await (await fetch(`${api.url}/explore/source/${REVIEW}/coverage.json`)).json()).sentences as Array<{ n: number; noFact?: string }>;

    await page.goto(`${api.url}/explore/source/${REVIEW}`);
    const sentences = page.locator('#text .sentence');
    await expect.poll(() => sentences.count(), { timeout: 30_000 }).toBe(sentenceCount);
    // Marked as the coverage map says: restated and unmodelled sentences by their reason.
    const withFacts = new Set<number>();
    for (let after: string | null = null, i = 0; i < 5; i++) {
      const { body: b } = await api.post(`{ document(id: "${REVIEW}") { sentences(first: 100${after ? `, after: "${after}"` : ''}) { nodes { number facts } pageInfo { hasNextPage endCursor } } } }`);
      const { nodes, pageInfo } = b.data!.document.sentences;
      for (const n of nodes) if (n.facts.length) withFacts.add(n.number);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(await page.locator('#text .sentence.facts').count()).toBe(withFacts.size);
    // A sentence a curated change set cites now states a fact, whatever the map said of it.
    expect(await page.locator('#text .sentence.restates').count()).toBe(coverage.filter((s) => s.noFact === 'restates' && !withFacts.has(s.n)).length);
    expect(await page.locator('#text .sentence.gap').count()).toBe(0);
    expect(await page.locator('#references li').count()).toBe(20);

    // A sentence's facts, with links to the graph and the timeline.
    await page.locator(`#s${sentence}`).click();
    const details = page.locator('#details');
    await expect.poll(() => details.innerText()).toContain('Regulatory Science Action Plan');
    const timelineLink = details.locator('a', { hasText: 'timeline' }).first();
    expect(await timelineLink.getAttribute('href')).toBe('/explore/timeline?id=reform%3A2019-regulatory-science-action-plan');
    await timelineLink.click();
    await page.waitForURL(/explore\/timeline/);
    await expect.poll(() => page.locator('#details').innerText(), { timeout: 30_000 }).toContain('In 2019, China launched the Regulatory Science Action Plan');
    // ...whose source panel leads back to the sentence.
    await page.locator('#details a', { hasText: `Sentence ${sentence} in the article` }).click();
    await page.waitForURL(new RegExp(`#s${sentence}$`));
    await expect.poll(() => page.locator(`#s${sentence}.selected`).count(), { timeout: 30_000 }).toBe(1);
    expect(external).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'source.png') });
    await page.close();
  });

  it('the statistics page and the source page take ?asOf=1: the figures and facts as they stood then, said so', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external = offline(page);
    const { body } = await api.post('{ statistics(first: 100, asOf: 1) { totalCount edges { node { id findings(first: 3) { id } } } } }');
    expect(body.errors).toBeUndefined();
    await page.goto(`${api.url}/explore/statistics?asOf=1`);
    await expect.poll(() => page.evaluate(() => (window as any).explore?.points.size ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
    const points: string[] = await page.evaluate(() => [...(window as any).explore.points.keys()]);
    const then = body.data!.statistics.edges.map((e: any) => e.node.id);
    expect(points.every((id) => then.includes(id))).toBe(true);
    expect(points.length).toBeGreaterThanOrEqual(then.length - 2);
    expect(await page.locator('.as-of').innerText()).toContain('As of change set 1');
    expect(await page.locator('.error').count()).toBe(0);
    expect(external).toEqual([]);
    await page.close();
  });

  it('the statistics page draws every figure, forecasts hatched, findings pinned, and a click opens its sentence', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external = offline(page);
    const { body } = await api.post('{ statistics(first: 100) { totalCount edges { node { id forecast findings(first: 3) { id } sources { sentence } } } } }');
    const figures = body.data!.statistics.edges.map((e: any) => e.node);
    await page.goto(`${api.url}/explore/statistics`);
    await expect.poll(() => page.evaluate(() => (window as any).explore?.points.size ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
    const drawn = await page.evaluate(() => {
      const { charts, points } = (window as any).explore;
      const bars = charts.flatMap((c: any) => c.getOption().series[0].data);
      return {
        charts: charts.length,
        bars: bars.length,
        points: [...points.keys()],
        forecasts: bars.filter((b: any) => b.itemStyle.decal).length,
        pins: charts.reduce((n: number, c: any) => n + c.getOption().series[0].markPoint.data.length, 0),
      };
    });
    // Every figure is a bar, except a repeat of the same figure on the same axis (stated twice).
    expect(drawn.points.length).toBeGreaterThanOrEqual(figures.length - 2);
    expect(drawn.bars).toBe(drawn.points.length);
    expect(drawn.charts).toBeGreaterThan(8);
    expect(drawn.forecasts).toBe(figures.filter((f: any) => f.forecast && drawn.points.includes(f.id)).length);
    expect(drawn.forecasts).toBeGreaterThan(0);
    expect(drawn.pins).toBe(figures.filter((f: any) => drawn.points.includes(f.id)).reduce((n: number, f: any) => n + f.findings.length, 0));
    expect(drawn.pins).toBeGreaterThan(0);
    expect(await page.locator('.chart svg').count()).toBe(drawn.charts);

    const withSentence = figures.find((f: any) => f.sources[0]?.sentence && drawn.points.includes(f.id));
    await page.evaluate((id) => (window as any).explore.open(id), withSentence.id);
    await page.waitForURL(new RegExp(`/explore/source/.*#s${withSentence.sources[0].sentence}$`));
    await page.goBack();
    await expect.poll(() => page.evaluate(() => (window as any).explore?.points.size ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(external).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'statistics.png') });
    await page.close();
  });

  it('the offline GraphiQL runs an example operation and shows its result', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.goto(`${api.url}/graphiql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('query SponsorsOfBCMAProducts');

    await page.locator('.graphiql-execute-button').click();
    await page.getByRole('menuitem', { name: 'SponsorsOfBCMAProducts' }).click();
    const result = page.locator('.graphiql-response');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('Nanjing Legend Biotechnology');
    const text = await result.innerText();
    expect(text).toContain('"totalCount": 3');
    expect(text).toContain('Ciltacabtagene autoleucel');
    expect(external).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
    await page.close();
  });

  it('offline, /graphql says Sandbox cannot load and links to the offline GraphiQL', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    // No request leaves this machine: Apollo's CDN is unreachable, as it is offline.
    await page.route((url) => !url.href.startsWith(api.url), (route) => route.abort());
    await page.goto(`${api.url}/graphql`);
    await expect.poll(() => page.locator('.fallback').innerText(), { timeout: 15_000 }).toContain('Apollo Sandbox cannot be loaded');
    await page.getByRole('link', { name: 'GraphiQL' }).click();
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await page.close();
  });
});

describe('the project style', () => {
  it('gives every kind a colour of its own, and none white (a swatch must show on a white page)', () => {
    const colours = [...readFileSync(GRASS_FILE, 'utf8').matchAll(/node\.(\w+)\s*\{[^}]*?\n\s*color:\s*(#[0-9A-Fa-f]{6})/g)].map((m) => [m[1], m[2].toUpperCase()]);
    expect(colours.length).toBeGreaterThanOrEqual(15);
    expect(new Set(colours.map(([, c]) => c)).size).toBe(colours.length);
    expect(colours.filter(([, c]) => c === '#FFFFFF' || c === '#FDFEFE')).toEqual([]);
  });
});

describe('Apollo Sandbox and HTTP clients', () => {
  it('embeds Sandbox at /graphql in development with the examples and the endpoint preset', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('endpointIsEditable');
    expect(html).toContain('SponsorsOfBCMAProducts');
    expect(html).toContain('initialEndpoint');
    // Offline, Sandbox's CDN script cannot load; the page under it says so and links to what works.
    expect(html).toContain('Apollo Sandbox cannot be loaded: it comes from Apollo');
    expect(html).toContain('<a href="/graphiql">GraphiQL</a>');
  });

  it('serves a plain landing page and no introspection in production', async () => {
    const prod = await startTestApi({ env: 'production', introspection: false });
    try {
      const html = await (await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } })).text();
      expect(html).not.toContain('embeddable-sandbox');
      const { body } = await prod.post('{ __schema { queryType { name } } }');
      expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await prod.close();
    }
  });

  it('allows the Sandbox origin by CORS and keeps CSRF prevention on', async () => {
    const preflight = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://studio.apollographql.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://studio.apollographql.com');
    const other = await fetch(`${api.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });

  it('passes every MUST of the graphql-http server audit', async () => {
    const audits = serverAudits({ url: `${api.url}/graphql` });
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const failedMusts = results.filter((r) => r.status === 'error').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failedMusts).toEqual([]);
  });
});
