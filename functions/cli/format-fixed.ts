/** Renders `check --fix`'s fixed ad for the terminal: its decision, then each text field as fixed. */
import { fieldText, TEXT_FIELDS } from '../core/ad.js';
import { UNFIXABLE_CATEGORIES, type FixedVersion } from '../core/fixes/fixed-ad.js';
import type { Verdict } from '../core/verdict.js';
import { DECISION_LABEL, type Style } from './format-verdict.js';

export function formatFixed(verdict: Verdict & { fixed?: FixedVersion }, style: Style): string {
  const { fixed } = verdict;
  const head = `${style.bold('修改后')}: `;
  if (!fixed) {
    if (verdict.findings.some((f) => UNFIXABLE_CATEGORIES.has(f.category))) return `${head}无法通过修改措辞修正（涉及欺诈或向求职者收费）。`;
    // A notice (what the ad lacks) asks for more text, not a rewording.
    const problems = verdict.findings.filter((f) => f.severity !== 'notice');
    return `${head}${problems.length ? '没有可以自动修改的内容，请按每条的建议修改。' : '没有需要修改的内容。'}`;
  }
  const out = [`${head}${style.bold(DECISION_LABEL[fixed.decision])}`];
  for (const field of TEXT_FIELDS) {
    const text = fieldText(fixed, field);
    if (text) out.push('', style.dim(`[${field}]`), text);
  }
  return out.join('\n');
}
