/**
 * The BUILT Lambda bundle (esbuild output + runtime files, as `npm run build:lambda` makes it), copied
 * out of the repository so nothing can resolve from its node_modules, run in a fresh Node process and
 * driven with API Gateway v2 events against DynamoDB Local. Passing proves the bundle carries nodejieba
 * (binary and dictionaries), the trimmed jieba dictionary and the lexicons, and that the handler works.
 * The re-check worker's bundle is built and driven the same way, with the tasks its state machine sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { createEngine, getEngine } from '../../functions/engine.js';
import { createJiebaTokenizer } from '../../functions/adapters/jieba-tokenizer.js';
import type { Verdict } from '../../functions/core/verdict.js';
import type { CreatedApiKey, Store } from '../../functions/store/index.js';
import { buildLambdaBundle } from '../../infra/build/bundle.js';
import { RECHECK_ENTRY } from '../../infra/build/paths.js';
import { newRulesEngine } from '../recheck/new-rules.js';
import { startBundle, type BundleProcess } from '../../infra/build/bundle-process.js';
import { freshStore } from '../store/table.js';
import { COMMAND_LINE_V8_FLAGS } from '../../functions/node-flags.js';

const engine = getEngine();
const REJECT: Ad = { title: '仓库管理员', description: '负责仓库管理，限男性。' };

/** An ad the local engine sends to review: a review-severity rule's own example. */
function reviewAd(): Ad {
  for (const rule of engine.lexicon.rules.filter((r) => r.severity === 'review')) {
    for (const text of rule.rule.examples.match.filter((e) => typeof e === 'string')) {
      const ad: Ad = { title: '招聘', description: text };
      if (engine.check(ad).decision === 'review') return ad;
    }
  }
  throw new Error('no review-severity example in the lexicons');
}

/** What a bundle needs to run on this test run's DynamoDB Local, on `store`'s table. */
const onDynamoLocal = (store: Store) => ({
  HIRECHECK_TABLE: store.table.name,
  AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});

/** The verdict without its timestamp, for comparing the bundle's engine with the source's. */
const stable = ({ checkedAt: _, ...rest }: Verdict) => rest;

let bundleDir: string;
let store: Store;
let lambda: BundleProcess;
let employer: CreatedApiKey;
let moderator: CreatedApiKey;
const bearer = (key: CreatedApiKey) => ({ authorization: `Bearer ${key.key}` });

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'hirecheck-lambda-'));
  await buildLambdaBundle(bundleDir);
  store = await freshStore('bundle');
  employer = await store.keys.create({ role: 'employer', tenant: 'acme' });
  moderator = await store.keys.create({ role: 'moderator', tenant: 'platform' });
  lambda = await startBundle(bundleDir, onDynamoLocal(store));
}, 240_000);

afterAll(async () => {
  await lambda?.close();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

describe('built Lambda bundle', () => {
  it('starts Node through its exec wrapper, as Lambda does, with the command-line V8 flags', () => {
    expect(lambda.init.execArgv).toEqual([...COMMAND_LINE_V8_FLAGS]);
  });

  it('answers /health with the lexicon version it loaded from its own lexicons/', async () => {
    const res = await lambda.invoke({ method: 'GET', url: '/health' });
    expect(res.response.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', lexiconVersion: engine.info().version });
  });

  it('submits an ad, reads it back: 限男性 is a gender finding and a rejection, as in the source engine', async () => {
    const created = await lambda.invoke({ method: 'POST', url: '/v1/ads', headers: bearer(employer), body: REJECT });
    expect(created.response.statusCode).toBe(201);
    const body = created.json<{ adId: string; status: string; verdict: Verdict }>();
    expect(body.status).toBe('rejected');
    expect(body.verdict.decision).toBe('reject');
    expect(body.verdict.findings.map((f) => f.category)).toContain('gender');
    expect(stable(body.verdict)).toEqual(stable(engine.check(REJECT)));

    const read = await lambda.invoke({ method: 'GET', url: `/v1/ads/${body.adId}`, headers: bearer(employer) });
    expect(read.response.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ adId: body.adId, status: 'rejected', version: 1, ad: REJECT });
  });

  it('cuts words with the nodejieba it carries, loaded on the first ad that needs a word boundary', async () => {
    // 招女服务员 is read as 招 + 女服务员 only on jieba's word boundaries: the source engine cuts to check it
    const ad: Ad = { title: '招聘', description: '招女服务员' };
    let cuts = 0;
    const counting = createEngine({
      tokenizer: (words) => {
        const jieba = createJiebaTokenizer(words);
        return { cut: (text) => (cuts++, jieba.cut(text)) };
      },
    });
    expect(counting.check(ad).findings.map((f) => f.category)).toContain('gender');
    expect(cuts).toBeGreaterThan(0);
    const res = await lambda.invoke({ method: 'POST', url: '/v1/check', headers: bearer(employer), body: ad });
    expect(res.response.statusCode).toBe(200);
    expect(stable(res.json<Verdict>())).toEqual(stable(engine.check(ad)));
  });

  it('puts a review-severity ad in the queue and lets a moderator approve it', async () => {
    const ad = reviewAd();
    const created = await lambda.invoke({ method: 'POST', url: '/v1/ads', headers: bearer(employer), body: ad });
    expect(created.response.statusCode).toBe(201);
    const { adId, status } = created.json<{ adId: string; status: string }>();
    expect(status).toBe('pending_review');

    const queue = await lambda.invoke({ method: 'GET', url: '/v1/reviews', headers: bearer(moderator) });
    expect(queue.response.statusCode).toBe(200);
    expect(queue.json<{ items: { adId: string }[] }>().items.map((i) => i.adId)).toContain(adId);

    const review = await lambda.invoke({
      method: 'POST',
      url: `/v1/ads/${adId}/review`,
      headers: bearer(moderator),
      body: { decision: 'approve', expectedVersion: 1 },
    });
    expect(review.response.statusCode).toBe(200);

    const read = await lambda.invoke({ method: 'GET', url: `/v1/ads/${adId}`, headers: bearer(employer) });
    expect(read.json()).toMatchObject({ adId, status: 'approved', review: { decision: 'approve' } });
  });

  it('refuses a request without a key, as problem+json', async () => {
    const res = await lambda.invoke({ method: 'POST', url: '/v1/check', body: REJECT });
    expect(res.response.statusCode).toBe(401);
    expect(res.response.headers['content-type']).toContain('application/problem+json');
  });

  it('logs one JSON line per request with the Lambda and API Gateway request ids', async () => {
    await lambda.invoke({ method: 'GET', url: '/health' });
    const requestLines = () =>
      lambda
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.message === 'request');
    // The log line is written after the response is sent: give the child a moment to flush it.
    for (let i = 0; i < 50 && !requestLines().some((l) => l.route === 'GET /health'); i++) await new Promise((r) => setTimeout(r, 20));
    const requests = requestLines();
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests.find((l) => l.route === 'GET /health')).toMatchObject({
      level: 'INFO',
      service: 'hirecheck',
      method: 'GET',
      route: 'GET /health',
      status: 200,
      function_request_id: expect.any(String),
      apiRequestId: expect.any(String),
    });
  });
});

describe('built re-check worker bundle', () => {
  let workerDir: string;
  let worker: BundleProcess;
  let workerStore: Store;
  const newRules = newRulesEngine();
  const CLEAN: Ad = { title: '销售代表', description: '负责华东区客户开发与维护，本科及以上学历，男女不限。' };
  const GENDER: Ad = REJECT;

  beforeAll(async () => {
    workerDir = mkdtempSync(join(tmpdir(), 'hirecheck-recheck-'));
    await buildLambdaBundle(workerDir, () => {}, RECHECK_ENTRY);
    workerStore = await freshStore('bundle-recheck');
    worker = await startBundle(workerDir, onDynamoLocal(workerStore));
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    if (workerDir) rmSync(workerDir, { recursive: true, force: true });
  });

  it('re-checks the ads of its segment against DynamoDB Local with the rules it carries', async () => {
    // Ads judged by other rules (a copy of lexicons/ with three edits): the bundle's own rules differ.
    const owner = await workerStore.keys.create({ role: 'employer', tenant: 'acme' });
    const wasRejected = (await workerStore.ads.create({ actor: owner, ad: CLEAN, verdict: newRules.check(CLEAN) })).adId;
    const wasApproved = (await workerStore.ads.create({ actor: owner, ad: GENDER, verdict: newRules.check(GENDER) })).adId;
    expect((await workerStore.ads.get(wasRejected, {})).status).toBe('rejected');
    expect((await workerStore.ads.get(wasApproved, {})).status).toBe('approved');

    const run = await worker.invokeEvent({ segment: 0, totalSegments: 1 });
    const result = run.response as unknown as { done: boolean; lexiconVersion: string; counts: Record<string, number> };
    expect(result).toMatchObject({ segment: 0, totalSegments: 1, done: true, lexiconVersion: engine.info().version });
    expect(result.counts).toMatchObject({ scanned: 2, changed: 2, toReview: 2 });
    // Neither moves between approved and rejected without a person: both wait in the queue, saying why.
    expect(await workerStore.ads.get(wasRejected, {})).toMatchObject({ status: 'pending_review', version: 2, recheck: { from: 'reject', to: 'approve' } });
    expect(await workerStore.ads.get(wasApproved, {})).toMatchObject({ status: 'pending_review', version: 2, recheck: { from: 'approve', to: 'reject' } });
    expect(worker.output()).toContain('"message":"recheck segment"');

    // The state machine's next call for a finished segment finds nothing left.
    const again = await worker.invokeEvent({ segment: 0, totalSegments: 1 });
    expect((again.response as unknown as { counts: { scanned: number } }).counts.scanned).toBe(0);
  });

  it('refuses a task that is not a segment of the table', async () => {
    await expect(worker.invokeEvent({ segment: 3, totalSegments: 2 })).rejects.toThrow(/segment must be below totalSegments/);
    await expect(worker.invokeEvent({ segment: -1, totalSegments: 2 })).rejects.toThrow(/handler threw/);
  });
});
