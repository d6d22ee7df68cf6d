/**
 * The real-ad precision review (tests/eval/fixtures/real-ads-review.jsonl): findings on real job-board ads,
 * each judged by a person reading it in context. The engine's findings on those ads are matched against the
 * judgements; what is not judged yet is listed for the next review.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readJsonl } from './read-jsonl.js';
import type { Ad } from '../core/ad.js';
import { CATEGORIES, type Category } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';

export const JudgementSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  category: z.enum(CATEGORIES),
  text: z.string(),
  verdict: z.enum(['true', 'false']),
  reason: z.string().min(1),
  /** The ad as the board holds it, so the judgement can be replayed without the source dump. */
  ad: z.object({ title: z.string().optional(), description: z.string() }),
});
export type Judgement = z.infer<typeof JudgementSchema>;

export const readJudgements = (path: string): Judgement[] => readJsonl(path, JudgementSchema);

export const judgementKey = (j: { id: string; ruleId: string; text: string }) => `${j.id}\u0000${j.ruleId}\u0000${j.text}`;

export interface CategoryPrecision {
  category: Category;
  judged: number;
  falseAlarms: number;
  precision: number;
}

export interface RealAd {
  id: string;
  source: string;
  title?: string;
  description: string;
}

/** ../shared/corpus/real-ads.jsonl */
export const readRealAds = (path: string): RealAd[] => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as RealAd);

const asInput = (ad: RealAd): Ad => ({ ...(ad.title ? { title: ad.title } : {}), description: ad.description });

/**
 * The learned model's findings on every real ad: precision per category over the judged ones, the ones not
 * judged yet, and how many land on ads the rules leave clean (the bar: at most 2 per 100 such ads).
 */
export function modelReview(judgements: Judgement[], ads: RealAd[], check: (ad: Ad) => Verdict) {
  const byKey = new Map(judgements.map((j) => [judgementKey(j), j]));
  const counts = new Map<Category, { judged: number; falseAlarms: number }>();
  const unjudged: object[] = [];
  let findings = 0;
  let cleanAds = 0;
  let onCleanAds = 0;
  for (const ad of ads) {
    const input = asInput(ad);
    // A notice (what the ad lacks) leaves an ad clean: the model's bar is about passages the rules pass.
    const all = check(input).findings.filter((f) => f.severity !== 'notice');
    const model = all.filter((f) => f.source === 'model');
    findings += model.length;
    if (all.length === model.length) {
      cleanAds++;
      onCleanAds += model.length;
    }
    for (const f of model) {
      const j = byKey.get(judgementKey({ id: ad.id, ruleId: f.ruleId, text: f.text }));
      if (!j) {
        const text = f.field === 'description' ? ad.description : (ad.title ?? '');
        unjudged.push({ id: ad.id, ruleId: f.ruleId, category: f.category, text: f.text, score: f.score, context: text.slice(Math.max(0, f.start - 60), f.end + 60), ad: input });
        continue;
      }
      const c = counts.get(f.category) ?? { judged: 0, falseAlarms: 0 };
      c.judged++;
      if (j.verdict === 'false') c.falseAlarms++;
      counts.set(f.category, c);
    }
  }
  const precision = [...counts].map(([category, { judged, falseAlarms }]) => ({ category, judged, falseAlarms, precision: (judged - falseAlarms) / judged }));
  return { findings, cleanAds, onCleanAds, precision, unjudged };
}

/** Precision per category over the judged findings the engine still produces. */
export function reviewPrecision(judgements: Judgement[], check: (ad: Ad) => Verdict): { precision: CategoryPrecision[]; unjudged: { id: string; ruleId: string; category: Category; text: string }[] } {
  const byKey = new Map(judgements.map((j) => [judgementKey(j), j]));
  const ads = new Map(judgements.map((j) => [j.id, j.ad]));
  const counts = new Map<Category, { judged: number; falseAlarms: number }>();
  const unjudged: { id: string; ruleId: string; category: Category; text: string }[] = [];
  for (const [id, ad] of ads) {
    for (const f of check(ad).findings) {
      const j = byKey.get(judgementKey({ id, ruleId: f.ruleId, text: f.text }));
      if (!j) {
        unjudged.push({ id, ruleId: f.ruleId, category: f.category, text: f.text });
        continue;
      }
      const c = counts.get(f.category) ?? { judged: 0, falseAlarms: 0 };
      c.judged++;
      if (j.verdict === 'false') c.falseAlarms++;
      counts.set(f.category, c);
    }
  }
  const precision = CATEGORIES.filter((c) => counts.has(c)).map((category) => {
    const { judged, falseAlarms } = counts.get(category)!;
    return { category, judged, falseAlarms, precision: (judged - falseAlarms) / judged };
  });
  return { precision, unjudged };
}
