import { beforeAll, describe, expect, it } from 'vitest';
import { ADS, harness, problemType, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const submit = async (ad: object, key = h.keys.employer) => (await h.call('POST', '/v1/ads', { key, body: ad })).body.adId as string;
const appeal = (adId: string, body: unknown, key = h.keys.employer) => h.call('POST', `/v1/ads/${adId}/appeal`, { key, body });
const queueIds = async (query = '') => (await h.call('GET', `/v1/reviews?limit=100${query}`, { key: h.keys.moderator })).body.items.map((i: { adId: string }) => i.adId);

describe('POST /v1/ads/{id}/appeal', () => {
  it('puts a rejected ad back in the review queue, marked as an appeal with the reason, and records it', async () => {
    const adId = await submit(ADS.reject);
    const res = await appeal(adId, { reason: '  仓库为井下作业，限男性有法定依据。 ' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ adId, status: 'pending_review', version: 1, appeal: { reason: '仓库为井下作业，限男性有法定依据。', at: expect.any(String) } });

    const queue = (await h.call('GET', '/v1/reviews?limit=100', { key: h.keys.moderator })).body.items;
    const entry = queue.find((i: { adId: string }) => i.adId === adId);
    expect(entry).toMatchObject({ appeal: { reason: '仓库为井下作业，限男性有法定依据。', version: 1 }, categories: ['gender'] });
    // Its category's queue carries the appeal too.
    const gender = (await h.call('GET', '/v1/reviews?category=gender&limit=100', { key: h.keys.moderator })).body.items;
    expect(gender.find((i: { adId: string }) => i.adId === adId).appeal.reason).toContain('井下');

    const ad = (await h.call('GET', `/v1/ads/${adId}`, { key: h.keys.employer })).body;
    expect(ad).toMatchObject({ status: 'pending_review', decision: 'reject', appeal: { version: 1 } });
    const events = (await h.call('GET', `/v1/ads/${adId}/history`, { key: h.keys.employer })).body.events;
    expect(events.map((e: { type: string; status: string }) => [e.type, e.status])).toEqual([
      ['submitted', 'rejected'],
      ['appealed', 'pending_review'],
    ]);
    expect(events[1]).toMatchObject({ reason: '仓库为井下作业，限男性有法定依据。', actor: { role: 'employer' } });
  });

  it('answers 409 for an ad that is not rejected, and for a second appeal of the same version', async () => {
    for (const ad of [ADS.clean, ADS.review]) {
      const res = await appeal(await submit(ad), { reason: '请复核' });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe(problemType('not-rejected'));
    }
    const adId = await submit(ADS.reject);
    expect((await appeal(adId, { reason: '请复核' })).status).toBe(202);
    expect((await appeal(adId, { reason: '再次请复核' })).body.type).toBe(problemType('not-rejected')); // pending now
    const decided = await h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator, body: { decision: 'reject', reason: '性别限制', expectedVersion: 1 } });
    expect(decided.status).toBe(200);
    const again = await appeal(adId, { reason: '再次请复核' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: problemType('already-appealed'), appeal: { version: 1 } });
    // A revision is a new version: rejected again, it may be appealed again.
    await h.call('PUT', `/v1/ads/${adId}`, { key: h.keys.employer, body: { ...ADS.reject, description: `${ADS.reject.description}需吃苦耐劳。` } });
    expect((await appeal(adId, { reason: '修改后仍被驳回，请复核' })).status).toBe(202);
  });

  it("answers another tenant's ad exactly like a missing one, and refuses moderators", async () => {
    const adId = await submit(ADS.reject);
    const foreign = await appeal(adId, { reason: '请复核' }, h.keys.employer2);
    const missing = await appeal(`ad_${'Z'.repeat(20)}`, { reason: '请复核' }, h.keys.employer2);
    expect(foreign.status).toBe(404);
    expect({ ...foreign.body, instance: '', requestId: '', detail: '' }).toEqual({ ...missing.body, instance: '', requestId: '', detail: '' });
    expect((await appeal(adId, { reason: '请复核' }, h.keys.moderator)).status).toBe(403);
    expect((await h.call('GET', `/v1/ads/${adId}`, { key: h.keys.employer })).body.status).toBe('rejected');
  });

  it('needs a reason of 1–2,000 visible characters and nothing else', async () => {
    const adId = await submit(ADS.reject);
    for (const body of [{}, { reason: '' }, { reason: ' \u200b\u3000\t' }, { reason: 'x'.repeat(2001) }, { reason: 7 }, { reason: '请复核', extra: 1 }, []]) {
      const res = await appeal(adId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.type).toBe(problemType('invalid-request'));
    }
    expect((await appeal(adId, 'not json')).body.type).toBe(problemType('malformed-json'));
    expect((await h.call('GET', `/v1/ads/${adId}`, { key: h.keys.employer })).body.status).toBe('rejected');
    expect((await appeal(adId, { reason: 'x'.repeat(2000) })).status).toBe(202);
  });

  it('has exactly one winner when an appeal and a moderator decision race', async () => {
    for (let round = 0; round < 4; round++) {
      const adId = await submit(ADS.reject);
      // The moderator decides on the rejected ad it saw (expectedStatus), whichever request the database takes first.
      const body = { decision: 'approve', reason: '误判：仓储岗位', expectedVersion: 1, expectedStatus: 'rejected' };
      const [appealed, decided] = await Promise.all([
        appeal(adId, { reason: '请复核' }),
        h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator, body }),
      ]);
      const statuses = [appealed.status, decided.status];
      expect(statuses.filter((s) => s < 300)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(1);
      const events = (await h.call('GET', `/v1/ads/${adId}/history`, { key: h.keys.moderator })).body.events.map((e: { type: string }) => e.type);
      expect(events).toEqual(['submitted', appealed.status === 202 ? 'appealed' : 'reviewed']);
      const ad = (await h.call('GET', `/v1/ads/${adId}`, { key: h.keys.moderator })).body;
      expect(ad.status).toBe(appealed.status === 202 ? 'pending_review' : 'approved');
    }
  });
});

describe('overriding the engine', () => {
  it('lists the ads the engine rejected, newest first, by category, paged; decided ones leave the list', async () => {
    const s = await harness();
    const post = async (ad: object) => (await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ad })).body.adId as string;
    const a = await post(ADS.reject);
    const b = await post({ title: '收银员', description: '入职需交押金500元。' });
    await post(ADS.review);
    await post(ADS.clean);
    const c = await post(ADS.reject);
    const list = async (query: string) => {
      const res = await s.call('GET', `/v1/reviews?status=rejected${query}`, { key: s.keys.moderator });
      expect(res.status).toBe(200);
      return res.body;
    };
    const all = await list('');
    expect(all.items.map((i: { adId: string }) => i.adId)).toEqual([c, b, a]);
    expect(all.items[0]).toMatchObject({ categories: ['gender'], rejectedAt: expect.any(String), version: 1, tenant: 'acme' });
    expect(all.items[0].queuedAt).toBeUndefined();
    expect((await list('&category=fee_charging')).items.map((i: { adId: string }) => i.adId)).toEqual([b]);
    const p1 = await list('&limit=2');
    const p2 = await list(`&limit=2&cursor=${encodeURIComponent(p1.cursor)}`);
    expect([...p1.items, ...p2.items].map((i: { adId: string }) => i.adId)).toEqual([c, b, a]);
    expect(p2.cursor).toBeUndefined();
    // A queue cursor is not a cursor of this list.
    await post(ADS.review);
    const queueCursor = (await s.call('GET', '/v1/reviews?limit=1', { key: s.keys.moderator })).body.cursor;
    expect(queueCursor).toBeDefined();
    const wrong = await s.call('GET', `/v1/reviews?status=rejected&cursor=${encodeURIComponent(queueCursor)}`, { key: s.keys.moderator });
    expect(wrong.body.type).toBe(problemType('invalid-cursor'));
    expect((await s.call('GET', '/v1/reviews?status=approved', { key: s.keys.moderator })).status).toBe(400);
    expect((await s.call('GET', '/v1/reviews?status=rejected', { key: s.keys.employer })).status).toBe(403);

    await s.call('POST', `/v1/ads/${c}/review`, { key: s.keys.moderator, body: { decision: 'reject', reason: '确认：性别限制', expectedVersion: 1 } });
    await s.call('POST', `/v1/ads/${b}/appeal`, { key: s.keys.employer, body: { reason: '押金会退还' } });
    expect((await list('')).items.map((i: { adId: string }) => i.adId)).toEqual([a]);
  });

  it('approving an engine reject needs a reason, keeps the engine verdict, and records the override', async () => {
    const adId = await submit(ADS.reject);
    const without = await h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator, body: { decision: 'approve', expectedVersion: 1 } });
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual([expect.objectContaining({ location: 'body', field: 'reason' })]);
    const blank = await h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator, body: { decision: 'approve', reason: ' \u200b', expectedVersion: 1 } });
    expect(blank.status).toBe(400);
    expect((await h.call('GET', `/v1/ads/${adId}`, { key: h.keys.moderator })).body.status).toBe('rejected');

    const res = await h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator, body: { decision: 'approve', reason: '招聘女装店男店员的反向说明，非限制', expectedVersion: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', decision: 'reject', verdict: { decision: 'reject' }, review: { decision: 'approve', overrodeEngine: true } });
    const events = (await h.call('GET', `/v1/ads/${adId}/history`, { key: h.keys.employer })).body.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'reviewed']);
    expect(events[0].verdict.decision).toBe('reject');
    expect(events[1]).toMatchObject({ decision: 'approve', overrodeEngine: true, status: 'approved', reason: expect.stringContaining('反向说明') });
    // Decided: no second decision.
    const again = await h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator2, body: { decision: 'reject', reason: 'x', expectedVersion: 1 } });
    expect(again.body.type).toBe(problemType('not-pending'));
  });

  it('approving an appealed engine reject is an override too; a moderator reject is not decided twice', async () => {
    const adId = await submit(ADS.reject);
    await appeal(adId, { reason: '请复核' });
    expect((await h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator, body: { decision: 'approve', expectedVersion: 1 } })).status).toBe(400);
    const ok = await h.call('POST', `/v1/ads/${adId}/review`, { key: h.keys.moderator, body: { decision: 'approve', reason: '申诉成立', expectedVersion: 1 } });
    expect(ok.body.review).toMatchObject({ overrodeEngine: true, reason: '申诉成立' });

    const other = await submit(ADS.reject);
    await h.call('POST', `/v1/ads/${other}/review`, { key: h.keys.moderator, body: { decision: 'reject', reason: '性别限制', expectedVersion: 1 } });
    const twice = await h.call('POST', `/v1/ads/${other}/review`, { key: h.keys.moderator, body: { decision: 'approve', reason: '改判', expectedVersion: 1 } });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ type: problemType('not-pending'), adStatus: 'rejected' });
  });
});

describe('queue entries of pending ads', () => {
  it('carry no appeal when nobody appealed', async () => {
    const adId = await submit(ADS.review);
    const entry = (await h.call('GET', '/v1/reviews?limit=100', { key: h.keys.moderator })).body.items.find((i: { adId: string }) => i.adId === adId);
    expect(entry.appeal).toBeUndefined();
    expect(await queueIds('&status=rejected')).not.toContain(adId);
  });
});
