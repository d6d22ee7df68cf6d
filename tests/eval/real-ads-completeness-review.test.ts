import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completenessAgreement, readCompletenessJudgements } from '../../functions/eval/completeness-review.js';
import { engine } from '../core/engine-fixture.js';

// Which elements real ads state, judged by a person blind to the rules (150 ads, 15 per dump): the engine's
// incomplete notices must agree, so a notice an employer reads is rarely wrong.
const judgements = readCompletenessJudgements(join(import.meta.dirname, 'fixtures/real-ads-completeness-review.jsonl'));
const agreement = completenessAgreement(judgements, (ad) => engine.check(ad));

describe('completeness on real ads', () => {
  it('has a judgement for every element of every sampled ad', () => {
    expect(judgements.length).toBeGreaterThanOrEqual(150);
    expect(new Set(judgements.map((j) => j.source)).size).toBeGreaterThanOrEqual(8);
  });

  it('says an element is missing wrongly in at most 1 claim of 20 overall, and 1 of 5 for any element', () => {
    const tp = agreement.reduce((a, e) => a + e.tp, 0);
    const fp = agreement.reduce((a, e) => a + e.fp, 0);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(agreement.filter((e) => e.tp + e.fp >= 10 && e.precision < 0.8)).toEqual([]);
  });

  it('finds at least 4 in 5 of the missing headcounts, places, pay and duties', () => {
    for (const element of ['headcount', 'location', 'pay', 'duties']) expect(agreement.find((e) => e.element === element)!.recall).toBeGreaterThanOrEqual(0.8);
  });
});
