/**
 * The features the clause model reads: hashed character n-grams (1 to 3) of a clause's normalised text, with
 * its start and end marked, spaces left out (客 服 is 客服) and every digit written 0 (`35岁以下` and `40岁以下`
 * are one phrase), plus the clause's section (`岗位职责`, `任职要求`…). Hashing (FNV-1a into 2^20 buckets) needs
 * no vocabulary file and no substring per n-gram: the same function runs at training and at check time.
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

const SECTION_BUCKETS = new Map<string | undefined, number>();
const sectionBucket = (section: string | undefined) => {
  let b = SECTION_BUCKETS.get(section);
  if (b === undefined) SECTION_BUCKETS.set(section, (b = bucketOf(`section:${section ?? 'none'}`)));
  return b;
};

/** How many features a clause of `length` code units has at most: `out` must hold that many. */
export const maxFeatures = (length: number) => 3 * (length + 2) + 1;

/** The clause's code units between the start and end marks; reused between calls (the engine is synchronous). */
let codes = new Uint16Array(256);

/** Writes the bucket of every n-gram of `text[start, end)` and of the section into `out`; returns how many. */
export function fillFeatures(text: string, start: number, end: number, section: string | undefined, out: Int32Array): number {
  if (codes.length < end - start + 2) codes = new Uint16Array(2 * (end - start + 2));
  let n = 0;
  codes[n++] = START;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a) codes[n++] = fold(code);
  }
  codes[n++] = END;
  let count = 0;
  for (let i = 0; i < n; i++) {
    // n-grams of length 1, 2 and 3 starting at i; the length seeds the hash so 男 and 男女 never share a start
    // (without single characters the model leans on neighbours: 少数民族同胞优先 reads as a restriction)
    out[count++] = mix(FNV_OFFSET ^ 1, codes[i]!) >>> SHIFT;
    if (i + 1 >= n) continue;
    out[count++] = mix(mix(FNV_OFFSET ^ 2, codes[i]!), codes[i + 1]!) >>> SHIFT;
    if (i + 2 >= n) continue;
    out[count++] = mix(mix(mix(FNV_OFFSET ^ 3, codes[i]!), codes[i + 1]!), codes[i + 2]!) >>> SHIFT;
  }
  out[count++] = sectionBucket(section);
  return count;
}

/** The bucket of one n-gram of one to three characters (tests and explanations name features by their text). */
export function ngramBucket(gram: string): number {
  let h = FNV_OFFSET ^ gram.length;
  for (let i = 0; i < gram.length; i++) h = mix(h, fold(gram.charCodeAt(i)));
  return h >>> SHIFT;
}

/** The features as their own array (duplicates kept: an n-gram twice counts twice), for training. */
export function featuresOf(text: string, start: number, end: number, section: string | undefined): Int32Array {
  const out = new Int32Array(maxFeatures(end - start));
  return out.slice(0, fillFeatures(text, start, end, section, out));
}
