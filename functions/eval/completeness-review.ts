/**
 * The completeness review on real ads (tests/eval/fixtures/real-ads-completeness-review.jsonl): for a seeded
 * sample of real job-board ads, a person recorded which of the six elements each ad states, reading it in full
 * and blind to the rules. The engine's `incomplete` findings are scored against that, element by element: a
 * claim that an element is missing is a false alarm when the person found it stated.
 */
import { z } from 'zod';
import { readJsonl } from './read-jsonl.js';
import type { Ad } from '../core/ad.js';
import { ELEMENTS, type Element } from '../core/structured/elements.js';
import type { Verdict } from '../core/verdict.js';

const CompletenessJudgementSchema = z.object({
  id: z.string(),
  source: z.string(),
  stated: z.record(z.enum(ELEMENTS), z.boolean()),
  evidence: z.record(z.string(), z.string()).default({}),
  note: z.string().default(''),
  ad: z.object({ title: z.string().optional(), description: z.string() }),
});
export type CompletenessJudgement = z.infer<typeof CompletenessJudgementSchema>;

export const readCompletenessJudgements = (path: string): CompletenessJudgement[] => readJsonl(path, CompletenessJudgementSchema);

/** The elements a verdict says the ad lacks. */
export const missingIn = (verdict: Verdict): Set<string> => new Set(verdict.findings.filter((f) => f.category === 'incomplete').flatMap((f) => f.missing ?? []));

export interface ElementAgreement {
  element: Element;
  /** Said missing, and the person found it missing. */
  tp: number;
  /** Said missing, but the person found it stated: a false notice. */
  fp: number;
  /** Said stated, but the person found it missing. */
  fn: number;
  precision: number;
  recall: number;
}

export function completenessAgreement(judgements: CompletenessJudgement[], check: (ad: Ad) => Verdict): ElementAgreement[] {
  const missing = judgements.map((j) => missingIn(check(j.ad)));
  return ELEMENTS.map((element) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    judgements.forEach((j, i) => {
      const said = missing[i]!.has(element);
      if (said && !j.stated[element]) tp++;
      else if (said) fp++;
      else if (!j.stated[element]) fn++;
    });
    return { element, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  });
}
