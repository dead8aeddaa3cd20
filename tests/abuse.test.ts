/**
 * Abusive operations are refused before any resolver runs, introspection included: GraphQL Armor's
 * token, alias, directive and depth limits, and the project's cost estimate. Each refusal is a
 * coded HTTP 400, logged with `executed: false`.
 */
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isInputObjectType,
  isLeafType,
  type GraphQLArgument,
  type GraphQLField,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';
import { graphCounts } from '../src/graph/seeds/load.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, startTestApi, type TestApi } from './support/api.js';

let api: TestApi;
const logs = captureLogs();
beforeAll(async () => {
  api = await startTestApi({}, 0, undefined, logs.logger);
});
afterAll(() => api.close());

/** Posts an operation with a request id; returns status, first error, elapsed ms and the operation's log line. */
async function refusal(query: string, variables?: Record<string, unknown>) {
  const reqId = `abuse-${Math.random().toString(36).slice(2)}`;
  const started = performance.now();
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': reqId },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  const ms = performance.now() - started;
  const log = logs.lines.find((l) => l.reqId === reqId);
  return { status: res.status, data: body.data, error: body.errors?.[0], ms, log };
}

/** The median of five timed tries: one slow scheduling tick does not fail the bound. */
async function medianMs(query: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await refusal(query)).ms);
  return times.sort((a, b) => a - b)[2];
}

const fullIntrospection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });

describe('introspection bombs', () => {
  it('refuses 1,000 aliased __schema fields (94 kB) while parsing, with no resolver run', async () => {
    const bomb = `{ ${Array.from({ length: 1000 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    expect(bomb.length).toBeGreaterThan(40_000);
    const { status, error, data, log } = await refusal(bomb);
    expect({ status, code: error?.extensions?.code, data }).toEqual({ status: 400, code: 'TOO_MANY_TOKENS', data: undefined });
    expect(error?.message).toBe('Token limit of 1000 exceeded.');
    expect(log).toMatchObject({ status: 400, outcome: 'client_error', code: 'TOO_MANY_TOKENS', executed: false, roundTrips: 0 });
    expect(await medianMs(bomb)).toBeLessThan(100);
  });

  it('refuses sixteen aliased __schema fields that fit the token limit', async () => {
    const bomb = `{ ${Array.from({ length: 16 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`;
    const { status, error, log } = await refusal(bomb);
    expect({ status, code: error?.extensions?.code, message: error?.message }).toEqual({ status: 400, code: 'TOO_MANY_ALIASES', message: 'Aliases limit of 15 exceeded, found 16.' });
    expect(log).toMatchObject({ executed: false });
  });

  it("still answers Apollo Sandbox's and GraphiQL's full introspection query", async () => {
    const { status, error, data } = await refusal(fullIntrospection);
    expect({ status, error }).toEqual({ status: 200, error: undefined });
    expect((data as any).__schema.queryType.name).toBe('Query');
  });
});

describe('aliases and directives are counted as executed, through fragments', () => {
  it('refuses 4 aliases written once in a fragment but spread into 4 lists (16 executed)', async () => {
    const query = `
      fragment Names on Product { a: name b: name c: name d: name }
      { products { edges { node { ...Names } } } approvals: products(first: 1) { edges { node { ...Names } } }
        reforms { edges { node { approvalsFollowing { product { ...Names } } } } }
        targets { edges { node { products { ...Names } } } } }`;
    const { status, error, log } = await refusal(query);
    expect({ status, code: error?.extensions?.code, message: error?.message }).toEqual({ status: 400, code: 'TOO_MANY_ALIASES', message: 'Aliases limit of 15 exceeded, found 17.' });
    expect(log).toMatchObject({ executed: false, roundTrips: 0 });
  });

  it('refuses more than 50 directives, fragments included', async () => {
    const query = `fragment F on Product { ${Array.from({ length: 26 }, () => 'name @include(if: true)').join(' ')} }
      { products { edges { node { ...F } } } more: products(first: 1) { edges { node { ...F } } } }`;
    const { status, error, log } = await refusal(query);
    expect({ status, code: error?.extensions?.code, message: error?.message }).toEqual({ status: 400, code: 'TOO_MANY_DIRECTIVES', message: 'Directives limit of 50 exceeded, found 52.' });
    expect(log).toMatchObject({ executed: false });
  });

  it('counts depth as executed: a fragment adds no level of its own, its fields do', async () => {
    const deepViaFragment = `fragment P on Product { sponsors { products { sponsors { products { sponsors { name } } } } } }
      { products { edges { node { ...P } } } }`;
    const { status, error } = await refusal(deepViaFragment);
    expect({ status, code: error?.extensions?.code, message: error?.message }).toEqual({ status: 400, code: 'QUERY_TOO_DEEP', message: 'Query depth limit of 8 exceeded, found 9.' });
  });
});

describe('input errors are the client’s, coded, HTTP 400', () => {
  it('refuses wrong-typed variables with 400 BAD_USER_INPUT, never 500', async () => {
    for (const [query, variables] of [
      [`query($from: PartialDate) { timeline(from: $from) { date } }`, { from: 'x' }],
      [`query($first: Int) { products(first: $first) { totalCount } }`, { first: 'ten' }],
      [`query($id: ID!) { node(id: $id) { id } }`, { id: { nested: true } }],
      [`query($id: ID!) { node(id: $id) { id } }`, {}],
    ] as const) {
      const { status, error, log } = await refusal(query, variables);
      expect({ status, code: error?.extensions?.code }, JSON.stringify(variables)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expect(log).toMatchObject({ executed: false });
    }
  });

  it('answers an out-of-range cursor and a foreign cursor with BAD_USER_INPUT', async () => {
    const offset = Buffer.from(JSON.stringify(['id', 'x', 'y']).replace('"id"', '2147483648')).toString('base64url');
    for (const after of [offset, Buffer.from('arrayconnection:2147483648').toString('base64'), 'x'.repeat(5000)]) {
      const { status, error } = await refusal(`query($after: String) { products(after: $after) { totalCount } }`, { after });
      expect({ status, code: error?.extensions?.code }).toEqual({ status: 200, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('Cypher injection', () => {
  const PAYLOADS = [
    `x' OR 1=1 //`,
    `x"}) MATCH (n) DETACH DELETE n //`,
    `x\`) DETACH DELETE n //`,
    `x\\' }) RETURN 1 UNION MATCH (n) DETACH DELETE n //`,
    `$ids`,
    `{{label}}`,
    `target:bcma' OR '1'='1`,
    `*:* OR name:*`,
    `title:(a OR b)~ AND NOT "`,
    `\u0000\u001f`,
    `x\nMATCH (n) DETACH DELETE n`,
    `' CALL db.labels() YIELD label RETURN label //`,
    `2018-01'})-[:X]->() //`,
    `%00`,
    `x`.repeat(5000),
    `cell:therapy:*`,
  ];

  /**
   * Every root field, with one string argument (or one string field of a filter argument) set to each
   * payload: the graph stays as it was and every answer is data or a coded client error.
   */
  it('leaves the graph unchanged and answers every string argument and filter field with data or a coded error', async () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
    const before = await graphCounts(api.executor);
    const probes: Array<{ query: string; variables: Record<string, unknown> }> = [];
    const selection = (field: GraphQLField<unknown, unknown>) => (isLeafType(getNamedType(field.type)) ? '' : '{ __typename }');
    const required = (field: GraphQLField<unknown, unknown>, except: string) =>
      field.args.filter((a) => a.name !== except && a.type.toString().endsWith('!') && a.defaultValue === undefined).map((a: GraphQLArgument) => `${a.name}: ${getNamedType(a.type).name === 'Int' ? 1 : '"agency:nmpa"'}`);
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        const others = required(field, arg.name);
        const call = (value: string, type: string) => `query($v: ${type}) { ${field.name}(${[...others, `${arg.name}: ${value}`].join(', ')}) ${selection(field)} }`;
        if (['String', 'ID'].includes(named.name)) {
          for (const payload of PAYLOADS) probes.push({ query: call('$v', arg.type.toString()), variables: { v: payload } });
        } else if (isInputObjectType(named)) {
          for (const input of Object.values(named.getFields()).filter((f) => ['String', 'ID'].includes(getNamedType(f.type).name))) {
            const list = input.type.toString().startsWith('[');
            for (const payload of PAYLOADS) probes.push({ query: call('$v', named.name), variables: { v: { [input.name]: list ? [payload] : payload } } });
          }
        }
      }
    }
    expect(probes.length).toBeGreaterThan(300);
    const codes = new Set<string>();
    for (const probe of probes) {
      const { status, body } = await api.post(probe.query, probe.variables);
      for (const error of body.errors ?? []) codes.add(String(error.extensions?.code));
      expect(status, probe.query).toBeLessThan(500);
      expect(body.errors?.map((e) => e.extensions?.code) ?? [], `${probe.query} ${JSON.stringify(probe.variables)}`).not.toContain('INTERNAL_SERVER_ERROR');
    }
    // UNAUTHENTICATED: drafts and draft(id) answer only a signed-in caller.
    expect([...codes].filter((c) => !['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(c))).toEqual([]);
    expect(await graphCounts(api.executor)).toEqual(before);
  });
});

describe('requests that are not GraphQL over JSON', () => {
  it('get a GraphQL-shaped JSON 400 with a code, no stack and no path, whatever is wrong', async () => {
    const query = '{"query":"{ agencies { totalCount } }"}';
    for (const [contentType, body] of [
      ['application/json', '{"query": "{ agencies'],
      ['text/plain', query],
      [undefined, query],
      ['application/xml', '<query/>'],
      ['application/graphql', '{ agencies { totalCount } }'],
      ['application/json', ''],
      ['application/json', '[{"query":"{ agencies { totalCount } }"}]'],
      ['application/json', '{"query": 5}'],
      ['application/json', '{"query":"{ agencies { totalCount } }","variables":"x"}'],
    ] as const) {
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
      const answer = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect({ status: res.status, type: res.headers.get('content-type'), code: answer.errors[0].extensions.code }, `${contentType} ${body}`).toEqual({
        status: 400,
        type: 'application/json; charset=utf-8',
        code: 'BAD_REQUEST',
      });
      expect(JSON.stringify(answer)).not.toMatch(/stacktrace|\/work\/|node_modules/);
    }
  });
});

describe('large bodies', () => {
  it('answers bodies over 100 kB with a JSON 413 before parsing them', async () => {
    for (const size of [1_000_000, 10_000_000]) {
      const body = JSON.stringify({ query: `{ agencies { totalCount } }`, variables: { pad: 'x'.repeat(size) } });
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: 413,
        body: { errors: [{ message: 'The request body is larger than 100 kB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
      });
    }
  });
});

describe('field suggestions', () => {
  it('are given in development and hidden in production', async () => {
    const typo = `{ product { totalCount } }`;
    expect((await refusal(typo)).error?.message).toContain('Did you mean "products"');
    const prod = await startTestApi({ env: 'production', introspection: false });
    try {
      const { status, body } = await prod.post(typo);
      expect(status).toBe(400);
      expect(body.errors?.[0].message).toBe('Cannot query field "product" on type "Query". [Suggestion hidden]?');
      expect(JSON.stringify(body)).not.toContain('products');
    } finally {
      await prod.close();
    }
  });
});
