/**
 * Scenarios: weak signals that together describe a scheme. 手工活 alone is a job, 押金 alone may be a
 * warning; 手工活外发 + 押金 in one ad is the handwork-deposit scam. Each signal is a word set; the scenario
 * fires when every signal has a word within one clause, sentence or the whole field.
 */
import type { TermHit } from '../scan/term-index.js';
import { fieldHasAny, hasAnyTag, type FieldAnalysis } from './field-analysis.js';

export interface CompiledScenario {
  /** One list of tags per signal. */
  signals: string[][];
  within: 'clause' | 'sentence' | 'ad';
  /** Tags of the words that void a signal word right after them (不收 before 押金). */
  negatedBy: string[];
}

/** A negating word ends where the signal word starts, or one filler before it (不收任何押金, 无需交押金). */
const NEGATION_FILLER = /^(?:任何|交|缴|缴纳|收取|支付)?$/;
const negated = (a: FieldAnalysis, hits: readonly TermHit[], h: TermHit, negatedBy: readonly string[]) =>
  negatedBy.length > 0 && hits.some((n) => n.end <= h.start && h.start - n.end <= 4 && hasAnyTag(n, negatedBy) && NEGATION_FILLER.test(a.n.text.slice(n.end, h.start)));

/**
 * The ranges (clauses, sentences or the field) a scenario looks within: only those holding a word of its rarest
 * signal, since a unit without one cannot hold every signal (most fields have a signal word in a few clauses).
 */
function units(a: FieldAnalysis, s: CompiledScenario): [number, number][] {
  if (s.within === 'ad') return [[0, a.n.text.length]];
  let rarest: TermHit[] | undefined;
  for (const tags of s.signals) {
    const words = tags.flatMap((t) => a.byTag.get(t) ?? []);
    if (!rarest || words.length < rarest.length) rarest = words;
  }
  const out: [number, number][] = [];
  for (const i of new Set(rarest!.map((h) => a.clauseIndexAt(h.start)))) {
    if (i < 0) continue;
    const c = a.clauses[i]!;
    const unit: [number, number] = s.within === 'clause' ? [c.start, c.end] : [c.sentenceStart, c.sentenceEnd];
    if (!out.some((u) => u[0] === unit[0])) out.push(unit);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** A clause without its list numbers, brackets and spaces at either end. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s;:()（）【】\[\]·•\-*#]/.test(text[start]!)) start++;
  while (end > start && /[\s;:()（）【】\[\]·•\-*#]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/**
 * Every unit where all signals occur is one instance of the scheme; it is shown as the clause of each
 * signal (手工活外发 … 做好我们回收), so the reader sees every part of it. The caller keeps or drops an
 * instance whole: a warning that clears one part (不收任何培训费) clears the scheme.
 */
export function matchScenario(a: FieldAnalysis, s: CompiledScenario): [number, number][][] {
  const out: [number, number][][] = [];
  if (!s.signals.every((tags) => fieldHasAny(a, tags))) return out;
  for (const [start, end] of units(a, s)) {
    const hits = a.hitsIn(start, end);
    const found: TermHit[] = [];
    for (const tags of s.signals) {
      const signal = hits.filter((h) => hasAnyTag(h, tags) && !negated(a, hits, h, s.negatedBy));
      if (!signal.length) break;
      found.push(...signal);
    }
    if (!s.signals.every((tags) => found.some((h) => hasAnyTag(h, tags)))) continue;
    const spans = new Map<number, [number, number]>();
    for (const hit of found) {
      const clause = a.clauseAt(hit.start);
      if (clause) spans.set(clause.start, trimmed(a.n.text, clause.start, clause.end));
    }
    out.push([...spans.values()]);
  }
  return out;
}

/**
 * An ad-wide scenario whose signals lie in different fields (海外高薪客服 as the title, 柬埔寨 in the location or the
 * description): one instance, shown as the clause of each signal word in its own field. Where one field holds a
 * word of every signal, matchScenario reads that field alone, so this finds nothing.
 */
export function matchAcrossFields(fields: readonly FieldAnalysis[], s: CompiledScenario): { a: FieldAnalysis; span: [number, number] }[] {
  if (s.within !== 'ad' || fields.length < 2 || fields.some((a) => s.signals.every((tags) => fieldHasAny(a, tags)))) return [];
  const parts: { a: FieldAnalysis; span: [number, number] }[] = [];
  for (const tags of s.signals) {
    // a signal is present when one of its words is, even in a clause another signal already shows (在家兼职录入员)
    let present = false;
    for (const a of fields) {
      if (!fieldHasAny(a, tags)) continue;
      for (const h of a.hits) {
        if (!hasAnyTag(h, tags) || negated(a, a.hits, h, s.negatedBy)) continue;
        const clause = a.clauseAt(h.start);
        const span = clause && trimmed(a.n.text, clause.start, clause.end);
        if (!span) continue;
        present = true;
        if (!parts.some((p) => p.a === a && p.span[0] === span[0])) parts.push({ a, span });
      }
    }
    if (!present) return [];
  }
  return parts;
}
