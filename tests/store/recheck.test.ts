/**
 * Re-checks under new rules against DynamoDB Local: what happens to each kind of stored ad, what is written
 * (a `rechecked` version by the system, list entries moved), and that a second run finds nothing to do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { getEngine, type Engine } from '../../functions/engine.js';
import { recheckSegment } from '../../functions/recheck/run-segment.js';
import type { Principal, Store } from '../../functions/store/index.js';
import { newRulesEngine } from '../recheck/new-rules.js';
import { freshStore } from './table.js';

const oldRules = getEngine();
let newRules: Engine;
let store: Store;
let employer: Principal;
let moderator: Principal;

const CLEAN: Ad = { title: '销售代表', description: '负责华东区客户开发与维护，本科及以上学历，男女不限。' };
const GENDER: Ad = { title: '仓库管理员', description: '负责仓库管理，限男性。' };
const AGE: Ad = { title: '行政专员', description: '负责日常行政事务，年龄35岁以下。' };
const LOOKS: Ad = { title: '前台', description: '身高160以上，形象气质佳。' };

beforeAll(async () => {
  newRules = newRulesEngine();
  store = await freshStore('recheck');
  employer = await store.keys.create({ role: 'employer', tenant: 'acme' });
  moderator = await store.keys.create({ role: 'moderator', tenant: 'platform' });
}, 60_000);

const create = async (ad: Ad) => (await store.ads.create({ actor: employer, ad, verdict: oldRules.check(ad) })).adId;
const runAll = (dryRun = false) => recheckSegment({ store: store.recheck, engine: newRules, segment: 0, totalSegments: 1, dryRun });

describe('re-check under new rules', () => {
  it('the rules differ', () => {
    expect(newRules.info().version).not.toBe(oldRules.info().version);
    expect(newRules.check(CLEAN).decision).toBe('reject');
    expect(newRules.check(GENDER).decision).toBe('approve');
    expect(newRules.check(AGE).decision).toBe('reject');
    expect(newRules.check(LOOKS)).toMatchObject({ decision: 'review', findings: oldRules.check(LOOKS).findings });
  });

  it('updates engine decisions, queues what changed between approved and rejected, leaves moderators’ decisions', async () => {
    const approved = await create(CLEAN);
    const rejected = await create(GENDER);
    const pending = await create(AGE);
    const unchanged = await create(LOOKS);
    const decided = await create(AGE);
    await store.ads.decide({ adId: decided, actor: moderator, decision: 'approve', expectedVersion: 1 });
    const appealed = await create(GENDER);
    await store.ads.appeal({ adId: appealed, scope: { tenant: 'acme' }, actor: employer, reason: '请复核' });

    const dry = await runAll(true);
    expect(dry.counts).toEqual({ scanned: 6, changed: 3, toReview: 2, confirmed: 1, kept: 2, conflicts: 0 });
    expect((await store.ads.get(approved, {})).version).toBe(1); // a dry run writes nothing

    const { counts, cursor } = await runAll();
    expect(counts).toEqual({ scanned: 6, changed: 3, toReview: 2, confirmed: 1, kept: 2, conflicts: 0 });
    expect(cursor).toBeUndefined();
    const version = newRules.info().version;

    // Approved, now flagged: back to the queue with a note, never straight to rejected.
    const a = await store.ads.get(approved, {});
    expect(a).toMatchObject({ status: 'pending_review', version: 2, decision: 'reject', lexiconVersion: version, recheck: { from: 'approve', to: 'reject', lexiconVersion: version } });
    const history = await store.ads.history(approved, {});
    expect(history.events.map((e) => [e.type, e.actor.role, e.status])).toEqual([
      ['submitted', 'employer', 'approved'],
      ['rechecked', 'system', 'pending_review'],
    ]);
    // Rejected, now clean: queued, never approved silently; off the rejected list.
    expect(await store.ads.get(rejected, {})).toMatchObject({ status: 'pending_review', decision: 'approve', recheck: { from: 'reject', to: 'approve' } });
    // Pending, now rejected by the engine alone: the engine's decision is updated.
    expect(await store.ads.get(pending, {})).toMatchObject({ status: 'rejected', version: 2, decision: 'reject' });
    // The same verdict: only the lexicon version is recorded, no new version.
    expect(await store.ads.get(unchanged, {})).toMatchObject({ status: 'pending_review', version: 1, lexiconVersion: version });
    // A moderator's decision and a waiting appeal stand.
    expect(await store.ads.get(decided, {})).toMatchObject({ status: 'approved', version: 1, review: { decision: 'approve' } });
    expect(await store.ads.get(appealed, {})).toMatchObject({ status: 'pending_review', version: 1, appeal: { reason: '请复核' } });

    const queue = (await store.ads.reviewQueue({ limit: 100 })).items;
    expect(queue.map((e) => e.adId)).toEqual(expect.arrayContaining([approved, rejected, unchanged, appealed]));
    expect(queue.find((e) => e.adId === approved)).toMatchObject({ version: 2, categories: ['fraud'], recheck: { to: 'reject' } });
    expect((await store.ads.reviewQueue({ category: 'fraud', limit: 100 })).items.map((e) => e.adId)).toEqual([approved]);
    expect((await store.ads.rejected({ limit: 100 })).items.map((e) => e.adId)).toEqual([pending]);
    expect((await store.ads.rejected({ category: 'age', limit: 100 })).items.map((e) => e.adId)).toEqual([pending]);

    // Nothing is left to re-check (moderated and appealed ads keep the rules they were judged by).
    const again = await runAll();
    expect(again.counts).toMatchObject({ scanned: 2, changed: 0, kept: 2 });
  });

  it('stops when asked and goes on from its cursor', async () => {
    const s = await freshStore('recheck-resume');
    const owner = await s.keys.create({ role: 'employer', tenant: 'acme' });
    // Twelve ads: segment 0 of 2 is then empty once in 4,096 runs (with five it was once in 32, and this failed).
    const ads = 12;
    for (let i = 0; i < ads; i++) await s.ads.create({ actor: owner, ad: CLEAN, verdict: oldRules.check(CLEAN) });
    const seen: string[] = [];
    // One ad per page, stopping after each page, as a Lambda near its timeout does.
    const step = (cursor?: string) =>
      recheckSegment({ store: s.recheck, engine: newRules, segment: 0, totalSegments: 2, cursor, pageSize: 1, stop: () => true, onAd: (r) => r && seen.push(r.adId) });
    let run = await step();
    let total = run.counts.changed;
    let runs = 1;
    while (run.cursor) {
      run = await step(run.cursor);
      total += run.counts.changed;
      runs++;
    }
    expect(runs).toBeGreaterThan(1);
    const other = await recheckSegment({ store: s.recheck, engine: newRules, segment: 1, totalSegments: 2 });
    expect(total + other.counts.changed).toBe(ads);
    expect(new Set(seen).size).toBe(seen.length);
    await expect(s.recheck.scanSegment({ segment: 0, totalSegments: 1, lexiconVersion: 'x', cursor: 'forged' })).rejects.toThrow(/cursor/);
  });
});
