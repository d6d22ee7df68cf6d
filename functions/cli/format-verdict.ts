/** Renders a verdict for the terminal: decision, then each finding with its line and the span highlighted. */
import { fieldText, TEXT_FIELDS, type Ad, type TextField } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import { formatLegalBasis } from '../presentation/legal-basis.js';

export const DECISION_LABEL = { approve: '通过 approve', review: '需复核 review', reject: '驳回 reject' } as const;

export interface Style {
  highlight(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

export const ANSI: Style = {
  highlight: (s) => `\x1b[1;31;7m${s}\x1b[0m`,
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
};
/** Without colour the span is bracketed so it still stands out in a log or a pipe. */
export const PLAIN: Style = { highlight: (s) => `【${s}】`, bold: (s) => s, dim: (s) => s };

/** The line of `text` holding [start, end), with the span highlighted, and its 1-based line number. */
export function lineWithSpan(text: string, start: number, end: number, style: Style): { line: number; text: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const line = text.slice(0, lineStart).split('\n').length;
  return { line, text: text.slice(lineStart, start) + style.highlight(text.slice(start, end)) + text.slice(end, lineEnd) };
}

export function formatVerdict(ad: Ad, verdict: Verdict, style: Style): string {
  const out = [`${style.bold('结论')}: ${style.bold(DECISION_LABEL[verdict.decision])}   (${verdict.findings.length} 项发现, 词库 ${verdict.lexiconVersion})`];
  verdict.findings.forEach((f, i) => {
    out.push('');
    const head = `${i + 1}. ${style.bold(`[${f.category}/${f.severity}]`)} ${f.ruleId}`;
    const inText = TEXT_FIELDS.includes(f.field as TextField);
    // A fix is in its field's coordinates: a text field's, or a structured value's own.
    const text = inText ? (fieldText(ad, f.field as TextField) ?? '') : f.text;
    if (inText) {
      const where = lineWithSpan(text, f.start, f.end, style);
      out.push(`${head}  ${style.dim(`${f.field}:${where.line}`)}`, `   ${where.text.trim()}`);
    } else if (f.text) {
      // a structured value (conditions.gender): the value is the whole span
      out.push(`${head}  ${style.dim(f.field)}`, `   ${f.field} = ${style.highlight(f.text)}`);
    } else out.push(head); // the whole ad (what it lacks)
    out.push(`   ${f.message}`);
    out.push(`   法律依据: ${f.legalBasis.map(formatLegalBasis).join('；')}`);
    if (f.suggestion) out.push(`   建议: ${f.suggestion}`);
    if (f.fix && f.fix.end > f.fix.start) {
      const words = text.slice(f.fix.start, f.fix.end).trim();
      out.push(`   修改: ${f.fix.replacement ? `「${words}」改为「${f.fix.replacement}」` : `删除「${words}」`}`);
    }
  });
  return out.join('\n');
}
