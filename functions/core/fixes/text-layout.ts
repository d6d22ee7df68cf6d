/**
 * How an ad's ORIGINAL text is laid out for fixing: the items a condition can fill (between separators,
 * brackets, a label's colon, list numbers and line breaks), and the kinds of characters the clean-up reads.
 * Fixes work on the employer's own text, not the normalised one, so this layout is computed here and not
 * taken from the engine's clauses.
 */

/** Characters between items, by strength: a sentence end outranks a comma, a comma a list mark, that a space. */
const SEPARATOR_RANK = new Map<string, number>([
  ['。', 3], ['！', 3], ['!', 3], ['？', 3], ['?', 3], ['；', 3], [';', 3], ['.', 3],
  ['，', 2], [',', 2],
  ['、', 1],
  [' ', 0], ['\t', 0], ['\u3000', 0],
]);
export const OPENERS = '（(【[「『';
export const CLOSERS = '）)】]」』';
const LABEL_END = '：:';

export const separatorRank = (ch: string): number | undefined => SEPARATOR_RANK.get(ch);
export const isSeparator = (ch: string) => SEPARATOR_RANK.has(ch);
export const isSentenceEnd = (ch: string) => SEPARATOR_RANK.get(ch) === 3;
/** Ends a sentence for good (a `；` may only end an item of a list). */
export const isFullStop = (ch: string) => '。！!？?'.includes(ch);
export const isSpace = (ch: string) => SEPARATOR_RANK.get(ch) === 0;
/** `\r` counts with the `\n` after it: a CRLF is one line break, never a space to tidy away. */
export const isLineBreak = (ch: string) => ch === '\n' || ch === '\r';
export const isOpener = (ch: string) => OPENERS.includes(ch);
export const isCloser = (ch: string) => CLOSERS.includes(ch);
export const isLabelEnd = (ch: string) => LABEL_END.includes(ch);
export const closerOf = (opener: string) => CLOSERS[OPENERS.indexOf(opener)];

// The same by character code, for the layout's scans over the text (text[i] makes a string of each character).
const RANK_BY_CODE = new Map([...SEPARATOR_RANK].map(([ch, rank]) => [ch.charCodeAt(0), rank]));
const isSpaceCode = (code: number) => RANK_BY_CODE.get(code) === 0;
/** Line breaks, brackets and a label's colon: they end an item whatever is around them. */
const ITEM_EDGE_CODES = new Set([...`\n\r${OPENERS}${CLOSERS}${LABEL_END}`].map((ch) => ch.charCodeAt(0)));
const DOT = '.'.charCodeAt(0);
const isHanCode = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

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
const GLUED_MARK_START_CODES = new Set([...`0123456789#${BULLETS}`].map((ch) => ch.charCodeAt(0)));

/** The characters that end a line for the regexes' `^` (a mark never holds one). */
const LINE_END_CODES = new Set([...'\n\r\u2028\u2029'].map((ch) => ch.charCodeAt(0)));

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
    if (LINE_END_CODES.has(text.charCodeAt(i))) {
      line = { start: i, end: i + 1, marks: [] };
    } else {
      let start = i;
      while (start > 0 && !LINE_END_CODES.has(text.charCodeAt(start - 1))) start--;
      let end = i + 1;
      while (end < text.length && !LINE_END_CODES.has(text.charCodeAt(end))) end++;
      line = { start, end, marks: [] };
      this.markAt(line, LINE_MARK, start);
      // Leftmost first, and a mark found is skipped over, as a global regex scans.
      for (let k = start; k < end; ) {
        const after = GLUED_MARK_START_CODES.has(text.charCodeAt(k)) ? this.markAt(line, GLUED_MARK, k) : k;
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
    if (ITEM_EDGE_CODES.has(code) || this.isMark(i)) return true;
    const rank = RANK_BY_CODE.get(code);
    if (rank === undefined) return false;
    const next = this.text.charCodeAt(i + 1); // NaN at the end
    // A full stop written `.` ends a sentence before a Chinese word or a space (工资3300.身高); 1.75 is a number.
    if (code === DOT) return Number.isNaN(next) || isHanCode(next) || isSpaceCode(next);
    if (rank !== 0) return true;
    return isHanCode(this.text.charCodeAt(i - 1)) && (isHanCode(next) || isSpaceCode(next));
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
    while (b < this.text.length && !(this.isBoundary(b) && !isSpaceCode(this.text.charCodeAt(b)))) b++;
    return b;
  }

  /** A bracketed note glued to the end of an item (`限本区户籍（以户口簿为准）`): it goes with the item. */
  noteAfter(end: number): number {
    const ch = this.text[end];
    if (ch === undefined || !isOpener(ch)) return end;
    const close = this.text.indexOf(closerOf(ch)!, end + 1);
    const lineEnd = this.text.indexOf('\n', end);
    return close < 0 || (lineEnd >= 0 && close > lineEnd) ? end : close + 1;
  }
}
