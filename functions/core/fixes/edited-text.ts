/**
 * A field's text with deletions and replacements applied, every character remembering where it came from, so
 * the punctuation left at each seam can be tidied and the result read back as edits of the ORIGINAL text.
 *
 * The clean-up only looks at seams (where something was deleted or inserted): the employer's own punctuation
 * elsewhere is never touched. At a seam it removes what a deletion leaves dangling: doubled separators (`，，`,
 * `、，`), a separator opening a line, a bracket or a label (`要求：，`), one before the line's end, an emptied
 * bracket (`（）`), a label with nothing left after it (`民族：。`), a list mark with no item (`3、`), an emptied line.
 */
import { closerOf, CR, isCloser, isFullStop, isLabelEnd, isLineBreak, isOpener, isSentenceEnd, isSeparator, isSpace, LF, separatorRank, type TextLayout } from './text-layout.js';

/**
 * A character of the edited text: an original character is its index in the original text (>= 0); an inserted
 * one is ~k (< 0), k indexing the inserted characters and where they were inserted. Numbers, not objects: the
 * window holds every character of the lines between the first edit and the last.
 */
type Unit = number;

/** A change of the original text: [start, end) becomes `replacement`. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

/** An edit read back from the result, with where each inserted character came from (to share it out). */
export interface ResultEdit extends TextEdit {
  insertedFrom: number[];
}

const LONGEST_LABEL = 12;

const isInserted = (u: Unit) => u < 0;
const CLOSING_HEADER = '】'.charCodeAt(0);
const OPENING_HEADER = '【'.charCodeAt(0);
/** English punctuation that keeps the space after it. */
const ENGLISH_PUNCTUATION = [...',;!?'].map((ch) => ch.charCodeAt(0));

export class EditedText {
  private readonly units: Unit[];
  private readonly insertedChars: string[] = [];
  private readonly insertedFrom: number[] = [];
  /** The lines the edits touch with the line breaks around them: the clean-up never looks past a line break. */
  private readonly from: number;
  private readonly to: number;

  constructor(
    private readonly layout: TextLayout,
    /** Sorted, non-overlapping, at least one. */
    edits: readonly TextEdit[],
  ) {
    const { text } = layout;
    const lineStart = text.lastIndexOf('\n', edits[0]!.start - 1) + 1;
    this.from = lineStart === 0 ? 0 : lineStart - (text[lineStart - 2] === '\r' ? 2 : 1);
    const lineEnd = text.indexOf('\n', edits[edits.length - 1]!.end);
    this.to = lineEnd < 0 ? text.length : lineEnd + 1;
    let length = this.to - this.from;
    for (const e of edits) length += e.replacement.length - (e.end - e.start);
    this.units = new Array<Unit>(length);
    let n = 0;
    let pos = this.from;
    for (const e of edits) {
      for (; pos < e.start; pos++) this.units[n++] = pos;
      for (let k = 0; k < e.replacement.length; k++) {
        this.units[n++] = ~this.insertedChars.length;
        this.insertedChars.push(e.replacement[k]!);
        this.insertedFrom.push(e.start);
      }
      pos = e.end;
    }
    for (; pos < this.to; pos++) this.units[n++] = pos;
  }

  private chOf(u: Unit): string {
    return u >= 0 ? this.layout.text[u]! : this.insertedChars[~u]!;
  }

  private codeOf(u: Unit): number {
    return u >= 0 ? this.layout.text.charCodeAt(u) : this.insertedChars[~u]!.charCodeAt(0);
  }

  /** Where the unit comes from: its index in the original, or where it was inserted. */
  private fromOf(u: Unit): number {
    return u >= 0 ? u : this.insertedFrom[~u]!;
  }

  /** The code of the character at index i of the edited text, or -1 where there is none. */
  private codeAt(i: number): number {
    const u = this.units[i];
    return u === undefined ? -1 : this.codeOf(u);
  }

  /** Tidies every seam until nothing changes (each pass removes characters, so it ends). */
  cleanSeams(): this {
    for (let pass = 0; pass < 64; pass++) {
      let changed = false;
      for (let p = this.units.length; p >= 0; p--) {
        if (p <= this.units.length && this.isSeam(p) && this.cleanSeam(p)) changed = true;
      }
      if (!changed) break;
    }
    return this;
  }

  /** The edits that turn the original into this text: runs of original characters gone, with what took their place. */
  edits(): ResultEdit[] {
    const out: ResultEdit[] = [];
    /** The original characters before `next` are accounted for; `inserted` came after them. */
    let next = this.from;
    let inserted: Unit[] = [];
    for (const u of this.units) {
      if (isInserted(u)) {
        inserted.push(u);
        continue;
      }
      if (u > next || inserted.length) {
        out.push(this.resultEdit(next, u, inserted));
        inserted = [];
      }
      next = u + 1;
    }
    if (this.to > next || inserted.length) out.push(this.resultEdit(next, this.to, inserted));
    return out;
  }

  /** Original [start, end) replaced by the inserted units. */
  private resultEdit(start: number, end: number, inserted: Unit[]): ResultEdit {
    return { start, end, replacement: inserted.map((u) => this.chOf(u)).join(''), insertedFrom: inserted.map((u) => this.fromOf(u)) };
  }

  // ---- seams ---------------------------------------------------------------------------------------

  /** Where something was deleted or inserted between units p-1 and p. */
  private isSeam(p: number): boolean {
    const before = this.units[p - 1];
    const after = this.units[p];
    if (before === undefined || after === undefined) {
      const edge = before ?? after;
      if (edge === undefined) return this.to > this.from;
      return isInserted(edge) || (before !== undefined ? before !== this.to - 1 : after !== this.from);
    }
    if (isInserted(before) !== isInserted(after)) return true;
    return !isInserted(before) && after !== before + 1;
  }

  /**
   * What stands at index i. Past the window: the text's edge, or the text there (the previous line's end, the
   * next line's start), which counts as a word unless it is a line break.
   */
  private kind(i: number): 'edge' | 'line' | 'mark' | 'open' | 'close' | 'label' | 'word' {
    const u = this.units[i];
    if (u === undefined) {
      const at = i < 0 ? this.from - 1 : this.to;
      if (at < 0 || at >= this.layout.text.length) return 'edge';
      return isLineBreak(this.layout.text.charCodeAt(at)) ? 'line' : 'word';
    }
    const code = this.codeOf(u);
    if (isLineBreak(code)) return 'line';
    if (!isInserted(u) && this.layout.isMark(u)) return 'mark';
    if (isOpener(code)) return 'open';
    if (isCloser(code)) return 'close';
    if (isLabelEnd(code)) return 'label';
    return 'word';
  }

  private isRunUnit(u: Unit): boolean {
    return isSeparator(this.codeOf(u)) && (isInserted(u) || !this.layout.isMark(u));
  }

  /** Tidies the separators around seam p; true when something changed. */
  private cleanSeam(p: number): boolean {
    const u = this.units;
    let a = p;
    while (a > 0 && this.isRunUnit(u[a - 1]!)) a--;
    let b = p;
    while (b < u.length && this.isRunUnit(u[b]!)) b++;
    const left = this.kind(a - 1);
    const right = this.kind(b);
    const run = u.slice(a, b);
    const lineEnds = right === 'edge' || right === 'line' || right === 'close';
    // Nothing follows in this item: the line ends or the next list item starts (`学历，21-34岁2.了解` → `学历2.了解`).
    const endsHere = lineEnds || right === 'mark';

    // A list mark with its item gone (`3、` before the line's end or the next mark).
    if (left === 'mark' && endsHere) {
      let m = a - 1;
      while (m > 0 && this.kind(m - 1) === 'mark' && this.fromOf(u[m - 1]!) === this.fromOf(u[m]!) - 1) m--;
      return this.remove(m, b);
    }
    // An emptied line: from its start (or the previous line's end) to its end, nothing but separators.
    if ((left === 'edge' || left === 'line') && (right === 'edge' || right === 'line')) {
      // The line break after it goes with it, or before it when it is the last line (a break past the window stays).
      if (right === 'line' && u[b] !== undefined) return this.remove(a, b + (this.codeAt(b) === CR && this.codeAt(b + 1) === LF ? 2 : 1));
      if (left === 'line' && u[a - 1] !== undefined) return this.remove(a - (this.codeAt(a - 1) === LF && this.codeAt(a - 2) === CR ? 2 : 1), b);
      return this.remove(a, b);
    }
    // A label with nothing left after it in its sentence (`民族要求：。`); a `；` only ends one of its items.
    if (left === 'label' && (lineEnds || run.some((x) => isFullStop(this.codeOf(x))))) {
      const start = this.labelStart(a - 1);
      if (start !== undefined) return this.remove(start, a);
    }
    // A bracketed label heading its line with its value gone (`【年龄】18-40岁`): it goes like `年龄：` does.
    if (left === 'close' && this.codeAt(a - 1) === CLOSING_HEADER && lineEnds) {
      const start = this.bracketLabelStart(a - 1);
      if (start !== undefined) return this.remove(start, a);
    }
    // An emptied bracket, or one whose other half went with a deletion.
    if (left === 'open' && right === 'close' && this.codeAt(b) === closerOf(this.codeAt(a - 1))) return this.remove(a - 1, b + 1);
    if (right === 'close' && !this.opened(b)) return this.remove(b, b + 1);
    if (left === 'open' && !this.closed(a - 1)) return this.remove(a - 1, a);
    if (run.length === 0) return false;
    // Nothing to separate from on the left (the line's start, a bracket, a mark, a label or a header such as
    // `【职位要求】`): keep only the line's indentation (spaces before the seam).
    if (left === 'edge' || left === 'line' || left === 'open' || left === 'mark' || left === 'label' || this.codeAt(a - 1) === CLOSING_HEADER) {
      let indent = 0;
      if (left === 'edge' || left === 'line') while (a + indent < p && isSpace(this.codeOf(run[indent]!))) indent++;
      return this.replaceRun(a, b, run.slice(0, indent));
    }
    // Nothing to separate from on the right: a sentence end may stay, or before a list mark a space.
    if (endsHere) {
      const end = [...run].reverse().find((x) => isSentenceEnd(this.codeOf(x))) ?? (right === 'mark' ? run.find((x) => isSpace(this.codeOf(x))) : undefined);
      return this.replaceRun(a, b, end !== undefined ? [end] : []);
    }
    // Words on both sides: the strongest separator of the run, once (in English with the space after it).
    const strongest = run.reduce((best, x) => (separatorRank(this.codeOf(x))! > separatorRank(this.codeOf(best))! ? x : best));
    const next = run[run.indexOf(strongest) + 1];
    return this.replaceRun(a, b, ENGLISH_PUNCTUATION.includes(this.codeOf(strongest)) && next !== undefined && isSpace(this.codeOf(next)) ? [strongest, next] : [strongest]);
  }

  /** Whether the closing bracket at `i` has its opening one earlier on its line. */
  private opened(i: number): boolean {
    let depth = 0;
    for (let k = i - 1; k >= 0 && this.codeAt(k) !== LF; k--) {
      const code = this.codeAt(k);
      if (isCloser(code)) depth++;
      else if (isOpener(code) && depth-- === 0) return true;
    }
    return false;
  }

  /** Whether the opening bracket at `i` has its closing one later on its line. */
  private closed(i: number): boolean {
    let depth = 0;
    for (let k = i + 1; k < this.units.length && this.codeAt(k) !== LF; k++) {
      const code = this.codeAt(k);
      if (isOpener(code)) depth++;
      else if (isCloser(code) && depth-- === 0) return true;
    }
    return false;
  }

  /** Where the `【…】` label closing at `close` starts, when it is short and opens its line; else undefined. */
  private bracketLabelStart(close: number): number | undefined {
    let s = close - 1;
    // the employer's own words only: a bracket holding a fix's wording (【男女不限】) is a value, not a label
    while (s >= 0 && close - s <= LONGEST_LABEL && this.kind(s) === 'word' && !isSeparator(this.codeAt(s)) && !isInserted(this.units[s]!)) s--;
    if (s < 0 || s === close - 1 || this.codeAt(s) !== OPENING_HEADER) return undefined;
    let before = s - 1;
    while (before >= 0 && isSpace(this.codeAt(before))) before--;
    const opensLine = this.kind(before) === 'edge' || this.kind(before) === 'line';
    return opensLine ? before + 1 : undefined;
  }

  /** Where the label ending at the colon `colon` starts, or undefined when it is not a short label. */
  private labelStart(colon: number): number | undefined {
    let s = colon;
    while (s > 0 && colon - s < LONGEST_LABEL) {
      const k = this.kind(s - 1);
      if (k !== 'word' || isSeparator(this.codeAt(s - 1))) break;
      s--;
    }
    if (colon - s >= LONGEST_LABEL || s === colon) return undefined;
    return s;
  }

  private replaceRun(a: number, b: number, keep: Unit[]): boolean {
    if (keep.length === b - a) return false;
    this.units.splice(a, b - a, ...keep);
    return true;
  }

  private remove(a: number, b: number): boolean {
    if (b <= a) return false;
    this.units.splice(a, b - a);
    return true;
  }
}
