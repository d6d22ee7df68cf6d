/**
 * What changed between two versions of a field, by character (Chinese has no spaces to split words on).
 * The common start and end are cut off first, which is most of a revision; the changed middle is aligned
 * by a longest-common-subsequence table when it is small enough, and otherwise shown as removed and added
 * whole, so a rewritten 20,000-character description costs no more than reading it.
 */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Cells of the LCS table at most: a few MB of memory, milliseconds of time. */
const MAX_CELLS = 2_000_000;

export function diffText(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, head).join(''));
  const middle = alignMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  for (const part of middle) push(parts, part.kind, part.text);
  push(parts, 'same', a.slice(a.length - tail).join(''));
  return parts;
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

function alignMiddle(a: string[], b: string[]): DiffPart[] {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [
      { kind: 'removed', text: a.join('') },
      { kind: 'added', text: b.join('') },
    ];
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(parts, 'same', a[i++]!);
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      // Removals before additions: a replaced phrase reads as "old → new".
      push(parts, 'removed', a[i++]!);
    } else {
      push(parts, 'added', b[j++]!);
    }
  }
  return parts;
}
