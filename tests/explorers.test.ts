import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAudits } from 'graphql-http';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../src/bootstrap.js';
import { GRASS_FILE } from '../src/explorer.js';
import { PROJECT_ROOT } from '../src/graph/local-server.js';
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

/** A saved query of cypher/browser as one line (Browser's editor runs on Enter). */
function savedQuery(file: string): string {
  return readFileSync(join(PROJECT_ROOT, 'cypher', 'browser', file), 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/;\s*$/, '')
    .trim();
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

  it('Neo4j Browser connects, runs a saved query, and draws the graph in the project style', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${TEST_NEO4J.httpPort}/browser/`);
    await page.getByTestId('boltaddress').fill(`bolt://127.0.0.1:${TEST_NEO4J.boltPort}`);
    await page.getByTestId('username').fill('neo4j');
    await page.getByTestId('password').fill(TEST_PASSWORD);
    await page.getByTestId('connect').click();
    // The post-connect command loads the style from the API.
    await page.getByText(`:style http://127.0.0.1:${TEST_API_PORT}/neo4j-browser/style.grass`).waitFor({ timeout: 30_000 });

    await page.locator('.monaco-editor').first().click();
    await page.keyboard.type(savedQuery('03-products-by-target-and-sponsor.cypher'));
    await page.keyboard.press('Control+Enter');

    const seeds = readSeeds(SEEDS_DIR);
    const expected = seeds.entities.filter((e) => ['Product', 'Sponsor', 'Target'].includes(e.kind)).length;
    const nodes = page.locator('svg g.node');
    await expect.poll(() => nodes.count(), { timeout: 30_000 }).toBe(expected);
    await page.waitForTimeout(1500); // let the force layout settle for the screenshot

    const fills = await page.locator('svg g.node circle.b-outline').evaluateAll((els) => els.map((e) => e.getAttribute('fill')?.toUpperCase()));
    expect(fills.filter((f) => f === grassColour('Product'))).toHaveLength(6);
    expect(fills.filter((f) => f === grassColour('Target'))).toHaveLength(2);
    const captions = await page.locator('svg g.node text.caption').allTextContents();
    expect(captions.map((c) => c.trim())).toEqual(expect.arrayContaining(['BCMA', 'CD19']));
    await page.screenshot({ path: join(ARTIFACTS, 'neo4j-browser.png') });
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
