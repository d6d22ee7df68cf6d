/** The public Verdict contract returned by every interface (API, CLI, prescreen, console). */
import { z } from 'zod';
import { CATEGORIES, DECISIONS, SEVERITIES } from './categories.js';

export const LegalBasisSchema = z.object({ law: z.string(), article: z.string() });

/**
 * A fix: replace [start, end) of the finding's field (ORIGINAL text, UTF-16 code units) with `replacement`;
 * empty deletes. The fixes of one field never overlap: applied together they give the fixed ad.
 */
export const FixEditSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  replacement: z.string(),
});

export const FindingSchema = z.object({
  ruleId: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  field: z.string(),
  /** Offsets into the ORIGINAL text of `field` (UTF-16 code units, end exclusive). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Exactly `original.slice(start, end)`. */
  text: z.string(),
  message: z.string(),
  legalBasis: z.array(LegalBasisSchema),
  suggestion: z.string().optional(),
  /** Only for the categories rewording can fix (discrimination, and pay or labour terms with a lawful wording). */
  fix: FixEditSchema.optional(),
  /** Set on the learned model's findings (always `review`); rule findings carry no source. */
  source: z.literal('model').optional(),
  /** The model's probability for the category, 0 to 1. */
  score: z.number().min(0).max(1).optional(),
  /** `incomplete` findings: the elements the ad lacks (company, headcount, conditions, duties, location, pay, validUntil). */
  missing: z.array(z.string()).optional(),
});

export const VerdictSchema = z.object({
  decision: z.enum(DECISIONS),
  findings: z.array(FindingSchema),
  lexiconVersion: z.string(),
  checkedAt: z.string(),
});

export type LegalBasis = z.infer<typeof LegalBasisSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type FixEdit = z.infer<typeof FixEditSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
