/** A detector is a rule pattern that needs logic, not just words: salary plausibility, probation limits, completeness. */
import type { Ad } from '../ad.js';
import type { FieldAnalysis } from '../analysis/field-analysis.js';
import type { Category } from '../categories.js';

export interface DetectorContext {
  /** The text fields, analysed (normalised text, vocabulary hits, clauses and sections). */
  fields: readonly FieldAnalysis[];
  /** All normalised field texts joined by line breaks: for ad-wide signals (no experience needed, fee charged…). */
  adText: string;
  /** Categories already found by word rules, e.g. a pay claim next to a fee is more suspicious. */
  categoriesFound: ReadonlySet<Category>;
  /** The ad as submitted: its structured fields (conditions, pay, headcount, validUntil). */
  ad: Ad;
  /** The check's clock (a validity date is past or not). */
  now: Date;
}

/** A finding about the ad as a whole rather than a passage (what it lacks): `field` is this, with no span. */
export const WHOLE_AD = 'ad';

export interface DetectorHit {
  /** A text field, or WHOLE_AD. */
  field: string;
  /** Range in the field's NORMALISED text (0, 0 for WHOLE_AD). */
  start: number;
  end: number;
  /** The elements an ad lacks (incomplete findings), as stable ids. */
  missing?: string[];
  /** Said after the rule's message: what the detector compared (薪资字段最高5000元/月). */
  note?: string;
}

export type Detector = (ctx: DetectorContext, params: Record<string, unknown>) => DetectorHit[];
