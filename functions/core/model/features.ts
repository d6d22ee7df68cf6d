/**
 * The features the clause model reads: hashed character n-grams (1 to 3) of a clause's normalised text, with
 * its start and end marked and every digit written 0 (`35岁以下` and `40岁以下` are one phrase), plus the
 * clause's section (`岗位职责`, `任职要求`…). Hashing (FNV-1a into 2^20 buckets) needs no vocabulary file and
 * no substring per n-gram: the same function runs at training and at check time.
 */
export const FEATURE_BITS = 20;
const SHIFT = 32 - FEATURE_BITS;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const START = 0x02;
const END = 0x03;

const fold = (code: number) => (code >= 0x30 && code <= 0x39 ? 0x30 : code);
const mix = (h: number, code: number) => Math.imul(h ^ code, FNV_PRIME);

/** The bucket of a whole string: the section feature. */
export function bucketOf(s: string): number {
  let h = mix(FNV_OFFSET, 0x7f);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h >>> SHIFT;
}

/** The clause's code units between the start and end marks, spaces left out (客 服 is 客服); reused between calls. */
let codes = new Uint16Array(256);

/** Calls `visit` with the bucket of every n-gram of `text[start, end)` (with start and end marks) and of the section. */
export function forEachFeature(text: string, start: number, end: number, section: string | undefined, visit: (bucket: number) => void): void {
  if (codes.length < end - start + 2) codes = new Uint16Array(2 * (end - start + 2));
  let n = 0;
  codes[n++] = START;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a) codes[n++] = fold(code);
  }
  codes[n++] = END;
  const at = (i: number) => codes[i]!;
  for (let i = 0; i < n; i++) {
    // n-grams of length 1, 2 and 3 starting at i; the length seeds the hash so 男 and 男女 never share a start
    let h1 = mix(FNV_OFFSET ^ 1, at(i));
    visit(h1 >>> SHIFT);
    if (i + 1 >= n) continue;
    const h2 = mix(mix(FNV_OFFSET ^ 2, at(i)), at(i + 1));
    visit(h2 >>> SHIFT);
    if (i + 2 >= n) continue;
    h1 = mix(mix(mix(FNV_OFFSET ^ 3, at(i)), at(i + 1)), at(i + 2));
    visit(h1 >>> SHIFT);
  }
  visit(bucketOf(`section:${section ?? 'none'}`));
}

/** The features as a list (duplicates kept: an n-gram twice counts twice). */
export function featuresOf(text: string, start: number, end: number, section: string | undefined): number[] {
  const out: number[] = [];
  forEachFeature(text, start, end, section, (b) => out.push(b));
  return out;
}
