import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../functions/engine.js';
import { createApp } from '../../functions/http/app.js';
import { createDynamoClient, createStore } from '../../functions/store/index.js';
import { ADS, harness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

describe('POST /v1/check', () => {
  it('returns the verdict for any role and stores nothing', async () => {
    for (const key of [h.keys.employer, h.keys.moderator, h.keys.organizer, h.keys.admin]) {
      const res = await h.call('POST', '/v1/check', { key, body: ADS.reject });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ decision: 'reject', lexiconVersion: getEngine().info().version });
      expect(res.body.findings[0]).toMatchObject({ category: 'gender', field: 'description', text: '限男性' });
    }
    expect((await h.call('GET', '/v1/ads', { key: h.keys.employer })).body.items).toEqual([]);
    expect((await h.call('GET', '/v1/reviews', { key: h.keys.moderator })).body.items).toEqual([]);
  });
});

describe('GET /v1/lexicon and /health', () => {
  it('reports the lexicon version, categories and rule counts', async () => {
    const res = await h.call('GET', '/v1/lexicon', { key: h.keys.organizer });
    expect(res.status).toBe(200);
    const info = getEngine().info();
    expect(res.body).toEqual(info);
    expect(res.body.categories.reduce((n: number, c: { rules: number }) => n + c.rules, 0)).toBe(info.rules);
  });

  it('answers /health without a key', async () => {
    const res = await h.call('GET', '/health');
    expect(res.body).toEqual({ status: 'ok', lexiconVersion: getEngine().info().version });
  });

  it('answers /health/ready 200 while the database answers, and 503 problem+json while it does not', async () => {
    const ready = await h.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });

    // A store whose DynamoDB does not answer (nothing listens on port 9); /health stays liveness.
    const gone = createStore({ client: createDynamoClient({ endpoint: 'http://127.0.0.1:9' }), tableName: 'nowhere' });
    const app = createApp({ engine: getEngine(), store: gone, log: () => {} });
    const res = await app.request('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toMatchObject({ type: 'urn:hirecheck:problem:unavailable', status: 503, instance: '/health/ready' });
    expect((await app.request('/health')).status).toBe(200);
  });
});

describe('GET /openapi.json and /docs', () => {
  it('serves an OpenAPI 3.1 document generated from the zod schemas, with every endpoint', async () => {
    const res = await h.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths as Record<string, object>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(
      [
        'POST /v1/ads',
        'GET /v1/ads',
        'GET /v1/ads/{id}',
        'PUT /v1/ads/{id}',
        'GET /v1/ads/{id}/history',
        'POST /v1/ads/{id}/review',
        'POST /v1/ads/{id}/appeal',
        'POST /v1/ads/{id}/feedback',
        'GET /v1/reviews',
        'GET /v1/feedback/proposals',
        'GET /v1/feedback/export',
        'POST /v1/check',
        'GET /v1/lexicon',
        'GET /health',
        'GET /health/ready',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Ad', 'Verdict', 'Finding', 'Problem', 'ReviewRequest', 'AdHistory', 'AppealRequest', 'FeedbackRequest', 'Feedback', 'FeedbackProposals']));
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    // Limits come from the same schemas that validate.
    expect(doc.components.schemas.Ad.properties.description.maxLength).toBe(20000);
    const post = doc.paths['/v1/ads'].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '429', '500']));
    expect(post.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
  });

  it('serves an HTML API reference listing every endpoint and problem type', async () => {
    const res = await h.call('GET', '/docs');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    for (const text of ['/v1/ads/{id}/review', '/v1/reviews', 'urn:hirecheck:problem:rate-limited', 'Idempotency', '262144 bytes']) {
      expect(res.text).toContain(text.replace('{', '{'));
    }
  });
});
