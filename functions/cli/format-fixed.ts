/** Renders `check --fix`'s fixed ad for the terminal: its decision, then each text field as fixed. */
import { fieldText, TEXT_FIELDS } from '../core/ad.js';
import type { FixedVersion } from '../core/fixes/fixed-ad.js';
import { DECISION_LABEL, type Style } from './format-verdict.js';

export function formatFixed(fixed: FixedVersion | undefined, style: Style): string {
  if (!fixed) return `${style.bold('修改后')}: 无法通过修改措辞修正（涉及欺诈或收费），或没有需要修改的内容。`;
  const out = [`${style.bold('修改后')}: ${style.bold(DECISION_LABEL[fixed.decision])}`];
  for (const field of TEXT_FIELDS) {
    const text = fieldText(fixed, field);
    if (text) out.push('', style.dim(`[${field}]`), text);
  }
  return out.join('\n');
}
