/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet; the 18th is a check character over the first 17.
 */

/** The code alphabet: digits and capitals without I, O, S, V, Z (easily confused with 1, 0, 5, U, 2). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of positions 1–17: 3^(i) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/**
 * Position 1, the registering authority: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游,
 * 7 宗教, 8 工会, 9 工商 (market regulation), A 中央军委改革和编制办公室, N 农业, Y 其他.
 */
const AUTHORITIES = '123456789ANY';

export interface CreditCodeCheck {
  /** The code as compared and grouped: full-width folded, spaces and hyphens removed, upper case. */
  code: string;
  valid: boolean;
  /** Why it is invalid, in Chinese, for the report: what is wrong, never a guess at why. */
  problem?: string;
}

/**
 * Whether an invalid code looks like Excel's doing rather than a typo: a cell formatted as a number shows
 * an 18-digit code as 9.13301E+17 and keeps only 15 significant digits (the rest become 0), and a CSV
 * export may add ".0". Such a code cannot be repaired; the exhibitor must set the column to 文本 and type it again.
 */
export function looksExcelDamaged(code: string): boolean {
  if (/^\d(?:\.\d+)?E\+?\d+$/.test(code)) return true;
  if (/^\d+\.0+$/.test(code)) return true;
  return /^\d{16,18}$/.test(code) && /0{2,}$/.test(code);
}

/** Folds what people type in spreadsheets (全角, spaces, hyphens, lower case) to the canonical form. */
export function normalizeCreditCode(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\-‐‑–—]/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or undefined if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normalizeCreditCode(raw);
  const invalid = (problem: string): CreditCodeCheck => ({ code, valid: false, problem });
  if (code.length !== 18) {
    if (/^\d(?:\.\d+)?E\+?\d+$/.test(code)) return invalid('显示为科学计数法，完整的代码已经丢失');
    const hint = /^\d{15}$/.test(code) ? '（15 位数字是旧的工商注册号，不是统一社会信用代码）' : '';
    return invalid(`长度应为 18 位，实为 ${code.length} 位${hint}`);
  }
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad) return invalid(`含代码不使用的字符“${bad}”（代码只用数字和除 I、O、S、V、Z 外的大写字母）`);
  if (!AUTHORITIES.includes(code[0]!)) return invalid(`第 1 位登记管理部门代码“${code[0]}”不存在`);
  if (!/^[1-9]$/.test(code[1]!)) return invalid(`第 2 位机构类别代码“${code[1]}”不存在`);
  if (!/^\d{6}$/.test(code.slice(2, 8))) return invalid('第 3–8 位登记管理机关行政区划码应为 6 位数字');
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return invalid('第 18 位校验码与前 17 位不符');
  return { code, valid: true };
}
