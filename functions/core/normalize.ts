/**
 * Text normalisation with an offset map back to the original.
 *
 * Rules match on the normalised text; findings must point at the ORIGINAL text, so every
 * normalised UTF-16 unit remembers the original range [start, end) it came from.
 */
import * as OpenCC from 'opencc-js';

export interface Normalized {
  /** The normalised text rules run on. */
  text: string;
  /** For each unit of `text`, the original start offset. */
  starts: number[];
  /** For each unit of `text`, the original end offset (exclusive). */
  ends: number[];
}

/** Variant spellings declared in the lexicons (see lexicons/common.yaml `variants`). */
export interface VariantTable {
  /** Single symbols replaced wherever they appear, e.g. ♂ → 男. */
  symbols: Record<string, string>;
  /** Pinyin syllables replaced only when written next to a Chinese character, e.g. nan性 → 男性. */
  pinyin: Record<string, string>;
  /** Whole phrases (already lower-case), e.g. "male only" → 限男性. */
  phrases: Record<string, string>;
  /** Characters dropped when they sit between two Chinese characters (限*男, 押-金, 限 男 性). */
  noiseBetweenHan: string;
}

/** Invisible characters that carry no meaning for rules: zero-width, soft hyphen, bidi controls, variation selectors. */
function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x34f ||
    code === 0x61c ||
    code === 0xfeff ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0x180b && code <= 0x180f)
  );
}

/** Control characters other than line breaks and tabs, and lone surrogates. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff);
}

const isHanCode = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
/** Per-character memo: converting character by character keeps offsets exact and is cheap once warm. */
const simplifiedChar = new Map<string, string>();
function simplify(ch: string): string {
  const known = simplifiedChar.get(ch);
  if (known !== undefined) return known;
  const converted = String(toSimplified(ch) ?? ch);
  const out = converted.length === ch.length ? converted : ch;
  simplifiedChar.set(ch, out);
  return out;
}

const foldedChar = new Map<string, string>();
/** NFKC + traditional→simplified + lower case for one code point, memoised. */
function foldCodePoint(cp: string): string {
  let out = foldedChar.get(cp);
  if (out === undefined) {
    out = '';
    for (const ch of cp.normalize('NFKC')) out += HAN.test(ch) ? simplify(ch) : ch.toLowerCase();
    if (foldedChar.size < 50_000) foldedChar.set(cp, out);
  }
  return out;
}

/** Compiled variant table: one regex for phrases and pinyin so the pass is linear. */
export interface CompiledVariants {
  table: VariantTable;
  phraseRe: RegExp | null;
  pinyinRe: RegExp | null;
  noise: Set<string>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileVariants(table: VariantTable): CompiledVariants {
  const byLength = (a: string, b: string) => b.length - a.length;
  const phrases = Object.keys(table.phrases).sort(byLength);
  const syllables = Object.keys(table.pinyin).sort(byLength);
  return {
    table,
    phraseRe: phrases.length
      ? new RegExp(`(?<![a-z])(?:${phrases.map(escapeRe).join('|')})(?![a-z])`, 'g')
      : null,
    // A syllable counts only as a whole ASCII run touching a Chinese character: "nan性", "押jin".
    pinyinRe: syllables.length
      ? new RegExp(
          `(?<![a-z])(?:${syllables.join('|')})(?![a-z])(?=[\\u3400-\\u9fff])|(?<=[\\u3400-\\u9fff])(?<![a-z])(?:${syllables.join('|')})(?![a-z])`,
          'g',
        )
      : null,
    noise: new Set(table.noiseBetweenHan),
  };
}

/** Replace regex matches in a normalised text, keeping the offset map: a replacement maps to its whole source span. */
function replaceMapped(src: Normalized, re: RegExp, replacement: (m: string) => string): Normalized {
  re.lastIndex = 0;
  if (!re.test(src.text)) return src;
  re.lastIndex = 0;
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    for (let i = last; i < m.index; i++) {
      text += src.text[i];
      starts.push(src.starts[i]!);
      ends.push(src.ends[i]!);
    }
    const rep = replacement(m[0]);
    const s = src.starts[m.index]!;
    const e = src.ends[m.index + m[0].length - 1]!;
    text += rep;
    for (let i = 0; i < rep.length; i++) {
      starts.push(s);
      ends.push(e);
    }
    last = m.index + m[0].length;
  }
  for (let i = last; i < src.text.length; i++) {
    text += src.text[i];
    starts.push(src.starts[i]!);
    ends.push(src.ends[i]!);
  }
  return { text, starts, ends };
}

export function normalize(original: string, variants: CompiledVariants): Normalized {
  const { symbols } = variants.table;
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const cp of original) {
    const start = offset;
    offset += cp.length;
    const code = cp.codePointAt(0)!;
    if (isInvisible(code) || isControl(code)) continue;
    // ASCII needs only lower-casing: the common case, kept off the memo map.
    const folded = code < 0x80 ? (code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : cp) : (symbols[cp] ?? foldCodePoint(cp));
    text += folded;
    // One map entry per UTF-16 unit, so astral characters (emoji) keep later offsets exact.
    for (let i = 0; i < folded.length; i++) {
      starts.push(start);
      ends.push(offset);
    }
  }
  let out: Normalized = { text, starts, ends };
  if (variants.phraseRe) out = replaceMapped(out, variants.phraseRe, (m) => variants.table.phrases[m] ?? m);
  if (variants.pinyinRe) out = replaceMapped(out, variants.pinyinRe, (m) => variants.table.pinyin[m] ?? m);
  return dropNoiseBetweenHan(out, variants.noise);
}

/** Emoji and pictographic symbols (arrows, shapes, dingbats) are noise inside a term too: 限🚹男, 押❤金. */
function isSymbolNoise(code: number): boolean {
  return (
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0x2190 && code <= 0x21ff) ||
    (code >= 0x2300 && code <= 0x23ff) ||
    (code >= 0x25a0 && code <= 0x27bf) ||
    (code >= 0x2b00 && code <= 0x2bff)
  );
}

/** Drop runs of noise characters (spaces, * - _ …, emoji) that sit between two Chinese characters. */
function dropNoiseBetweenHan(src: Normalized, declared: Set<string>): Normalized {
  const { text } = src;
  const noise = { has: (ch: string) => declared.has(ch) || isSymbolNoise(ch.charCodeAt(0)) };
  let drop: boolean[] | null = null;
  for (let i = 1; i < text.length - 1; i++) {
    if (!noise.has(text[i]!) || !isHanCode(text.charCodeAt(i - 1))) continue;
    let j = i;
    while (j < text.length && noise.has(text[j]!)) j++;
    if (j < text.length && isHanCode(text.charCodeAt(j))) {
      drop ??= new Array<boolean>(text.length).fill(false);
      for (let k = i; k < j; k++) drop[k] = true;
    }
    i = j - 1;
  }
  if (!drop) return src;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (drop[i]) continue;
    out += text[i];
    starts.push(src.starts[i]!);
    ends.push(src.ends[i]!);
  }
  return { text: out, starts, ends };
}

/** Map a [start, end) range of the normalised text back to the original text. */
export function toOriginalRange(n: Normalized, start: number, end: number): [number, number] {
  return [n.starts[start]!, n.ends[end - 1]!];
}
