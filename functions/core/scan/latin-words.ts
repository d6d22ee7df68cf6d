/**
 * Latin words inside Chinese text have unambiguous edges: a run of letters and digits. A word the engine knows
 * in Latin letters or figures is not that word inside a longer run: `c9` (a university league) is not in the
 * reference code `8krc9`, `hcg` (a pregnancy test) is not in `hcgb7`, `985` is not in `i985f`.
 *
 * What may touch a word: a mixed word's Chinese edge anything, its Latin edge a figure (`押jin200元`); a figure
 * may touch a figure unless the word holds a letter (`1` after 女生 in `女生165` is a height; `c9` is not in
 * `c95`, `hcg` not in `72hcg`, `men` not in `v0men`).
 */

/** A Latin letter (text is lower-cased before matching) or a figure: the characters of a Latin word. */
export const isLetter = (code: number) => code >= 0x61 && code <= 0x7a;
export const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isLetterOrDigit = (code: number) => isLetter(code) || isDigit(code);

/** Whether a word's edge character touching `neighbour` glues it into a longer run. */
function gluedAt(edge: number, neighbour: number, latinOnly: boolean, letters: boolean): boolean {
  return (isLetter(edge) && isLetter(neighbour)) || (latinOnly && isDigit(edge) && isLetter(neighbour)) || (latinOnly && letters && isDigit(neighbour));
}

/** Whether text[start, end) is glued into a longer Latin word. */
export function gluedIntoLatinWord(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  if (!isLetterOrDigit(before) && !isLetterOrDigit(after)) return false;
  let letters = false;
  let latinOnly = true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isLetter(code)) letters = true;
    else if (!isDigit(code)) latinOnly = false;
  }
  return gluedAt(text.charCodeAt(start), before, latinOnly, letters) || gluedAt(text.charCodeAt(end - 1), after, latinOnly, letters);
}
