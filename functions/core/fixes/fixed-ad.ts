/**
 * The fixed ad: every finding's fix applied to its field. Fixes of one field never overlap, so applying them
 * from the last to the first keeps every offset valid.
 */
import { z } from 'zod';
import { CheckAdSchema, hasVisibleText, TEXT_FIELDS, fieldText, type Ad, type TextField } from '../ad.js';
import { DECISIONS } from '../categories.js';
import { CONDITION_PATHS } from '../lexicon/schema.js';
import { conditionValue } from '../structured/conditions.js';
import type { Finding, FixEdit, Verdict } from '../verdict.js';

/** The fixed ad and its own verdict. */
export interface FixedCheck {
  ad: Ad;
  verdict: Verdict;
}

/**
 * What the interfaces return as `fixed` (CLI --fix, POST /v1/check?fix=true, POST/PUT /v1/ads): the fixed ad's
 * fields and the decision it gets. Without `decision` it is an ad to submit as it is.
 */
export const FixedVersionSchema = CheckAdSchema.extend({ decision: z.enum(DECISIONS) });
export type FixedVersion = z.infer<typeof FixedVersionSchema>;

export const fixedVersion = (fixed: FixedCheck | undefined): FixedVersion | undefined => fixed && { ...fixed.ad, decision: fixed.verdict.decision };

/** Categories no rewording makes lawful: an ad with one of these gets no fixed version (the job itself must go). */
export const UNFIXABLE_CATEGORIES: ReadonlySet<string> = new Set(['fraud', 'fee_charging']);

/** `text` with the fixes applied (they must not overlap). */
export function applyFixes(text: string, fixes: readonly FixEdit[]): string {
  let out = text;
  for (const f of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
  return out;
}

function withField(ad: Ad, field: TextField, text: string): Ad {
  if (field === 'company.name') return { ...ad, company: { ...ad.company, name: text } };
  return { ...ad, [field]: text };
}

/**
 * The ad with every fix applied, or undefined when there is nothing to fix or the ad has a finding no rewording
 * can fix (fraud, fees). A title or description that a fix would empty stays as it was: the fixed ad must
 * still be an ad (and when nothing else changes, there is no fixed ad).
 */
export function fixAd(ad: Ad, findings: readonly Finding[]): Ad | undefined {
  if (findings.some((f) => UNFIXABLE_CATEGORIES.has(f.category))) return undefined;
  if (!findings.some((f) => f.fix && (f.fix.start !== f.fix.end || f.fix.replacement))) return undefined;
  const fixesOf = (field: string) => findings.flatMap((f) => (f.field === field && f.fix ? [f.fix] : []));
  let fixed = ad;
  for (const field of TEXT_FIELDS) {
    const text = fieldText(ad, field);
    const fixes = fixesOf(field);
    if (text === undefined || !fixes.length) continue;
    const result = applyFixes(text, fixes);
    if (result === text || ((field === 'title' || field === 'description') && !hasVisibleText(result))) continue;
    fixed = withField(fixed, field, result);
  }
  const conditions: Record<string, string | number> = { ...ad.conditions };
  let conditionsFixed = false;
  for (const path of CONDITION_PATHS) {
    const value = conditionValue(ad, path);
    const fixes = fixesOf(path);
    if (value === undefined || !fixes.length) continue;
    const key = path.slice('conditions.'.length);
    const result = applyFixes(String(value), fixes).trim();
    // A condition fixed away is left unstated; a number (年龄上限 35) is the condition itself.
    if (result && typeof value === 'string') conditions[key] = result;
    else delete conditions[key];
    conditionsFixed = true;
  }
  if (conditionsFixed) fixed = { ...fixed, conditions };
  // An ad that is nothing but conditions (要求：身高165cm以上，形象气质佳) keeps its text: no fixed version then.
  return fixed === ad ? undefined : fixed;
}
