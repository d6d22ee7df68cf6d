import { describe, expect, it } from 'vitest';
import type { Finding, Verdict } from '../../functions/core/verdict.js';
import { openFeedback, stillWrong } from '../../functions/feedback/open-feedback.js';

const finding = (f: Partial<Finding>): Finding => ({ ruleId: 'r', category: 'gender', severity: 'reject', field: 'description', start: 0, end: 3, text: 'x', message: 'm', legalBasis: [], ...f });
const verdict = (...findings: Finding[]): Verdict => ({ decision: findings.length ? 'reject' : 'approve', findings, lexiconVersion: 'v', checkedAt: '2026-01-01T00:00:00.000Z' });
const falseAlarm = { adId: 'a', version: 1, kind: 'false_alarm' as const, ruleId: 'r', category: 'gender' as const, field: 'description', start: 0, end: 3 };
const missed = { adId: 'b', version: 2, kind: 'missed' as const, category: 'age' as const, field: 'description', start: 5, end: 9 };

describe('stillWrong', () => {
  it('keeps a false alarm open while the rule still fires on that span, and a miss until its category is found there', () => {
    expect(stillWrong(falseAlarm, verdict(finding({ start: 1, end: 2 })))).toBe(true);
    expect(stillWrong(falseAlarm, verdict(finding({ ruleId: 'other' })))).toBe(false);
    expect(stillWrong(falseAlarm, verdict(finding({ start: 3, end: 5 })))).toBe(false);
    expect(stillWrong(falseAlarm, verdict(finding({ field: 'title' })))).toBe(false);
    expect(stillWrong(missed, verdict())).toBe(true);
    expect(stillWrong(missed, verdict(finding({ category: 'age', start: 8, end: 12 })))).toBe(false);
    expect(stillWrong(missed, verdict(finding({ category: 'gender', start: 5, end: 9 })))).toBe(true);
  });
});

describe('openFeedback', () => {
  it('reads each marked version once and checks it with the running rules', async () => {
    const loads: string[] = [];
    const { open, resolved } = await openFeedback(
      [falseAlarm, { ...falseAlarm, start: 4, end: 6 }, missed],
      async (adId, version) => {
        loads.push(`${adId}/${version}`);
        return { title: 't', description: adId };
      },
      (ad) => (ad.description === 'a' ? verdict(finding({})) : verdict(finding({ category: 'age', start: 5, end: 9 }))),
    );
    expect(loads.sort()).toEqual(['a/1', 'b/2']);
    expect(open).toEqual([falseAlarm]);
    expect(resolved).toBe(2);
  });
});
