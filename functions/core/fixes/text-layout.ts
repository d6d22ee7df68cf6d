/**
 * How an ad's ORIGINAL text is laid out for fixing: the items a condition can fill (between separators,
 * brackets, a label's colon, list numbers and line breaks), and the kinds of characters the clean-up reads.
 * Fixes work on the employer's own text, not the normalised one, so this layout is computed here and not
 * taken from the engine's clauses.
 */

/** Characters between items, by strength: a sentence end outranks a comma, a comma a list mark, that a space. */
const SEPARATOR_RANK: Record<string, number> = {
  '。': 3, '！': 3, '!': 3, '？': 3, '?': 3, '；': 3, ';': 3, '.': 3,
  '，': 2, ',': 2,
  '、': 1,
  ' ': 0, '\t': 0, '\u3000': 0,
};
export const OPENERS = '（(【[「『';
export const CLOSERS = '）)】]」』';
const LABEL_END = '：:';

export const separatorRank = (ch: string): number | undefined => SEPARATOR_RANK[ch];
export const isSeparator = (ch: string) => ch in SEPARATOR_RANK;
export const isSentenceEnd = (ch: string) => SEPARATOR_RANK[ch] === 3;
/** Ends a sentence for good (a `；` may only end an item of a list). */
export const isFullStop = (ch: string) => '。！!？?'.includes(ch);
export const isSpace = (ch: string) => SEPARATOR_RANK[ch] === 0;
/** `\r` counts with the `\n` after it: a CRLF is one line break, never a space to tidy away. */
export const isLineBreak = (ch: string) => ch === '\n' || ch === '\r';
export const isOpener = (ch: string) => OPENERS.includes(ch);
export const isCloser = (ch: string) => CLOSERS.includes(ch);
export const isLabelEnd = (ch: string) => LABEL_END.includes(ch);
export const closerOf = (opener: string) => CLOSERS[OPENERS.indexOf(opener)];

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * List marks: a bullet, number or letter opening a line (`1、`, `１．`, `(二)`, `a)`, `①`, `- `, `·`); a number with `、` or `.`
 * glued after a word, punctuation or a space and followed by a word or an age (`1.女性2.已婚3.30-45岁`), as the
 * engine's number folding reads them; bullets inside a line (`✓ 年龄20-40岁✓ 无需经验`, `#身体健康`).
 * `1.65米` and `3.5万` are decimals, not marks.
 */
const AGE_AFTER = '\\d{1,2}\\s*(?:周岁|岁|(?:-|~|—+|到|至)\\s*\\d{1,2}\\s*(?:周岁|岁))';
const NUMBER_MARK = `(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z](?=[)）.]))[ \\t]*(?:、|[)）]|[.．](?![0-9０-９])|[.．](?=${AGE_AFTER}))`;
const LINE_MARK = new RegExp(`^[ \\t\\u3000]*(?:[（(][ \\t]*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[ \\t]*[)）]|${NUMBER_MARK}|[①-⑳]|[-•·*●◆■▪►✅☑✔➤→>+]+(?=[ \\t\\u3000\\u3400-\\u9fff]))[ \\t\\u3000]*`, 'gm');
// Each alternative starts with the character it marks and looks behind after it: a regex that starts with a class
// of characters scans fast.
const AFTER = '[\\u3400-\\u9fff，,；;。：:)）\\]】\\s]';
const GLUED_MARK = new RegExp(
  `\\d(?<=${AFTER}\\d)\\d?(?:、|[.．](?=[\\u3400-\\u9fffA-Za-z(（]|${AGE_AFTER}))|[✓✔☑✅●◆■▪►➤•]+|#(?<=(?:^|${AFTER})#)(?=[\\u3400-\\u9fff])`,
  'gm',
);

/** One field's text and where its list marks are. */
export class TextLayout {
  /** 1 where a character belongs to a list mark. */
  readonly marks: Uint8Array;
  constructor(readonly text: string) {
    this.marks = new Uint8Array(text.length);
    for (const re of [LINE_MARK, GLUED_MARK]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        this.marks.fill(1, m.index, m.index + m[0].length);
      }
    }
  }

  isMark(i: number): boolean {
    return this.marks[i] === 1;
  }

  /**
   * Ends an item: a separator, bracket, colon, line break or list mark. A space only after a Chinese word and
   * before another (or more spaces), as the engine's clauses read it: `22 ~ 35 周岁` is one item, `男的不要 能吃苦` two.
   */
  isBoundary(i: number): boolean {
    const ch = this.text[i]!;
    if (isLineBreak(ch) || this.isMark(i) || isOpener(ch) || isCloser(ch) || isLabelEnd(ch)) return true;
    if (!isSeparator(ch)) return false;
    const next = this.text[i + 1] ?? '';
    // A full stop written `.` ends a sentence before a Chinese word or a space (工资3300.身高); 1.75 is a number.
    if (ch === '.') return next === '' || HAN.test(next) || isSpace(next);
    if (!isSpace(ch)) return true;
    return HAN.test(this.text[i - 1] ?? '') && (HAN.test(next) || isSpace(next));
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
    while (b < this.text.length && !(this.isBoundary(b) && !isSpace(this.text[b]!))) b++;
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
