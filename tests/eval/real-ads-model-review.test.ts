import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLexiconDir } from '../../functions/engine.js';
import { modelReview, readJudgements, readRealAds } from '../../functions/eval/real-review.js';
import { engine } from '../core/engine-fixture.js';

// Every finding the learned model makes on the real job-board ads, judged by a person in context
// (tests/eval/fixtures/real-ads-model-review.jsonl): a retrained model lands only once its findings are read.
const judgements = readJudgements(join(import.meta.dirname, 'fixtures/real-ads-model-review.jsonl'));
const ads = readRealAds(resolve(defaultLexiconDir(), '../../shared/corpus/real-ads.jsonl'));
const review = modelReview(judgements, ads, (ad) => engine.check(ad));

describe('the learned model on real ads', () => {
  it('makes no finding nobody has judged (npm run review:real lists them)', () => {
    expect(review.unjudged).toEqual([]);
    // The review is of the model: it must be on (the rules now cover what it once found alone on these ads).
    expect(engine.check({ title: '招聘', description: '招聘店员' }).lexiconVersion).toMatch(/\.model-[0-9a-f]+$/);
  });

  it('keeps precision ≥ 0.9 in every category it reports', () => {
    expect(review.precision.filter((p) => p.precision < 0.9)).toEqual([]);
  });

  it('adds at most 2 findings per 100 ads the rules leave clean', () => {
    expect(review.cleanAds).toBeGreaterThan(1000);
    expect(review.onCleanAds / review.cleanAds).toBeLessThanOrEqual(0.02);
  });
});
