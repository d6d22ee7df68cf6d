import { describe, expect, it } from 'vitest';
import type { CorpusAd } from '../../functions/eval/corpus.js';
import { score, type Prediction } from '../../functions/eval/score.js';

const ad = (id: string, text: string, labels: CorpusAd['labels'], decision: CorpusAd['decision']): CorpusAd => ({ id, title: 't', text, labels, decision });

describe('score', () => {
  const corpus = [
    ad('a', '限男性，交押金', [{ category: 'gender', evidence: '限男性' }, { category: 'fee_charging', evidence: '交押金' }], 'reject'),
    ad('b', '男女不限', [], 'approve'),
  ];

  it('counts a finding overlapping the evidence as a true positive, others as false alarms and misses', () => {
    const predictions: Record<string, Prediction> = {
      a: { decision: 'reject', findings: [{ category: 'gender', start: 1, end: 3, text: '男性' }, { category: 'fee_charging', start: 0, end: 1, text: '限' }] },
      b: { decision: 'review', findings: [{ category: 'age', start: 0, end: 2, text: '男女' }] },
    };
    const s = score(corpus, (x) => predictions[x.id]!);
    const by = Object.fromEntries(s.categories.map((c) => [c.category, c]));
    expect(by.gender).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(by.fee_charging).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
    expect(by.age).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(s.decisionAccuracy).toBe(0.5);
    expect(s.cleanWithFindings).toEqual(['b']);
    expect(s.misses.map((m) => `${m.id}/${m.category}`)).toEqual(['a/fee_charging']);
    expect(s.wrongDecisions).toEqual([{ id: 'b', expected: 'approve', got: 'review' }]);
  });
});
