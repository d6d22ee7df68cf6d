/**
 * Flags pay promises that are implausible for what the ad asks, and guaranteed (保底) high income.
 * Thresholds and marker words are lexicon params, so tuning them never needs code.
 */
import { z } from 'zod';
import { parsePay } from '../salary/parse-pay.js';
import type { Detector, DetectorHit } from './types.js';

const ParamsSchema = z.object({
  /** Monthly pay at or above this is implausible when the ad needs no experience or skill. */
  noExperienceMonthly: z.number().positive(),
  /** …and day (or 8-hour) pay at or above this, for gig work paid by the day or hour. */
  noExperienceDaily: z.number().positive(),
  /** …or when the same ad charges the job seeker or looks fraudulent (per month, and per day of gig work). */
  feeContextMonthly: z.number().positive(),
  feeContextDaily: z.number().positive(),
  /** 保底 (guaranteed) income at or above this is a promise the ad cannot make. */
  guaranteedMonthly: z.number().positive(),
  /** Words saying the job needs no experience, skill or effort. */
  noExperienceMarkers: z.array(z.string().min(1)),
  /** Categories whose presence in the same ad makes a high pay claim bait. */
  contextCategories: z.array(z.string()).default(['fee_charging', 'fraud']),
});
type Params = z.infer<typeof ParamsSchema> & { markerRe: RegExp };

const compiled = new WeakMap<object, Params>();
function compile(raw: Record<string, unknown>): Params {
  let p = compiled.get(raw);
  if (!p) {
    const parsed = ParamsSchema.parse(raw);
    const escaped = parsed.noExperienceMarkers.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    p = { ...parsed, markerRe: new RegExp(escaped.join('|')) };
    compiled.set(raw, p);
  }
  return p;
}

export const salaryDetector: Detector = (ctx, raw) => {
  const p = compile(raw);
  const noExperience = p.markerRe.test(ctx.adText);
  const suspicious = p.contextCategories.some((c) => ctx.categoriesFound.has(c as never));
  const threshold = Math.min(
    noExperience ? p.noExperienceMonthly : Infinity,
    suspicious ? p.feeContextMonthly : Infinity,
  );
  const hits: DetectorHit[] = [];
  for (const { field, n } of ctx.fields) {
    for (const pay of parsePay(n.text)) {
      const daily = pay.period === 'day' || pay.period === 'hour' ? pay.monthlyMax / 22 : 0;
      const gig = (noExperience && daily >= p.noExperienceDaily) || (suspicious && daily >= p.feeContextDaily);
      if (gig || pay.monthlyMax >= threshold || (pay.guaranteed && pay.monthlyMax >= p.guaranteedMonthly)) {
        hits.push({ field, start: pay.start, end: pay.end });
      }
    }
  }
  return hits;
};
