import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../functions/engine.js';
import { createApp } from '../../functions/http/app.js';
import { createDynamoClient, createStore, StoreUnavailableError, type Store } from '../../functions/store/index.js';
import { ADS, harness, problemType, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number, slug: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ type: problemType(slug), status, instance: expect.any(String) });
  expect(typeof res.body.title).toBe('string');
  expect(res.body.detail.length).toBeGreaterThan(5);
  expect(res.body.requestId).toMatch(/\S/);
};

describe('400 invalid request', () => {
  it('answers malformed JSON with a problem, not a crash', async () => {
    for (const body of ['{"title":', '', 'null', '[1,2', '{"title": "x", }']) {
      const res = await h.call('POST', '/v1/check', { key: h.keys.employer, body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(['malformed-json', 'invalid-request'].map(problemType)).toContain(res.body.type);
    }
  });

  it('names the field and the reason for schema errors', async () => {
    const res = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: { title: '', description: 'x', salary: 5, nickname: 'y' } });
    expectProblem(res, 400, 'invalid-request');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { location: 'body', field: 'title', message: 'must not be empty' },
        expect.objectContaining({ location: 'body', field: 'salary' }),
        expect.objectContaining({ location: 'body', field: '', message: expect.stringContaining('nickname') }),
      ]),
    );
    expect(res.body.detail).toMatch(/^body\.title: must not be empty/);
  });

  it('enforces the documented text limits', async () => {
    const res = await h.call('POST', '/v1/check', { key: h.keys.employer, body: { title: 't', description: '招'.repeat(20_001) } });
    expectProblem(res, 400, 'invalid-request');
    expect(res.body.errors[0]).toEqual({ location: 'body', field: 'description', message: 'at most 20000 characters' });
    const ok = await h.call('POST', '/v1/check', { key: h.keys.employer, body: { title: 't', description: '招'.repeat(20_000) } });
    expect(ok.status).toBe(200);
  });

  it('rejects non-object JSON bodies and prototype tricks', async () => {
    for (const body of ['"just a string"', '42', '[]', '{"__proto__": {"admin": true}, "title": "a", "description": "b"}']) {
      const res = await h.call('POST', '/v1/check', { key: h.keys.employer, body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
    }
  });
});

describe('odd Unicode', () => {
  it('accepts lone surrogates, control characters, RTL marks and 4-byte emoji without crashing', async () => {
    // Raw JSON so the lone surrogates really travel as \\ud800 escapes.
    const raw = '{"title":"\\u202e招聘\\u0000\\u0007\\ud800","description":"\\udc00 客服\\u200f 👩‍💻😀 𠀀，限男性，\\u2066年龄35岁以下\\u2069"}';
    const checked = await h.call('POST', '/v1/check', { key: h.keys.employer, body: raw, headers: { 'content-type': 'application/json' } });
    expect(checked.status).toBe(200);
    const created = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: raw, headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    const stored = await h.call('GET', `/v1/ads/${created.body.adId}`, { key: h.keys.employer });
    expect(stored.body.ad.title).toBe('\u202e招聘\u0000\u0007\uFFFD'); // lone surrogate → U+FFFD, same length
    const { description } = stored.body.ad;
    for (const f of stored.body.verdict.findings) {
      expect(description.slice(f.start, f.end)).toBe(f.text); // offsets still index the stored text
    }
    expect(stored.body.verdict.findings.map((f: { category: string }) => f.category)).toEqual(expect.arrayContaining(['gender']));
  });

  it('accepts invalid UTF-8 bytes in the body as replacement characters', async () => {
    const bytes = Buffer.concat([Buffer.from('{"title":"a\\u0000b","description":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const res = await h.app.request('/v1/check', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.employer}`, 'content-type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBe(200);
  });
});

describe('odd URLs and headers', () => {
  it('never answers 500 to malformed paths, repeated parameters or odd headers', async () => {
    const cases: [string, string, Record<string, string>?][] = [
      ['GET', '/v1/ads/%'],
      ['GET', '/v1/ads/%E0%A4%A'],
      ['GET', `/v1/ads/${'x'.repeat(5000)}`],
      ['GET', '/v1/ads/..%2F..%2Fetc%2Fpasswd/history'],
      ['GET', '/v1/ads?limit=1&limit=2'],
      ['GET', '/v1/ads?status=approved&status=rejected'],
      ['GET', `/v1/ads?cursor=${'A'.repeat(3000)}`],
      ['GET', '/v1/reviews?category=%00'],
      ['PUT', `/v1/ads/ad_${'B'.repeat(20)}`, { 'if-match': 'W/"abc"' }],
      ['POST', '/v1/ads', { 'idempotency-key': '' }],
    ];
    for (const [method, path, headers] of cases) {
      const key = path.startsWith('/v1/reviews') ? h.keys.moderator : h.keys.employer;
      const res = await h.call(method, path, { key, headers, body: method === 'GET' ? undefined : ADS.clean });
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('413, 415, 404, 429', () => {
  it('answers 413 for a body over the limit, stating the limit', async () => {
    const big = JSON.stringify({ title: 't', description: 'x'.repeat(300 * 1024) });
    const res = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: big, headers: { 'content-type': 'application/json' } });
    expectProblem(res, 413, 'payload-too-large');
    expect(res.body.detail).toContain('262144 bytes');
    expect(res.body.limitBytes).toBe(262144);
  });

  it('answers 415 for a body that is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: 'title=x', headers: { 'content-type': type } });
      expectProblem(res, 415, 'unsupported-media-type');
    }
    const noType = await h.app.request('/v1/check', { method: 'POST', headers: { authorization: `Bearer ${h.keys.employer}` }, body: '{"title":"a"}' });
    expect(noType.status).toBe(415);
  });

  it('answers 404 problem+json for unknown routes', async () => {
    expectProblem(await h.call('GET', '/v2/ads', { key: h.keys.employer }), 404, 'not-found');
    expectProblem(await h.call('DELETE', '/v1/ads', { key: h.keys.employer }), 404, 'not-found');
  });

  it('answers 429 with Retry-After once a key exhausts its bucket, per key', async () => {
    const limited = await harness({ store: h.store, limits: { rateLimit: { perSecond: 1, burst: 3 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.call('GET', '/v1/lexicon', { key: limited.keys.organizer })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const res = await limited.call('GET', '/v1/lexicon', { key: limited.keys.organizer });
    expectProblem(res, 429, 'rate-limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another key has its own bucket.
    expect((await limited.call('GET', '/v1/lexicon', { key: limited.keys.moderator })).status).toBe(200);
  });
});

describe('faults', () => {
  it('answers an unexpected fault with a 500 problem carrying the request id, and logs it', async () => {
    const logs: Record<string, unknown>[] = [];
    const broken: Store = {
      ...h.store,
      ads: {
        ...h.store.ads,
        get: async () => {
          throw new TypeError('boom');
        },
      },
    };
    const app = createApp({ engine: getEngine(), store: broken, log: (e) => logs.push(e) });
    const res = await app.request(`/v1/ads/ad_${'A'.repeat(20)}`, { headers: { authorization: `Bearer ${h.keys.moderator}` } });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ type: problemType('internal'), status: 500 });
    expect(body.detail).not.toContain('boom'); // no internals leak
    expect(res.headers.get('x-request-id')).toBe(body.requestId);
    expect(logs).toEqual([expect.objectContaining({ level: 'error', requestId: body.requestId, error: expect.objectContaining({ message: 'boom' }) })]);
  });

  it('answers 503 with Retry-After when DynamoDB is unreachable', async () => {
    const unreachable = createStore({ client: createDynamoClient({ endpoint: 'http://127.0.0.1:9' }), tableName: 'nowhere' });
    const app = createApp({ engine: getEngine(), store: { ads: unreachable.ads, keys: h.store.keys, feedback: unreachable.feedback, ping: unreachable.ping }, log: () => {} });
    const res = await app.request('/v1/ads', { headers: { authorization: `Bearer ${h.keys.employer}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(new StoreUnavailableError(null).message).toMatch(/temporarily unavailable/);
  });

  it('writes nothing when a create fails midway: ad, version, event and queue entries are one transaction', async () => {
    const s = await harness();
    // A real DynamoDB failure: the ad swapped for one far over the 400 KB item limit (incompressible text).
    const noise = Array.from({ length: 250_000 }, () => String.fromCharCode(0x4e00 + randomInt(20_000))).join('');
    const failing: Store = { ...s.store, ads: { ...s.store.ads, create: (input) => s.store.ads.create({ ...input, ad: { ...input.ad, description: noise } }) } };
    const logs: Record<string, unknown>[] = [];
    const app = createApp({ engine: getEngine(), store: failing, log: (e) => logs.push(e) });
    const res = await app.request('/v1/ads', {
      method: 'POST',
      headers: { authorization: `Bearer ${s.keys.employer}`, 'content-type': 'application/json', 'idempotency-key': 'will-fail' },
      body: JSON.stringify(ADS.review),
    });
    expect(res.status).toBe(500);
    expect((await res.json()).requestId).toBe(logs[0]?.requestId);
    expect((await s.call('GET', '/v1/ads', { key: s.keys.employer })).body.items).toEqual([]);
    expect((await s.call('GET', '/v1/reviews', { key: s.keys.moderator })).body.items).toEqual([]);
    // The idempotency record was not written either: a retry through the healthy app stores the ad.
    const retry = await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.review, headers: { 'idempotency-key': 'will-fail' } });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });
});
