/** Highlight layout: nested, identical and crossing spans over the original text, nothing lost or doubled. */
import { describe, expect, it } from 'vitest';
import { layoutHighlights, type HighlightNode, type Spanned } from '../../functions/presentation/highlight.js';

interface F extends Spanned {
  id: string;
}

/** Flattens the tree back into text, and a per-character list of the ids marking it. */
function flatten(nodes: HighlightNode<F>[], open: string[] = [], out = { text: '', marks: [] as string[][] }) {
  for (const n of nodes) {
    if (typeof n === 'string') {
      out.text += n;
      for (let i = 0; i < n.length; i++) out.marks.push([...open]);
    } else {
      flatten(n.children, [...open, n.finding.id], out);
    }
  }
  return out;
}

function expectedMarks(text: string, findings: F[]): string[][] {
  return [...text].map((_, i) => findings.filter((f) => f.start <= i && i < f.end).map((f) => f.id).sort());
}

describe('layoutHighlights', () => {
  it('leaves text without findings as one piece', () => {
    expect(layoutHighlights('招聘前台', [])).toEqual(['招聘前台']);
  });

  it('marks a single span in place', () => {
    const f = { id: 'a', start: 2, end: 5 };
    expect(layoutHighlights('岗位限男性，薪资面议', [f])).toEqual([
      '岗位',
      { finding: f, first: true, children: ['限男性'] },
      '，薪资面议',
    ]);
  });

  it('nests a span inside a longer one', () => {
    const outer = { id: 'outer', start: 0, end: 6 };
    const inner = { id: 'inner', start: 2, end: 4 };
    expect(layoutHighlights('限本地户口男性', [inner, outer])).toEqual([
      { finding: outer, first: true, children: ['限本', { finding: inner, first: true, children: ['地户'] }, '口男'] },
      '性',
    ]);
  });

  it('splits a crossing span at the end of the enclosing mark', () => {
    const a = { id: 'a', start: 0, end: 4 };
    const b = { id: 'b', start: 2, end: 7 };
    const nodes = layoutHighlights('0123456789', [a, b]);
    expect(nodes).toEqual([
      { finding: a, first: true, children: ['01', { finding: b, first: true, children: ['23'] }] },
      { finding: b, first: false, children: ['456'] },
      '789',
    ]);
  });

  it('keeps every character with exactly the findings covering it (random overlaps)', () => {
    const text = '限男性，年龄25-35岁，身高165cm以上，本地户口优先，已婚已育';
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const findings: F[] = [];
      for (let i = 0; i < 1 + rand(6); i++) {
        const start = rand(text.length);
        findings.push({ id: `f${i}`, start, end: start + 1 + rand(8) });
      }
      const out = flatten(layoutHighlights(text, findings));
      expect(out.text).toBe(text);
      const clamped = findings.map((f) => ({ ...f, end: Math.min(f.end, text.length) }));
      expect(out.marks.map((m) => [...m].sort())).toEqual(expectedMarks(text, clamped));
    }
  });

  it('clamps offsets outside the text and skips empty spans', () => {
    const nodes = layoutHighlights('限男性', [
      { id: 'empty', start: 1, end: 1 },
      { id: 'over', start: 2, end: 99 },
    ]);
    expect(flatten(nodes).text).toBe('限男性');
    expect(nodes).toHaveLength(2);
  });
});
