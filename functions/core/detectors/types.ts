/** A detector is a rule pattern that needs logic, not just words: salary plausibility, probation limits. */
import type { Category } from '../categories.js';
import type { Normalized } from '../normalize.js';

export interface DetectorField {
  field: string;
  n: Normalized;
}

export interface DetectorContext {
  fields: DetectorField[];
  /** All normalised field texts joined by line breaks: for ad-wide signals (no experience needed, fee charged…). */
  adText: string;
  /** Categories already found by word rules, e.g. a pay claim next to a fee is more suspicious. */
  categoriesFound: ReadonlySet<Category>;
}

export interface DetectorHit {
  field: string;
  /** Range in the field's NORMALISED text. */
  start: number;
  end: number;
}

export type Detector = (ctx: DetectorContext, params: Record<string, unknown>) => DetectorHit[];
