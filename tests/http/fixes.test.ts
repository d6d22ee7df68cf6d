/**
 * Fixes over the API: POST /v1/check?fix=true, and the fixed version in POST/PUT /v1/ads responses, which an
 * integration sends back (without `decision`) to apply every fix in one step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { harness, problemType, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const FLAGGED = { title: '仓库管理员', description: '负责仓库管理，限男性，年龄35岁以下，能吃苦耐劳。' };
const FRAUD = { title: '打字员', description: '手机刷单，日结，入职需交押金200元，限女性。' };
// What an ad lacks (a notice) asks for more text: it carries no fix and never holds the ad back.
type Finding = { category: string; severity: string; fix?: unknown };
const problems = (findings: Finding[]) => findings.filter((f) => f.severity !== 'notice');

describe('POST /v1/check?fix=true', () => {
  it('adds the fixed ad and the decision it gets; every finding carries its fix', async () => {
    const res = await h.call('POST', '/v1/check?fix=true', { key: h.keys.employer, body: FLAGGED });
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('reject');
    expect(problems(res.body.findings).map((f) => f.category).sort()).toEqual(['age', 'gender']);
    expect(res.body.findings.map((f: Finding) => f.category)).toContain('incomplete');
    for (const f of problems(res.body.findings)) expect(f.fix).toEqual({ start: expect.any(Number), end: expect.any(Number), replacement: expect.any(String) });
    expect(res.body.fixed).toEqual({ title: '仓库管理员', description: '负责仓库管理，男女不限，能吃苦耐劳。', decision: 'approve' });
  });

  it('gives no fixed ad without ?fix=true, for a clean ad, or when fraud or a fee is found', async () => {
    expect((await h.call('POST', '/v1/check', { key: h.keys.employer, body: FLAGGED })).body.fixed).toBeUndefined();
    expect((await h.call('POST', '/v1/check?fix=false', { key: h.keys.employer, body: FLAGGED })).body.fixed).toBeUndefined();
    const clean = await h.call('POST', '/v1/check?fix=true', { key: h.keys.employer, body: { title: '会计', description: '男女不限，五险一金。' } });
    expect(clean.body).toMatchObject({ decision: 'approve' });
    expect(problems(clean.body.findings)).toEqual([]);
    expect(clean.body.fixed).toBeUndefined();
    const fraud = await h.call('POST', '/v1/check?fix=true', { key: h.keys.employer, body: FRAUD });
    expect(fraud.body.decision).toBe('reject');
    expect(fraud.body.fixed).toBeUndefined();
    for (const f of fraud.body.findings) if (f.category === 'fraud' || f.category === 'fee_charging') expect(f.fix).toBeUndefined();
  });

  it('answers 400 problem+json for a fix parameter that is not true or false', async () => {
    const res = await h.call('POST', '/v1/check?fix=yes', { key: h.keys.employer, body: FLAGGED });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.type).toBe(problemType('invalid-request'));
    expect(res.body.errors[0]).toMatchObject({ location: 'query', field: 'fix' });
  });
});

describe('POST and PUT /v1/ads with a flagged ad', () => {
  it('answer with the fixed version, which resubmitted as it is gets the ad approved', async () => {
    const created = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: FLAGGED });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'rejected', fixed: { decision: 'approve' } });
    const { decision: _, ...fixedAd } = created.body.fixed;
    const revised = await h.call('PUT', `/v1/ads/${created.body.adId}`, { key: h.keys.employer, body: fixedAd });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'approved', version: 2, verdict: { decision: 'approve' } });
    expect(problems(revised.body.verdict.findings)).toEqual([]);
    expect(revised.body.fixed).toBeUndefined();
    const stored = await h.call('GET', `/v1/ads/${created.body.adId}`, { key: h.keys.employer });
    expect(stored.body.ad.description).toBe('负责仓库管理，男女不限，能吃苦耐劳。');
  });

  it('replays the same fixed version for a retry with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'fix-retry-1' };
    const first = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: FLAGGED, headers });
    const retry = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: FLAGGED, headers });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.fixed).toEqual(first.body.fixed);
    expect(first.body.fixed.decision).toBe('approve');
  });

  it('answer without a fixed version for a fraudulent ad', async () => {
    const created = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: FRAUD });
    expect(created.body.status).toBe('rejected');
    expect(created.body.fixed).toBeUndefined();
  });
});
