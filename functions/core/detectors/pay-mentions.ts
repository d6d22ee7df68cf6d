/**
 * The pay mentions of an analysed field, parsed once per check: completeness, salary and structured_pay read the
 * same fields' pay. The last few fields' are kept by their analysis (the object, which every check makes anew),
 * in a small ring searched by identity: cheaper than a WeakMap, whose entries the garbage collector must trace.
 * Callers must not change them.
 */
import type { FieldAnalysis } from '../analysis/field-analysis.js';
import { parsePay, type PayMention } from '../salary/parse-pay.js';

/** More than an ad's text fields (ad.ts TEXT_FIELDS), so one check's fields all stay. */
const KEPT = 16;
const analyses: (FieldAnalysis | undefined)[] = new Array(KEPT).fill(undefined);
const mentions: (readonly PayMention[])[] = new Array(KEPT).fill([]);
let next = 0;

export function payMentions(a: FieldAnalysis): readonly PayMention[] {
  for (let i = 0; i < KEPT; i++) if (analyses[i] === a) return mentions[i]!;
  const parsed = parsePay(a.n.text);
  analyses[next] = a;
  mentions[next] = parsed;
  next = (next + 1) % KEPT;
  return parsed;
}
