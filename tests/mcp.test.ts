/**
 * The agent door: the MCP server with the SDK's own client, over Streamable HTTP (/mcp) and stdio
 * (`npm run mcp`). Every curated tool answers with facts an assistant can cite (quote, sentence,
 * reference numbers); bad arguments are MCP errors naming the argument; the door refuses foreign
 * origins and oversized requests before any Neo4j work.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { mintDevToken } from '../src/identity/dev-key.js';
import { exampleOperations } from '../src/resolvers/examples.js';
import { startTestApi, type TestApi } from './support/api.js';
import { TEST_PASSWORD, TEST_URI } from './support/test-env.js';

let api: TestApi;
let client: Client;

type Fact = { id: string; name: string; quote: string; references: number[]; sentence: number | null; detail: Record<string, unknown> };
async function call(name: string, args: Record<string, unknown>, on: Client = client) {
  const result = (await on.callTool({ name, arguments: args })) as { isError?: boolean; content: Array<{ text: string }>; structuredContent?: { facts: Fact[]; nextCursor: string | null; truncated: boolean; totalCount?: number } };
  return result;
}

beforeAll(async () => {
  api = await startTestApi();
  client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${api.url}/mcp`)));
});
afterAll(async () => {
  await client.close();
  await api.close();
});

describe('MCP over Streamable HTTP', () => {
  it('lists the curated tools (no free-form query), with input schemas and enums from the graph', async () => {
    const { tools } = await client.listTools();
    const curated = tools.filter((t) => !t.name.startsWith('example_')).map((t) => t.name);
    expect(curated.sort()).toEqual(['agency_issued', 'claims_of_type', 'get_entity', 'path_between', 'products_of_sponsor', 'products_of_target', 'reforms_before_approval', 'search', 'statistics_of_metric']);
    // And one per operation of examples.graphql, described by its question.
    expect(tools.filter((t) => t.name.startsWith('example_')).length).toBe(exampleOperations().length);
    expect(tools.find((t) => t.name === 'example_reforms_before_first_cd19_approval')?.description).toContain('Which reforms preceded the first CD19 approval');
    expect(tools.every((t) => !('query' in (t.inputSchema.properties ?? {})) && !('cypher' in (t.inputSchema.properties ?? {})))).toBe(true);
    const metric = tools.find((t) => t.name === 'statistics_of_metric')!.inputSchema.properties!.metric as { enum: string[] };
    expect(metric.enum).toContain('ind_applications');
    expect(tools.every((t) => t.annotations?.readOnlyHint)).toBe(true);
  });

  it('answers each tool with cited facts: quote, sentence and reference numbers beside each statement', async () => {
    const bcma = await call('products_of_target', { target: 'target:bcma' });
    expect(bcma.structuredContent!.facts.map((f) => f.id).sort()).toEqual(['product:ciltacabtagene-autoleucel', 'product:equecabtagene-autoleucel', 'product:zevorcabtagene-autoleucel']);
    for (const fact of bcma.structuredContent!.facts) {
      expect(fact.quote.length).toBeGreaterThan(10);
      expect(fact.sentence).toEqual(expect.any(Number));
    }
    // Table 1's rows cite no reference: the text says so where the numbers would be.
    expect(bcma.content[0].text).toMatch(/^1\. .+: ".+" \[(uncited|[\d, ]+)\] \(Table 1, sentence \d+\)/);
    expect(bcma.structuredContent).toMatchObject({ dataVersion: { seq: expect.any(Number) } });
    const calls: Array<[string, Record<string, unknown>]> = [
      ['search', { text: 'Baidu' }],
      ['get_entity', { id: 'agency:nmpa' }],
      ['products_of_sponsor', { sponsor: 'sponsor:nanjing-legend-biotechnology' }],
      ['reforms_before_approval', { product: 'product:ciltacabtagene-autoleucel' }],
      ['agency_issued', { agency: 'agency:nmpa' }],
      ['statistics_of_metric', { metric: 'ind_applications' }],
      ['claims_of_type', { type: 'challenge', first: 5 }],
      ['path_between', { from: 'event:2016-wei-zexi-incident', to: 'product:ciltacabtagene-autoleucel', maxHops: 6 }],
    ];
    const texts: string[] = [];
    for (const [name, args] of calls) {
      const result = await call(name, args);
      texts.push(result.content[0].text);
      expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
      expect(result.structuredContent!.facts.length, name).toBeGreaterThan(0);
      expect(result.structuredContent!.facts.every((f) => typeof f.quote === 'string' && Array.isArray(f.references)), name).toBe(true);
    }
    // An entity as it stood at a data version (the seeds' load, change set 1).
    const then = await call('get_entity', { id: 'agency:nmpa', asOf: 1 });
    expect(then.structuredContent!.facts[0].id).toBe('agency:nmpa');
    // A cited fact carries its reference numbers right after its quote.
    expect(texts.join('\n')).toMatch(/"[^"\n]+" \[\d+(, \d+)*\]/);
    const claims = await call('claims_of_type', { type: 'challenge', first: 5 });
    expect(claims.structuredContent!.nextCursor).toEqual(expect.any(String));
    const next = await call('claims_of_type', { type: 'challenge', first: 5, after: claims.structuredContent!.nextCursor });
    expect(next.structuredContent!.facts[0].id).not.toBe(claims.structuredContent!.facts[0].id);
  });

  it('answers every example operation as a tool, its entities cited', async () => {
    let withFacts = 0;
    for (const op of exampleOperations()) {
      const name = `example_${op.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}`;
      const result = await call(name, {});
      expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
      if (result.structuredContent!.facts.length) withFacts++;
      for (const fact of result.structuredContent!.facts) expect(typeof fact.quote, `${name} ${fact.id}`).toBe('string');
    }
    console.log(`example tools with cited facts: ${withFacts} of ${exampleOperations().length}`);
    expect(withFacts).toBeGreaterThanOrEqual(exampleOperations().length - 3);
  });

  it('refuses bad arguments with an MCP error naming the argument, and coded answers from the API', async () => {
    const wrong = await call('products_of_target', { target: 5 });
    expect(wrong.isError).toBe(true);
    expect(wrong.content[0].text).toContain('target');
    const unknown = await call('statistics_of_metric', { metric: 'not_a_metric' });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0].text).toContain('metric');
    const badCursor = await call('claims_of_type', { type: 'challenge', after: 'nonsense' });
    expect(badCursor.isError).toBe(true);
    expect(badCursor.content[0].text).toMatch(/^BAD_USER_INPUT/);
  });

  it('cuts an answer to the token budget and says so', async () => {
    const small = await startTestApi({ mcp: { ...api.config.mcp, tokenBudget: 300 } });
    onTestFinished(() => small.close());
    const tight = new Client({ name: 'mcp-test', version: '1.0.0' });
    await tight.connect(new StreamableHTTPClientTransport(new URL(`${small.url}/mcp`)));
    const result = await call('claims_of_type', { type: 'challenge', first: 20 }, tight);
    expect(result.structuredContent!.truncated).toBe(true);
    expect(result.structuredContent!.facts.length).toBeLessThan(20);
    expect(result.content[0].text).toContain('token budget');
    await tight.close();
  });

  it('serves sentences as resources and the citation prompt', async () => {
    const { resources } = await client.listResources();
    expect(resources.length).toBeGreaterThan(100);
    const read = await client.readResource({ uri: 'kg://document/doc:china-cell-therapy-review/sentence/1' });
    expect((read.contents[0] as { text: string }).text.length).toBeGreaterThan(20);
    const prompt = await client.getPrompt({ name: 'answer_with_citations', arguments: { question: 'Who holds BCMA products?' } });
    expect((prompt.messages[0].content as { text: string }).text).toContain('square brackets');
  });

  it('refuses a foreign Origin and an oversized body before any Neo4j work, and GET (stateless)', async () => {
    api.app.follower.stop();
    onTestFinished(() => api.app.follower.start());
    const sessions = vi.spyOn((api.executor as unknown as { driver: { session: () => unknown } }).driver, 'session');
    onTestFinished(() => sessions.mockRestore());
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'search', arguments: { text: 'x'.repeat(100_000) } } });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const oversized = await fetch(`${api.url}/mcp`, { method: 'POST', headers, body });
    expect(oversized.status).toBe(413);
    const foreign = await fetch(`${api.url}/mcp`, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    expect((await fetch(`${api.url}/mcp`)).status).toBe(405);
    expect(sessions).not.toHaveBeenCalled();
  });
});

describe('writes as drafts only', () => {
  it('offers propose_change to a signed-in curator on a server that takes writes: a draft, nothing applied; never to anonymous callers', async () => {
    const writable = await startTestApi({ writesEnabled: true });
    onTestFinished(async () => {
      await writable.executor.transaction('WRITE', 'test.cleanup', async (tx) => void (await tx.run("MATCH (d:Draft {proposer: 'curator-mcp'}) DELETE d")));
      await writable.close();
    });
    const anonymous = new Client({ name: 'mcp-test', version: '1.0.0' });
    await anonymous.connect(new StreamableHTTPClientTransport(new URL(`${writable.url}/mcp`)));
    expect((await anonymous.listTools()).tools.map((t) => t.name)).not.toContain('propose_change');
    await anonymous.close();
    const curator = new Client({ name: 'mcp-test', version: '1.0.0' });
    const token = await mintDevToken('curator-mcp', ['curator']);
    await curator.connect(new StreamableHTTPClientTransport(new URL(`${writable.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    onTestFinished(() => curator.close());
    expect((await curator.listTools()).tools.map((t) => t.name)).toContain('propose_change');
    const [{ seq }] = await writable.executor.read<{ seq: number }>('changes.current');
    const operations = [{ setProperties: { id: 'pathway:conditional-approval', properties: { aliases: ['conditional marketing approval'] }, source: { document: 'doc:china-cell-therapy-review', sentence: 64, quote: 'conditional approval to facilitate rapid market entry', refs: [] } } }];
    const result = (await curator.callTool({ name: 'propose_change', arguments: { reason: 'an alias the article uses', baseSeq: Number(seq), operations } })) as { isError?: boolean; content: Array<{ text: string }>; structuredContent?: { draft: { id: string; status: string } } };
    expect(result.isError, result.content[0].text).toBeFalsy();
    expect(result.structuredContent!.draft.status).toBe('PROPOSED');
    expect(await writable.executor.read<{ seq: number }>('changes.current')).toEqual([{ seq }]);
    // A bad citation is the mutation's coded refusal, and nothing is kept.
    const bad = (await curator.callTool({ name: 'propose_change', arguments: { reason: 'misquoted', baseSeq: Number(seq), operations: [{ setProperties: { ...operations[0].setProperties, source: { ...operations[0].setProperties.source, quote: 'words not in the sentence' } } }] } })) as { isError?: boolean; content: Array<{ text: string }> };
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/^BAD_USER_INPUT/);
  });
});

describe('MCP over stdio (npm run mcp)', () => {
  it('lists the tools and answers a search with citations', async () => {
    const stdio = new Client({ name: 'mcp-test', version: '1.0.0' });
    await stdio.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'mcp.ts')],
        cwd: PROJECT_ROOT,
        env: { ...(process.env as Record<string, string>), NODE_ENV: 'test', NEO4J_URI: TEST_URI, NEO4J_PASSWORD: TEST_PASSWORD, SEED_ON_START: 'false', LOG_LEVEL: 'silent' },
        stderr: 'ignore',
      }),
    );
    onTestFinished(() => stdio.close());
    expect((await stdio.listTools()).tools.length).toBe(9 + exampleOperations().length);
    const result = await call('search', { text: 'autoleucel', kinds: ['PRODUCT'] }, stdio);
    expect(result.structuredContent!.facts.length).toBeGreaterThan(0);
    expect(result.content[0].text).toContain('[');
  }, 120_000);
});
