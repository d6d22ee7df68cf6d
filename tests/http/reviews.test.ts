import { beforeAll, describe, expect, it } from 'vitest';
import { ADS, harness, problemType, type Harness } from './harness.js';

const APPEARANCE = { title: '前台', description: '身高160以上，形象气质佳。' };

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const submit = async (ad: object, key = h.keys.employer) => (await h.call('POST', '/v1/ads', { key, body: ad })).body.adId as string;
const ids = (body: { items: { adId: string }[] }) => body.items.map((i) => i.adId);

describe('GET /v1/reviews', () => {
  it('lists pending_review ads of every tenant, oldest first, paginated, filterable by category', async () => {
    const s = await harness();
    const a = (await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.review })).body.adId;
    const b = (await s.call('POST', '/v1/ads', { key: s.keys.employer2, body: APPEARANCE })).body.adId;
    const c = (await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.review })).body.adId;
    await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.clean });
    await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.reject });
    const all = await s.call('GET', '/v1/reviews', { key: s.keys.moderator });
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([a, b, c]);
    expect(all.body.items[1]).toMatchObject({ tenant: 'globex', title: APPEARANCE.title, version: 1, categories: ['appearance'] });
    const p1 = await s.call('GET', '/v1/reviews?limit=2', { key: s.keys.moderator });
    const p2 = await s.call('GET', `/v1/reviews?limit=2&cursor=${encodeURIComponent(p1.body.cursor)}`, { key: s.keys.moderator });
    expect([...ids(p1.body), ...ids(p2.body)]).toEqual([a, b, c]);
    expect(p2.body.cursor).toBeUndefined();
    expect(ids((await s.call('GET', '/v1/reviews?category=age', { key: s.keys.moderator })).body)).toEqual([a, c]);
    expect(ids((await s.call('GET', '/v1/reviews?category=appearance', { key: s.keys.moderator })).body)).toEqual([b]);
    expect(ids((await s.call('GET', '/v1/reviews?category=religion', { key: s.keys.moderator })).body)).toEqual([]);
    const bad = await s.call('GET', '/v1/reviews?category=nope', { key: s.keys.moderator });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ location: 'query', field: 'category' });
  });
});

describe('POST /v1/ads/{id}/review', () => {
  it('approves a pending ad, records the audit event, and takes it off the queue', async () => {
    const id = await submit(ADS.review);
    const res = await h.call('POST', `/v1/ads/${id}/review`, { key: h.keys.moderator, body: { decision: 'approve', expectedVersion: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ adId: id, status: 'approved', review: { decision: 'approve' } });
    expect(ids((await h.call('GET', '/v1/reviews?limit=100', { key: h.keys.moderator })).body)).not.toContain(id);
    const history = await h.call('GET', `/v1/ads/${id}/history`, { key: h.keys.employer });
    expect(history.body.events.map((e: { type: string; status: string }) => [e.type, e.status])).toEqual([
      ['submitted', 'pending_review'],
      ['reviewed', 'approved'],
    ]);
    // The employer sees the outcome.
    expect((await h.call('GET', `/v1/ads/${id}`, { key: h.keys.employer })).body.status).toBe('approved');
  });

  it('requires a reason to reject, and keeps it', async () => {
    const id = await submit(ADS.review);
    for (const body of [{ decision: 'reject', expectedVersion: 1 }, { decision: 'reject', reason: '   ', expectedVersion: 1 }]) {
      const res = await h.call('POST', `/v1/ads/${id}/review`, { key: h.keys.moderator, body });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ location: 'body', field: 'reason' });
    }
    const ok = await h.call('POST', `/v1/ads/${id}/review`, { key: h.keys.moderator, body: { decision: 'reject', reason: '年龄限制', expectedVersion: 1 } });
    expect(ok.body).toMatchObject({ status: 'rejected', review: { decision: 'reject', reason: '年龄限制' } });
    const events = (await h.call('GET', `/v1/ads/${id}/history`, { key: h.keys.moderator })).body.events;
    expect(events[1]).toMatchObject({ type: 'reviewed', decision: 'reject', reason: '年龄限制', actor: { role: 'moderator' } });
  });

  it('validates the decision body', async () => {
    const id = await submit(ADS.review);
    for (const body of [{ decision: 'maybe', expectedVersion: 1 }, { decision: 'approve' }, { decision: 'approve', expectedVersion: 0 }, { decision: 'approve', expectedVersion: 1, extra: true }]) {
      expect((await h.call('POST', `/v1/ads/${id}/review`, { key: h.keys.moderator, body })).status).toBe(400);
    }
  });

  it('lets exactly one of two moderators deciding at once win; the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await submit(ADS.review);
      const [a, b] = await Promise.all([
        h.call('POST', `/v1/ads/${id}/review`, { key: h.keys.moderator, body: { decision: 'approve', expectedVersion: 1 } }),
        h.call('POST', `/v1/ads/${id}/review`, { key: h.keys.moderator2, body: { decision: 'reject', reason: '不合规', expectedVersion: 1 } }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? a : b;
      expect(loser.headers.get('content-type')).toBe('application/problem+json');
      expect([problemType('not-pending'), problemType('concurrent-update')]).toContain(loser.body.type);
      const history = (await h.call('GET', `/v1/ads/${id}/history`, { key: h.keys.moderator })).body;
      expect(history.events.filter((e: { type: string }) => e.type === 'reviewed')).toHaveLength(1);
      expect(history.status).toBe(winner.body.status);
    }
  });

  it('answers 409 for a stale expectedVersion and for an ad that is not pending', async () => {
    const id = await submit(ADS.review);
    await h.call('PUT', `/v1/ads/${id}`, { key: h.keys.employer, body: APPEARANCE });
    const stale = await h.call('POST', `/v1/ads/${id}/review`, { key: h.keys.moderator, body: { decision: 'approve', expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: problemType('version-conflict'), currentVersion: 2 });
    const clean = await submit(ADS.clean);
    const notPending = await h.call('POST', `/v1/ads/${clean}/review`, { key: h.keys.moderator, body: { decision: 'approve', expectedVersion: 1 } });
    expect(notPending.status).toBe(409);
    expect(notPending.body).toMatchObject({ type: problemType('not-pending'), status: 409, adStatus: 'approved' });
  });

  it('answers 404 for a missing ad', async () => {
    const res = await h.call('POST', `/v1/ads/ad_${'Q'.repeat(20)}/review`, { key: h.keys.moderator, body: { decision: 'approve', expectedVersion: 1 } });
    expect(res.status).toBe(404);
  });

  it('keeps a revised pending ad in its queue place, and re-queues a decided ad revised into review', async () => {
    const s = await harness();
    const first = (await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.review })).body.adId;
    const second = (await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.review })).body.adId;
    await s.call('PUT', `/v1/ads/${first}`, { key: s.keys.employer, body: APPEARANCE });
    const queue = (await s.call('GET', '/v1/reviews', { key: s.keys.moderator })).body;
    expect(ids(queue)).toEqual([first, second]);
    expect(queue.items[0]).toMatchObject({ version: 2, categories: ['appearance'] });
    expect(ids((await s.call('GET', '/v1/reviews?category=age', { key: s.keys.moderator })).body)).toEqual([second]);
  });
});
