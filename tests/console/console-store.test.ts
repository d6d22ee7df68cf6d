/**
 * The console's own store modules against DynamoDB Local: sessions (expiry, deletion, only a hash
 * stored) and the console queries (queue neighbours, key labels, the 30-day activity window).
 */
import { GetItemCommand, type GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { getEngine } from '../../functions/engine.js';
import { createConsoleQueries } from '../../functions/store/console-queries.js';
import { createConsoleSessionStore } from '../../functions/store/console-sessions.js';
import { createStore, type Store } from '../../functions/store/index.js';
import type { Principal } from '../../functions/store/model.js';
import { freshStore } from '../store/table.js';

let base: Store;
beforeAll(async () => {
  base = await freshStore('console-store');
});

/** The same table with a clock the test moves. */
function storeAt(clock: { now: Date }): Store {
  return createStore({ client: base.table.client, tableName: base.table.name, now: () => clock.now });
}

describe('console sessions', () => {
  it('lives until its expiry, then is gone; deletion ends it at once', async () => {
    const clock = { now: new Date('2026-03-01T08:00:00.000Z') };
    const sessions = createConsoleSessionStore(storeAt(clock).table);
    const { token, session } = await sessions.create({ keyHash: 'a'.repeat(64), label: '审核员甲', ttlSeconds: 3600 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).not.toBe(token);
    await expect(sessions.get(token)).resolves.toMatchObject({ keyHash: 'a'.repeat(64), label: '审核员甲', csrfToken: session.csrfToken });

    clock.now = new Date('2026-03-01T08:59:59.000Z');
    await expect(sessions.get(token)).resolves.toBeDefined();
    clock.now = new Date('2026-03-01T09:00:00.000Z');
    await expect(sessions.get(token)).resolves.toBeUndefined();

    clock.now = new Date('2026-03-01T08:00:00.000Z');
    await sessions.delete(token);
    await expect(sessions.get(token)).resolves.toBeUndefined();
  });

  it('stores only the hash of the token, and answers nothing for malformed tokens', async () => {
    const sessions = createConsoleSessionStore(base.table);
    const { token } = await sessions.create({ keyHash: 'b'.repeat(64), ttlSeconds: 60 });
    const byToken = await base.table.send<GetItemCommandOutput>(
      new GetItemCommand({ TableName: base.table.name, Key: { pk: { S: `CSESSION#${token}` }, sk: { S: 'CSESSION' } } }),
    );
    expect(byToken.Item).toBeUndefined();
    const hash = createHash('sha256').update(token).digest('hex');
    const byHash = await base.table.send<GetItemCommandOutput>(
      new GetItemCommand({ TableName: base.table.name, Key: { pk: { S: `CSESSION#${hash}` }, sk: { S: 'CSESSION' } } }),
    );
    expect(JSON.stringify(byHash.Item)).not.toContain(token);
    await expect(sessions.get('')).resolves.toBeUndefined();
    await expect(sessions.get(`${token}x`)).resolves.toBeUndefined();
  });
});

describe('console queries', () => {
  const employer: Principal = { keyId: 'employer01', role: 'employer', tenant: 'acme' };
  const moderator: Principal = { keyId: 'moderator1', role: 'moderator', tenant: 'platform' };
  const submit = async (store: Store, ad: Ad) => store.ads.create({ actor: employer, ad, verdict: getEngine().check(ad) });

  it('finds the previous and next ad around a queue position, per category, even after the ad left the queue', async () => {
    const clock = { now: new Date('2026-04-01T08:00:00.000Z') };
    const store = storeAt(clock);
    const queries = createConsoleQueries(store.table);
    const ids: string[] = [];
    for (const [minute, description] of [
      [0, '限本地户口，负责收银。'],
      [1, '身高165cm以上，形象好。'],
      [2, '限本地户口，负责理货。'],
    ] as const) {
      clock.now = new Date(Date.UTC(2026, 3, 1, 8, minute));
      ids.push((await submit(store, { title: `岗位${minute}`, description })).adId);
    }
    const [a, b, c] = ids as [string, string, string];
    const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 8, minute)).toISOString();

    await expect(queries.queueNeighbours({ adId: b, queuedAt: at(1) })).resolves.toEqual({ prev: a, following: { adIds: [c] } });
    await expect(queries.queueNeighbours({ adId: a, queuedAt: at(0), category: 'region' })).resolves.toEqual({ following: { adIds: [c] } });
    await expect(queries.queueNeighbours({ adId: c, queuedAt: at(2), category: 'region' })).resolves.toEqual({ prev: a, following: { adIds: [] } });
    await expect(queries.listSize('queue', 'region')).resolves.toBe(2);
    // A stretch read from the start says where it ended when more may follow.
    const first = await queries.queueFrom({ category: 'region', limit: 1 });
    expect(first.adIds).toEqual([a]);
    await expect(queries.queueFrom({ category: 'region', after: first.last!, limit: 1 })).resolves.toMatchObject({ adIds: [c] });

    await store.ads.decide({ adId: b, actor: moderator, decision: 'approve', expectedVersion: 1 });
    await expect(queries.queueNeighbours({ adId: b, queuedAt: at(1) })).resolves.toEqual({ prev: a, following: { adIds: [c] } });
    await expect(queries.listSize('queue', 'appearance')).resolves.toBe(0);
  });

  it('counts categories and decisions inside the window only', async () => {
    const store = await freshStore('console-activity');
    const clock = { now: new Date('2026-01-01T00:00:00.000Z') };
    const timed = createStore({ client: store.table.client, tableName: store.table.name, now: () => clock.now });
    const queries = createConsoleQueries(store.table);

    // 40 days before "now": outside the 30-day window.
    const old = await submit(timed, { title: '旧岗位', description: '限本地户口。' });
    await timed.ads.decide({ adId: old.adId, actor: moderator, decision: 'reject', reason: '户籍', expectedVersion: 1 });

    clock.now = new Date('2026-02-05T00:00:00.000Z');
    const recent = await submit(timed, { title: '新岗位', description: '限本地户口，身高165cm以上。' });
    await submit(timed, { title: '司机', description: '限男性。' });
    await submit(timed, { title: '会计', description: '负责账务处理，月薪8000元。' });
    await timed.ads.decide({ adId: recent.adId, actor: moderator, decision: 'approve', expectedVersion: 1 });

    const counts = await queries.activity(new Date('2026-01-10T00:00:00.000Z'));
    // Notices count too: the stats show how many postings lack an element (every ad here lacks some).
    expect(counts.categories).toEqual({ region: 1, appearance: 1, gender: 1, incomplete: 3 });
    expect(counts.engine).toEqual({ approve: 1, review: 1, reject: 1 });
    expect(counts.reviews).toEqual({ approve: 1, reject: 0 });
    // The one decision of the window: who, which Shanghai day, and how long the ad had waited (submitted and decided at once).
    expect([...counts.decisionsByKey]).toEqual([[moderator.keyId, new Map([['2026-02-05', 1]])]]);
    expect(counts.waitSeconds).toEqual([0]);
    expect(counts.overrides).toBe(0);
  });

  it('counts overrides, appeals and waiting times of the window', async () => {
    const store = await freshStore('console-rates');
    const clock = { now: new Date('2026-05-01T08:00:00.000Z') };
    const timed = createStore({ client: store.table.client, tableName: store.table.name, now: () => clock.now });
    const queries = createConsoleQueries(store.table);
    const rejected = await submit(timed, { title: '司机', description: '限男性。' });
    const queued = await submit(timed, { title: '前台', description: '限本地户口。' });
    await timed.ads.appeal({ adId: rejected.adId, scope: { tenant: employer.tenant }, actor: employer, reason: '司机岗位需要夜间长途驾驶' });
    clock.now = new Date('2026-05-01T09:30:00.000Z');
    await timed.ads.decide({ adId: queued.adId, actor: moderator, decision: 'reject', reason: '户籍', expectedVersion: 1 });
    clock.now = new Date('2026-05-01T10:00:00.000Z');
    await timed.ads.decide({ adId: rejected.adId, actor: moderator, decision: 'approve', reason: '申诉理由成立', expectedVersion: 1 });

    const counts = await queries.activity(new Date('2026-04-20T00:00:00.000Z'));
    expect(counts.appeals).toBe(1);
    expect(counts.overrides).toBe(1);
    expect(counts.engine.reject).toBe(1);
    // 90 minutes in the queue; the appealed ad waited 2 hours from its appeal.
    expect(counts.waitSeconds).toEqual([90 * 60, 120 * 60]);
    expect(counts.decisionsByKey.get(moderator.keyId)).toEqual(new Map([['2026-05-01', 2]]));
  });

  it('names keys by their labels', async () => {
    const queries = createConsoleQueries(base.table);
    const labelled = await base.keys.create({ role: 'moderator', tenant: 'platform', label: '审核员丙' });
    const bare = await base.keys.create({ role: 'moderator', tenant: 'platform' });
    const labels = await queries.keyLabels([labelled.keyId, bare.keyId, labelled.keyId, 'nosuchkey0']);
    expect([...labels]).toEqual([[labelled.keyId, '审核员丙']]);
  });
});
