/** Clause and sentence ranges around a position: the scopes in which exceptions and negations apply. */

const CLAUSE_END = /[，,。；;！!？?\n]/;
const SENTENCE_END = /[。；;！!？?\n]/;
/** A line or a sentence closed by a full stop: a list's `;` marks (① folds to `;`) stay inside it. */
const STATEMENT_END = /[。！!？?\n]/;
/** Token boundaries never cross these, so tokenizing the piece between them is enough. */
const PIECE_END = /[，,。；;！!？?\n、:：()（）【】「」“”"'/|·\s]/;

export type Scope = 'clause' | 'sentence' | 'statement' | 'ad' | 'piece';

const ENDS: Record<Exclude<Scope, 'ad'>, RegExp> = { clause: CLAUSE_END, sentence: SENTENCE_END, statement: STATEMENT_END, piece: PIECE_END };

/** [start, end) of the scope containing the range [from, to). */
export function scopeRange(text: string, from: number, to: number, scope: Scope): [number, number] {
  if (scope === 'ad') return [0, text.length];
  const end = ENDS[scope];
  let s = from;
  while (s > 0 && !end.test(text[s - 1]!)) s--;
  let e = Math.max(to, from);
  while (e < text.length && !end.test(text[e]!)) e++;
  return [s, e];
}
