/**
 * Who may write: every role against proposeChanges, forged and broken tokens (each UNAUTHENTICATED,
 * fast, before any Neo4j session), anonymous reads switched off, a JWKS provider that goes slow, and
 * tokens kept out of the logs.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { devKey, DEV_AUDIENCE, DEV_ISSUER, mintDevToken } from '../src/identity/dev-key.js';
import { TokenVerifier } from '../src/identity/verify.js';
import type { Role } from '../src/identity/roles.js';
import { captureLogs, startTestApi, type TestApi } from './support/api.js';
import { testConfig } from './support/test-env.js';
import { undoChanges } from './support/undo-changes.js';

const PROPOSE = `mutation($input: ChangeSetInput!) { proposeChanges(input: $input, dryRun: true) { dryRun changeSet { seq actor } } }`;
const REVIEW = 'doc:china-cell-therapy-review';
const INPUT = {
  reason: 'identity test',
  baseSeq: 0,
  operations: [{ setProperties: { id: 'pathway:conditional-approval', properties: { aliases: ['x'] }, source: { document: REVIEW, sentence: 64, quote: 'conditional approval to facilitate rapid market entry', refs: [] } } }],
};

let api: TestApi;
const logs = captureLogs();
let sessions: ReturnType<typeof vi.spyOn>;

let startSeq: number;
beforeAll(async () => {
  api = await startTestApi({ writesEnabled: true }, 0, undefined, logs.logger);
  const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
  INPUT.baseSeq = Number(seq);
  startSeq = Number(seq);
  // Every Neo4j query opens a session on the driver: counting them tells whether a request touched Neo4j.
  sessions = vi.spyOn((api.executor as unknown as { driver: { session: () => unknown } }).driver, 'session');
});
afterAll(async () => {
  // The review's test facts, drafts and change sets out, so the suites after this one see the seeds.
  await undoChanges(api.executor, startSeq, 'sponsor:test-review');
  await api.close();
});

async function call(authorization: string | undefined, query = PROPOSE, variables: Record<string, unknown> = { input: INPUT }, url = api.url) {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { status: res.status, body, code: body.errors?.[0]?.extensions?.code, ms: performance.now() - started };
}

const bearer = (token: string) => `Bearer ${token}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('roles against proposeChanges', () => {
  it('lets curators, editors and admins write; refuses readers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), writing nothing', async () => {
    const before = await api.executor.read<{ seq: number }>('changes.current');
    const anonymous = await call(undefined);
    expect({ status: anonymous.status, code: anonymous.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const reader = await call(bearer(await mintDevToken('reader-1', ['reader'])));
    expect({ status: reader.status, code: reader.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(reader.body.errors?.[0].message).toContain('needs the role curator or editor or admin');
    for (const role of ['curator', 'editor', 'admin'] as const) {
      const { body } = await call(bearer(await mintDevToken(`${role}-1`, [role])));
      expect(body.errors, role).toBeUndefined();
      // Attributed to the token's subject, never to anything the client says about itself.
      expect(body.data.proposeChanges).toMatchObject({ dryRun: true, changeSet: { actor: `${role}-1` } });
    }
    expect(await api.executor.read<{ seq: number }>('changes.current')).toEqual(before);
    // One audit line per write, and a counter by role and outcome (bounded labels).
    const writes = logs.lines.filter((l) => l.msg === 'write');
    expect(writes).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'reader-1', role: 'reader', mutation: 'proposeChanges', outcome: 'FORBIDDEN' }),
      expect.objectContaining({ actor: 'curator-1', role: 'curator', mutation: 'proposeChanges', outcome: 'ok', reqId: expect.any(String) }),
    ]));
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(/graphql_writes_total\{role="reader",outcome="FORBIDDEN"\} 1/);
    expect(metrics).toMatch(/graphql_writes_total\{role="admin",outcome="ok"\} 1/);
  });

  it('keeps reads open to anonymous callers by default, and to any valid token', async () => {
    expect((await call(undefined, '{ meta { dataVersion { seq } } }', {})).body.errors).toBeUndefined();
    expect((await call(bearer(await mintDevToken('reader-1', ['reader'])), '{ meta { apiVersion } }', {})).body.errors).toBeUndefined();
  });
});

describe('every role against every mutation and the drafts', () => {
  it('allows or refuses each with its code, and writes nothing on refusal', async () => {
    const [{ seq: before }] = await api.executor.read<{ seq: number }>('changes.current');
    const operations = {
      proposeChanges: `mutation($input: ChangeSetInput!) { proposeChanges(input: $input, dryRun: true) { dryRun } }`,
      importChanges: `mutation($input: ChangeSetInput!) { importChanges(input: $input, dryRun: true) { dryRun } }`,
      approveDraft: 'mutation { approveDraft(id: "draft:none") { dryRun } }',
      rejectDraft: 'mutation { rejectDraft(id: "draft:none", reason: "x") { id } }',
      withdrawDraft: 'mutation { withdrawDraft(id: "draft:none") { id } }',
      drafts: '{ drafts { nodes { id } } }',
    };
    // ok: allowed and answered (NOT_FOUND: allowed, and the draft does not exist).
    const expected: Record<string, Record<keyof typeof operations, string>> = {
      anonymous: { proposeChanges: 'UNAUTHENTICATED', importChanges: 'UNAUTHENTICATED', approveDraft: 'UNAUTHENTICATED', rejectDraft: 'UNAUTHENTICATED', withdrawDraft: 'UNAUTHENTICATED', drafts: 'UNAUTHENTICATED' },
      reader: { proposeChanges: 'FORBIDDEN', importChanges: 'FORBIDDEN', approveDraft: 'FORBIDDEN', rejectDraft: 'FORBIDDEN', withdrawDraft: 'FORBIDDEN', drafts: 'FORBIDDEN' },
      curator: { proposeChanges: 'ok', importChanges: 'FORBIDDEN', approveDraft: 'FORBIDDEN', rejectDraft: 'FORBIDDEN', withdrawDraft: 'NOT_FOUND', drafts: 'ok' },
      editor: { proposeChanges: 'ok', importChanges: 'FORBIDDEN', approveDraft: 'NOT_FOUND', rejectDraft: 'NOT_FOUND', withdrawDraft: 'NOT_FOUND', drafts: 'ok' },
      admin: { proposeChanges: 'ok', importChanges: 'ok', approveDraft: 'NOT_FOUND', rejectDraft: 'NOT_FOUND', withdrawDraft: 'NOT_FOUND', drafts: 'ok' },
    };
    const answered: typeof expected = {};
    for (const role of Object.keys(expected)) {
      const authorization = role === 'anonymous' ? undefined : bearer(await mintDevToken(`${role}-matrix`, [role as Role]));
      answered[role] = {} as Record<keyof typeof operations, string>;
      for (const [name, query] of Object.entries(operations) as Array<[keyof typeof operations, string]>) {
        const { code } = await call(authorization, query, name === 'proposeChanges' || name === 'importChanges' ? { input: INPUT } : {});
        answered[role][name] = String(code ?? 'ok');
      }
    }
    expect(answered).toEqual(expected);
    const [{ seq: after }] = await api.executor.read<{ seq: number }>('changes.current');
    expect(after).toEqual(before);
  });
});

describe('forged and broken tokens', () => {
  let cases: Array<[string, string]>;
  beforeAll(async () => {
    const key = await devKey();
    const signing = await importJWK(key.privateJwk, 'ES256');
    const claims = { roles: ['admin'] };
    const valid = () => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setSubject('mallory').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt();
    const other = await generateKeyPair('ES256');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'mallory', roles: ['admin'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now + 600 })}.`;
    // The classic confusion: HS256, with the server's public key (as text) for the HMAC secret.
    const hsHeader = `${b64({ alg: 'HS256', kid: key.kid })}.${b64({ sub: 'mallory', roles: ['admin'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now + 600 })}`;
    const hs = `${hsHeader}.${createHmac('sha256', JSON.stringify(key.publicJwk)).update(hsHeader).digest('base64url')}`;
    cases = [
      ['expired', await valid().setExpirationTime(now - 60).sign(signing)],
      ['not yet valid', await valid().setExpirationTime(now + 600).setNotBefore(now + 300).sign(signing)],
      ['signed by another key', await valid().setExpirationTime(now + 600).sign(other.privateKey)],
      ['alg: none', unsigned],
      ['HS256 with the public key as secret', hs],
      ['an unknown kid', await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'no-such-key' }).setSubject('mallory').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime(now + 600).sign(signing)],
      ['another issuer', await valid().setIssuer('https://evil.example').setExpirationTime(now + 600).sign(signing)],
      ['another audience', await valid().setAudience('another-service').setExpirationTime(now + 600).sign(signing)],
      ['no subject', await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime(now + 600).sign(signing)],
      ['no expiry', await valid().sign(signing)],
      ['oversized', await valid().setExpirationTime(now + 600).setJti('x'.repeat(9_000)).sign(signing)],
      ['not a JWT', 'hello.world'],
    ];
  });

  it('answers each with UNAUTHENTICATED (401), under 50 ms, without a Neo4j session, and never logs the token', async () => {
    // The change follower's own polls open sessions too: paused while sessions are counted.
    api.app.follower.stop();
    onTestFinished(() => api.app.follower.start());
    for (const [what, token] of cases) {
      sessions.mockClear();
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const { status, code, ms } = await call(bearer(token));
        expect({ what, status, code }).toEqual({ what, status: 401, code: 'UNAUTHENTICATED' });
        times.push(ms);
      }
      expect(times.sort((a, b) => a - b)[1], what).toBeLessThan(50);
      expect(sessions, what).not.toHaveBeenCalled();
      expect(JSON.stringify(logs.lines), what).not.toContain(token.slice(-20));
    }
  });

  it('says what was wrong, without echoing the token', async () => {
    const expired = await call(bearer(cases[0][1]));
    expect(expired.body.errors?.[0].message).toBe('the token has expired');
    expect(JSON.stringify(expired.body)).not.toContain(cases[0][1]);
    expect((await call(bearer(cases[3][1]))).body.errors?.[0].message).toMatch(/algorithm|malformed|verified/);
  });
});

describe('anonymous reads switched off', () => {
  it('answers a request without a token UNAUTHENTICATED before any resolver, and a reader\'s token normally', async () => {
    const closed = await startTestApi({ auth: { ...testConfig().auth, anonymousReads: false } });
    try {
      const anonymous = await call(undefined, '{ products(first: 1) { totalCount } }', {}, closed.url);
      expect({ status: anonymous.status, code: anonymous.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      const reader = await call(bearer(await mintDevToken('reader-1', ['reader'])), '{ products(first: 1) { totalCount } }', {}, closed.url);
      expect(reader.body.data.products.totalCount).toBe(6);
      // The exports are a door too: closed the same way.
      expect((await fetch(`${closed.url}/export/products.csv`)).status).toBe(401);
      const csv = await fetch(`${closed.url}/export/products.csv`, { headers: { authorization: bearer(await mintDevToken('reader-1', ['reader'])) } });
      expect(csv.status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe('the other doors restricted to a role', () => {
  it('opens the exports to readers and above and /metrics to admins only (EXPORTS_ROLE, METRICS_ROLE)', async () => {
    const doors = await startTestApi({ doorRoles: { exports: 'reader', metrics: 'admin' } });
    try {
      const get = async (path: string, roles?: Role[]) =>
        (await fetch(`${doors.url}${path}`, { headers: roles ? { authorization: bearer(await mintDevToken('door-test', roles)) } : {} })).status;
      expect(await get('/export/products.csv')).toBe(401);
      expect(await get('/export/products.csv', ['reader'])).toBe(200);
      expect(await get('/export/products.csv', ['curator'])).toBe(200);
      expect(await get('/metrics')).toBe(401);
      expect(await get('/metrics', ['editor'])).toBe(403);
      expect(await get('/metrics', ['admin'])).toBe(200);
    } finally {
      await doors.close();
    }
  });
});

describe('a JWKS provider', () => {
  let provider: Server;
  let delayMs = 0;
  let fetched = 0;
  let providerKey: { privateKey: CryptoKey; jwk: JWK };
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    providerKey = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: 'provider-1', alg: 'RS256', use: 'sig' } };
    provider = createServer((_req, res) => {
      fetched++;
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [providerKey.jwk] })), delayMs);
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

  const token = (kid: string) =>
    new SignJWT({ realm_access: { roles: ['curator'] } }).setProtectedHeader({ alg: 'RS256', kid }).setSubject('alice').setIssuer('https://idp.example').setAudience('ctkg').setExpirationTime('5m').sign(providerKey.privateKey);

  it('verifies against the provider\'s keys, keeps using them cached when it goes slow, and never waits past the timeout', async () => {
    const url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/jwks.json`;
    const verifier = await TokenVerifier.create({ jwksUrl: url, issuer: 'https://idp.example', audience: 'ctkg', rolesClaim: 'realm_access.roles', algorithms: ['RS256'], jwksTimeoutMs: 300, anonymousReads: true, development: false });
    expect(await verifier.identify(bearer(await token('provider-1')))).toEqual({ subject: 'alice', roles: ['curator'] });
    expect(fetched).toBe(1);
    delayMs = 5_000; // the provider now answers in 5 s
    const started = performance.now();
    expect(await verifier.identify(bearer(await token('provider-1')))).toEqual({ subject: 'alice', roles: ['curator'] });
    expect(performance.now() - started).toBeLessThan(50);
    // A kid it has not seen makes it ask the provider again: refused once the 300 ms timeout passes.
    const unknown = performance.now();
    await expect(verifier.identify(bearer(await token('provider-2')))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(performance.now() - unknown).toBeLessThan(1_000);
    delayMs = 0;
  });
});

describe('review: a draft is applied only when someone else approves it', () => {
  const DRAFT = 'id status proposer reviewer reviewReason seq';
  const propose = async (subject: string, roles: Role[], id: string) => {
    const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
    const input = { reason: `add ${id}`, baseSeq: Number(seq), operations: [{ createEntity: { kind: 'SPONSOR', id, properties: { name: `Review ${id.slice(-6)}` }, source: { document: REVIEW, sentence: 55, quote: 'CARsgen Therapeutics', refs: [] } } }] };
    const { body } = await call(bearer(await mintDevToken(subject, roles)), `mutation($input: ChangeSetInput!) { proposeChanges(input: $input) { draft { ${DRAFT} } changeSet { seq at } } }`, { input });
    expect(body.errors).toBeUndefined();
    return body.data.proposeChanges.draft as { id: string; status: string };
  };
  const review = async (subject: string, roles: Role[], mutation: string) => call(bearer(await mintDevToken(subject, roles)), `mutation { ${mutation} }`, {});
  const exists = async (id: string) => (await call(undefined, `{ node(id: "${id}") { id } }`, {})).body.data.node !== null;

  it('keeps a proposal as a PROPOSED draft; only another editor applies it, once, with proposer and approver recorded', async () => {
    const id = 'sponsor:test-review-a';
    const draft = await propose('curator-r1', ['curator'], id);
    expect(draft).toMatchObject({ status: 'PROPOSED', proposer: 'curator-r1' });
    expect(await exists(id)).toBe(false);

    const listed = await call(bearer(await mintDevToken('editor-r1', ['editor'])), '{ drafts { nodes { id proposer } } }', {});
    expect(listed.body.data.drafts.nodes.map((d: any) => d.id)).toContain(draft.id);
    const otherCurator = await call(bearer(await mintDevToken('curator-r2', ['curator'])), `{ drafts { nodes { id } } draft(id: "${draft.id}") { id } }`, {});
    expect(otherCurator.body.data).toEqual({ drafts: { nodes: [] }, draft: null });

    expect((await review('curator-r2', ['curator'], `approveDraft(id: "${draft.id}") { draft { id } }`)).code).toBe('FORBIDDEN');
    expect((await review('curator-r1', ['curator', 'editor'], `approveDraft(id: "${draft.id}") { draft { id } }`)).code).toBe('FORBIDDEN');
    expect(await exists(id)).toBe(false);

    const approved = await review('editor-r1', ['editor'], `approveDraft(id: "${draft.id}") { draft { ${DRAFT} } changeSet { seq actor approver } }`);
    expect(approved.body.errors).toBeUndefined();
    const { draft: done, changeSet } = approved.body.data.approveDraft;
    expect(done).toMatchObject({ status: 'APPLIED', reviewer: 'editor-r1', seq: changeSet.seq });
    expect(changeSet).toMatchObject({ actor: 'curator-r1', approver: 'editor-r1' });
    expect(await exists(id)).toBe(true);
    const again = await review('admin-r1', ['admin'], `approveDraft(id: "${draft.id}") { draft { id } }`);
    expect(again.code).toBe('CONFLICT');

    // The audit: one person's change sets, with their approver.
    const audit = await call(undefined, '{ changes(by: "curator-r1") { seq actor approver reason } }', {});
    expect(audit.body.data.changes).toEqual([{ seq: changeSet.seq, actor: 'curator-r1', approver: 'editor-r1', reason: `add ${id}` }]);
  });

  it('applies a draft once when two editors approve it at the same time', async () => {
    const id = 'sponsor:test-review-b';
    const draft = await propose('curator-r1', ['curator'], id);
    const [{ seq: before }] = await api.executor.read<{ seq: number }>('changes.current');
    const answers = await Promise.all(['editor-r1', 'editor-r2'].map((editor) => review(editor, ['editor'], `approveDraft(id: "${draft.id}") { draft { status } changeSet { seq } }`)));
    const codes = answers.map((a) => a.code ?? 'APPLIED').sort();
    expect(codes).toEqual(['APPLIED', 'CONFLICT']);
    const [{ seq: after }] = await api.executor.read<{ seq: number }>('changes.current');
    expect(Number(after)).toBe(Number(before) + 1);
  });

  it('rejects (a reviewer, with a reason) and withdraws (the proposer only), applying nothing', async () => {
    const rejected = await propose('curator-r1', ['curator'], 'sponsor:test-review-c');
    const r = await review('editor-r1', ['editor'], `rejectDraft(id: "${rejected.id}", reason: "Not in the article") { ${DRAFT} }`);
    expect(r.body.data.rejectDraft).toMatchObject({ status: 'REJECTED', reviewer: 'editor-r1', reviewReason: 'Not in the article', seq: null });
    expect((await review('editor-r2', ['editor'], `approveDraft(id: "${rejected.id}") { draft { id } }`)).code).toBe('CONFLICT');

    const withdrawn = await propose('curator-r1', ['curator'], 'sponsor:test-review-d');
    expect((await review('curator-r2', ['curator'], `withdrawDraft(id: "${withdrawn.id}") { id }`)).code).toBe('FORBIDDEN');
    const w = await review('curator-r1', ['curator'], `withdrawDraft(id: "${withdrawn.id}", reason: "Duplicate") { ${DRAFT} }`);
    expect(w.body.data.withdrawDraft).toMatchObject({ status: 'WITHDRAWN', reviewer: 'curator-r1' });
    expect(await exists('sponsor:test-review-c')).toBe(false);
    expect(await exists('sponsor:test-review-d')).toBe(false);
    expect((await review('editor-r1', ['editor'], 'approveDraft(id: "draft:nothing") { draft { id } }')).code).toBe('NOT_FOUND');
  });
});

describe('imports: an admin\'s change set, applied without a draft', () => {
  it('applies an admin\'s importChanges at once, as one change set with the admin as actor and approver; editors may not', async () => {
    const id = 'sponsor:test-import-a';
    const [{ seq }] = await api.executor.read<{ seq: number }>('changes.current');
    const input = { reason: `import ${id}`, baseSeq: Number(seq), operations: [{ createEntity: { kind: 'SPONSOR', id, properties: { name: 'Import test sponsor' }, source: { document: REVIEW, sentence: 55, quote: 'CARsgen Therapeutics', refs: [] } } }] };
    const mutation = `mutation($input: ChangeSetInput!) { importChanges(input: $input) { draft { id } changeSet { seq actor approver } } }`;
    expect((await call(bearer(await mintDevToken('editor-i1', ['editor'])), mutation, { input })).code).toBe('FORBIDDEN');
    expect((await call(undefined, `{ node(id: "${id}") { id } }`, {})).body.data.node).toBeNull();

    const { body } = await call(bearer(await mintDevToken('admin-i1', ['admin'])), mutation, { input });
    expect(body.errors).toBeUndefined();
    expect(body.data.importChanges).toEqual({ draft: null, changeSet: { seq: Number(seq) + 1, actor: 'admin-i1', approver: 'admin-i1' } });
    expect((await call(undefined, `{ node(id: "${id}") { id } }`, {})).body.data.node).toEqual({ id });
    expect(logs.lines.some((l) => l.msg === 'write' && l.mutation === 'importChanges' && l.actor === 'admin-i1' && l.seq === Number(seq) + 1 && l.outcome === 'ok')).toBe(true);
  });
});

describe('limits per identity', () => {
  it('answers a subject over its write budget TOO_MANY_REQUESTS with Retry-After, others unaffected; caps a draft\'s size', async () => {
    const limited = await startTestApi({ writesEnabled: true, writeLimits: { burst: 3, perMinute: 6, maxDraftOperations: 2 } });
    try {
      const [{ seq }] = await limited.executor.read<{ seq: number }>('changes.current');
      const input = { ...INPUT, baseSeq: Number(seq) };
      const alice = bearer(await mintDevToken('curator-alice', ['curator']));
      for (let i = 0; i < 3; i++) expect((await call(alice, PROPOSE, { input }, limited.url)).body.errors).toBeUndefined();
      const res = await fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: alice }, body: JSON.stringify({ query: PROPOSE, variables: { input } }) });
      const body = (await res.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
      expect({ status: res.status, code: body.errors?.[0].extensions?.code }).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const bob = bearer(await mintDevToken('curator-bob', ['curator']));
      expect((await call(bob, PROPOSE, { input }, limited.url)).body.errors).toBeUndefined();
      const big = await call(bob, PROPOSE, { input: { ...input, operations: [...input.operations, ...input.operations, ...input.operations] } }, limited.url);
      expect({ code: big.code, message: big.body.errors?.[0].message }).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('a draft holds at most 2 operations') });
    } finally {
      await limited.close();
    }
  });
});
