/** Plain-text rendering of a Score for the terminal. */
import type { Score } from './score.js';

const pct = (x: number) => x.toFixed(3);

export function formatScore(title: string, s: Score, detail: boolean): string {
  const lines = [`== ${title}: ${s.ads} ads ==`, 'category             tp  fp  fn  precision  recall  f1'];
  for (const c of s.categories) {
    lines.push(
      `${c.category.padEnd(20)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${pct(c.f1)}`,
    );
  }
  const macro = (k: 'precision' | 'recall' | 'f1') => s.categories.reduce((a, c) => a + c[k], 0) / s.categories.length;
  lines.push(`macro average            ${pct(macro('precision')).padStart(18)}  ${pct(macro('recall')).padStart(6)}  ${pct(macro('f1'))}`);
  lines.push(`decision accuracy: ${pct(s.decisionAccuracy)}   clean ads with a finding: ${s.cleanWithFindings.length}`);
  if (detail) {
    for (const m of s.misses) lines.push(`  MISS        ${m.id} ${m.category}: ${m.detail}`);
    for (const m of s.falseAlarms) lines.push(`  FALSE ALARM ${m.id} ${m.category}: ${m.detail}`);
    for (const d of s.wrongDecisions) lines.push(`  DECISION    ${d.id}: expected ${d.expected}, got ${d.got}`);
  }
  return lines.join('\n');
}

/** The mean of a measure over the categories. */
export const macroOf = (s: Score, k: 'precision' | 'recall' | 'f1') => s.categories.reduce((a, c) => a + c[k], 0) / s.categories.length;

/** One line per corpus: macro precision, recall and F1, decision accuracy, clean ads with a finding. */
export function formatSummary(rows: [string, Score][]): string {
  const lines = ['corpus                                   ads  macro P  macro R  macro F1  decision  clean with finding'];
  for (const [name, s] of rows) {
    const macro = (k: 'precision' | 'recall' | 'f1') => macroOf(s, k);
    lines.push(
      `${name.padEnd(38)} ${String(s.ads).padStart(5)}  ${pct(macro('precision')).padStart(7)}  ${pct(macro('recall')).padStart(7)}  ${pct(macro('f1')).padStart(8)}  ${pct(s.decisionAccuracy).padStart(8)}  ${s.cleanWithFindings.length}`,
    );
  }
  return lines.join('\n');
}
