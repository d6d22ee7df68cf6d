import { describe, expect, it } from 'vitest';
import { labelledAd } from '../../functions/feedback/labelled-ad.js';
import type { Finding, Verdict } from '../../functions/core/verdict.js';

const finding = (f: Partial<Finding>): Finding => ({ ruleId: 'r', category: 'gender', severity: 'reject', field: 'description', start: 0, end: 1, text: 'x', message: 'm', legalBasis: [], ...f });
const ad = { title: '限男性店员', description: '限男性，身高170以上。', requirements: '35岁以下', benefits: '包吃住' };
const verdict: Verdict = {
  decision: 'reject',
  lexiconVersion: '1.0.0+abc',
  checkedAt: '2026-01-01T00:00:00.000Z',
  findings: [
    finding({ ruleId: 'gender-restriction', field: 'title', start: 0, end: 3, text: '限男性' }),
    finding({ ruleId: 'gender-restriction', start: 0, end: 3, text: '限男性' }),
    finding({ ruleId: 'appearance-height', category: 'appearance', severity: 'review', start: 4, end: 11, text: '身高170以上' }),
    finding({ ruleId: 'age-upper-limit', category: 'age', severity: 'review', field: 'requirements', start: 0, end: 5, text: '35岁以下' }),
  ],
};

describe('labelledAd', () => {
  it('is a corpus line: text from every field but the title, findings minus false alarms plus misses, the moderator’s decision', () => {
    const line = labelledAd({
      adId: 'ad_1',
      version: 2,
      ad,
      verdict,
      decision: 'approve',
      feedback: [
        { kind: 'false_alarm', ruleId: 'appearance-height', field: 'description', start: 4, end: 11, category: 'appearance', text: '身高170以上' },
        { kind: 'missed', field: 'benefits', start: 0, end: 3, category: 'labor_rights', text: '包吃住' },
        // A false alarm on another span of the same rule leaves this finding alone.
        { kind: 'false_alarm', ruleId: 'gender-restriction', field: 'description', start: 1, end: 3, category: 'gender', text: '男性' },
      ],
    });
    expect(line).toEqual({
      id: 'ad_1/v2',
      title: '限男性店员',
      text: '限男性，身高170以上。\n35岁以下\n包吃住',
      labels: [
        { category: 'gender', evidence: '限男性' },
        { category: 'age', evidence: '35岁以下' },
        { category: 'labor_rights', evidence: '包吃住' },
      ],
      decision: 'approve',
      note: 'moderator approve; engine reject (lexicon 1.0.0+abc); 2 false alarm(s), 1 missed passage(s) marked',
    });
    for (const label of line.labels) expect(line.text).toContain(label.evidence);
  });
});
