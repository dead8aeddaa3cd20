import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../src/graph/schema-apply.js';
import { startTestApi, type TestApi } from './support/api.js';

describe('the server on a real Neo4j', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers GraphQL over HTTP', async () => {
    const { status, body } = await api.post('{ __typename }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports liveness and readiness', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('applies the schema idempotently: the second run adds nothing', async () => {
    await applySchema(api.executor);
    expect(await applySchema(api.executor)).toBe(0);
  });
});
