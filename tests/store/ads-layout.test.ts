/**
 * The item layout of an ad on DynamoDB Local: what one create writes (each item costs transaction time),
 * and that ads written in the earlier layout (an EV item per submission, a QUEUE#ALL item per pending ad)
 * are still read, paged and updated correctly.
 */
import { PutItemCommand, QueryCommand, UpdateItemCommand, type AttributeValue, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { getEngine } from '../../functions/engine.js';
import type { Principal, Store } from '../../functions/store/index.js';
import { freshStore } from './table.js';

const engine = getEngine();
const REVIEW: Ad = { title: '行政专员', description: '负责日常行政事务，年龄35岁以下。' };
const TWO_CATEGORIES: Ad = { title: '前台', description: '身高160以上，年龄35岁以下。' };
const CLEAN: Ad = { title: '销售代表', description: '负责客户开发，男女不限。' };

let store: Store;
let acme: Principal;
let mod: Principal;

beforeAll(async () => {
  store = await freshStore('layout');
  acme = await store.keys.create({ role: 'employer', tenant: 'acme' });
  mod = await store.keys.create({ role: 'moderator', tenant: 'platform' });
});

const create = (ad: Ad) => store.ads.create({ actor: acme, ad, verdict: engine.check(ad) });

async function itemsOf(adId: string): Promise<Record<string, Record<string, AttributeValue>>> {
  const out = await store.table.send<QueryCommandOutput>(
    new QueryCommand({ TableName: store.table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `AD#${adId}` } }, ConsistentRead: true }),
  );
  return Object.fromEntries((out.Items ?? []).map((item) => [item.sk!.S!, item]));
}

/** Rewrites a freshly created pending ad into the earlier layout, as ads stored before it look. */
async function toEarlierLayout(adId: string): Promise<void> {
  const items = await itemsOf(adId);
  const head = items.AD!;
  const version = items['V#000001']!;
  const T = store.table.name;
  const key = (sk: string) => ({ pk: { S: `AD#${adId}` }, sk: { S: sk } });
  await store.table.send(new UpdateItemCommand({ TableName: T, Key: key('AD'), UpdateExpression: 'REMOVE gsi3pk, gsi3sk' }));
  await store.table.send(new UpdateItemCommand({ TableName: T, Key: key('V#000001'), UpdateExpression: 'REMOVE seq, #e, #s, #r', ExpressionAttributeNames: { '#e': 'event', '#s': 'status', '#r': 'role' } }));
  await store.table.send(
    new PutItemCommand({
      TableName: T,
      Item: { ...key('EV#000001'), type: { S: 'event' }, seq: { N: '1' }, event: { S: 'submitted' }, at: version.createdAt!, keyId: version.keyId!, role: { S: 'employer' }, version: { N: '1' }, status: head.status! },
    }),
  );
  const fields = ['adId', 'tenant', 'title', 'version', 'categories', 'findingCount', 'createdAt', 'queuedAt'];
  const queueAll: Record<string, AttributeValue> = Object.fromEntries(fields.map((f) => [f, head[f]!]));
  await store.table.send(
    new PutItemCommand({
      TableName: T,
      Item: { ...queueAll, ...key('QUEUE#ALL'), type: { S: 'queue' }, gsi3pk: { S: 'QUEUE#ALL' }, gsi3sk: head.gsi3sk! },
    }),
  );
}

describe('ad item layout', () => {
  it('writes head, version and one queue entry per category for a pending create; the head is the whole-queue entry', async () => {
    const pending = await create(TWO_CATEGORIES);
    const items = await itemsOf(pending.adId);
    expect(Object.keys(items).sort()).toEqual(['AD', 'QUEUE#age', 'QUEUE#appearance', 'V#000001']);
    expect(items.AD!.gsi3pk).toEqual({ S: 'QUEUE#ALL' });
    expect(items['V#000001']).toMatchObject({ seq: { N: '1' }, event: { S: 'submitted' }, status: { S: 'pending_review' } });

    const approved = await create(CLEAN);
    expect(Object.keys(await itemsOf(approved.adId)).sort()).toEqual(['AD', 'V#000001']);
    expect((await itemsOf(approved.adId)).AD!.gsi3pk).toBeUndefined();
  });

  it('keeps the history in order: versions are their submitted/revised events, decisions are events of their own', async () => {
    const { adId } = await create(REVIEW);
    await store.ads.revise({ adId, scope: { tenant: 'acme' }, actor: acme, ad: TWO_CATEGORIES, verdict: engine.check(TWO_CATEGORIES) });
    await store.ads.decide({ adId, actor: mod, decision: 'approve', expectedVersion: 2 });
    const history = await store.ads.history(adId, {});
    expect(history.events.map((e) => [e.seq, e.type, e.version, e.status, e.actor.role])).toEqual([
      [1, 'submitted', 1, 'pending_review', 'employer'],
      [2, 'revised', 2, 'pending_review', 'employer'],
      [3, 'reviewed', 2, 'approved', 'moderator'],
    ]);
    const items = await itemsOf(adId);
    // Queue entries gone; the decision of version 2 is listed for the labelled export.
    expect(Object.keys(items).sort()).toEqual(['AD', 'DECIDED#000002', 'EV#000003', 'V#000001', 'V#000002']);
    expect(items.AD!.gsi3pk).toBeUndefined();
  });

  it('reads, pages and updates ads stored in the earlier layout next to current ones', async () => {
    const s = await freshStore('layout-mixed');
    const owner = await s.keys.create({ role: 'employer', tenant: 'mixed' });
    const moderator = await s.keys.create({ role: 'moderator', tenant: 'platform' });
    const previous = store;
    store = s;
    try {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await s.ads.create({ actor: owner, ad: REVIEW, verdict: engine.check(REVIEW) })).adId);
      await toEarlierLayout(ids[0]!);
      await toEarlierLayout(ids[2]!);

      // Every ad exactly once, in queue order, whichever layout it is in and wherever the page breaks.
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.ads.reviewQueue({ limit: 1, cursor });
        seen.push(...page.items.map((e) => e.adId));
        cursor = page.cursor;
      } while (cursor);
      expect(seen).toEqual(ids);
      expect((await s.ads.history(ids[0]!, {})).events.map((e) => e.type)).toEqual(['submitted']);

      // Deciding and revising an earlier-layout ad removes its QUEUE#ALL item.
      await s.ads.decide({ adId: ids[0]!, actor: moderator, decision: 'reject', reason: '年龄限制', expectedVersion: 1 });
      await s.ads.revise({ adId: ids[2]!, scope: { tenant: 'mixed' }, actor: owner, ad: CLEAN, verdict: engine.check(CLEAN) });
      expect(Object.keys(await itemsOf(ids[0]!)).sort()).toEqual(['AD', 'DECIDED#000001', 'EV#000001', 'EV#000002', 'V#000001']);
      expect(Object.keys(await itemsOf(ids[2]!)).sort()).toEqual(['AD', 'EV#000001', 'V#000001', 'V#000002']);
      expect((await s.ads.reviewQueue({ limit: 10 })).items.map((e) => e.adId)).toEqual([ids[1], ids[3]]);
      expect((await s.ads.history(ids[2]!, {})).events.map((e) => [e.seq, e.type])).toEqual([
        [1, 'submitted'],
        [2, 'revised'],
      ]);
    } finally {
      store = previous;
    }
  });
});
