/**
 * One field, read once: its normalised text, every vocabulary word in it (one scan), its clauses and
 * sections, and lazily its word boundaries. Constructions, scenarios, roles and detectors share it.
 */
import type { Normalized } from '../mapped-text.js';
import { BoundaryIndex } from '../match.js';
import type { TermHit } from '../scan/term-index.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import type { Tokenizer } from '../tokenizer.js';
import { parsePay, type PayMention } from '../salary/parse-pay.js';
import { clauseIndexAt, splitClauses, type Clause } from './clauses.js';

export interface FieldAnalysis {
  field: string;
  n: Normalized;
  hits: TermHit[];
  /** The hits of each tag: a construction or scenario whose words are absent is skipped at once. */
  byTag: ReadonlyMap<string, TermHit[]>;
  clauses: Clause[];
  /** The hits of each clause (by start), parallel to `clauses`. */
  clauseHits: TermHit[][];
  boundaries: BoundaryIndex;
  /** The clause holding a position of the normalised text. */
  clauseAt(pos: number): Clause | undefined;
  /** …and its index, or -1. */
  clauseIndexAt(pos: number): number;
  /** The hits that start inside [start, end), in order. */
  hitsIn(start: number, end: number): TermHit[];
  /** clausesWith's answers, by its list of tags and by each tag. */
  clauseCache: Map<readonly string[], number[]>;
  tagClauses: Map<string, number[]>;
  /** Where the words of each regex's trigger start (see regex-trigger.ts), by its number, in order; found in the same scan as the hits. */
  triggers: readonly (readonly number[] | undefined)[];
  /** The pay the field states (salary/parse-pay.ts), parsed on first use: completeness, salary and structured pay share it. */
  payMentions(): readonly PayMention[];
}

export function analyzeField(field: string, n: Normalized, lexicon: Pick<CompiledLexicon, 'index'>, tokenizer: Tokenizer): FieldAnalysis {
  const triggers: (number[] | undefined)[] = [];
  const hits = lexicon.index.scan(n.text, triggers);
  const byTag = new Map<string, TermHit[]>();
  for (const h of hits) {
    for (const t of h.tagList) {
      const list = byTag.get(t);
      if (list) list.push(h);
      else byTag.set(t, [h]);
    }
  }
  const clauses = splitClauses(n.text, byTag);
  const clauseHits = clauses.map((): TermHit[] => []);
  let c = 0;
  for (const h of hits) {
    while (c < clauses.length && clauses[c]!.end <= h.start) c++;
    if (c < clauses.length && h.start >= clauses[c]!.start) clauseHits[c]!.push(h);
  }
  let pay: readonly PayMention[] | undefined;
  return {
    field,
    n,
    hits,
    byTag,
    clauses,
    clauseHits,
    boundaries: new BoundaryIndex(n, tokenizer),
    clauseAt: (pos) => clauses[clauseIndexAt(clauses, pos)],
    clauseIndexAt: (pos) => clauseIndexAt(clauses, pos),
    hitsIn: (start, end) => hitsIn(hits, start, end),
    clauseCache: new Map(),
    tagClauses: new Map(),
    triggers,
    payMentions: () => (pay ??= parsePay(n.text)),
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

/** True when some hit of the field carries one of `tags`. */
export const fieldHasAny = (a: FieldAnalysis, tags: readonly string[]) => tags.some((t) => a.byTag.has(t));

/** The clauses (by index) holding a hit of one of `tags`, in order; remembered per field and per tag (many rules share them). */
export function clausesWith(a: FieldAnalysis, tags: readonly string[]): number[] {
  let found = a.clauseCache.get(tags);
  if (!found) {
    found = NO_CLAUSES;
    for (const t of tags) found = mergeSorted(found, clausesWithTag(a, t));
    a.clauseCache.set(tags, found);
  }
  return found;
}

const NO_CLAUSES: number[] = [];

/** The union of two ascending lists without repeats, as one (either list itself where the other adds nothing). */
function mergeSorted(x: number[], y: number[]): number[] {
  if (!y.length) return x;
  if (!x.length) return y;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const next = j >= y.length || (i < x.length && x[i]! <= y[j]!) ? x[i]! : y[j]!;
    if (i < x.length && x[i] === next) i++;
    if (j < y.length && y[j] === next) j++;
    out.push(next);
  }
  return out;
}

function clausesWithTag(a: FieldAnalysis, tag: string): number[] {
  const hits = a.byTag.get(tag);
  if (!hits) return NO_CLAUSES;
  let found = a.tagClauses.get(tag);
  if (!found) {
    found = [];
    // hits come in order, so their clauses do too
    for (const h of hits) {
      const c = a.clauseIndexAt(h.start);
      if (c >= 0 && found[found.length - 1] !== c) found.push(c);
    }
    a.tagClauses.set(tag, found);
  }
  return found;
}
