/**
 * Quotation marks in the original text (normalisation drops most of them): whether a position stands inside
 * quotes opened earlier in its sentence, and whether a stretch of the normalised text overlaps quoted words.
 */
import type { Normalized } from '../mapped-text.js';

const OPENING_QUOTES = new Set([...'“‘「『《']);
const CLOSING_QUOTES = new Set([...'”’」』》']);
// ASCII ' as well: typed Chinese quotes wording with it ('限汉族'被拒); an English apostrophe rarely shares a sentence with a quoting cue
const STRAIGHT_QUOTES = new Set([...'"＂\'＇']);
const LINE_ENDS = new Set([...'\n。！？!?；;']);

/** Whether the original text's position `at` stands inside quotation marks opened earlier in its sentence. */
export function insideQuotes(original: string, at: number): boolean {
  let straight = 0;
  let opened: boolean | undefined;
  for (let i = at - 1; i >= 0; i--) {
    const ch = original[i]!;
    if (LINE_ENDS.has(ch)) break;
    if (opened === undefined && OPENING_QUOTES.has(ch)) opened = true;
    else if (opened === undefined && CLOSING_QUOTES.has(ch)) opened = false;
    else if (STRAIGHT_QUOTES.has(ch)) straight++;
  }
  return opened === true || straight % 2 === 1;
}

/** Whether the words at [start, end) of the normalised text overlap words in quotation marks of the original. */
export function overlapsQuotes(n: Normalized, start: number, end: number): boolean {
  const { original, starts, ends } = n;
  if (original === undefined || end <= start) return false;
  const [from, to] = [starts[start]!, ends[end - 1]!];
  for (let i = from; i < to; i++) if (OPENING_QUOTES.has(original[i]!) || STRAIGHT_QUOTES.has(original[i]!)) return true;
  return insideQuotes(original, from) || insideQuotes(original, to - 1);
}
