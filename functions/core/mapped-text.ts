/**
 * Text with an offset map back to its original: every UTF-16 unit remembers the original range
 * [start, end) it came from, so findings on normalised text point at the exact original characters.
 */
export interface Normalized {
  /** The normalised text rules run on. */
  text: string;
  /** For each unit of `text`, the original start offset. */
  starts: ArrayLike<number>;
  /** For each unit of `text`, the original end offset (exclusive). */
  ends: ArrayLike<number>;
  /** The text before normalisation (normalize sets it): what normalisation drops, such as quotation marks, is still there. */
  original?: string;
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * Growable output: code units and their original ranges. Every pass reuses one scratch buffer (the
 * engine is synchronous) and `result()` copies out, so a pass's input is never the buffer it writes.
 */
export class Output {
  units = new Uint16Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  length = 0;
  reset(capacity: number): this {
    if (this.units.length < capacity) {
      this.units = new Uint16Array(capacity);
      this.starts = new Int32Array(capacity);
      this.ends = new Int32Array(capacity);
    }
    this.length = 0;
    return this;
  }
  push(unit: number, start: number, end: number) {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length++] = end;
  }
  private grow() {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    Object.assign(this, { units, starts, ends });
  }
  /** A copy that outlives the scratch buffer. */
  result(): Normalized {
    return {
      text: UTF16.decode(this.units.subarray(0, this.length)),
      starts: this.starts.slice(0, this.length),
      ends: this.ends.slice(0, this.length),
    };
  }
}

const scratch = new Output();
export const output = (capacity: number) => scratch.reset(capacity);

/** A replacement of [start, end) of a text by `text`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping replacements (in order), keeping the offset map: a replacement maps to its whole source span. */
export function replaceRanges(src: Normalized, replacements: readonly Replacement[]): Normalized {
  if (!replacements.length) return src;
  const out = output(src.text.length + 16);
  let last = 0;
  for (const r of replacements) {
    for (let i = last; i < r.start; i++) out.push(src.text.charCodeAt(i), src.starts[i]!, src.ends[i]!);
    const s = src.starts[r.start]!;
    const e = src.ends[r.end - 1]!;
    for (let k = 0; k < r.text.length; k++) out.push(r.text.charCodeAt(k), s, e);
    last = r.end;
  }
  for (let i = last; i < src.text.length; i++) out.push(src.text.charCodeAt(i), src.starts[i]!, src.ends[i]!);
  return out.result();
}

/** Replace regex matches in a normalised text, keeping the offset map. */
export function replaceMapped(src: Normalized, re: RegExp, replacement: (m: string, at: number) => string): Normalized {
  const replacements: Replacement[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    replacements.push({ start: m.index, end: m.index + m[0].length, text: replacement(m[0], m.index) });
  }
  return replaceRanges(src, replacements);
}

/** Map a [start, end) range of the normalised text back to the original text. */
export function toOriginalRange(n: Normalized, start: number, end: number): [number, number] {
  return [n.starts[start]!, n.ends[end - 1]!];
}
