/**
 * The text around each finding, kept for the HTML report instead of the whole ad: a 20,000-character
 * description with one finding becomes a line, and a batch's memory follows its findings, not its size.
 */
import { fieldText, type Ad, type TextField } from '../core/ad.js';
import type { Finding } from '../core/verdict.js';
import { ownString } from './own-string.js';
import type { Excerpt } from './types.js';

/** Characters of context kept on each side of a finding. */
const CONTEXT = 40;

/** Moves a cut off the second half of a surrogate pair, so an excerpt never starts or ends inside a character. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

export function makeExcerpts(ad: Ad, findings: readonly Finding[]): Excerpt[] {
  const excerpts: Excerpt[] = [];
  const fields = [...new Set(findings.map((f) => f.field))];
  for (const field of fields) {
    const text = fieldText(ad, field as TextField);
    if (text === undefined) continue;
    const own = findings.map((f, index) => ({ f, index })).filter(({ f }) => f.field === field).sort((a, b) => a.f.start - b.f.start);
    // Merge overlapping windows so two findings in one sentence share one excerpt.
    const windows: { from: number; to: number; marks: { start: number; end: number; index: number }[] }[] = [];
    for (const { f, index } of own) {
      const from = safeCut(text, Math.max(0, f.start - CONTEXT));
      const to = safeCut(text, Math.min(text.length, f.end + CONTEXT));
      const last = windows.at(-1);
      if (last && from <= last.to) {
        last.to = Math.max(last.to, to);
        last.marks.push({ start: f.start, end: f.end, index });
      } else windows.push({ from, to, marks: [{ start: f.start, end: f.end, index }] });
    }
    for (const w of windows) {
      excerpts.push({
        field,
        text: ownString(text.slice(w.from, w.to)),
        cutBefore: w.from > 0,
        cutAfter: w.to < text.length,
        marks: w.marks.map((m) => ({ start: m.start - w.from, end: m.end - w.from, index: m.index })),
      });
    }
  }
  return excerpts;
}
