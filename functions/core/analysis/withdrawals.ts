/**
 * A reply above a quoted draft that withdraws some of its conditions by naming them (性别和年龄两条都删掉,
 * 户口那条不要了, 年龄那条删掉): in the quoted lines (those opening with >), the categories it names no longer hold.
 * Forwarded emails and chat replies carry the draft they answer; the reply is what the poster now asks.
 */
import type { Category } from '../categories.js';

/** One category's words for its conditions (年龄, 户口) before a verb that drops them (删掉, 不要了). */
export interface CompiledWithdrawal {
  category: Category;
  re: RegExp;
}

const QUOTE_MARK = /^\s*>/;
const HAS_QUOTED_LINE = /(?:^|\n)\s*>/;

/** The categories a line outside the quotes withdraws, in an ad whose fields quote a draft (none where nothing is quoted). */
export function withdrawnCategories(texts: readonly string[], withdrawals: readonly CompiledWithdrawal[]): ReadonlySet<Category> {
  const out = new Set<Category>();
  if (!texts.some((t) => HAS_QUOTED_LINE.test(t))) return out;
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (QUOTE_MARK.test(line)) continue;
      for (const w of withdrawals) if (w.re.test(line)) out.add(w.category);
    }
  }
  return out;
}

/**
 * Whether what stands at offset `at` of `text` is withdrawn for `category`: it lies on a quoted line, or on the
 * line that withdraws it (户口那条不要了 names the condition it drops, and imposes nothing).
 */
export function withdrawnAt(text: string, at: number, category: Category, withdrawals: readonly CompiledWithdrawal[]): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart) >>> 0);
  return QUOTE_MARK.test(line) || withdrawals.some((w) => w.category === category && w.re.test(line));
}
