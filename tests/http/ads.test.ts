import { beforeAll, describe, expect, it } from 'vitest';
import { ADS, harness, problemType, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

describe('POST /v1/ads', () => {
  it('checks and stores an ad: 201 with adId, status, version and verdict', async () => {
    for (const [ad, status, decision] of [
      [ADS.clean, 'approved', 'approve'],
      [ADS.review, 'pending_review', 'review'],
      [ADS.reject, 'rejected', 'reject'],
    ] as const) {
      const res = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ad });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status, version: 1, verdict: { decision } });
      expect(res.body.adId).toMatch(/^ad_/);
      expect(res.headers.get('location')).toBe(`/v1/ads/${res.body.adId}`);
      const stored = await h.call('GET', `/v1/ads/${res.body.adId}`, { key: h.keys.employer });
      expect(stored.body).toMatchObject({ status, ad, verdict: res.body.verdict, version: 1, tenant: 'acme' });
    }
  });

  it('returns the first response for a retry with the same Idempotency-Key and stores nothing new', async () => {
    const s = await harness();
    const headers = { 'idempotency-key': 'submit-7f3a' };
    const first = await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.review, headers });
    // Same body with keys in another order is the same request.
    const reordered = { description: ADS.review.description, title: ADS.review.title };
    const retry = await s.call('POST', '/v1/ads', { key: s.keys.employer, body: reordered, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const list = await s.call('GET', '/v1/ads', { key: s.keys.employer });
    expect(list.body.items).toHaveLength(1);
    const queue = await s.call('GET', '/v1/reviews', { key: s.keys.moderator });
    expect(queue.body.items).toHaveLength(1);
  });

  it('answers 409 for the same Idempotency-Key with a different body', async () => {
    const headers = { 'idempotency-key': 'submit-conflict' };
    expect((await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.clean, headers })).status).toBe(201);
    const res = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.reject, headers });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.type).toBe(problemType('idempotency-mismatch'));
  });

  it('stores one ad when two requests with the same Idempotency-Key race', async () => {
    const s = await harness();
    const headers = { 'idempotency-key': 'double-click' };
    const [a, b] = await Promise.all([
      s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.clean, headers }),
      s.call('POST', '/v1/ads', { key: s.keys.employer, body: ADS.clean, headers }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.adId).toBe(b.body.adId);
    expect((await s.call('GET', '/v1/ads', { key: s.keys.employer })).body.items).toHaveLength(1);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const res = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.clean, headers: { 'idempotency-key': 'has space' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ location: 'header', field: 'idempotency-key' });
  });
});

describe('GET /v1/ads/{id} and tenant isolation', () => {
  it("answers 404 for another tenant's ad exactly as for a missing id", async () => {
    const { body } = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.clean });
    const theirs = await h.call('GET', `/v1/ads/${body.adId}`, { key: h.keys.employer2 });
    const missingId = `ad_${'Z'.repeat(20)}`;
    const missing = await h.call('GET', `/v1/ads/${missingId}`, { key: h.keys.employer2 });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: Record<string, unknown>, id: string) =>
      JSON.parse(JSON.stringify({ ...b, requestId: undefined }).replaceAll(id, '<id>'));
    expect(strip(theirs.body, body.adId)).toEqual(strip(missing.body, missingId));
    // Revising, reading history: the same.
    expect((await h.call('PUT', `/v1/ads/${body.adId}`, { key: h.keys.employer2, body: ADS.reject })).status).toBe(404);
    expect((await h.call('GET', `/v1/ads/${body.adId}/history`, { key: h.keys.employer2 })).status).toBe(404);
    expect((await h.call('GET', '/v1/ads/whatever', { key: h.keys.employer })).status).toBe(404);
  });

  it("lets moderators and admins read any tenant's ad", async () => {
    const { body } = await h.call('POST', '/v1/ads', { key: h.keys.employer2, body: ADS.review });
    for (const key of [h.keys.moderator, h.keys.admin]) {
      const res = await h.call('GET', `/v1/ads/${body.adId}`, { key });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tenant: 'globex', ad: ADS.review });
    }
  });
});

describe('GET /v1/ads', () => {
  it("lists only the caller's ads, newest first, across pages with an opaque cursor", async () => {
    const s = await harness();
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push((await s.call('POST', '/v1/ads', { key: s.keys.employer, body: i % 2 ? ADS.review : ADS.clean })).body.adId);
    await s.call('POST', '/v1/ads', { key: s.keys.employer2, body: ADS.clean });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await s.call('GET', `/v1/ads?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key: s.keys.employer });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((a: { adId: string }) => a.adId));
      cursor = res.body.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...mine].reverse());
    const pending = await s.call('GET', '/v1/ads?status=pending_review', { key: s.keys.employer });
    expect(pending.body.items.map((a: { adId: string }) => a.adId)).toEqual([mine[3], mine[1]]);
    expect(pending.body.items.every((a: { status: string }) => a.status === 'pending_review')).toBe(true);
  });

  it('answers 400 for a bad status, limit or cursor, and for a cursor of another tenant', async () => {
    expect((await h.call('GET', '/v1/ads?status=bogus', { key: h.keys.employer })).body.errors[0]).toMatchObject({ location: 'query', field: 'status' });
    expect((await h.call('GET', '/v1/ads?limit=0', { key: h.keys.employer })).status).toBe(400);
    expect((await h.call('GET', '/v1/ads?limit=101', { key: h.keys.employer })).status).toBe(400);
    const bad = await h.call('GET', '/v1/ads?cursor=not-a-cursor', { key: h.keys.employer });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe(problemType('invalid-cursor'));
    const page = await h.call('GET', '/v1/ads?limit=1', { key: h.keys.employer });
    expect(page.body.cursor).toBeDefined();
    const foreign = await h.call('GET', `/v1/ads?cursor=${encodeURIComponent(page.body.cursor)}`, { key: h.keys.employer2 });
    expect(foreign.status).toBe(400);
  });
});

describe('PUT /v1/ads/{id}', () => {
  it('checks the revision again and stores it as a new version, keeping the old one', async () => {
    const created = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.reject });
    const id = created.body.adId;
    const revised = await h.call('PUT', `/v1/ads/${id}`, { key: h.keys.employer, body: ADS.review, headers: { 'if-match': '"1"' } });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ adId: id, version: 2, status: 'pending_review', verdict: { decision: 'review' } });
    const again = await h.call('PUT', `/v1/ads/${id}`, { key: h.keys.employer, body: ADS.clean });
    expect(again.body).toMatchObject({ version: 3, status: 'approved' });
    const current = await h.call('GET', `/v1/ads/${id}`, { key: h.keys.employer });
    expect(current.body).toMatchObject({ version: 3, ad: ADS.clean, status: 'approved' });
    const history = await h.call('GET', `/v1/ads/${id}/history`, { key: h.keys.employer });
    expect(history.status).toBe(200);
    expect(history.body.events.map((e: { type: string; version: number; ad: unknown; verdict: { decision: string } }) => [e.type, e.version, e.ad, e.verdict.decision])).toEqual([
      ['submitted', 1, ADS.reject, 'reject'],
      ['revised', 2, ADS.review, 'review'],
      ['revised', 3, ADS.clean, 'approve'],
    ]);
  });

  it('answers 409 when If-Match names an old version', async () => {
    const { body } = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.clean });
    await h.call('PUT', `/v1/ads/${body.adId}`, { key: h.keys.employer, body: ADS.review });
    const stale = await h.call('PUT', `/v1/ads/${body.adId}`, { key: h.keys.employer, body: ADS.reject, headers: { 'if-match': '1' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: problemType('version-conflict'), currentVersion: 2 });
  });

  it('validates the revised ad like a new one', async () => {
    const { body } = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ADS.clean });
    const res = await h.call('PUT', `/v1/ads/${body.adId}`, { key: h.keys.employer, body: { title: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ location: 'body', field: 'description' });
  });
});
