/**
 * Scenarios: weak signals that together describe a scheme. 手工活 alone is a job, 押金 alone may be a
 * warning; 手工活外发 + 押金 in one ad is the handwork-deposit scam. Each signal is a word set; the scenario
 * fires when every signal has a word within one clause, sentence or the whole field.
 */
import type { TermHit } from '../scan/term-index.js';
import { hasAnyTag, type FieldAnalysis } from './field-analysis.js';

export interface CompiledScenario {
  /** One list of tags per signal. */
  signals: string[][];
  within: 'clause' | 'sentence' | 'ad';
}

/** The ranges (clauses, sentences or the field) a scenario looks within. */
function units(a: FieldAnalysis, within: CompiledScenario['within']): [number, number][] {
  if (within === 'ad') return [[0, a.n.text.length]];
  if (within === 'clause') return a.clauses.map((c) => [c.start, c.end]);
  const sentences: [number, number][] = [];
  for (const c of a.clauses) {
    const last = sentences[sentences.length - 1];
    if (!last || last[0] !== c.sentenceStart) sentences.push([c.sentenceStart, c.sentenceEnd]);
  }
  return sentences;
}

/**
 * Every unit where all signals occur gives one finding: from the first to the last signal word when they
 * share a clause, else the first signal's word (the scheme's core: 刷单, 手工活外发).
 */
export function matchScenario(a: FieldAnalysis, s: CompiledScenario): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of units(a, s.within)) {
    const hits = a.hitsIn(start, end);
    const found: TermHit[] = [];
    for (const tags of s.signals) {
      const hit = hits.find((h) => hasAnyTag(h, tags));
      if (!hit) break;
      found.push(hit);
    }
    if (found.length < s.signals.length) continue;
    const first = found[0]!;
    const clause = a.clauseAt(first.start);
    const sameClause = clause && found.every((h) => h.start >= clause.start && h.end <= clause.end);
    out.push(sameClause ? [Math.min(...found.map((h) => h.start)), Math.max(...found.map((h) => h.end))] : [first.start, first.end]);
  }
  return out;
}
