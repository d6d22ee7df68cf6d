/** Detector registry: a lexicon rule names one with `detector: NAME`. A new kind of rule is a new entry here. */
import { completenessDetector } from './completeness.js';
import { probationDetector } from './probation.js';
import { salaryDetector } from './salary.js';
import { structuredPayDetector } from './structured-pay.js';
import type { Detector } from './types.js';

export type { Detector, DetectorContext, DetectorHit } from './types.js';

export const DETECTORS: Record<string, Detector> = {
  salary: salaryDetector,
  probation: probationDetector,
  completeness: completenessDetector,
  structured_pay: structuredPayDetector,
};
