import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app.js';
import { getEngine } from '../../functions/engine.js';
import { ADS, harness, problemType, type Harness, type Keys } from './harness.js';

let h: Harness;
let pendingId: string;
beforeAll(async () => {
  h = await harness();
  pendingId = (await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.review })).body.adId;
});

type Role = 'employer' | 'moderator' | 'organizer' | 'admin';
const ROLE_KEY: Record<Role, keyof Keys> = { employer: 'employer', moderator: 'moderator', organizer: 'organizer', admin: 'admin' };

/** Every /v1 endpoint with the roles that may call it. */
const ENDPOINTS: { method: string; path: () => string; body?: () => unknown; allowed: Role[] }[] = [
  { method: 'POST', path: () => '/v1/ads', body: () => ADS.clean, allowed: ['employer', 'admin'] },
  { method: 'GET', path: () => '/v1/ads', allowed: ['employer', 'admin'] },
  { method: 'GET', path: () => `/v1/ads/${pendingId}`, allowed: ['employer', 'moderator', 'admin'] },
  { method: 'PUT', path: () => `/v1/ads/${pendingId}`, body: () => ADS.review, allowed: ['employer', 'admin'] },
  { method: 'GET', path: () => `/v1/ads/${pendingId}/history`, allowed: ['employer', 'moderator', 'admin'] },
  { method: 'POST', path: () => '/v1/check', body: () => ADS.clean, allowed: ['employer', 'moderator', 'organizer', 'admin'] },
  { method: 'GET', path: () => '/v1/reviews', allowed: ['moderator', 'admin'] },
  // expectedVersion 99: an allowed role gets past the role check and stops at 409, changing nothing.
  { method: 'POST', path: () => `/v1/ads/${pendingId}/review`, body: () => ({ decision: 'approve', expectedVersion: 99 }), allowed: ['moderator', 'admin'] },
  { method: 'GET', path: () => '/v1/lexicon', allowed: ['employer', 'moderator', 'organizer', 'admin'] },
];

describe('roles', () => {
  for (const e of ENDPOINTS) {
    for (const role of ['employer', 'moderator', 'organizer', 'admin'] as Role[]) {
      const allowed = e.allowed.includes(role);
      it(`${e.method} ${e.path().replace(/ad_[\w-]+|undefined/, '{id}')}: ${role} is ${allowed ? 'allowed' : 'forbidden (403)'}`, async () => {
        const res = await h.call(e.method, e.path(), { key: h.keys[ROLE_KEY[role]], body: e.body?.() });
        if (allowed) {
          expect([200, 201, 409]).toContain(res.status);
        } else {
          expect(res.status).toBe(403);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(res.body).toMatchObject({ type: problemType('forbidden'), status: 403 });
          expect(res.body.detail).toContain(role);
        }
      });
    }
  }
});

describe('authentication', () => {
  it('answers 401 problem+json without a key, with a malformed header, or an unknown key', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer' }, { authorization: 'Bearer hc_0000000000_' + 'A'.repeat(43) }, { authorization: 'Bearer nonsense' }];
    for (const headers of cases) {
      const res = await h.call('GET', '/v1/lexicon', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.body).toMatchObject({ type: problemType('unauthorized'), status: 401 });
      expect(res.body.detail.length).toBeGreaterThan(10);
    }
  });

  it('answers 401 before reading the body, for every /v1 endpoint', async () => {
    for (const e of ENDPOINTS) {
      expect((await h.call(e.method, e.path(), { body: e.body?.() })).status).toBe(401);
    }
  });

  it('stops accepting a revoked key (immediately without the key cache)', async () => {
    const created = await h.store.keys.create({ role: 'organizer', tenant: 'fair' });
    const app = createApp({ engine: getEngine(), store: h.store, limits: { keyCacheMs: 0 } });
    const call = () => app.request('/v1/lexicon', { headers: { authorization: `Bearer ${created.key}` } });
    expect((await call()).status).toBe(200);
    await h.store.keys.revoke(created.keyId);
    expect((await call()).status).toBe(401);
  });

  it('needs no key for /health, /openapi.json and /docs', async () => {
    for (const path of ['/health', '/openapi.json', '/docs']) expect((await h.call('GET', path)).status).toBe(200);
  });
});
