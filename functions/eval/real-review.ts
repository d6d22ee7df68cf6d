/**
 * The real-ad precision review (tests/eval/fixtures/real-ads-review.jsonl): findings on real job-board ads,
 * each judged by a person reading it in context. The engine's findings on those ads are matched against the
 * judgements; what is not judged yet is listed for the next review.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
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

export function readJudgements(path: string): Judgement[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JudgementSchema.parse(JSON.parse(l));
      } catch (err) {
        throw new Error(`${path}:${i + 1}: ${(err as Error).message}`);
      }
    });
}

export const judgementKey = (j: { id: string; ruleId: string; text: string }) => `${j.id}\u0000${j.ruleId}\u0000${j.text}`;

export interface CategoryPrecision {
  category: Category;
  judged: number;
  falseAlarms: number;
  precision: number;
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
