/**
 * What a moderator's feedback names, checked against the version it is about (pure): a false alarm must
 * name a finding of that version exactly; a missed passage must be a span of visible text inside a field
 * of that version. Anything else is an InvalidFeedback naming the field to fix.
 */
import { fieldText, hasVisibleText, TEXT_FIELDS, type Ad, type TextField } from '../core/ad.js';
import type { Category } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';

export type FeedbackInput =
  | { kind: 'false_alarm'; version: number; ruleId: string; field: string; start: number; end: number; note?: string }
  | { kind: 'missed'; version: number; category: Category; field: string; start: number; end: number; note?: string };

/** The facts a feedback records beyond what was posted: the category of a false alarm and the marked text. */
export interface ResolvedFeedback {
  category: Category;
  text: string;
}

export interface InvalidFeedback {
  field: string;
  message: string;
}

const isTextField = (field: string): field is TextField => (TEXT_FIELDS as readonly string[]).includes(field);

export function resolveFeedback(version: { ad: Ad; verdict: Verdict }, input: FeedbackInput): ResolvedFeedback | InvalidFeedback {
  if (input.kind === 'false_alarm') {
    const finding = version.verdict.findings.find(
      (f) => f.ruleId === input.ruleId && f.field === input.field && f.start === input.start && f.end === input.end,
    );
    if (!finding) {
      return { field: 'ruleId', message: `version ${input.version} has no finding of rule ${input.ruleId} at ${input.field} ${input.start}–${input.end}` };
    }
    return { category: finding.category, text: finding.text };
  }
  if (!isTextField(input.field)) return { field: 'field', message: `must be one of ${TEXT_FIELDS.join(', ')}` };
  const text = fieldText(version.ad, input.field);
  if (text === undefined) return { field: 'field', message: `version ${input.version} has no ${input.field}` };
  if (input.end <= input.start || input.end > text.length) {
    return { field: 'end', message: `the span must satisfy start < end ≤ ${text.length} (the length of ${input.field})` };
  }
  if (splitsCharacter(text, input.start) || splitsCharacter(text, input.end)) return { field: 'start', message: 'the span cuts a character in two' };
  const passage = text.slice(input.start, input.end);
  if (!hasVisibleText(passage)) return { field: 'start', message: 'the span holds no visible text' };
  return { category: input.category, text: passage };
}

/** True when `at` falls between the two halves of a surrogate pair. */
function splitsCharacter(text: string, at: number): boolean {
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

export const isInvalid = (r: ResolvedFeedback | InvalidFeedback): r is InvalidFeedback => 'message' in r;
