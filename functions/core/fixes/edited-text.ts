/**
 * A field's text with deletions and replacements applied, every character remembering where it came from, so
 * the punctuation left at each seam can be tidied and the result read back as edits of the ORIGINAL text.
 *
 * The clean-up only looks at seams (where something was deleted or inserted): the employer's own punctuation
 * elsewhere is never touched. At a seam it removes what a deletion leaves dangling: doubled separators (`，，`,
 * `、，`), a separator opening a line, a bracket or a label (`要求：，`), one before the line's end, an emptied
 * bracket (`（）`), a label with nothing left after it (`民族：。`), a list mark with no item (`3、`), an emptied line.
 */
import { closerOf, isCloser, isFullStop, isLabelEnd, isLineBreak, isOpener, isSentenceEnd, isSeparator, isSpace, separatorRank, type TextLayout } from './text-layout.js';

/** A character of the edited text: taken from the original at `from`, or inserted (`from` is where). */
interface Unit {
  ch: string;
  from: number;
  inserted: boolean;
}

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

export class EditedText {
  private units: Unit[] = [];
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
    let pos = this.from;
    for (const e of edits) {
      for (; pos < e.start; pos++) this.units.push({ ch: text[pos]!, from: pos, inserted: false });
      for (let k = 0; k < e.replacement.length; k++) this.units.push({ ch: e.replacement[k]!, from: e.start, inserted: true });
      pos = e.end;
    }
    for (; pos < this.to; pos++) this.units.push({ ch: text[pos]!, from: pos, inserted: false });
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
    let next = this.from;
    let pending: Unit[] = [];
    const flush = (upTo: number) => {
      if (upTo > next || pending.length) {
        out.push({ start: next, end: upTo, replacement: pending.map((u) => u.ch).join(''), insertedFrom: pending.map((u) => u.from) });
      }
      pending = [];
    };
    for (const u of this.units) {
      if (u.inserted) {
        pending.push(u);
        continue;
      }
      flush(u.from);
      next = u.from + 1;
    }
    flush(this.to);
    return out;
  }

  // ---- seams ---------------------------------------------------------------------------------------

  /** Where something was deleted or inserted between units p-1 and p. */
  private isSeam(p: number): boolean {
    const before = this.units[p - 1];
    const after = this.units[p];
    if (!before || !after) {
      const edge = before ?? after;
      if (!edge) return this.to > this.from;
      return edge.inserted || (before ? before.from !== this.to - 1 : after!.from !== this.from);
    }
    if (before.inserted !== after.inserted) return true;
    return !before.inserted && after.from !== before.from + 1;
  }

  /**
   * What stands at index i. Past the window: the text's edge, or the text there (the previous line's end, the
   * next line's start), which counts as a word unless it is a line break.
   */
  private kind(i: number): 'edge' | 'line' | 'mark' | 'open' | 'close' | 'label' | 'word' {
    const u = this.units[i];
    if (!u) {
      const at = i < 0 ? this.from - 1 : this.to;
      if (at < 0 || at >= this.layout.text.length) return 'edge';
      return isLineBreak(this.layout.text[at]!) ? 'line' : 'word';
    }
    if (isLineBreak(u.ch)) return 'line';
    if (!u.inserted && this.layout.isMark(u.from)) return 'mark';
    if (isOpener(u.ch)) return 'open';
    if (isCloser(u.ch)) return 'close';
    if (isLabelEnd(u.ch)) return 'label';
    return 'word';
  }

  private isRunUnit(u: Unit): boolean {
    return isSeparator(u.ch) && (u.inserted || !this.layout.isMark(u.from));
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
      while (m > 0 && this.kind(m - 1) === 'mark' && u[m - 1]!.from === u[m]!.from - 1) m--;
      return this.remove(m, b);
    }
    // An emptied line: from its start (or the previous line's end) to its end, nothing but separators.
    if ((left === 'edge' || left === 'line') && (right === 'edge' || right === 'line')) {
      // The line break after it goes with it, or before it when it is the last line (a break past the window stays).
      if (right === 'line' && u[b]) return this.remove(a, b + (u[b]!.ch === '\r' && u[b + 1]?.ch === '\n' ? 2 : 1));
      if (left === 'line' && u[a - 1]) return this.remove(a - (u[a - 1]!.ch === '\n' && u[a - 2]?.ch === '\r' ? 2 : 1), b);
      return this.remove(a, b);
    }
    // A label with nothing left after it in its sentence (`民族要求：。`); a `；` only ends one of its items.
    if (left === 'label' && (lineEnds || run.some((x) => isFullStop(x.ch)))) {
      const start = this.labelStart(a - 1);
      if (start !== undefined) return this.remove(start, a);
    }
    // An emptied bracket, or one whose other half went with a deletion.
    if (left === 'open' && right === 'close' && u[b]!.ch === closerOf(u[a - 1]!.ch)) return this.remove(a - 1, b + 1);
    if (right === 'close' && !this.opened(b)) return this.remove(b, b + 1);
    if (left === 'open' && !this.closed(a - 1)) return this.remove(a - 1, a);
    if (run.length === 0) return false;
    // Nothing to separate from on the left (the line's start, a bracket, a mark, a label or a header such as
    // `【职位要求】`): keep only the line's indentation (spaces before the seam).
    if (left === 'edge' || left === 'line' || left === 'open' || left === 'mark' || left === 'label' || u[a - 1]?.ch === '】') {
      let indent = 0;
      if (left === 'edge' || left === 'line') while (a + indent < p && isSpace(run[indent]!.ch)) indent++;
      return this.replaceRun(a, b, run.slice(0, indent));
    }
    // Nothing to separate from on the right: a sentence end may stay, or before a list mark a space.
    if (endsHere) {
      const end = [...run].reverse().find((x) => isSentenceEnd(x.ch)) ?? (right === 'mark' ? run.find((x) => isSpace(x.ch)) : undefined);
      return this.replaceRun(a, b, end ? [end] : []);
    }
    // Words on both sides: the strongest separator of the run, once (in English with the space after it).
    const strongest = run.reduce((best, x) => (separatorRank(x.ch)! > separatorRank(best.ch)! ? x : best));
    const next = run[run.indexOf(strongest) + 1];
    return this.replaceRun(a, b, /[,;!?]/.test(strongest.ch) && next && isSpace(next.ch) ? [strongest, next] : [strongest]);
  }

  /** Whether the closing bracket at `i` has its opening one earlier on its line. */
  private opened(i: number): boolean {
    let depth = 0;
    for (let k = i - 1; k >= 0 && this.units[k]!.ch !== '\n'; k--) {
      const { ch } = this.units[k]!;
      if (isCloser(ch)) depth++;
      else if (isOpener(ch) && depth-- === 0) return true;
    }
    return false;
  }

  /** Whether the opening bracket at `i` has its closing one later on its line. */
  private closed(i: number): boolean {
    let depth = 0;
    for (let k = i + 1; k < this.units.length && this.units[k]!.ch !== '\n'; k++) {
      const { ch } = this.units[k]!;
      if (isOpener(ch)) depth++;
      else if (isCloser(ch) && depth-- === 0) return true;
    }
    return false;
  }

  /** Where the label ending at the colon `colon` starts, or undefined when it is not a short label. */
  private labelStart(colon: number): number | undefined {
    let s = colon;
    while (s > 0 && colon - s < LONGEST_LABEL) {
      const k = this.kind(s - 1);
      if (k !== 'word' || isSeparator(this.units[s - 1]!.ch)) break;
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
