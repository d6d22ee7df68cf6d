/**
 * How an ad's ORIGINAL text is laid out for fixing: the items a condition can fill (between separators,
 * brackets, a label's colon, list numbers and line breaks), and the kinds of characters the clean-up reads.
 * Fixes work on the employer's own text, not the normalised one, so this layout is computed here and not
 * taken from the engine's clauses.
 */
import { isHanCode } from '../han.js';

// Characters are read by code (UTF-16 unit): text[i] would make a string of each one.
const codesOf = (chars: string) => [...chars].map((ch) => ch.charCodeAt(0));

/** Characters between items, by strength: a sentence end outranks a comma, a comma a list mark, that a space. */
const SEPARATORS_BY_RANK = [' \t\u3000', '、', '，,', '。！!？?；;.'];
const SEPARATOR_RANK = new Map(SEPARATORS_BY_RANK.flatMap((chars, rank) => codesOf(chars).map((code) => [code, rank] as const)));
const OPENERS = codesOf('（(【[「『');
const CLOSERS = codesOf('）)】]」』');
const LABEL_ENDS = codesOf('：:');
/** Ends a sentence for good (a `；` may only end an item of a list). */
const FULL_STOPS = codesOf('。！!？?');

export const LF = 0x0a;
export const CR = 0x0d;
export const DOT = 0x2e;

export const separatorRank = (code: number): number | undefined => SEPARATOR_RANK.get(code);
export const isSeparator = (code: number) => SEPARATOR_RANK.has(code);
export const isSentenceEnd = (code: number) => SEPARATOR_RANK.get(code) === 3;
export const isFullStop = (code: number) => FULL_STOPS.includes(code);
export const isSpace = (code: number) => SEPARATOR_RANK.get(code) === 0;
/** `\r` counts with the `\n` after it: a CRLF is one line break, never a space to tidy away. */
export const isLineBreak = (code: number) => code === LF || code === CR;
export const isOpener = (code: number) => OPENERS.includes(code);
export const isCloser = (code: number) => CLOSERS.includes(code);
export const isLabelEnd = (code: number) => LABEL_ENDS.includes(code);
export const closerOf = (opener: number) => CLOSERS[OPENERS.indexOf(opener)];

/**
 * List marks: a bullet, number or letter opening a line (`1、`, `１．`, `(二)`, `a)`, `①`, `- `, `·`); a number with `、` or `.`
 * glued after a word, punctuation or a space and followed by a word or an age (`1.女性2.已婚3.30-45岁`), as the
 * engine's number folding reads them; bullets inside a line (`✓ 年龄20-40岁✓ 无需经验`, `#身体健康`).
 * `1.65米` and `3.5万` are decimals, not marks.
 */
const AGE_AFTER = '\\d{1,2}\\s*(?:周岁|岁|(?:-|~|—+|到|至)\\s*\\d{1,2}\\s*(?:周岁|岁))';
const NUMBER_MARK = `(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z](?=[)）.]))[ \\t]*(?:、|[)）]|[.．](?![0-9０-９])|[.．](?=${AGE_AFTER}))`;
/** Tried at a line's start only (sticky): the mark opening the line. */
const LINE_MARK = new RegExp(`^[ \\t\\u3000]*(?:[（(][ \\t]*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[ \\t]*[)）]|${NUMBER_MARK}|[①-⑳]|[-•·*●◆■▪►✅☑✔➤→>+]+(?=[ \\t\\u3000\\u3400-\\u9fff]))[ \\t\\u3000]*`, 'my');
const AFTER = '[\\u3400-\\u9fff，,；;。：:)）\\]】\\s]';
const BULLETS = '✓✔☑✅●◆■▪►➤•';
/** Tried (sticky) at each character that can start one: a digit, a bullet or `#`. */
const GLUED_MARK = new RegExp(`\\d(?<=${AFTER}\\d)\\d?(?:、|[.．](?=[\\u3400-\\u9fffA-Za-z(（]|${AGE_AFTER}))|[${BULLETS}]+|#(?<=(?:^|${AFTER})#)(?=[\\u3400-\\u9fff])`, 'my');
const GLUED_MARK_STARTS = new Set(codesOf(`0123456789#${BULLETS}`));

/** The characters that end a line for the regexes' `^` (a mark never holds one). */
const LINE_ENDS = new Set(codesOf('\n\r\u2028\u2029'));

/** A line of the text, [start, end) without its line break, and where its list marks are. */
interface Line {
  start: number;
  end: number;
  /** [start, end) of each mark, flat: they are few. */
  marks: number[];
}

/**
 * One field's text and where its list marks are. A mark never spans a line, so they are found a line at a time,
 * when something on that line is asked about: the fixes read only the lines their findings are on.
 */
export class TextLayout {
  private readonly linesRead: Line[] = [];
  /** The line last asked about: most questions are about the one before. */
  private line: Line | undefined;
  constructor(readonly text: string) {}

  isMark(i: number): boolean {
    if (i < 0 || i >= this.text.length) return false;
    const { marks } = this.lineAt(i);
    for (let k = 0; k < marks.length; k += 2) if (i >= marks[k]! && i < marks[k + 1]!) return true;
    return false;
  }

  private lineAt(i: number): Line {
    if (this.line && i >= this.line.start && i < this.line.end) return this.line;
    this.line = this.linesRead.find((line) => i >= line.start && i < line.end) ?? this.readLineAt(i);
    return this.line;
  }

  /** The line holding i with its list marks, found as the global regexes would find them over the whole text. */
  private readLineAt(i: number): Line {
    const { text } = this;
    let line: Line;
    if (LINE_ENDS.has(text.charCodeAt(i))) {
      line = { start: i, end: i + 1, marks: [] };
    } else {
      let start = i;
      while (start > 0 && !LINE_ENDS.has(text.charCodeAt(start - 1))) start--;
      let end = i + 1;
      while (end < text.length && !LINE_ENDS.has(text.charCodeAt(end))) end++;
      line = { start, end, marks: [] };
      this.markAt(line, LINE_MARK, start);
      // Leftmost first, and a mark found is skipped over, as a global regex scans.
      for (let k = start; k < end; ) {
        const after = GLUED_MARK_STARTS.has(text.charCodeAt(k)) ? this.markAt(line, GLUED_MARK, k) : k;
        k = after > k ? after : k + 1;
      }
    }
    this.linesRead.push(line);
    return line;
  }

  /** Adds to the line's marks what the sticky regex matches at `at`; where the match ends (`at` when none). */
  private markAt(line: Line, re: RegExp, at: number): number {
    re.lastIndex = at;
    const m = re.exec(this.text);
    if (!m) return at;
    line.marks.push(at, at + m[0].length);
    return at + m[0].length;
  }

  /**
   * Ends an item: a separator, bracket, colon, line break or list mark. A space only after a Chinese word and
   * before another (or more spaces), as the engine's clauses read it: `22 ~ 35 周岁` is one item, `男的不要 能吃苦` two.
   */
  isBoundary(i: number): boolean {
    const code = this.text.charCodeAt(i);
    if (isLineBreak(code) || isOpener(code) || isCloser(code) || isLabelEnd(code) || this.isMark(i)) return true;
    const rank = separatorRank(code);
    if (rank === undefined) return false;
    const next = this.text.charCodeAt(i + 1); // NaN at the end
    // A full stop written `.` ends a sentence before a Chinese word or a space (工资3300.身高); 1.75 is a number.
    if (code === DOT) return Number.isNaN(next) || isHanCode(next) || isSpace(next);
    if (rank !== 0) return true;
    return isHanCode(this.text.charCodeAt(i - 1)) && (isHanCode(next) || isSpace(next));
  }

  /** The items [start, end) touches, as one range: from the boundary before it to the boundary after it. */
  itemRange(start: number, end: number): [number, number] {
    let a = start;
    while (a > 0 && !this.isBoundary(a - 1)) a--;
    let b = Math.max(end, start);
    while (b < this.text.length && !this.isBoundary(b)) b++;
    return [a, b];
  }

  /** Where the clause holding `end` ends: the next separator other than a space, bracket or line break. */
  clauseEnd(end: number): number {
    let b = end;
    while (b < this.text.length && !(this.isBoundary(b) && !isSpace(this.text.charCodeAt(b)))) b++;
    return b;
  }

  /** A bracketed note glued to the end of an item (`限本区户籍（以户口簿为准）`): it goes with the item. */
  noteAfter(end: number): number {
    const opener = this.text.charCodeAt(end);
    if (!isOpener(opener)) return end;
    const close = this.text.indexOf(String.fromCharCode(closerOf(opener)!), end + 1);
    const lineEnd = this.text.indexOf('\n', end);
    return close < 0 || (lineEnd >= 0 && close > lineEnd) ? end : close + 1;
  }
}
