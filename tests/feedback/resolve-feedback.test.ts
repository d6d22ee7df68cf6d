import { describe, expect, it } from 'vitest';
import { resolveFeedback } from '../../functions/feedback/resolve-feedback.js';
import type { Verdict } from '../../functions/core/verdict.js';

const ad = { title: '店员😀', description: '负责收银，限男性。😀工资日结' };
const verdict: Verdict = {
  decision: 'reject',
  lexiconVersion: 'v',
  checkedAt: '2026-01-01T00:00:00.000Z',
  findings: [{ ruleId: 'gender-restriction', category: 'gender', severity: 'reject', field: 'description', start: 5, end: 8, text: '限男性', message: 'm', legalBasis: [] }],
};
const version = { ad, verdict };

describe('resolveFeedback', () => {
  it('takes a false alarm’s category and text from the finding it names exactly', () => {
    expect(resolveFeedback(version, { kind: 'false_alarm', version: 1, ruleId: 'gender-restriction', field: 'description', start: 5, end: 8 })).toEqual({ category: 'gender', text: '限男性' });
    for (const wrong of [{ start: 4 }, { end: 9 }, { field: 'title' }, { ruleId: 'age-upper-limit' }]) {
      const r = resolveFeedback(version, { kind: 'false_alarm', version: 1, ruleId: 'gender-restriction', field: 'description', start: 5, end: 8, ...wrong });
      expect(r).toMatchObject({ field: 'ruleId' });
    }
  });

  it('takes a missed passage from inside the field, refusing spans that are empty, outside, invisible or cut a character', () => {
    const miss = (field: string, start: number, end: number) => resolveFeedback(version, { kind: 'missed', version: 1, category: 'fraud', field, start, end });
    expect(miss('description', 11, 15)).toEqual({ category: 'fraud', text: '工资日结' });
    expect(miss('title', 0, 4)).toEqual({ category: 'fraud', text: '店员😀' });
    expect(miss('description', 3, 3)).toMatchObject({ field: 'end' });
    expect(miss('description', 10, 99)).toMatchObject({ field: 'end' });
    expect(miss('benefits', 0, 1)).toMatchObject({ field: 'field', message: expect.stringContaining('has no benefits') });
    expect(miss('company', 0, 1)).toMatchObject({ field: 'field' });
    // 😀 is two UTF-16 code units at 9–11: a span ending between them would store half a character.
    expect(miss('description', 8, 10)).toMatchObject({ field: 'start', message: expect.stringContaining('cuts a character') });
    expect(miss('description', 8, 11)).toEqual({ category: 'fraud', text: '。😀' });
  });

  it('refuses a span of invisible characters', () => {
    const spaced = { ad: { title: 't', description: 'a \u200b\u3000b' }, verdict: { ...verdict, findings: [] } };
    expect(resolveFeedback(spaced, { kind: 'missed', version: 1, category: 'age', field: 'description', start: 1, end: 4 })).toMatchObject({ field: 'start' });
  });
});
