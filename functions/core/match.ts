/**
 * Runs a rule's patterns over one analysed field: regexes (checked against word boundaries), constructions
 * and scenarios. Exceptions are checked by the caller, for every kind of hit alike.
 */
import { matchConstruction } from './analysis/constructions.js';
import { clausesWith, fieldHasAny, type FieldAnalysis } from './analysis/field-analysis.js';
import { matchAcrossFields, matchScenario } from './analysis/scenarios.js';
import type { Boundary, CompiledException, CompiledRule, ConstructionMatcher, Matcher, RegexMatcher, TermsMatcher } from './lexicon/compile.js';
import type { Normalized } from './mapped-text.js';
import { bracketAround, scopeRange } from './segments.js';
import { isInvisible } from './normalize.js';
import { gluedIntoLatinWord } from './scan/latin-words.js';
import { tokenBoundaries, type Tokenizer } from './tokenizer.js';

export interface RawFinding {
  rule: CompiledRule;
  field: string;
  /** Range in the field's normalised text. */
  start: number;
  end: number;
  /** Found by a construction or a scenario: a more specific rule's finding on the same words wins. */
  generic?: boolean;
  /** From a detector: the elements an ad lacks, or what it compared. */
  missing?: string[];
  note?: string;
}

/** What one pattern found: a single range, or the parts of one scenario, kept or dropped together. */
export type RuleHit = RawFinding[];

/** A figure and its headcount classifier (20名, 5人, 3位). */
const HEADCOUNT_BEFORE = /\d[名人位]$/;

/** Token boundaries of the pieces of one field, computed lazily: most text never needs tokenizing. */
export class BoundaryIndex {
  private readonly pieces = new Map<number, Set<number> | null>();
  readonly text: string;
  constructor(
    private readonly n: Normalized,
    private readonly tokenizer: Tokenizer,
  ) {
    this.text = n.text;
  }

  isBoundary(pos: number, side: 'start' | 'end'): boolean {
    if (pos <= 0 || pos >= this.text.length) return true;
    // Where normalisation removed a space or noise (客服 限男性), the writer separated words; unless every character
    // around is spaced out (招 聘 部 邹 女 士: letter-spacing, not words), where the words are read as if unspaced.
    if (this.separatedAt(pos) && !this.letterSpaced(pos)) return true;
    // A headcount ends a word: 20名限男 is 20名 + 限男 (jieba reads 名限).
    if (side === 'start' && HEADCOUNT_BEFORE.test(this.text.slice(Math.max(0, pos - 2), pos))) return true;
    // A position at punctuation or space is always a boundary.
    const probe = side === 'start' ? pos : pos - 1;
    const [s, e] = scopeRange(this.text, probe, probe + 1, 'piece');
    if (pos === s || pos === e) return true;
    let cuts = this.pieces.get(s);
    if (cuts === undefined) {
      cuts = tokenBoundaries(this.tokenizer, this.text.slice(s, e));
      this.pieces.set(s, cuts);
    }
    return cuts === null || cuts.has(pos - s);
  }

  /** Four single characters in a row, each set apart (招 聘 部 邹): fewer may be words set apart (限 男 性, ☑ 女 ☑ 已婚). */
  private letterSpaced(pos: number): boolean {
    for (let i = pos - 2; i <= pos + 2; i++) if (!this.separatedAt(i)) return false;
    return true;
  }

  /**
   * Whether normalisation removed something visible before unit `pos`. Invisible characters separate nothing
   * (乙\u200b女 is still 乙女): zero-width characters are how filters are evaded, not how words end.
   */
  private separatedAt(pos: number): boolean {
    if (pos <= 0 || pos >= this.text.length) return false;
    const from = this.n.ends[pos - 1]!;
    const to = this.n.starts[pos]!;
    const original = this.n.original;
    if (to <= from || original === undefined) return to > from;
    for (let i = from; i < to; i++) if (!isInvisible(original.charCodeAt(i))) return true;
    return false;
  }
}

/**
 * Whether one of the exceptions holds for the hit at [start, end). Given `asideOf` (the bracket holding the hit and
 * an operator of its own, looked up only once an exception matches), words wholly outside it do not clear the hit
 * (男女不限（女生优先）: the aside takes the neutral wording back), though a match reaching into the bracket does.
 */
/**
 * The exceptions' findings in one field's text, by exception and scope range (the engine is synchronous and checks a
 * field's hits together): the hits of a long sentence share its matches, and the whole-text `unless` test, instead of
 * each hit running them again.
 */
const fieldCache = { text: '', unless: new Map<CompiledException, boolean>(), matches: new Map<CompiledException, Map<number, readonly [number, number][]>>() };

function cacheFor(text: string) {
  if (fieldCache.text !== text) {
    fieldCache.text = text;
    fieldCache.unless.clear();
    fieldCache.matches.clear();
  }
  return fieldCache;
}

/** Where the exception's pattern matches inside [s, e) of the text (empty matches skipped). */
function matchesIn(text: string, ex: CompiledException, s: number, e: number): readonly [number, number][] {
  const window = text.slice(s, e);
  const found: [number, number][] = [];
  ex.re.lastIndex = 0;
  for (let m = ex.re.exec(window); m; m = ex.re.exec(window)) {
    if (m[0].length === 0) {
      ex.re.lastIndex++;
      continue;
    }
    found.push([s + m.index, s + m.index + m[0].length]);
  }
  return found;
}

export function exceptionApplies(
  text: string,
  start: number,
  end: number,
  exceptions: CompiledException[],
  asideOf?: () => readonly [number, number] | undefined,
): boolean {
  let aside: readonly [number, number] | undefined | null = null; // null: not looked up yet
  const cache = cacheFor(text);
  for (const ex of exceptions) {
    if (ex.unless) {
      let unless = cache.unless.get(ex);
      if (unless === undefined) cache.unless.set(ex, (unless = ex.unless.test(text)));
      if (unless) continue;
    }
    if (ex.hit && !ex.hit.test(text.slice(start, end))) continue;
    if (ex.scope === 'overlap') {
      if (matchesIn(text, ex, Math.max(0, start - 8), Math.min(text.length, end + 8)).some(([ms, me]) => ms < end && me > start)) return true;
      continue;
    }
    const [s, e] = scopeRange(text, start, end, ex.scope);
    const byRange = cache.matches.get(ex) ?? cache.matches.set(ex, new Map()).get(ex)!;
    let matches = byRange.get(s * 0x4000000 + e);
    if (!matches) byRange.set(s * 0x4000000 + e, (matches = matchesIn(text, ex, s, e)));
    for (const [ms, me] of matches) {
      // a reason given in a bracket after the condition does not take it back (男教练优先（学员以男孩为主）)
      if (reasonAside(text, end, ms, me)) continue;
      if (aside === null) aside = asideOf?.();
      if (aside === undefined || (me > aside[0] && ms <= aside[1])) return true;
    }
  }
  return false;
}

/** Whether [ms, me) lies in a bracket opened after a hit ending at `end`: the writer's aside about it. */
function reasonAside(text: string, end: number, ms: number, me: number): boolean {
  if (ms < end) return false;
  const bracket = bracketAround(text, ms, me);
  return bracket !== undefined && bracket[0] >= end;
}

function spanOf(m: RegExpExecArray): [number, number] {
  const span = m.groups?.span;
  if (span !== undefined) {
    const offset = m[0].indexOf(span);
    if (offset >= 0) return [m.index + offset, m.index + offset + span.length];
  }
  return [m.index, matchEnd(m)];
}

/**
 * Where a match ends, its trailing spaces left out: a pattern's optional tail (`\s*(?:以上)?`) may take the line
 * break after a condition, and the condition (身高165-175cm⏎2.…) is on its line all the same.
 */
const matchEnd = (m: RegExpExecArray) => m.index + m[0].trimEnd().length;

/** A match lies on the token boundaries its pattern asks for, and never inside a longer Latin word (hcg in hcgb7). */
const onBoundaries = (boundaries: BoundaryIndex, boundary: Boundary, start: number, end: number) =>
  !gluedIntoLatinWord(boundaries.text, start, end) &&
  (boundary === 'none' || boundary === 'end' || boundaries.isBoundary(start, 'start')) &&
  (boundary === 'none' || boundary === 'start' || boundaries.isBoundary(end, 'end'));

function termHits(matcher: TermsMatcher, a: FieldAnalysis): [number, number][] {
  const out: [number, number][] = [];
  for (const h of a.byTag.get(matcher.tag) ?? []) if (onBoundaries(a.boundaries, matcher.boundary, h.start, h.end)) out.push([h.start, h.end]);
  return out;
}

/** The clauses holding a word of the regex's `when` sets or of its trigger, in order; undefined when some trigger word is outside every clause. */
function clausesToSearch(matcher: RegexMatcher, a: FieldAnalysis): readonly number[] | undefined {
  if (matcher.trigger === undefined) {
    const clauses = clausesWith(a, matcher.when);
    return matcher.alsoNeeds !== undefined ? withTriggerWords(a, clauses, matcher.alsoNeeds) : clauses;
  }
  return clausesHolding(a, matcher.trigger);
}

/** The clauses holding a word of the trigger, in order; undefined when one is outside every clause. */
function clausesHolding(a: FieldAnalysis, trigger: number): number[] | undefined {
  const found: number[] = [];
  for (const pos of a.triggers[trigger] ?? []) {
    const c = a.clauseIndexAt(pos);
    if (c < 0) return undefined;
    if (found[found.length - 1] !== c) found.push(c);
  }
  return found;
}

/** Of the `when` clauses, those whose sentence holds a trigger word too: a sentence without one holds no match. */
function withTriggerWords(a: FieldAnalysis, clauses: readonly number[], trigger: number): readonly number[] {
  const holding = clausesHolding(a, trigger);
  if (!holding) return clauses;
  const sentences = new Set(holding.map((c) => a.clauses[c]!.sentenceStart));
  return clauses.filter((c) => sentences.has(a.clauses[c]!.sentenceStart));
}

/**
 * The ranges a regex runs over: the whole field, or with `when` or a trigger only the sentences holding one
 * of those words (a regex that needs a place name has nothing to find in a sentence without one).
 */
function regexRanges(matcher: RegexMatcher, a: FieldAnalysis): [number, number][] {
  const clauses = matcher.when.length || matcher.trigger !== undefined ? clausesToSearch(matcher, a) : undefined;
  if (!clauses) return [[0, a.n.text.length]];
  const ranges: [number, number][] = [];
  for (const i of clauses) {
    const { sentenceStart, sentenceEnd } = a.clauses[i]!;
    const last = ranges[ranges.length - 1];
    if (last && sentenceStart <= last[1]) last[1] = Math.max(last[1], sentenceEnd);
    else ranges.push([sentenceStart, sentenceEnd]);
  }
  return ranges;
}

/** Where the words of the regex's `when` sets or trigger start, in order. */
function startsOf(matcher: RegexMatcher, a: FieldAnalysis): readonly number[] {
  if (matcher.trigger !== undefined) return a.triggers[matcher.trigger] ?? [];
  const starts = new Set<number>();
  for (const tag of matcher.when) for (const h of a.byTag.get(tag) ?? []) starts.add(h.start);
  return [...starts].sort((x, y) => x - y);
}

/**
 * A condition stays on its line, like the clause it is in: a pattern's `\s` must not join the end of one line to
 * the next (不招新疆籍人员⏎不招… is two conditions, and their fixes stay on their lines). Nor does it run on from
 * a question into its answer (要交什么费用吗？答：工服自费 is a question, then a fee).
 */
const onOneLine = (text: string, start: number, end: number) => {
  const br = text.indexOf('\n', start);
  const asked = text.indexOf('?', start);
  return (br < 0 || br >= end) && (asked < 0 || asked >= end - 1);
};

/** An anchored regex tried at each of its words only (all its matches start at one). */
function anchoredHits(matcher: RegexMatcher, sticky: RegExp, a: FieldAnalysis): [number, number][] {
  const hits: [number, number][] = [];
  let reachedUntil = -1;
  for (const start of startsOf(matcher, a)) {
    if (start < reachedUntil) continue; // inside the previous match
    sticky.lastIndex = start;
    const m = sticky.exec(a.n.text);
    const end = m ? matchEnd(m) : 0;
    if (!m || end === m.index || !onOneLine(a.n.text, m.index, end)) continue;
    if (!onBoundaries(a.boundaries, matcher.boundary, m.index, end)) continue;
    hits.push(spanOf(m));
    reachedUntil = end;
  }
  return hits;
}

function regexHits(matcher: RegexMatcher, a: FieldAnalysis): [number, number][] {
  if (matcher.sticky) return anchoredHits(matcher, matcher.sticky, a);
  const { n, boundaries } = a;
  const hits: [number, number][] = [];
  const { re, boundary } = matcher;
  for (const [from, to] of regexRanges(matcher, a)) {
    const text = from === 0 && to === n.text.length ? n.text : n.text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const [s, e] = spanOf(m);
      const end = matchEnd(m);
      if (end > m.index && onOneLine(text, m.index, end) && onBoundaries(boundaries, boundary, from + m.index, from + end)) hits.push([from + s, from + e]);
      else re.lastIndex = m.index + 1; // the match may start again one character later
    }
  }
  return hits;
}

/**
 * Which matchers a field's words make worth trying: a regex needs one of its `when` words or its trigger, a
 * term list its words, a construction an attribute; scenarios (and regexes without either) are always tried.
 * Most fields hold the words of few matchers, and a field's tags are far fewer than the lexicon's matchers.
 */
export interface MatcherGates {
  count: number;
  always: number[];
  /** Matcher ids by the tag of the term index that opens them… */
  byTag: Map<string, number[]>;
  /** …or by the number of the regex trigger. */
  byTrigger: number[][];
}

const gateTags = (m: Matcher): readonly string[] | undefined => {
  switch (m.kind) {
    case 'regex':
      return m.when.length ? m.when : undefined;
    case 'terms':
      return [m.tag];
    case 'construction':
      return m.construction.attribute;
    default:
      return undefined;
  }
};

/** Indexes every matcher (by its `id`) by the tags that open it. */
export function compileGates(rules: readonly CompiledRule[]): MatcherGates {
  const gates: MatcherGates = { count: 0, always: [], byTag: new Map(), byTrigger: [] };
  for (const rule of rules) {
    for (const m of rule.matchers) {
      gates.count = Math.max(gates.count, m.id + 1);
      if (m.kind === 'regex' && m.trigger !== undefined) {
        (gates.byTrigger[m.trigger] ??= []).push(m.id);
        continue;
      }
      const tags = gateTags(m);
      if (!tags) gates.always.push(m.id);
      else for (const t of tags) gates.byTag.get(t)?.push(m.id) ?? gates.byTag.set(t, [m.id]);
    }
  }
  return gates;
}

/** The matchers worth trying on a field, as a flag per matcher id. */
export function openMatchers(a: FieldAnalysis, gates: MatcherGates): Uint8Array {
  const open = new Uint8Array(gates.count);
  for (const id of gates.always) open[id] = 1;
  for (const t of a.byTag.keys()) for (const id of gates.byTag.get(t) ?? []) open[id] = 1;
  a.triggers.forEach((starts, trigger) => {
    if (starts) for (const id of gates.byTrigger[trigger] ?? []) open[id] = 1;
  });
  return open;
}

/** A construction's attribute needs an operator (or a key) somewhere in the field to make a condition, unless it may stand bare. */
const constructionMayMatch = (a: FieldAnalysis, c: ConstructionMatcher['construction']) =>
  c.bare || fieldHasAny(a, c.before) || fieldHasAny(a, c.after) || fieldHasAny(a, c.keys);

/** What a rule's regex, construction and scenario patterns match in one field (before exceptions), trying the `open` matchers only. */
export function matchRule(a: FieldAnalysis, rule: CompiledRule, open: Uint8Array): RuleHit[] {
  const out: RuleHit[] = [];
  for (const matcher of rule.matchers) {
    if (!open[matcher.id]) continue;
    if (matcher.kind === 'regex') for (const r of regexHits(matcher, a)) out.push([finding(rule, a.field, r, false)]);
    else if (matcher.kind === 'terms') for (const r of termHits(matcher, a)) out.push([finding(rule, a.field, r, false)]);
    else if (matcher.kind === 'construction') {
      if (!constructionMayMatch(a, matcher.construction)) continue;
      for (const r of matchConstruction(a, matcher.construction)) out.push([finding(rule, a.field, r, true)]);
    } else if (matcher.kind === 'scenario') {
      for (const parts of matchScenario(a, matcher.scenario)) out.push(parts.map((r) => finding(rule, a.field, r, true)));
    }
  }
  return out;
}

/** What a rule's ad-wide scenarios match with their signals in different fields (see matchAcrossFields). */
export function matchRuleAcrossFields(fields: readonly FieldAnalysis[], rule: CompiledRule): RuleHit[] {
  const out: RuleHit[] = [];
  for (const matcher of rule.matchers) {
    if (matcher.kind !== 'scenario' || matcher.scenario.within !== 'ad') continue;
    const parts = matchAcrossFields(fields, matcher.scenario);
    if (parts.length) out.push(parts.map(({ a, span }) => finding(rule, a.field, span, true)));
  }
  return out;
}

function finding(rule: CompiledRule, field: string, [start, end]: [number, number], generic: boolean): RawFinding {
  return rawFinding(rule, { field, start, end }, generic);
}

/**
 * Every raw finding has the same properties in the same order: the engine's hot loops read thousands of them, and
 * objects of many shapes there make V8 drop its optimised code again and again.
 */
export function rawFinding(rule: CompiledRule, hit: Omit<RawFinding, 'rule' | 'generic'>, generic = false): RawFinding {
  return { rule, field: hit.field, start: hit.start, end: hit.end, generic, missing: hit.missing, note: hit.note };
}
