/**
 * Text normalisation with an offset map back to the original.
 *
 * Rules match on the normalised text; findings must point at the ORIGINAL text, so every
 * normalised UTF-16 unit remembers the original range [start, end) it came from.
 *
 * Speed matters here (every field of every ad passes through): characters are folded through a
 * per-code-unit table filled on first sight, and the output is written into typed arrays.
 */
// The traditional→simplified build only (109 KB instead of 1.2 MB of dictionaries for every direction).
import * as OpenCC from 'opencc-js/t2cn';
import { output, replaceMapped, replaceRanges, type Normalized, type Replacement } from './mapped-text.js';
import { gluedIntoLatinWord, isDigit, isLetter } from './scan/latin-words.js';
import { TermIndex } from './scan/term-index.js';
import { foldNumbers } from './numbers.js';
import { markExclusionLists, type ExclusionLists } from './exclusion-lists.js';
import { markQuizGates, type QuizGates } from './quiz-gates.js';
import { isHanCode } from './han.js';

export { toOriginalRange, type Normalized } from './mapped-text.js';

/** Variant spellings declared in the lexicons (see lexicons/common.yaml `variants`). */
export interface VariantTable {
  /** Single symbols replaced wherever they appear, e.g. ♂ → 男. */
  symbols: Record<string, string>;
  /** Pinyin syllables replaced only when written next to a Chinese character, e.g. nan性 → 男性. */
  pinyin: Record<string, string>;
  /** Whole phrases (already lower-case), e.g. "male only" → 限男性. */
  phrases: Record<string, string>;
  /** Initial letters (bzj → 保证金): folded only next to a Chinese character or a figure, since "pls" is English. */
  initials?: Record<string, string>;
  /** Chinese misspellings (少数名族 → 少数民族): near-homophones typed with a pinyin keyboard. */
  misspellings?: Record<string, string>;
  /** Short ones (年领 → 年龄, 合铜 → 合同), folded only where no neighbour makes a word with either end (see `wordNeighbours`). */
  guardedMisspellings?: Record<string, string>;
  /** Per character: the characters that make a dictionary word before it, and after it. */
  wordNeighbours?: Record<string, [string, string]>;
  /** Characters dropped when they sit between two Chinese characters (限*男, 押-金, 限 男 性). */
  noiseBetweenHan: string;
  /** What a rubric's points are: 女生+5分 reads 女生优先, 35岁以上扣5分 reads 35岁以上勿扰. */
  scoreOperators?: { bonus: string; penalty: string };
  /** Lists headed by an exclusion (我们不要这样的人：), whose items are each excluded. */
  exclusionLists?: ExclusionLists;
  /** Self-tests whose 'no' answers turn the applicant away (你是男生吗？ 否→不用投了): each gated question is a requirement. */
  quizGates?: QuizGates;
}

/** Invisible characters that carry no meaning for rules: zero-width, soft hyphen, bidi controls, variation selectors. */
export function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x34f ||
    code === 0x61c ||
    code === 0xfeff ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0x180b && code <= 0x180f) ||
    code === 0x20e3 // the keycap mark of 5️⃣
  );
}

/** Control characters other than line breaks and tabs. */
const isControl = (code: number) => (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code < 0xa0);
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/** Emoji and pictographic symbols (arrows, shapes, dingbats) are noise inside a term too: 限🚹男, 押❤金. */
function isSymbolNoise(code: number): boolean {
  return (
    isSurrogate(code) ||
    (code >= 0x2190 && code <= 0x21ff) ||
    (code >= 0x2300 && code <= 0x23ff) ||
    (code >= 0x25a0 && code <= 0x27bf) ||
    (code >= 0x2b00 && code <= 0x2bff)
  );
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** A Latin letter with a diacritic (pinyin tone marks: guà, nǚ; café): the letter without it. */
const LATIN_WITH_MARK = /^[\u00c0-\u024f]$/;

/** NFKC + traditional→simplified (per character, so offsets stay exact) + lower case, tone marks dropped (证书guà靠). */
function foldCodePoint(cp: string): string {
  let out = '';
  for (const ch of cp.normalize('NFKC')) {
    const code = ch.codePointAt(0)!;
    if (isHanCode(code)) {
      const simplified = String(toSimplified(ch) ?? ch);
      out += simplified.length === ch.length ? simplified : ch;
    } else if (LATIN_WITH_MARK.test(ch)) {
      const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      out += bare.length === 1 ? bare : ch.toLowerCase();
    } else {
      out += ch.toLowerCase();
    }
  }
  return out;
}

/** Fold table states for a BMP code unit: a folded unit (≥ 0), or one of these. */
const UNKNOWN = -1;
const DROP = -2;
const COMPLEX = -3;

/** Compiled variant table: the phrase index and the per-code-unit fold table. */
export interface CompiledVariants {
  table: VariantTable;
  /** The phrases, found in one scan however many there are (thousands of generated pinyin spellings). */
  phrases: TermIndex;
  /** Both kinds of misspellings, tagged `anywhere` and `guarded`. */
  misspellings: TermIndex;
  /** Per BMP code unit: the folded unit, DROP, COMPLEX (see `complex`) or UNKNOWN (not seen yet). */
  fold: Int32Array;
  complex: Map<number, string>;
  /** 1 where a code unit is noise between Chinese characters. */
  noise: Uint8Array;
  /** The lexicon's words with one character masked (乙*携带者), each completed only where one word fits. */
  masked: { index: TermIndex; words: Map<string, string> };
  /** Pairs of characters side by side inside a lexicon word (see dropNoiseBetweenHan). */
  innerPairs: Set<string>;
}


/**
 * The lexicon's words with one inner character masked by `*`, and the word each stands for: only masked forms that
 * one word alone fits (乙*携带者 → 乙肝携带者, 试*期 → 试用期; 生*计划 → 生育计划).
 */
function maskedWordIndex(words: Iterable<string>): CompiledVariants['masked'] {
  const fits = new Map<string, string | null>();
  for (const word of words) {
    if (word.length < 3 || !/^[\u3400-\u9fff]+$/.test(word)) continue;
    // inside the word only: a mask at its edge may belong to the word beside it (男*优先 is not 男者优先)
    for (let i = 1; i < word.length - 1; i++) {
      const form = `${word.slice(0, i)}*${word.slice(i + 1)}`;
      const seen = fits.get(form);
      fits.set(form, seen === undefined || seen === word ? word : null);
    }
  }
  const index = new TermIndex();
  const completions = new Map<string, string>();
  for (const [form, word] of fits) {
    if (word === null) continue;
    index.add(form, 'masked');
    completions.set(form, word);
  }
  return { index, words: completions };
}

/** Pairs of Chinese characters that stand side by side inside a lexicon word (押金 gives 押金): a dot between them hides the word. */
function innerPairsOf(words: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (const word of words) for (let i = 0; i + 1 < word.length; i++) if (isHanCode(word.charCodeAt(i)) && isHanCode(word.charCodeAt(i + 1))) pairs.add(word.slice(i, i + 2));
  return pairs;
}

export function compileVariants(table: VariantTable, wordList: Iterable<string> = []): CompiledVariants {
  const words = [...wordList];
  const byLength = (a: string, b: string) => b.length - a.length;
  const phrases = [...Object.keys(table.phrases), ...Object.keys(table.initials ?? {})].sort(byLength);
  const noise = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (isSymbolNoise(code)) noise[code] = 1;
  for (const ch of table.noiseBetweenHan) noise[ch.charCodeAt(0)] = 1;
  return {
    table,
    phrases: phraseIndex(phrases),
    misspellings: misspellingIndex(table),
    fold: new Int32Array(0x10000).fill(UNKNOWN),
    complex: new Map(),
    noise,
    masked: maskedWordIndex(words),
    innerPairs: innerPairsOf(words),
  };
}

/**
 * Circled and dingbat numbers (① ⑳ ❶ ➊ ㉑): list marks, not figures. NFKC would make ① a bare 1 and glue it to
 * what follows (①45-55岁 → 145-55岁); like a list number (2、 3.) they become a clause break.
 */
const isCircledNumber = (code: number) =>
  (code >= 0x2460 && code <= 0x2473) || (code >= 0x24ea && code <= 0x24ff) || (code >= 0x2776 && code <= 0x2793) || (code >= 0x3251 && code <= 0x325f) || (code >= 0x32b1 && code <= 0x32bf);
const LIST_BREAK = ';'.charCodeAt(0);

/** The number a circled or dingbat number stands for (⓪ 0, ① 1, ⑳ 20, ㉟ 35, ㊿ 50, ❶ 1), or -1. */
function circledValue(code: number): number {
  if (code === 0x24ea || code === 0x24ff) return 0;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
  if (code >= 0x32b1 && code <= 0x32bf) return code - 0x32b1 + 36;
  for (const first of [0x2776, 0x2780, 0x278a]) if (code >= first && code < first + 10) return code - first + 1;
  return -1;
}

const RANGE_DASH = /^[-~～—－]$/;
const isAnyDigit = (code: number) => isDigit(code) || (code >= 0xff10 && code <= 0xff19);
/** What a figure may end with: 月入⑤w+, ⑧千, ㉚岁以内, ⑯0cm. */
const FIGURE_END = /^(?:[wWkK万千+]|周岁|岁|cm|厘米|公分)/;

/**
 * A circled number is a figure where it writes one: beside another or a digit (⑨⑧⑤/②①①, ５⓪岁), in a range of two
 * (月入②-⑤萬, ⑱-㉟岁), or before a figure's unit (月入⑤w+, ㉚岁以内). Elsewhere it marks a list item (①45-55岁).
 */
function circledFigure(text: string, i: number): string | undefined {
  const value = circledValue(text.charCodeAt(i));
  if (value < 0) return undefined;
  const beside = (at: number, step: 1 | -1) =>
    circledValue(text.charCodeAt(at)) >= 0 ||
    (value === 0 && isAnyDigit(text.charCodeAt(at))) ||
    (RANGE_DASH.test(text.charAt(at)) && circledValue(text.charCodeAt(at + step)) >= 0);
  return beside(i - 1, -1) || beside(i + 1, 1) || FIGURE_END.test(text.slice(i + 1, i + 3).normalize('NFKC')) ? String(value) : undefined;
}

/** 1 for a code unit seen to be a traditional character (its simplified form differs), filled as the fold table is. */
const TRADITIONAL = new Uint8Array(0x10000);

function classify(variants: CompiledVariants, code: number): number {
  if (isInvisible(code) || isControl(code)) return DROP;
  if (isCircledNumber(code)) return LIST_BREAK;
  const ch = String.fromCharCode(code);
  if (isHanCode(code) && String(toSimplified(ch) ?? ch) !== ch) TRADITIONAL[code] = 1;
  // a symbol's full-width form (＄, typed in a full-width input mode) is the symbol
  const { symbols } = variants.table;
  const folded = symbols[ch] ?? symbols[ch.normalize('NFKC')] ?? foldCodePoint(ch);
  if (folded.length === 1) return folded.charCodeAt(0);
  if (folded.length === 0) return DROP;
  variants.complex.set(code, folded);
  return COMPLEX;
}

const ZWJ = 0x200d;
const GENDER_SIGNS = new Set([0x2640, 0x2642]);

/** Where a keycap that starts at i ends (5️⃣: a digit, an optional variation selector, the keycap mark), or -1. */
function keycapEnd(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x30 || code > 0x39) return -1;
  const mark = text.charCodeAt(i + 1) === 0xfe0f ? i + 2 : i + 1;
  return text.charCodeAt(mark) === 0x20e3 ? mark + 1 : -1;
}

/** A keycap from i to end writes a figure where a circled number would: beside another, in a range, or before a unit. */
function keycapFigure(text: string, i: number, end: number): boolean {
  const after = text.charAt(end);
  return (
    text.charCodeAt(i - 1) === 0x20e3 ||
    keycapEnd(text, end) > 0 ||
    (RANGE_DASH.test(after) && keycapEnd(text, end + 1) > 0) ||
    FIGURE_END.test(text.slice(end, end + 2).normalize('NFKC'))
  );
}

/**
 * NFKC, traditional→simplified, lower case, invisible and control characters dropped. Traditional text is first
 * converted by phrases, where a character alone is ambiguous (瞭解 → 了解, though 瞭 alone stays, as in 瞭望): only
 * text holding a traditional character pays for that pass, and only a conversion that keeps every offset is used.
 */
function foldText(original: string, variants: CompiledVariants): Normalized {
  const folded = foldChars(original, variants);
  if (!folded.traditional) return folded.out;
  const converted = String(toSimplified(original));
  return converted !== original && converted.length === original.length ? foldChars(converted, variants).out : folded.out;
}

/**
 * The text with its traditional characters simplified, keeping every offset (by phrases where that keeps the length,
 * else character by character): fixes match the lexicons' simplified words in a traditional ad (統招本科, 江西籍人員).
 * Characters are known traditional once a check has normalised them.
 */
export function simplifiedView(text: string): string {
  let traditional = false;
  for (let i = 0; i < text.length && !traditional; i++) traditional = TRADITIONAL[text.charCodeAt(i)] === 1;
  if (!traditional) return text;
  const byPhrases = String(toSimplified(text));
  if (byPhrases.length === text.length) return byPhrases;
  let out = '';
  for (const ch of text) {
    const simplified = String(toSimplified(ch));
    out += simplified.length === ch.length ? simplified : ch;
  }
  return out;
}

function foldChars(original: string, variants: CompiledVariants): { out: Normalized; traditional: boolean } {
  const out = output(original.length + 16);
  const { fold, complex, table } = variants;
  let traditional = false;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (isSurrogate(code)) {
      const next = original.charCodeAt(i + 1);
      // A valid pair is an astral character (emoji…): folded as a whole; a lone surrogate is dropped.
      if (code < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
        const cp = original.slice(i, i + 2);
        const folded = table.symbols[cp] ?? foldCodePoint(cp);
        for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), i, i + 2);
        i++;
      }
      continue;
    }
    // 🏃‍♀️ is one emoji (runner, joiner, female sign): its sign says nothing about who may apply.
    if (code === ZWJ && GENDER_SIGNS.has(original.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    // A keycap numbers a list item (1⃣22-28岁), as a circled number does, unless it writes a figure (日薪3⃣0⃣0⃣, 3️⃣万).
    const keycap = code <= 0x39 ? keycapEnd(original, i) : -1;
    if (keycap > 0) {
      out.push(keycapFigure(original, i, keycap) ? code : LIST_BREAK, i, keycap);
      i = keycap - 1;
      continue;
    }
    let f = fold[code]!;
    if (f === UNKNOWN) f = fold[code] = classify(variants, code);
    if (TRADITIONAL[code]) traditional = true;
    const figure = f === LIST_BREAK && code !== LIST_BREAK ? circledFigure(original, i) : undefined;
    if (figure !== undefined) {
      for (let k = 0; k < figure.length; k++) out.push(figure.charCodeAt(k), i, i + 1);
      continue;
    }
    if (f >= 0) out.push(f, i, i + 1);
    else if (f === COMPLEX) {
      const folded = complex.get(code)!;
      for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), i, i + 1);
    }
  }
  return { out: out.result(), traditional };
}

const isSpace = (code: number) => code === 0x20 || code === 0x09;

/** Length of the run of Chinese characters ending at `end - 1` (step -1) or starting at `start` (step 1). */
function hanRun(text: string, from: number, step: 1 | -1): number {
  let n = 0;
  for (let i = from; i >= 0 && i < text.length && isHanCode(text.charCodeAt(i)); i += step) n++;
  return n;
}

/**
 * Spaces are noise only as letter-spacing (限 男 性, 江 西 人勿扰): next to a single spaced-out character.
 * Between words (要求：女 最好已育, 维族 藏族) a space separates, and must stay so clauses stay apart.
 */
function isLetterSpacing(text: string, i: number, j: number): boolean {
  const left = hanRun(text, i - 1, -1);
  const right = hanRun(text, j, 1);
  if (left === 1 && right === 1) return true;
  const leftSpaced = left === 1 && i >= 3 && isSpace(text.charCodeAt(i - 2)) && isHanCode(text.charCodeAt(i - 3));
  const rightSpaced = right === 1 && isSpace(text.charCodeAt(j + 1)) && isHanCode(text.charCodeAt(j + 2));
  // 限汉 族（其他…）: a last character spaced off before punctuation
  const lastSpaced = right === 1 && left >= 2 && !isHanCode(text.charCodeAt(j + 1)) && !isSpace(text.charCodeAt(j + 1));
  return leftSpaced || rightSpaced || lastSpaced;
}

const isArrow = (code: number) => (code >= 0x2190 && code <= 0x21ff) || code === 0x27a1 || (code >= 0x2b05 && code <= 0x2b0d);
const COMMA = ','.charCodeAt(0);
const DASH = '-'.charCodeAt(0);
const BAR = '|'.charCodeAt(0);
const HASH = '#'.charCodeAt(0);

/** A dash between ages in Chinese numerals (二十二-三十二岁, 18岁～三十五岁) joins a range: it is not noise. */
const AGE_RANGE_LEFT = /[零〇一二两三四五六七八九十岁]$/;
const AGE_RANGE_RIGHT = /^[零〇一二两三四五六七八九十]{1,4}\s*周?岁/;
const isAgeRangeDash = (text: string, i: number, j: number) =>
  /^[\s\-—–~～〜]+$/.test(text.slice(i, j)) && AGE_RANGE_LEFT.test(text.slice(i - 1, i)) && AGE_RANGE_RIGHT.test(text.slice(j, j + 8));

const DOT = '.'.charCodeAt(0);
const FULL_STOP = '。'.charCodeAt(0);
/** A Chinese numeral opening an item (一.工作内容, 二.招聘条件): its dot is a list number's. */
const NUMERAL_ITEM = /(?:^|[\n\s;,:。]|\d)[一二三四五六七八九十]{1,3}$/;

/**
 * What one ASCII dot between two Chinese characters is: a list number's (一.工作内容); noise inside a lexicon word
 * (交押.金) or beside a single spaced-out character (限.男.性); or else a full stop typed in English punctuation mode
 * (能吃苦耐劳.可直接与我司联系).
 */
function fullStop(text: string, at: number, innerPairs: ReadonlySet<string>): 'noise' | 'list number' | 'sentence end' {
  if (NUMERAL_ITEM.test(text.slice(Math.max(0, at - 4), at))) return 'list number';
  if (innerPairs.has(text[at - 1]! + text[at + 1]!) || hanRun(text, at - 1, -1) === 1 || hanRun(text, at + 1, 1) === 1) return 'noise';
  return 'sentence end';
}

/** Only # from i to j: a bullet of a #-marked list, or a section break (会员活动##任职要求). */
const isHashRun = (text: string, i: number, j: number) => {
  for (let k = i; k < j; k++) if (text.charCodeAt(k) !== HASH) return false;
  return true;
};

/** How many # stand alone between two Chinese characters (补#单 once may be a masked character; a list has many). */
function gluedHashes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('#', 1); i > 0 && i < text.length - 1; i = text.indexOf('#', i + 1)) {
    if (isHanCode(text.charCodeAt(i - 1)) && isHanCode(text.charCodeAt(i + 1))) n++;
  }
  return n;
}

/**
 * Drop runs of noise characters (letter-spacing spaces, * - _ …, emoji) that sit between two Chinese characters.
 * An arrow between two words (审核作品→缴纳保证金) is a step of a list, not noise: it becomes a clause break; so
 * does a bar with spaces around it, a table's cell border (前台文员1名 | 女士 | 22-30岁), though 限|男 is noise, and
 * a hashtag after a space (#住家保姆 #汉族).
 */
function dropNoiseBetweenHan(src: Normalized, noise: Uint8Array, innerPairs: ReadonlySet<string>): Normalized {
  const { text } = src;
  // 1: drop, 2: replace by a comma
  let edit: Uint8Array | null = null;
  // a post that marks its items with # glued between words (餐补#单休#五险): each # starts an item, not a masked character,
  // and so does a doubled one between sections (会员活动##任职要求)
  const hashBullets = gluedHashes(text) >= 3;
  for (let i = 1; i < text.length - 1; i++) {
    if (!noise[text.charCodeAt(i)] || !isHanCode(text.charCodeAt(i - 1))) continue;
    let j = i;
    let onlySpaces = true;
    let arrow = false;
    let bar = false;
    while (j < text.length && noise[text.charCodeAt(j)]) {
      if (!isSpace(text.charCodeAt(j))) onlySpaces = false;
      if (isArrow(text.charCodeAt(j))) arrow = true;
      if (text.charCodeAt(j) === BAR) bar = true;
      j++;
    }
    if (j < text.length && isHanCode(text.charCodeAt(j)) && (!onlySpaces || isLetterSpacing(text, i, j)) && !isAgeRangeDash(text, i, j)) {
      edit ??= new Uint8Array(text.length);
      // a bar between two words of two or more characters is a cell border too (已婚已育|不限|已育优先); 限|男 is noise
      const cell = bar && ((isSpace(text.charCodeAt(i)) && isSpace(text.charCodeAt(j - 1))) || (j - i === 1 && hanRun(text, i - 1, -1) >= 2 && hanRun(text, j, 1) >= 2));
      // a hashtag after a space opens a tag of its own (#50岁以下 #汉族 #不信教): the tags are items, not one word
      const hashtag = text.charCodeAt(j - 1) === HASH && j - 2 >= i && isSpace(text.charCodeAt(j - 2));
      // a dash glued to a word and a space after it is a scraped list's bullet (接送乘客- 车辆保险公司负责- 22-55岁)
      const bullet = text.charCodeAt(i) === DASH && isSpace(text.charCodeAt(i + 1));
      const step = cell || hashtag || bullet || (hashBullets && isHashRun(text, i, j)) || (arrow && hanRun(text, i - 1, -1) >= 2 && hanRun(text, j, 1) >= 2);
      const stop = j - i === 1 && text.charCodeAt(i) === DOT ? fullStop(text, i, innerPairs) : 'noise';
      if (stop !== 'list number') edit.fill(1, i, j);
      if (step) edit[i] = 2;
      else if (stop === 'sentence end') edit[i] = 3;
    }
    i = j - 1;
  }
  if (!edit) return src;
  const out = output(text.length + 16);
  for (let i = 0; i < text.length; i++) {
    if (!edit[i]) out.push(text.charCodeAt(i), src.starts[i]!, src.ends[i]!);
    else if (edit[i] === 2) out.push(COMMA, src.starts[i]!, src.ends[i]!);
    else if (edit[i] === 3) out.push(FULL_STOP, src.starts[i]!, src.ends[i]!);
  }
  return out.result();
}

/**
 * An ASCII full stop after a word (or a figure's +, %, a bracket) and before a figure, a space or the line's end
 * ends a sentence (可坐可站.18-42岁, 月入3万., typed in English punctuation mode), as does one after a figure at
 * the line's end (要会装机刷机,18-28.): no decimal or list number stands there. Between two Chinese characters a
 * dot may be noise instead (dropNoiseBetweenHan decides).
 */
const ENGLISH_FULL_STOP = /(?<=[\u3400-\u9fff+%)）])\.(?=\d|\s|$)|(?<=\d)\.(?=[ \t]*(?:\n|$))/g;

const HAS_SYMBOL_NOISE = /[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ud800-\udfff]/;
/** What ends an item: a line, a clause or a label. */
const ITEM_END = /[\n,，;；。:：、!！?？)）】\]|]/;

/**
 * Emoji set before an item as its bullet (👉35以下, 🔸18-45 男女都要, ⭐️限本地户口) are decoration: dropped, so the item
 * starts where its words do, as it would in a plain list. Emoji that mean something were folded into words already
 * (✅ 要, ❌ 不要, ♂ 男: see `symbols`); those inside an item are left to the passes after.
 */
function dropLeadingBullets(src: Normalized): Normalized {
  const { text } = src;
  const drop: [number, number][] = [];
  let itemStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (itemStart && isSymbolNoise(code)) {
      let j = i;
      while (j < text.length && isSymbolNoise(text.charCodeAt(j))) j++;
      drop.push([i, j]);
      i = j - 1;
      continue;
    }
    if (!isSpace(code)) itemStart = ITEM_END.test(text[i]!);
  }
  return drop.length ? replaceRanges(src, drop.map(([start, end]) => ({ start, end, text: '' }))) : src;
}

/** Stars, hearts and emoji set between the digits of one figure (1⭐6⭐0cm, 1⭐0⭐0⭐0+) are decoration: dropped. */
function dropSymbolsBetweenDigits(src: Normalized): Normalized {
  const { text } = src;
  const drop: [number, number][] = [];
  for (let i = 1; i < text.length - 1; i++) {
    if (!isDigit(text.charCodeAt(i - 1)) || !isSymbolNoise(text.charCodeAt(i)) || isArrow(text.charCodeAt(i))) continue;
    let j = i;
    while (j < text.length && isSymbolNoise(text.charCodeAt(j)) && !isArrow(text.charCodeAt(j))) j++;
    if (isDigit(text.charCodeAt(j))) drop.push([i, j]);
    i = j - 1;
  }
  return drop.length ? replaceRanges(src, drop.map(([start, end]) => ({ start, end, text: '' }))) : src;
}

function phraseIndex(phrases: string[]): TermIndex {
  const index = new TermIndex();
  for (const p of phrases) index.add(p, 'phrase');
  return index;
}

function misspellingIndex(table: VariantTable): TermIndex {
  const index = new TermIndex();
  for (const p of Object.keys(table.misspellings ?? {})) index.add(p, 'anywhere');
  for (const p of Object.keys(table.guardedMisspellings ?? {})) index.add(p, 'guarded');
  return index;
}

/** What an item of a post's list starts after (normalised: full-width punctuation is half-width). */
const LIST_ITEM_START = /[\s,、;:(]/;
/** A label's colon (full-width colons are half-width here: NFKC). */
const COLON = 0x3a;
/** 加微信sg6621, vx: ab123: letters after a contact word are an account name. */
const AFTER_CONTACT = /(?:微信号?|[vw]x|v信|qq|加v|电话|手机|联系)[:：]?\s*$/;

/**
 * Initials (yj, bzj, sxf) stand for a word only in Chinese text: with at most a figure glued to them (交yj500,
 * 500bzj), touching a Chinese character. In a code like `8bkf`, `k5ydx` or `-zlf28`, or an account name after a
 * contact word, they are letters.
 */
function initialsInChinese(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && isDigit(text.charCodeAt(from - 1))) from--;
  while (to < text.length && isDigit(text.charCodeAt(to))) to++;
  if (isLetter(text.charCodeAt(from - 1)) || isLetter(text.charCodeAt(to))) return false;
  // a field's value may stand after a space (nl 40-55)
  if (to === end && text.charCodeAt(to) === 0x20 && isDigit(text.charCodeAt(to + 1))) {
    to++;
    while (to < text.length && isDigit(text.charCodeAt(to))) to++;
  }
  if (AFTER_CONTACT.test(text.slice(Math.max(0, from - 4), from))) return false;
  // two letters with an amount after them are a currency or a code (日薪hk1,100, sg6621), not a field and its value (sg170)
  if (end - start === 2 && to > end && (to - end > 3 || text.charCodeAt(to) === 0x2c)) return false;
  if (isHanCode(text.charCodeAt(from - 1)) || isHanCode(text.charCodeAt(to))) return true;
  // a field's label (xb：男) or its value (sg170+) stands as an item of a post's list, not inside a code (收银员-yj152)
  return (text.charCodeAt(to) === COLON || to > end) && (from === 0 || LIST_ITEM_START.test(text[from - 1]!));
}

/** Written in capitals (奔驰GLS, 找HR, full-width ＧＬＳ): an acronym or a model's name, not pinyin initials (xb, sg). */
const CAPITALS = /^(?:[A-Z]{2,}|[Ａ-Ｚ]{2,})$/;

/**
 * Leftmost-longest phrase occurrences that do not cut an ASCII word: `male only` but not `female only…`
 * inside `females`, `yajin` but not inside `yajinx`; initials in capitals stay as written.
 */
function phraseReplacements(n: Normalized, original: string, variants: CompiledVariants): Replacement[] {
  const { text } = n;
  const capitals = (start: number, end: number) => CAPITALS.test(original.slice(n.starts[start]!, n.ends[end - 1]!));
  const out: Replacement[] = [];
  let last = 0;
  for (const hit of scanAroundLetters(text, variants.phrases)) {
    if (hit.start < last) continue;
    const phrase = text.slice(hit.start, hit.end);
    // an English phrase is a whole word; initials count only in Chinese text
    const isPhrase = Object.hasOwn(variants.table.phrases, phrase);
    const stands = isPhrase
      ? !gluedIntoLatinWord(text, hit.start, hit.end) && !gluedIntoHangulWord(text, hit.start, hit.end) && !hyphenatedAfterWord(text, hit.start)
      : initialsInChinese(text, hit.start, hit.end) && !capitals(hit.start, hit.end);
    const replacement = !stands ? undefined : isPhrase ? variants.table.phrases[phrase] : variants.table.initials?.[phrase];
    if (replacement === undefined) continue;
    const previous = out[out.length - 1];
    // muslims not suitable → 穆斯林不合适: the space between two English phrases does not separate Chinese clauses
    if (previous && previous.end === hit.start - 1 && text[previous.end] === ' ') previous.end = hit.start;
    out.push({ start: hit.start, end: hit.end, text: replacement });
    last = hit.end;
  }
  return out;
}

/** The second half of a hyphenated English compound (line-height in a scraped style attribute is no 身高). */
const hyphenatedAfterWord = (text: string, at: number) => text[at - 1] === '-' && isLetter(text.charCodeAt(at - 2));

/** A figure or range (18-40) before `at` that is an item of a post's list or follows Chinese (年龄18-40sui), not part of a code (收银员-6nv). */
function afterFigureItem(text: string, at: number): boolean {
  let i = at;
  for (;;) {
    const digitsEnd = i;
    while (i > 0 && isDigit(text.charCodeAt(i - 1))) i--;
    if (i === digitsEnd) return false;
    const c = text[i - 1];
    if ((c === '-' || c === '~') && isDigit(text.charCodeAt(i - 2))) i--;
    else return i === 0 || isHanCode(text.charCodeAt(i - 1)) || LIST_ITEM_START.test(c!);
  }
}

/** A syllable counts only as a whole run of letters touching a Chinese character ("nan性", "押jin"), after a figure ("40sui") or after a Chinese label's colon (性别:nan). */
function pinyinReplacements(text: string, pinyin: Record<string, string>): Replacement[] {
  const out: Replacement[] = [];
  const runs = /[a-z]+/g;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const end = m.index + m[0].length;
    const han = Object.hasOwn(pinyin, m[0]) ? pinyin[m[0]]! : undefined;
    if (han === undefined) continue;
    const before = text.charCodeAt(m.index - 1);
    const afterLabel = before === COLON && isHanCode(text.charCodeAt(m.index - 2)); // 性别:nan
    if (isHanCode(before) || afterLabel || isHanCode(text.charCodeAt(end)) || afterFigureItem(text, m.index)) out.push({ start: m.index, end, text: han });
  }
  return out;
}

const HAS_ASCII_LETTER = /[a-z]/;
/** Phrases may be Korean too (延边 posts: 여자만, 30세 이하): Hangul syllables are letters to them. */
const HAS_PHRASE_LETTER = /[a-z\uac00-\ud7a3]/;
const isHangul = (code: number) => code >= 0xac00 && code <= 0xd7a3;
/** A Korean phrase is a whole word: no Hangul syllable glued to either end (키 is height, not the start of 키보드). */
const gluedIntoHangulWord = (text: string, start: number, end: number) =>
  (isHangul(text.charCodeAt(start)) && isHangul(text.charCodeAt(start - 1))) || (isHangul(text.charCodeAt(end - 1)) && isHangul(text.charCodeAt(end)));
/** How far a phrase may reach beyond its letters: the Chinese part of a half-pinyin word (押jin, yi肝携带者). */
const PHRASE_REACH = 6;

/** Every phrase holds a letter: only the stretches around letter runs are scanned, not the whole text. */
function scanAroundLetters(text: string, phrases: TermIndex) {
  const windows: [number, number][] = [];
  const runs = /[a-z\uac00-\ud7a3][a-z\uac00-\ud7a3 ]*/g;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const from = Math.max(0, m.index - PHRASE_REACH);
    const to = Math.min(text.length, m.index + m[0].length + PHRASE_REACH);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  const hits = [];
  for (const [from, to] of windows) {
    for (const h of phrases.scan(text.slice(from, to))) hits.push({ ...h, start: h.start + from, end: h.end + from });
  }
  return hits;
}

export function normalize(original: string, variants: CompiledVariants): Normalized {
  let out = foldText(original, variants);
  if (HAS_SYMBOL_NOISE.test(out.text)) out = dropLeadingBullets(out);
  if (out.text.includes('.')) out = replaceMapped(out, ENGLISH_FULL_STOP, () => '。');
  if (out.text.includes('&')) out = replaceRanges(out, htmlEntityReplacements(out.text));
  if (out.text.includes('<')) out = replaceRanges(out, htmlTagReplacements(out.text));
  if (out.text.includes('~~') || out.text.includes('\\')) out = replaceRanges(out, markdownReplacements(out.text));
  // Phrases and pinyin are written in letters: most Chinese text has too few letters to need the regexes.
  if (HAS_PHRASE_LETTER.test(out.text)) out = replaceRanges(out, phraseReplacements(out, original, variants));
  if (HAS_ASCII_LETTER.test(out.text)) out = replaceRanges(out, pinyinReplacements(out.text, variants.table.pinyin));
  if (MAY_HAVE_TAG_SEPARATOR.test(out.text)) out = replaceRanges(out, tagSeparatorReplacements(out.text));
  if (HAS_WORD_MASK.test(out.text)) out = replaceRanges(out, maskedWordReplacements(out.text, variants.masked));
  out = dropNoiseBetweenHan(out, variants.noise, variants.innerPairs);
  if (HAS_SYMBOL_BETWEEN_DIGITS.test(out.text)) out = dropSymbolsBetweenDigits(out);
  out = replaceRanges(out, misspellingReplacements(out.text, variants));
  if (variants.table.scoreOperators && out.text.includes('分')) out = replaceRanges(out, scoreReplacements(out.text, variants.table.scoreOperators));
  if (HAS_ASCII_LETTER.test(out.text)) out = replaceRanges(out, ocrDigitReplacements(out.text));
  if (HAS_FIGURE_MASK.test(out.text)) out = replaceRanges(out, maskedFigureReplacements(out.text));
  if (HAS_MIXED_FIGURE.test(out.text)) out = replaceRanges(out, mixedFigureReplacements(out.text));
  out = markQuizGates(foldNumbers(out, original), variants.table.quizGates);
  return Object.assign(markExclusionLists(out, variants.table.exclusionLists), { original });
}

const HAS_SYMBOL_BETWEEN_DIGITS = /\d[\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ud800-\udfff]/;
const MAY_HAVE_TAG_SEPARATOR = /[/|·•・‧][^\n]*[/|·•・‧]/;
const TAG_SEPARATORS = ['/', '|', '·', '•', '・', '‧'];
const CLAUSE_PUNCTUATION = /[,，。;；!！?？]/;
/** After a slash: a unit (4800/月, 150元/小时), not the next tag (颜值高/日结). */
const UNIT_AFTER_SLASH = /\s*(?:月|天|日|小时|时|年|周|次|件|个|人|单)(?![\u4e00-\u9fff])/y;

/** A slash inside a figure (985/211), before a unit, or between the sexes (男/女) joins what it separates. */
function joiningSlash(line: string, i: number): boolean {
  UNIT_AFTER_SLASH.lastIndex = i + 1;
  return (/\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '')) || UNIT_AFTER_SLASH.test(line) || /^(?:男\/女|女\/男)$/.test(line.slice(i - 1, i + 2));
}

/**
 * A line written as tags (包厢服务/女/18-25/颜值高, 巡逻保安|男|日结, 地勤·女·22-28·身高163+): one separator at least
 * twice (a slash three times), and at least two thirds of the pieces it separates two characters or longer. There
 * each separator is a clause break, so 女 between two tags is an item of its own. Letter-spaced words (限·男·性: pieces
 * of one character) stay one word, and slashes that join (985/211, 4800/月, 男/女不限) are not counted.
 */
function tagSeparatorReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    for (const sep of TAG_SEPARATORS) {
      const at: number[] = [];
      for (let i = line.indexOf(sep); i >= 0; i = line.indexOf(sep, i + 1)) if (sep !== '/' || !joiningSlash(line, i)) at.push(i);
      if (at.length < (sep === '/' ? 3 : 2)) continue;
      const bounds = [-1, ...at, line.length];
      const pieces = bounds.slice(1).map((end, k) => line.slice(bounds[k]! + 1, end).trim());
      // tags need no commas: 限|男，押|金200元 is letter-spaced noise in two clauses
      if (pieces.slice(1, -1).some((p) => CLAUSE_PUNCTUATION.test(p))) continue;
      if (pieces.filter((p) => p.length >= 2).length * 3 < pieces.length * 2) continue;
      for (const i of at) out.push({ start: lineStart + i, end: lineStart + i + 1, text: ',' });
    }
    lineStart = lineEnd + 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Points given (+5分, 加5分) or taken (扣5分, -5分, 减5分) for what stands before them in a rubric; a dash after a
 * figure is a range (颜值评分7-10分), not points taken.
 */
const SCORE = /(?:[+＋]|加)\s*\d{1,3}(?:\.\d)?\s*分(?![钟数值])|(扣|减|(?<![\d.])[-－])\s*\d{1,3}(?:\.\d)?\s*分(?![钟数值])/g;

function scoreReplacements(text: string, operators: { bonus: string; penalty: string }): Replacement[] {
  const out: Replacement[] = [];
  for (const m of text.matchAll(SCORE)) out.push({ start: m.index, end: m.index + m[0].length, text: m[1] ? operators.penalty : operators.bonus });
  return out;
}

const HTML_ENTITY = /&(?:(nbsp|amp|lt|gt|quot|apos)|#(\d{1,6})|#x([0-9a-f]{1,6}));/g;
const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Markdown pasted from an editor: a struck-out span (~~限男性~~) is withdrawn, so it goes; an escaped character
 * (18\\~45岁) is the character. A strike opens at a line's start, after a list mark, a space or punctuation: a tilde
 * pair after a figure is a range (20~~35岁), and after a Chinese word a colloquial flourish (招采摘工啦～～).
 */
const STRUCK = /(?<![\d\u3400-\u9fff])~~(?!\s)([^~\n]{1,120}?)~~/g;
const ESCAPED = /\\([~*_`#>|\-+.!\[\]()])/g;
function markdownReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const m of text.matchAll(STRUCK)) out.push({ start: m.index, end: m.index + m[0].length, text: ' ' });
  for (const m of text.matchAll(ESCAPED)) if (!out.some((r) => r.start <= m.index && m.index < r.end)) out.push({ start: m.index, end: m.index + m[0].length, text: m[1]! });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Markup from a rich-text editor (<p>限男性</p><p>35岁以下</p>, 包吃住<br/>): a block's tag breaks the line as the
 * editor showed it, an inline tag is nothing. Only known tag names count: 年龄<35岁 is a comparison.
 */
const HTML_TAG = /<\/?(br|p|div|li|ul|ol|tr|h[1-6]|table|tbody|thead|section|article|blockquote|hr|td|th|span|strong|b|i|em|u|font|a|small|big|sup|sub|mark|label)(?:\s[^<>]*)?\/?>/g;
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tbody', 'thead', 'section', 'article', 'blockquote', 'hr']);

/** A block tag of a text's markup: where it is, its name, and whether it closes its block (</p>). */
export interface BlockTag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

/** Each block tag of a text's markup, in order (fixes keep them: they are its layout). */
export function blockTags(text: string): BlockTag[] {
  if (!text.includes('<')) return [];
  const out: BlockTag[] = [];
  for (const m of text.toLowerCase().matchAll(HTML_TAG)) {
    if (BLOCK_TAGS.has(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length, name: m[1]!, closing: m[0].startsWith('</') });
  }
  return out;
}

function htmlTagReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  // where the last closing block tag ended: a block opened right there starts on the line that tag broke (</p><p>)
  let closedAt = -1;
  for (const m of text.matchAll(HTML_TAG)) {
    const tag = m[1]!;
    const end = m.index + m[0].length;
    const opening = !m[0].startsWith('</') && tag !== 'br';
    let replacement = '';
    if (BLOCK_TAGS.has(tag)) replacement = opening && m.index === closedAt ? '' : '\n';
    else if (tag === 'td' || tag === 'th') replacement = ' ';
    if (BLOCK_TAGS.has(tag) && !opening) closedAt = end;
    out.push({ start: m.index, end, text: replacement });
  }
  return out;
}

/** Scraped ads keep HTML entities (35&nbsp;岁以下, 身高&gt;160): each is the character it stands for. */
function htmlEntityReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const m of text.matchAll(HTML_ENTITY)) {
    const code = m[2] ? Number(m[2]) : m[3] ? parseInt(m[3], 16) : undefined;
    const ch = m[1] ? NAMED_ENTITIES[m[1]]! : code !== undefined && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    if (ch !== undefined) out.push({ start: m.index, end: m.index + m[0].length, text: ch === '\u00a0' ? ' ' : ch });
  }
  return out;
}

/** A run of figures in which OCR read a 0 as o or a 1 as l (6o岁, l8-28周岁, 3oo元), and not a word (o2o模式). */
const OCR_FIGURE_RUN = /(?<![a-z])[0-9ol]*[0-9][0-9ol]*(?![a-z])/g;
/** …told apart by what stands beside it: a unit or a range's connector. */
const FIGURE_AFTER = /^[岁元块万千百周以至到\-~—%％/]/;
const FIGURE_BEFORE = /[\-~—至到]$/;

function ocrDigitReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const m of text.matchAll(OCR_FIGURE_RUN)) {
    const run = m[0];
    if (!/[ol]/.test(run)) continue;
    const end = m.index + run.length;
    if (!FIGURE_AFTER.test(text.slice(end, end + 1)) && !FIGURE_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    out.push({ start: m.index, end, text: run.replace(/o/g, '0').replace(/l/g, '1') });
  }
  return out;
}

/** What a platform's word filter or the poster puts in for a hidden character (限男*, 3*岁以下, 押■500, 保○金). */
export const MASK_CHARS = '*■□○●◯✕×';
const WORD_MASK = new RegExp(`[${MASK_CHARS}]`, 'g');
/** A mask beside a Chinese character (乙*携带者). */
const HAS_WORD_MASK = new RegExp(`[\\u3400-\\u9fff][${MASK_CHARS}]|[${MASK_CHARS}][\\u3400-\\u9fff]`);

/**
 * Masked words completed where the lexicon has one word that fits (不招乙*携带者 → 不招乙肝携带者, 试*期 → 试用期),
 * leftmost-longest; a mask no single word fits stays, and between two characters it is then dropped as noise (男*优先).
 */
function maskedWordReplacements(text: string, masked: CompiledVariants['masked']): Replacement[] {
  const probe = text.replace(WORD_MASK, '*');
  const out: Replacement[] = [];
  let last = 0;
  for (const hit of masked.index.scan(probe)) {
    if (hit.start < last) continue;
    out.push({ start: hit.start, end: hit.end, text: masked.words.get(probe.slice(hit.start, hit.end))! });
    last = hit.end;
  }
  return out;
}

/** A digit beside a mask (3*岁以下, 18-2■岁, 保证金5**元). */
const HAS_FIGURE_MASK = new RegExp(`\\d[${MASK_CHARS}]|[${MASK_CHARS}]\\d`);
/**
 * A figure with masked digits after its first (× only where no digit follows it: 60×40 is a size), told apart by
 * what stands beside it; masks before a figure are Markdown's bold (**35岁以下**), not digits.
 */
const DIGIT_MASKS = MASK_CHARS.replace('×', '');
const MASKED_FIGURE_RUN = new RegExp(`\\d[\\d${DIGIT_MASKS}]*(?:[${DIGIT_MASKS}][\\d${DIGIT_MASKS}]*|×(?!\\d))`, 'g');
const MASKED_FIGURE_AFTER = /^[岁元块万千百周以至到\-~—%％/+wk]/;

/**
 * Masked digits read as 0 (3*岁以下 → 30岁以下, 18-4■岁 → 18-40岁): the figure's size is what a limit or a price
 * says, and a masked phone number (138****5678) has no unit beside it and stays.
 */
function maskedFigureReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const m of text.matchAll(MASKED_FIGURE_RUN)) {
    const run = m[0];
    const end = m.index + run.length;
    if (!MASKED_FIGURE_AFTER.test(text.slice(end, end + 1)) && !FIGURE_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    out.push({ start: m.index, end, text: run.replace(WORD_MASK, '0') });
  }
  return out;
}

/**
 * A figure written half in digits, half in Chinese numerals to pass a filter (9八5, 1八-4五岁, 3十岁以内). 一 is left
 * out: between digits it is a dash (经验1一3年).
 */
const HAS_MIXED_FIGURE = /\d[二两三四五六七八九十]|[二两三四五六七八九]\d/;
// (not a figure before 二选一, 三选一: a choice between pays)
const MIXED_FIGURE_RUN = /\d*(?:\d[二两三四五六七八九十]|[二两三四五六七八九]\d)[\d二两三四五六七八九十]*(?!选)/g;
const NUMERAL_DIGIT: Record<string, string> = { 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Chinese numerals closing a run and opening the next item (综合5500-6500四.福利): a list number, not the figure's. */
const TRAILING_LIST_NUMERAL = /[二两三四五六七八九十]+$/;
const LIST_MARK = /^[.、．]/;

function mixedFigureReplacements(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const m of text.matchAll(MIXED_FIGURE_RUN)) {
    const end = m.index + m[0].length;
    const run = LIST_MARK.test(text.slice(end, end + 1)) ? m[0].replace(TRAILING_LIST_NUMERAL, '') : m[0];
    if (!HAS_MIXED_FIGURE.test(run)) continue;
    // 十 stands for a zero where no digit follows it (3十 → 30) and for nothing before one (3十5 → 35)
    const figure = run.replace(/十(?=\d|[二两三四五六七八九])/g, '').replace(/十/g, '0').replace(/[二两三四五六七八九]/g, (d) => NUMERAL_DIGIT[d]!);
    out.push({ start: m.index, end: m.index + run.length, text: figure });
  }
  return out;
}

/** Leftmost-longest misspellings, each replaced by the word it stands for. */
function misspellingReplacements(text: string, variants: CompiledVariants): Replacement[] {
  const out: Replacement[] = [];
  const { misspellings, guardedMisspellings, wordNeighbours } = variants.table;
  let last = 0;
  for (const hit of variants.misspellings.scan(text)) {
    if (hit.start < last) continue;
    const written = text.slice(hit.start, hit.end);
    const word = hit.tags.has('anywhere') ? misspellings![written] : straddlesNoWord(text, hit.start, hit.end, wordNeighbours) ? guardedMisspellings![written] : undefined;
    if (word === undefined) continue;
    out.push({ start: hit.start, end: hit.end, text: word });
    last = hit.end;
  }
  return out;
}

/** Neither end of text[start, end) makes a word with the character beside it (每年领取 is 每年 + 领取, not 年龄). */
function straddlesNoWord(text: string, start: number, end: number, neighbours: VariantTable['wordNeighbours']): boolean {
  const before = text[start - 1];
  const after = text[end];
  return !(before && neighbours?.[text[start]!]?.[0].includes(before)) && !(after && neighbours?.[text[end - 1]!]?.[1].includes(after));
}

