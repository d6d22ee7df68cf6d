import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../functions/eval/corpus.js';
import { createApp } from '../../functions/http/app.js';
import { newRulesEngine } from '../recheck/new-rules.js';
import { ADS, harness, problemType, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

interface Finding {
  ruleId: string;
  category: string;
  field: string;
  start: number;
  end: number;
  text: string;
}

const submit = async (ad: object) => {
  const res = await h.call('POST', '/v1/ads', { key: h.keys.employer, body: ad });
  return { adId: res.body.adId as string, findings: res.body.verdict.findings as Finding[] };
};
const feedback = (adId: string, body: unknown, options: { key?: string; headers?: Record<string, string> } = {}) =>
  h.call('POST', `/v1/ads/${adId}/feedback`, { key: options.key ?? h.keys.moderator, body, headers: options.headers });
const falseAlarm = (f: Finding, extra: object = {}) => ({ version: 1, kind: 'false_alarm', ruleId: f.ruleId, field: f.field, start: f.start, end: f.end, ...extra });
const historyTypes = async (adId: string) => (await h.call('GET', `/v1/ads/${adId}/history`, { key: h.keys.moderator })).body.events.map((e: { type: string }) => e.type);

describe('POST /v1/ads/{id}/feedback', () => {
  it('records a false alarm on a finding of that version, with its category and text, in the history', async () => {
    const { adId, findings } = await submit(ADS.reject);
    const gender = findings.find((f) => f.category === 'gender')!;
    const res = await feedback(adId, falseAlarm(gender, { note: '  女装店招男店员的说明 ' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ adId, version: 1, kind: 'false_alarm', ruleId: gender.ruleId, category: 'gender', text: gender.text, note: '女装店招男店员的说明' });
    expect(res.body.feedbackId).toMatch(/^fb_/);
    const events = (await h.call('GET', `/v1/ads/${adId}/history`, { key: h.keys.employer })).body.events;
    expect(events.at(-1)).toMatchObject({ type: 'feedback', version: 1, status: 'rejected', actor: { role: 'moderator' }, feedback: { kind: 'false_alarm', text: gender.text } });
    // Feedback changes no decision.
    expect((await h.call('GET', `/v1/ads/${adId}`, { key: h.keys.moderator })).body.status).toBe('rejected');
  });

  it('records a missed passage inside a field of that version', async () => {
    const { adId } = await submit(ADS.clean);
    const text = ADS.clean.description;
    const start = text.indexOf('本科');
    const res = await feedback(adId, { version: 1, kind: 'missed', category: 'school_tier', field: 'description', start, end: start + 6 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'missed', category: 'school_tier', text: text.slice(start, start + 6) });
    expect(res.body.ruleId).toBeUndefined();
  });

  it('refuses feedback that names no finding or no passage of that version, with the field to fix', async () => {
    const { adId, findings } = await submit(ADS.reject);
    const f = findings[0]!;
    const cases: [unknown, string][] = [
      [falseAlarm(f, { start: f.start + 1 }), 'ruleId'],
      [falseAlarm(f, { ruleId: 'no-such-rule' }), 'ruleId'],
      [falseAlarm(f, { version: 2 }), 'version'],
      [{ version: 1, kind: 'missed', category: 'age', field: 'description', start: 0, end: 999 }, 'end'],
      [{ version: 1, kind: 'missed', category: 'age', field: 'benefits', start: 0, end: 1 }, 'field'],
      [{ version: 1, kind: 'missed', category: 'age', field: 'nowhere', start: 0, end: 1 }, 'field'],
      [{ version: 1, kind: 'missed', category: 'age', field: 'description', start: 3, end: 3 }, 'end'],
      [{ version: 1, kind: 'missed', category: 'nope', field: 'description', start: 0, end: 2 }, 'category'],
      [{ version: 1, kind: 'missed', category: 'age', field: 'description', start: 0, end: 2, ruleId: 'x' }, ''],
      [{ version: 1, kind: 'guess', field: 'description', start: 0, end: 2 }, 'kind'],
      [{ ...falseAlarm(f), note: 'x'.repeat(2001) }, 'note'],
    ];
    for (const [body, field] of cases) {
      const res = await feedback(adId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.type).toBe(problemType('invalid-request'));
      expect(res.body.errors[0].field, JSON.stringify(body)).toBe(field);
    }
    const spaced = await submit({ title: '文员', description: '负责文档整理。   限男性。' });
    const blank = await feedback(spaced.adId, { version: 1, kind: 'missed', category: 'age', field: 'description', start: 7, end: 9 });
    expect(blank.status).toBe(400);
    expect(blank.body.detail).toContain('no visible text');
    expect(await historyTypes(adId)).toEqual(['submitted']);
  });

  it('is for moderators: employers get 403; an unknown ad 404', async () => {
    const { adId, findings } = await submit(ADS.reject);
    expect((await feedback(adId, falseAlarm(findings[0]!), { key: h.keys.employer })).status).toBe(403);
    expect((await feedback(`ad_${'Q'.repeat(20)}`, falseAlarm(findings[0]!))).status).toBe(404);
    expect((await feedback('not-an-id', falseAlarm(findings[0]!))).status).toBe(404);
    expect((await feedback(adId, falseAlarm(findings[0]!), { key: h.keys.admin })).status).toBe(201);
  });

  it('stores the same correction once, even when two arrive together', async () => {
    const { adId, findings } = await submit(ADS.reject);
    const body = falseAlarm(findings[0]!);
    const [a, b] = await Promise.all([feedback(adId, body), feedback(adId, { ...body, note: '另一位审核员' }, { key: h.keys.moderator2 })]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.feedbackId).toBe(b.body.feedbackId);
    const again = await feedback(adId, body);
    expect(again.status).toBe(200);
    expect(await historyTypes(adId)).toEqual(['submitted', 'feedback']);
  });

  it('honours an Idempotency-Key: a retry replays the first 201, another body with the key is 409', async () => {
    const { adId, findings } = await submit(ADS.reject);
    const headers = { 'idempotency-key': 'fb-retry-1' };
    const body = falseAlarm(findings[0]!);
    const first = await feedback(adId, body, { headers });
    const retry = await feedback(adId, body, { headers });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    const other = await feedback(adId, { version: 1, kind: 'missed', category: 'age', field: 'description', start: 0, end: 2 }, { headers });
    expect(other.status).toBe(409);
    expect(other.body.type).toBe(problemType('idempotency-mismatch'));
    expect(await historyTypes(adId)).toEqual(['submitted', 'feedback']);
  });
});

describe('GET /v1/feedback/proposals and /v1/feedback/export', () => {
  it('groups feedback into ranked proposals, and exports decided versions as a corpus npm run eval scores', async () => {
    const s = await harness();
    const post = async (ad: object) => (await s.call('POST', '/v1/ads', { key: s.keys.employer, body: ad })).body as { adId: string; verdict: { findings: Finding[] } };
    const mark = (adId: string, body: object) => s.call('POST', `/v1/ads/${adId}/feedback`, { key: s.keys.moderator, body });
    const decide = (adId: string, body: object) => s.call('POST', `/v1/ads/${adId}/review`, { key: s.keys.moderator, body: { expectedVersion: 1, ...body } });

    // The same false alarm on two ads, a missed passage on one.
    const ads = [await post(ADS.reject), await post({ title: '仓管', description: '负责仓库管理，限男性，能吃苦。' })];
    for (const ad of ads) {
      const f = ad.verdict.findings.find((x) => x.category === 'gender')!;
      expect((await mark(ad.adId, falseAlarm(f))).status).toBe(201);
    }
    const missedAt = '负责仓库管理，限男性，能吃苦。'.indexOf('能吃苦');
    expect((await mark(ads[1]!.adId, { version: 1, kind: 'missed', category: 'labor_rights', field: 'description', start: missedAt, end: missedAt + 3 })).status).toBe(201);

    const proposals = await s.call('GET', '/v1/feedback/proposals', { key: s.keys.moderator });
    expect(proposals.status).toBe(200);
    const gender = ads[0]!.verdict.findings.find((x) => x.category === 'gender')!;
    expect(proposals.body.proposals).toEqual([
      { kind: 'exception', ruleId: gender.ruleId, category: 'gender', text: gender.text, count: 2, adIds: [ads[0]!.adId, ads[1]!.adId] },
      { kind: 'term', category: 'labor_rights', text: '能吃苦', count: 1, adIds: [ads[1]!.adId] },
    ]);
    expect(proposals.body.resolvedMarks).toBe(0);
    expect((await s.call('GET', '/v1/feedback/proposals', { key: s.keys.employer })).status).toBe(403);

    // Once rules that fix a mark are running (here the gender rule switched off), it leaves the proposals.
    const released = createApp({ engine: newRulesEngine(), store: s.store, limits: { rateLimit: { perSecond: 0, burst: 1 } } });
    const after = await released.request('/v1/feedback/proposals', { headers: { authorization: `Bearer ${s.keys.moderator}` } });
    expect(await after.json()).toEqual({ proposals: [proposals.body.proposals[1]], resolvedMarks: 2 });

    // Moderators decide: an override, a confirmed reject, a queue approval; one ad stays undecided.
    const queued = await post({ ...ADS.review, requirements: '年龄35岁以下，985院校优先。' });
    await post(ADS.reject);
    expect((await decide(ads[0]!.adId, { decision: 'approve', reason: '误报' })).status).toBe(200);
    expect((await decide(ads[1]!.adId, { decision: 'reject', reason: '不合规' })).status).toBe(200);
    expect((await decide(queued.adId, { decision: 'approve' })).status).toBe(200);

    const res = await s.call('GET', '/v1/feedback/export', { key: s.keys.moderator });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('link')).toBeNull();
    const lines = res.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([`${ads[0]!.adId}/v1`, `${ads[1]!.adId}/v1`, `${queued.adId}/v1`]);
    // The false alarm is gone from the labels; the missed passage is in; the decision is the moderator's.
    expect(lines[0]).toMatchObject({ title: ADS.reject.title, text: ADS.reject.description, labels: [], decision: 'approve' });
    expect(lines[1]).toMatchObject({ labels: [{ category: 'labor_rights', evidence: '能吃苦' }], decision: 'reject' });
    // Every text field but the title is in `text`, so findings outside the description keep their evidence.
    expect(lines[2].text).toBe(`${ADS.review.description}\n年龄35岁以下，985院校优先。`);
    expect(lines[2].labels.map((l: { category: string }) => l.category).sort()).toEqual(['age', 'school_tier']);
    for (const line of lines) for (const label of line.labels) expect(line.text).toContain(label.evidence);

    // npm run eval reads and scores the export as a corpus.
    const file = join(mkdtempSync(join(tmpdir(), 'hirecheck-export-')), 'feedback.jsonl');
    writeFileSync(file, res.text);
    expect(readCorpus(file)).toHaveLength(3);
    const evalRun = spawnSync(process.execPath, ['--import', 'tsx', 'functions/cli/eval.ts', file, '--quiet'], { encoding: 'utf8', timeout: 60_000 });
    expect(evalRun.status, evalRun.stderr).toBe(0);
    expect(evalRun.stdout).toMatch(/feedback\.jsonl: engine/);

    // Paged: a Link header names the next page, which holds the rest.
    const first = await s.call('GET', '/v1/feedback/export?limit=2', { key: s.keys.admin });
    const link = first.headers.get('link')!;
    expect(link).toMatch(/^<\/v1\/feedback\/export\?cursor=[^>]+&limit=2>; rel="next"$/);
    const rest = await s.call('GET', link.slice(1, link.indexOf('>')), { key: s.keys.admin });
    expect([...first.text.trim().split('\n'), ...rest.text.trim().split('\n')]).toEqual(res.text.trim().split('\n'));
    expect(rest.headers.get('link')).toBeNull();

    expect((await s.call('GET', '/v1/feedback/export', { key: s.keys.employer })).status).toBe(403);
    expect((await s.call('GET', '/v1/feedback/export?cursor=forged', { key: s.keys.moderator })).body.type).toBe(problemType('invalid-cursor'));
    expect((await s.call('GET', '/v1/feedback/export?limit=0', { key: s.keys.moderator })).status).toBe(400);
  }, 60_000);
});
