import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { getEngine } from '../../functions/engine.js';
import type { Verdict } from '../../functions/core/verdict.js';
import { ConflictError, InvalidCursorError, NotFoundError, type Principal, type Store } from '../../functions/store/index.js';
import { freshStore } from './table.js';

const engine = getEngine();
const check = (ad: Ad): Verdict => engine.check(ad);

const CLEAN: Ad = { title: '销售代表', description: '负责客户开发，男女不限。' };
const REVIEW: Ad = { title: '行政专员', description: '负责日常行政事务，年龄35岁以下。' };
const APPEARANCE: Ad = { title: '前台', description: '身高160以上，形象气质佳。' };
const REJECT: Ad = { title: '仓库管理员', description: '负责仓库管理，限男性。' };

let store: Store;
let acme: Principal;
let globex: Principal;
let mod: Principal;

beforeAll(async () => {
  store = await freshStore('store');
  acme = await store.keys.create({ role: 'employer', tenant: 'acme' });
  globex = await store.keys.create({ role: 'employer', tenant: 'globex' });
  mod = await store.keys.create({ role: 'moderator', tenant: 'platform' });
});

const create = (ad: Ad, actor = acme) => store.ads.create({ actor, ad, verdict: check(ad) });

describe('ads store', () => {
  it('stores an ad with its verdict, content hash and lexicon version, status from the decision', async () => {
    const approved = await create(CLEAN);
    const pending = await create(REVIEW);
    const rejected = await create(REJECT);
    expect([approved.status, pending.status, rejected.status]).toEqual(['approved', 'pending_review', 'rejected']);
    const rec = await store.ads.get(pending.adId, { tenant: 'acme' });
    expect(rec).toMatchObject({ adId: pending.adId, tenant: 'acme', version: 1, ad: REVIEW, categories: ['age'], findingCount: 1 });
    expect(rec.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rec.lexiconVersion).toBe(engine.info().version);
    expect(rec.verdict.findings[0]?.text).toContain('35岁以下');
  });

  it("answers NotFoundError for another tenant's ad exactly as for a missing one", async () => {
    const { adId } = await create(CLEAN);
    await expect(store.ads.get(adId, { tenant: 'globex' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.ads.get('ad_AAAAAAAAAAAAAAAAAAAA', { tenant: 'acme' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.ads.get('not-an-id', {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.ads.history(adId, { tenant: 'globex' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await store.ads.get(adId, {})).adId).toBe(adId); // platform scope (moderators)
  });

  it('lists a tenant\'s ads newest first across pages, and by status', async () => {
    const s = await freshStore('store-list');
    const owner = await s.keys.create({ role: 'employer', tenant: 'paged' });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await s.ads.create({ actor: owner, ad: i % 2 ? REVIEW : CLEAN, verdict: check(i % 2 ? REVIEW : CLEAN) })).adId);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await s.ads.list({ tenant: 'paged', limit: 3, cursor });
      seen.push(...page.items.map((a) => a.adId));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    const pending = await s.ads.list({ tenant: 'paged', status: 'pending_review', limit: 10 });
    expect(pending.items.map((a) => a.adId)).toEqual([ids[5], ids[3], ids[1]]);
    expect(pending.cursor).toBeUndefined();
    expect((await s.ads.list({ tenant: 'other', limit: 10 })).items).toEqual([]);
  });

  it('rejects a cursor that it did not issue for the same query', async () => {
    const page = await store.ads.list({ tenant: 'acme', limit: 1 });
    expect(page.cursor).toBeDefined();
    await expect(store.ads.list({ tenant: 'globex', limit: 1, cursor: page.cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.ads.list({ tenant: 'acme', limit: 1, cursor: 'garbage' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.ads.reviewQueue({ limit: 1, cursor: page.cursor })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('revises an ad into a new version, keeping the earlier version and verdict', async () => {
    const { adId } = await create(REVIEW);
    const rev = await store.ads.revise({ adId, scope: { tenant: 'acme' }, actor: acme, ad: CLEAN, verdict: check(CLEAN) });
    expect(rev).toMatchObject({ version: 2, status: 'approved', ad: CLEAN });
    const history = await store.ads.history(adId, {});
    expect(history.events.map((e) => [e.type, e.version, e.status])).toEqual([
      ['submitted', 1, 'pending_review'],
      ['revised', 2, 'approved'],
    ]);
    const first = history.events[0]!;
    expect(first.type === 'submitted' && first.ad).toEqual(REVIEW);
    // It left the review queue with the revision.
    const queue = await store.ads.reviewQueue({ limit: 100 });
    expect(queue.items.map((q) => q.adId)).not.toContain(adId);
    await expect(
      store.ads.revise({ adId, scope: { tenant: 'acme' }, actor: acme, ad: CLEAN, verdict: check(CLEAN), expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(store.ads.revise({ adId, scope: { tenant: 'globex' }, actor: globex, ad: CLEAN, verdict: check(CLEAN) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps the review queue oldest first, per category, and drops decided ads', async () => {
    const s = await freshStore('store-queue');
    const owner = await s.keys.create({ role: 'employer', tenant: 'q' });
    const a = await s.ads.create({ actor: owner, ad: REVIEW, verdict: check(REVIEW) });
    const b = await s.ads.create({ actor: owner, ad: APPEARANCE, verdict: check(APPEARANCE) });
    const c = await s.ads.create({ actor: owner, ad: REVIEW, verdict: check(REVIEW) });
    await s.ads.create({ actor: owner, ad: REJECT, verdict: check(REJECT) });
    expect((await s.ads.reviewQueue({ limit: 10 })).items.map((e) => e.adId)).toEqual([a.adId, b.adId, c.adId]);
    expect((await s.ads.reviewQueue({ category: 'age', limit: 10 })).items.map((e) => e.adId)).toEqual([a.adId, c.adId]);
    expect((await s.ads.reviewQueue({ category: 'appearance', limit: 10 })).items.map((e) => e.adId)).toEqual([b.adId]);
    const p1 = await s.ads.reviewQueue({ limit: 2 });
    const p2 = await s.ads.reviewQueue({ limit: 2, cursor: p1.cursor });
    expect([...p1.items, ...p2.items].map((e) => e.adId)).toEqual([a.adId, b.adId, c.adId]);
    expect(p2.cursor).toBeUndefined();

    const decided = await s.ads.decide({ adId: a.adId, actor: mod, decision: 'reject', reason: '年龄歧视', expectedVersion: 1 });
    expect(decided).toMatchObject({ status: 'rejected', review: { decision: 'reject', reason: '年龄歧视', keyId: mod.keyId } });
    expect((await s.ads.reviewQueue({ category: 'age', limit: 10 })).items.map((e) => e.adId)).toEqual([c.adId]);
    expect((await s.ads.list({ tenant: 'q', status: 'rejected', limit: 10 })).items.map((e) => e.adId)).toContain(a.adId);
    expect((await s.ads.list({ tenant: 'q', status: 'pending_review', limit: 10 })).items.map((e) => e.adId)).not.toContain(a.adId);
  });

  it('lets exactly one of two concurrent review decisions win', async () => {
    for (let round = 0; round < 3; round++) {
      const { adId } = await create(REVIEW);
      const results = await Promise.allSettled([
        store.ads.decide({ adId, actor: mod, decision: 'approve', expectedVersion: 1 }),
        store.ads.decide({ adId, actor: mod, decision: 'reject', reason: 'no', expectedVersion: 1 }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      const history = await store.ads.history(adId, {});
      expect(history.events.filter((e) => e.type === 'reviewed')).toHaveLength(1);
      expect(history.status).toBe((won[0] as PromiseFulfilledResult<{ status: string }>).value.status);
    }
  });

  it('refuses a decision on a stale version or an ad that is not pending', async () => {
    const { adId } = await create(REVIEW);
    await expect(store.ads.decide({ adId, actor: mod, decision: 'approve', expectedVersion: 2 })).rejects.toMatchObject({ code: 'version_conflict' });
    await store.ads.decide({ adId, actor: mod, decision: 'approve', expectedVersion: 1 });
    await expect(store.ads.decide({ adId, actor: mod, decision: 'approve', expectedVersion: 1 })).rejects.toMatchObject({ code: 'not_pending' });
    const { adId: clean } = await create(CLEAN);
    await expect(store.ads.decide({ adId: clean, actor: mod, decision: 'reject', reason: 'x', expectedVersion: 1 })).rejects.toMatchObject({
      code: 'not_pending',
    });
  });

  it('replays an idempotent create and refuses the key with another body', async () => {
    const idem = { key: 'order-42', requestHash: 'sha256:aaa' };
    const first = await store.ads.create({ actor: acme, ad: REVIEW, verdict: check(REVIEW), idempotency: idem });
    expect(first.replayed).toBe(false);
    expect(await store.ads.findIdempotent('acme', idem)).toEqual({ adId: first.adId, status: first.status, version: 1, verdict: first.verdict });
    await expect(store.ads.findIdempotent('acme', { ...idem, requestHash: 'sha256:bbb' })).rejects.toMatchObject({ code: 'idempotency_mismatch' });
    // Keys are per tenant: the same key from another tenant is a different request.
    expect(await store.ads.findIdempotent('globex', idem)).toBeUndefined();
    // Two creates racing with one key store one ad.
    const race = { key: 'race-1', requestHash: 'sha256:ccc' };
    const [x, y] = await Promise.all([
      store.ads.create({ actor: acme, ad: CLEAN, verdict: check(CLEAN), idempotency: race }),
      store.ads.create({ actor: acme, ad: CLEAN, verdict: check(CLEAN), idempotency: race }),
    ]);
    expect(x.adId).toBe(y.adId);
    expect([x.replayed, y.replayed].sort()).toEqual([false, true]);
  });

  it('stores a verdict too large for a plain item (gzipped) and reads it back', async () => {
    const ad: Ad = { title: '招聘', description: '限男性，'.repeat(4000) };
    const verdict = check(ad);
    expect(JSON.stringify(verdict).length).toBeGreaterThan(400_000);
    const { adId } = await store.ads.create({ actor: acme, ad, verdict });
    const rec = await store.ads.get(adId, { tenant: 'acme' });
    expect(rec.verdict.findings).toHaveLength(verdict.findings.length);
    expect(rec.ad).toEqual(ad);
  });

  it('round-trips odd Unicode: control characters, RTL marks, emoji', async () => {
    const ad: Ad = { title: '\u202e招聘\u0007', description: '客服\u200f 👩‍💻😀 \u0000 年龄35岁以下' };
    const { adId } = await create(ad);
    expect((await store.ads.get(adId, {})).ad).toEqual(ad);
  });
});

describe('API key store', () => {
  it('resolves a key by its hash, never stores the key, and revokes by key id', async () => {
    const { hashApiKey } = await import('../../functions/store/model.js');
    const created = await store.keys.create({ role: 'organizer', tenant: 'fair', label: 'campus fair' });
    expect(created.key).toMatch(/^hc_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(await store.keys.resolveHash(hashApiKey(created.key))).toEqual({ keyId: created.keyId, role: 'organizer', tenant: 'fair' });
    const listed = (await store.keys.list()).find((k) => k.keyId === created.keyId);
    expect(listed).toMatchObject({ role: 'organizer', tenant: 'fair', label: 'campus fair' });
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(14));
    const revoked = await store.keys.revoke(created.keyId);
    expect(revoked.revokedAt).toBeDefined();
    expect(await store.keys.resolveHash(hashApiKey(created.key))).toBeUndefined();
    await expect(store.keys.revoke('0000000000')).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.keys.resolveHash('not-a-hash')).toBeUndefined();
  });

  it('claims the demo-key bootstrap exactly once per database', async () => {
    const s = await freshStore('store-boot');
    expect(await Promise.all([s.keys.claimBootstrap(), s.keys.claimBootstrap()])).toEqual(expect.arrayContaining([true, false]));
    expect(await s.keys.claimBootstrap()).toBe(false);
  });
});
