/**
 * The model's findings: on every clause no rule flagged, the categories whose probability reaches the model's
 * threshold become `review` findings with `source: "model"` and the score. The model never rejects, never
 * removes a rule's finding, and is silenced by the same clause roles as the rules (a disclaimer, a perk…) and by
 * exceptions that name the words (a test left out).
 */
import { NEUTRAL_FOR_ALL } from '../analysis/constructions.js';
import { hasAnyTag, type FieldAnalysis } from '../analysis/field-analysis.js';
import type { TermHit } from '../scan/term-index.js';
import { clearingRole } from '../analysis/roles.js';
import { ATTRIBUTE_CATEGORIES, type Category } from '../categories.js';
import type { CompiledException, CompiledLexicon, CompiledRule } from '../lexicon/compile.js';
import { exceptionApplies, type RawFinding } from '../match.js';
import type { ClauseModel } from './clause-model.js';

/** A model finding in the field's normalised text, before it is mapped back to the original. */
export interface ModelHit {
  field: string;
  start: number;
  end: number;
  category: Category;
  score: number;
  /** The category's first rule: its message, legal basis and suggestion describe the finding. */
  rule: CompiledRule;
}

/** Spaces, punctuation, brackets and list marks around a clause are not part of what it says. */
const EDGE = /[\s\p{P}\p{S}]/u;
/** EDGE per UTF-16 unit, decided on first sight (0 unknown, 1 edge, 2 not): trimming runs on every clause. */
const edgeOf = new Uint8Array(0x10000);
function isEdge(code: number): boolean {
  let known = edgeOf[code]!;
  if (!known) known = edgeOf[code] = EDGE.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}
// (Circled numbers never get here: normalisation makes them clause breaks.)
const LIST_MARK = /^(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.]|^[(（](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]/;
/** What a list mark can start with: the mark is looked for (on a copy of the clause) only after one. */
const LIST_START = /[\d一二三四五六七八九十(（]/;

/** The clause without list numbers and punctuation at its edges; empty when nothing is left. */
export function trimClause(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (;;) {
    const mark = s < e && LIST_START.test(text[s]!) ? LIST_MARK.exec(text.slice(s, e)) : null;
    if (mark) s += mark[0].length;
    else if (s < e && isEdge(text.charCodeAt(s))) s++;
    else break;
  }
  while (e > s && isEdge(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** What stays after a clause that is a label without its value. */
const EMPTY_VALUE = /^\s*:\s*$/;

/** A condition the rules missed is a short clause in Chinese (two characters are a word, not a condition the rules missed); bus routes, addresses and English paragraphs are not what the model learned. */
const MAX_CLAUSE = 40;
function isConditionLike(text: string, start: number, end: number): boolean {
  if (end - start < 3 || end - start > MAX_CLAUSE) return false;
  let han = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) han++;
  }
  return han * 2 >= end - start;
}

interface CategoryRules {
  /** The category's first rule: its message, legal basis and suggestion describe a model finding. */
  rule: CompiledRule;
  /** Its rules' exceptions that name the words they clear (scope `overlap`: 不含乙肝项目, 产检假). */
  exceptions: CompiledException[];
  /** Its constructions' attribute words, and the longer words that hide them (女性角色 holds 女性). */
  attributes: Set<string>;
  hides: Set<string>;
}

/**
 * Per category, once per lexicon. Wider exceptions are left to the rules: the model reads clauses a rule's
 * exception may have cleared wrongly.
 */
const categoryRules = new WeakMap<CompiledLexicon, Map<Category, CategoryRules>>();
function categoryRulesOf(lexicon: CompiledLexicon) {
  let map = categoryRules.get(lexicon);
  if (!map) {
    map = new Map();
    for (const rule of lexicon.rules) {
      const entry = map.get(rule.category) ?? { rule, exceptions: [], attributes: new Set(), hides: new Set() };
      entry.exceptions.push(...rule.exceptions.filter((ex) => ex.scope === 'overlap'));
      for (const m of rule.matchers) {
        if (m.kind !== 'construction') continue;
        for (const t of m.construction.attribute) entry.attributes.add(t);
        for (const t of m.construction.hide) entry.hides.add(t);
      }
      map.set(rule.category, entry);
    }
    categoryRules.set(lexicon, map);
  }
  return map;
}

export function secondOpinion(fields: readonly FieldAnalysis[], flagged: readonly RawFinding[], model: ClauseModel, lexicon: CompiledLexicon): ModelHit[] {
  const hits: ModelHit[] = [];
  const byCategory = categoryRulesOf(lexicon);
  for (const a of fields) {
    const taken = flagged.filter((f) => f.field === a.field);
    for (const [i, clause] of a.clauses.entries()) {
      if (taken.some((f) => f.start < clause.end && clause.start < f.end)) continue;
      const [start, end] = trimClause(a.n.text, clause.start, clause.end);
      // a form's label with no value (形象要求：) states nothing
      if (!isConditionLike(a.n.text, start, end) || EMPTY_VALUE.test(a.n.text.slice(end, clause.end))) continue;
      const scores = model.scores(a.n.text, start, end, clause.section);
      let neutral: boolean | undefined; // looked up only for a clause the model reports
      for (let c = 0; c < model.categories.length; c++) {
        const score = scores[c]!;
        if (!(score >= model.thresholds[c]!)) continue;
        const category = model.categories[c]!;
        const own = byCategory.get(category);
        if (!own) continue;
        neutral ??= a.hitsIn(start, end).some((h) => hasAnyTag(h, lexicon.neutral)) || neutralOpens(a, a.clauses[i + 1], clause.sentenceStart, lexicon);
        // What clears a rule's hit clears the model's: the clause's role, or a neutral word (本地外地户籍均可).
        if (clearingRole(a, start, end, category, lexicon.roles)) continue;
        if (ATTRIBUTE_CATEGORIES.has(category) && neutral) continue;
        // …and so do the exceptions naming the words (入职体检不含乙肝项目: a test left out)
        if (exceptionApplies(a.n.text, start, end, own.exceptions)) continue;
        // …and the lexicon's longer words, where they hold the clause's only attribute words (女性角色配音)
        if (onlyHidden(a.hitsIn(start, end), own)) continue;
        hits.push({ field: a.field, start, end, category, score, rule: own.rule });
      }
    }
  }
  return hits;
}

/** The clause names the category's attribute only inside a longer word that is something else (女性角色, 企业形象). */
const onlyHidden = (hits: readonly TermHit[], own: CategoryRules) =>
  own.hides.size > 0 && hits.some((h) => h.tagList.some((t) => own.hides.has(t))) && !hits.some((h) => h.tagList.some((t) => own.attributes.has(t)));

/** The next clause of the sentence opens with a neutral word for all that came before (已婚未婚，均可应聘). */
function neutralOpens(a: FieldAnalysis, next: FieldAnalysis['clauses'][number] | undefined, sentenceStart: number, lexicon: CompiledLexicon): boolean {
  if (!next || next.sentenceStart !== sentenceStart) return false;
  const first = a.hitsIn(next.start, next.start + 1)[0];
  return first !== undefined && hasAnyTag(first, lexicon.neutral) && NEUTRAL_FOR_ALL.test(a.n.text[first.start]!);
}
