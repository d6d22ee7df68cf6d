/** Clause and sentence ranges around a position: the scopes in which exceptions and negations apply. */

const CLAUSE_END = /[，,。；;！!？?\n]/;
const SENTENCE_END = /[。；;！!？?\n]/;
/** A line or a sentence closed by a full stop: a list's `;` marks (① folds to `;`) stay inside it. */
const STATEMENT_END = /[。！!？?\n]/;
/** Token boundaries never cross these, so tokenizing the piece between them is enough. */
const PIECE_END = /[，,。；;！!？?\n、:：()（）【】「」“”"'/|·\s]/;

const isHanAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
};
/** A space between Chinese words ends a clause, as in splitClauses: posts separate their items with spaces. */
const separatesItems = (text: string, i: number) => (text[i] === ' ' || text[i] === '\t') && isHanAt(text, i - 1) && isHanAt(text, i + 1);

export type Scope = 'clause' | 'sentence' | 'statement' | 'ad' | 'piece';

const ENDS: Record<Exclude<Scope, 'ad'>, RegExp> = { clause: CLAUSE_END, sentence: SENTENCE_END, statement: STATEMENT_END, piece: PIECE_END };

/** [start, end) of the scope containing the range [from, to). */
export function scopeRange(text: string, from: number, to: number, scope: Scope): [number, number] {
  if (scope === 'ad') return [0, text.length];
  const end = ENDS[scope];
  const spaced = scope === 'clause';
  let s = from;
  while (s > 0 && !end.test(text[s - 1]!) && !(spaced && separatesItems(text, s - 1))) s--;
  let e = Math.max(to, from);
  while (e < text.length && !end.test(text[e]!) && !(spaced && separatesItems(text, e))) e++;
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
