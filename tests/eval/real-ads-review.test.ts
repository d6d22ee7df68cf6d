import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJudgements, reviewPrecision } from '../../functions/eval/real-review.js';
import { engine } from '../core/engine-fixture.js';

// Findings on real job-board ads (../shared/corpus/real-ads.jsonl), each judged by a person reading it in
// context (issue: detection that generalises). The ads travel with the judgements, so this runs anywhere.
const judgements = readJudgements(join(import.meta.dirname, 'fixtures/real-ads-review.jsonl'));
const falseAlarms = judgements.filter((j) => j.verdict === 'false');

describe('real-ad review', () => {
  it('has judgements with reasons, false alarms among them', () => {
    expect(judgements.length).toBeGreaterThan(200);
    expect(falseAlarms.length).toBeGreaterThan(0);
  });

  it.each(falseAlarms.map((j) => [`${j.id} ${j.category} ${j.text}`, j] as const))('%s stays cleared', (_, j) => {
    const findings = engine.check(j.ad).findings;
    const at = j.ad.description.indexOf(j.text);
    const comesBack = findings.some(
      (f) => (f.ruleId === j.ruleId && f.text === j.text) || (f.category === j.category && f.field === 'description' && at >= 0 && f.start < at + j.text.length && at < f.end),
    );
    expect(comesBack).toBe(false);
  });

  it('keeps precision ≥ 0.97 in every category with at least 10 judged findings', () => {
    const { precision } = reviewPrecision(judgements, (ad) => engine.check(ad));
    const weak = precision.filter((p) => p.judged >= 10 && p.precision < 0.97);
    expect(weak).toEqual([]);
  });
});
