/**
 * Puts a `fix` on every finding whose rule has fix data (lexicons: `fix:`), computed per field so that the
 * fixes of one field compose. Findings of rules without fix data (fraud, fees) get none.
 */
import { normalize, type CompiledVariants } from '../normalize.js';
import type { Finding } from '../verdict.js';
import type { CompiledFix, CompiledFixes } from './compile-fixes.js';
import { fieldFixes, type FixTarget } from './field-fixes.js';

const CONTENT = /[\p{L}\p{N}]/u;
/** Punctuation and spaces residues are mostly made of (none is a letter or a figure). */
const PUNCTUATION = new Set([...'，。、；：！？（）【】「」『』\u3000'].map((ch) => ch.charCodeAt(0)));

/**
 * Whether `text` holds a letter or a figure. ASCII, the common Chinese characters and the usual punctuation are read
 * by code, the rest by CONTENT: most residues are spaces and punctuation, or Chinese words.
 */
export function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
    } else if (code >= 0x4e00 && code <= 0x9fa5) {
      return true;
    } else if (!PUNCTUATION.has(code)) {
      return CONTENT.test(text.slice(i));
    }
  }
  return false;
}

const withoutFiller = (text: string, fixes: readonly CompiledFix[]) => fixes.reduce((rest, fix) => rest.replace(fix.filler, ' '), text);

/**
 * Nothing but words that belong to the conditions: the filler taken out, no letter or figure left. The text is
 * normalised (年齡 → 年龄, Ｃｍ → cm) only when it is not already plain filler: most residues are.
 */
function fillerTest(variants: CompiledVariants) {
  return (residue: string, fixes: readonly CompiledFix[]): boolean =>
    !hasContent(residue) ||
    !hasContent(withoutFiller(residue.toLowerCase(), fixes)) ||
    !hasContent(withoutFiller(normalize(residue, variants).text, fixes));
}

/**
 * `findings` with their fixes. `texts` are the original texts of the fields and structured conditions findings
 * may be on (a finding on the whole ad has none, and no fix); `statesPay`: whether the ad states its pay other
 * than in its pay findings (asked only when a fix requires it).
 */
export function attachFixes(findings: Finding[], texts: ReadonlyMap<string, string>, fixes: CompiledFixes, variants: CompiledVariants, statesPay: () => boolean): Finding[] {
  let paid: boolean | undefined;
  const byField = new Map<string, FixTarget[]>();
  for (let index = 0; index < findings.length; index++) {
    const f = findings[index]!;
    if (!texts.has(f.field)) continue;
    const fix = fixes.get(f.ruleId);
    if (!fix) continue;
    if (fix.requires === 'stated_pay' && !(paid ??= statesPay())) continue;
    const targets = byField.get(f.field);
    if (targets) targets.push({ index, start: f.start, end: f.end, fix });
    else byField.set(f.field, [{ index, start: f.start, end: f.end, fix }]);
  }
  if (byField.size === 0) return findings;
  const out = findings.slice();
  const isFiller = fillerTest(variants);
  for (const [field, targets] of byField) {
    // Object.assign rather than a spread: copying a finding that way leaves less than half the garbage.
    for (const [index, fix] of fieldFixes(texts.get(field)!, targets, isFiller)) out[index] = Object.assign({}, out[index]!, { fix });
  }
  return out;
}
