/**
 * One field, read once: its normalised text, every vocabulary word in it (one scan), its clauses and
 * sections, and lazily its word boundaries. Constructions, scenarios, roles and detectors share it.
 */
import type { Normalized } from '../mapped-text.js';
import { BoundaryIndex } from '../match.js';
import type { TermHit, TermIndex } from '../scan/term-index.js';
import type { Tokenizer } from '../tokenizer.js';
import { clauseAt, splitClauses, type Clause } from './clauses.js';

export interface FieldAnalysis {
  field: string;
  n: Normalized;
  hits: TermHit[];
  clauses: Clause[];
  boundaries: BoundaryIndex;
  /** The clause holding a position of the normalised text. */
  clauseAt(pos: number): Clause | undefined;
  /** The hits that start inside [start, end), in order. */
  hitsIn(start: number, end: number): TermHit[];
}

export function analyzeField(field: string, n: Normalized, index: TermIndex, tokenizer: Tokenizer): FieldAnalysis {
  const hits = index.scan(n.text);
  const clauses = splitClauses(n.text, hits);
  return {
    field,
    n,
    hits,
    clauses,
    boundaries: new BoundaryIndex(n, tokenizer),
    clauseAt: (pos) => clauseAt(clauses, pos),
    hitsIn: (start, end) => hitsIn(hits, start, end),
  };
}

/** Hits are sorted by start: a binary search finds the first one at or after `start`. */
function hitsIn(hits: readonly TermHit[], start: number, end: number): TermHit[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: TermHit[] = [];
  for (let i = lo; i < hits.length && hits[i]!.start < end; i++) out.push(hits[i]!);
  return out;
}

export const hasAnyTag = (hit: TermHit, tags: readonly string[]) => tags.some((t) => hit.tags.has(t));
