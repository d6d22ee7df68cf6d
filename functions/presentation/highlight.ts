/**
 * Lays out the findings of one field over its original text as a tree of text pieces and marks.
 *
 * Findings come from independent rules, so their spans may nest, coincide or cross. HTML marks must nest,
 * so a span that crosses the end of an enclosing mark is split there and continues after it: every
 * character stays marked by every finding that covers it, and no text is duplicated or lost.
 * Offsets are UTF-16 code units into the ORIGINAL field text, as the Verdict contract says.
 */

/** What is laid out: a span of the field text (a Finding, or anything carrying offsets). */
export interface Spanned {
  start: number;
  end: number;
}

export interface MarkNode<T extends Spanned> {
  finding: T;
  /** True on the first piece of a finding that had to be split: only that piece carries the anchor id. */
  first: boolean;
  children: HighlightNode<T>[];
}
export type HighlightNode<T extends Spanned> = string | MarkNode<T>;

interface Span<T> {
  finding: T;
  /** Position in the input: ties are broken by it so the layout is deterministic. */
  order: number;
  start: number;
  end: number;
  first: boolean;
}

/** Longer spans first at the same start, so the enclosing mark is opened before what it contains. */
function bySpan<T>(a: Span<T>, b: Span<T>): number {
  return a.start - b.start || b.end - a.end || a.order - b.order;
}

function layout<T extends Spanned>(text: string, from: number, to: number, spans: Span<T>[]): HighlightNode<T>[] {
  const nodes: HighlightNode<T>[] = [];
  let pos = from;
  let rest = [...spans].sort(bySpan);
  while (rest.length > 0) {
    const [outer, ...others] = rest as [Span<T>, ...Span<T>[]];
    if (outer.start > pos) nodes.push(text.slice(pos, outer.start));
    const inside: Span<T>[] = [];
    const after: Span<T>[] = [];
    for (const s of others) {
      if (s.start >= outer.end) {
        after.push(s);
      } else if (s.end <= outer.end) {
        inside.push(s);
      } else {
        // Crosses the end of `outer`: mark the part inside it, carry the remainder on.
        inside.push({ ...s, end: outer.end });
        after.push({ ...s, start: outer.end, first: false });
      }
    }
    nodes.push({ finding: outer.finding, first: outer.first, children: layout(text, outer.start, outer.end, inside) });
    pos = outer.end;
    rest = after.sort(bySpan);
  }
  if (pos < to) nodes.push(text.slice(pos, to));
  return nodes;
}

/**
 * Pass the findings of one field; offsets outside the text are clamped and empty
 * spans skipped (they still appear in the findings list beside the text).
 */
export function layoutHighlights<T extends Spanned>(text: string, findings: readonly T[]): HighlightNode<T>[] {
  const spans: Span<T>[] = [];
  findings.forEach((finding, order) => {
    const start = Math.max(0, Math.min(finding.start, text.length));
    const end = Math.max(0, Math.min(finding.end, text.length));
    if (end > start) spans.push({ finding, order, start, end, first: true });
  });
  return layout(text, 0, text.length, spans);
}
