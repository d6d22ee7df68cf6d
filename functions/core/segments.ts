/** Clause and sentence ranges around a position: the scopes in which exceptions and negations apply. */
import { isHanAt } from './han.js';

/** JavaScript's `\s`: a piece ends at any of them. */
const WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

export type Scope = 'clause' | 'sentence' | 'statement' | 'ad' | 'piece';

/**
 * The characters that end each scope. A statement is a line or a sentence closed by a full stop: a list's `;` marks
 * (① folds to `;`) stay inside it. Token boundaries never cross a piece's ends, so tokenizing a piece is enough.
 */
const ENDS: Record<Exclude<Scope, 'ad'>, string> = {
  clause: '，,。；;！!？?\n',
  sentence: '。；;！!？?\n',
  statement: '。！!？?\n',
  piece: `，,。；;！!？?\n、:：()（）【】「」“”"'/|·${WHITESPACE}`,
};
const SCOPE_BIT: Record<Exclude<Scope, 'ad'>, number> = { clause: 1, sentence: 2, statement: 4, piece: 8 };
/** Per UTF-16 code unit, the scopes it ends (a table: scopes are found char by char, thousands of times an ad). */
const ENDS_TABLE = new Uint8Array(0x10000);
for (const [scope, chars] of Object.entries(ENDS) as [Exclude<Scope, 'ad'>, string][]) {
  for (const ch of chars) ENDS_TABLE[ch.charCodeAt(0)]! |= SCOPE_BIT[scope];
}

/** Whether the code unit ends a clause or a sentence (splitClauses reads the text with these). */
export const endsClause = (code: number) => (ENDS_TABLE[code]! & SCOPE_BIT.clause) !== 0;
export const endsSentence = (code: number) => (ENDS_TABLE[code]! & SCOPE_BIT.sentence) !== 0;

/**
 * A space between Chinese words ends a clause, as in splitClauses: posts separate their items with spaces; and so
 * does a bracketed header glued to the text before it (…找零核对【职位要求】#40岁以下).
 */
const separatesItems = (text: string, i: number) =>
  ((text[i] === ' ' || text[i] === '\t') && isHanAt(text, i - 1) && isHanAt(text, i + 1)) || (text[i] === '【' && isHanAt(text, i - 1));

/** [start, end) of the scope containing the range [from, to). */
export function scopeRange(text: string, from: number, to: number, scope: Scope): [number, number] {
  if (scope === 'ad') return [0, text.length];
  const bit = SCOPE_BIT[scope];
  const spaced = scope === 'clause';
  let s = from;
  while (s > 0 && !(ENDS_TABLE[text.charCodeAt(s - 1)]! & bit) && !(spaced && separatesItems(text, s - 1))) s--;
  let e = Math.max(to, from);
  while (e < text.length && !(ENDS_TABLE[text.charCodeAt(e)]! & bit) && !(spaced && separatesItems(text, e))) e++;
  return [s, e];
}

export const OPENING_BRACKETS = '(【[「《';
export const CLOSING_BRACKETS = ')】]」》';

/** The bracket on one line that encloses [from, to), as the positions of its opening and closing marks. */
export function bracketAround(text: string, from: number, to: number): [number, number] | undefined {
  let open = from - 1;
  while (open >= 0 && !OPENING_BRACKETS.includes(text[open]!)) {
    if (CLOSING_BRACKETS.includes(text[open]!) || text[open] === '\n') return undefined;
    open--;
  }
  let close = to;
  while (close < text.length && !CLOSING_BRACKETS.includes(text[close]!)) {
    if (OPENING_BRACKETS.includes(text[close]!) || text[close] === '\n') return undefined;
    close++;
  }
  return open >= 0 && close < text.length ? [open, close] : undefined;
}
