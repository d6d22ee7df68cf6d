/**
 * The fixes of one field's findings, computed together so that they compose: applied all at once they give a
 * clean text (no `，，`, no `3、` alone, no `（）`), and they never overlap, so they can be applied in any order
 * from the last to the first.
 *
 * 1. Plan: each finding's condition is rewritten inside its words (招聘女服务员 → 招聘服务员), or, when its item
 *    holds nothing but the condition (年龄35岁以下, 要求女性), the whole item goes or becomes the neutral wording
 *    (限男性 → 男女不限); otherwise only the finding's own words go.
 * 2. Apply the plan, tidy the seams (edited-text.ts) and read the result back as edits of the original.
 * 3. Share each edit out among the findings it covers, at their starts.
 */
import type { CompiledFix } from './compile-fixes.js';
import { EditedText, type ResultEdit, type TextEdit } from './edited-text.js';
import { isSeparator, TextLayout } from './text-layout.js';

/** A finding to fix: its index in the verdict, its span in the field's original text, its rule's fix. */
export interface FixTarget {
  index: number;
  start: number;
  end: number;
  fix: CompiledFix;
}

/** Whether what is left of an item beside its conditions is only words that belong to them (年龄, 的, 优先). */
export type FillerTest = (residue: string, fixes: readonly CompiledFix[]) => boolean;

interface PlannedEdit extends TextEdit {
  target: FixTarget;
  /** A rewrite keeps words around the condition: inside a larger deletion it has nothing left to do. */
  rewrite: boolean;
}

/** `replace` for one match: `$1`…`$9` are its groups, `$$` a dollar sign. */
const expand = (replace: string, m: RegExpMatchArray) => replace.replace(/\$(\$|\d)/g, (_, g: string) => (g === '$' ? '$' : (m[Number(g)] ?? '')));

/**
 * The first rewrite matching at the finding's words (it may read on to the end of the clause: 招 小姑娘 2名
 * needs the count), as an edit of just what it matched. Every match that starts in the finding is rewritten
 * (全日制普通高等学校统招本科 has two study modes); each is matched in the clause, so lookaheads see what follows.
 */
function rewriteOf(layout: TextLayout, t: FixTarget): TextEdit | undefined {
  const tail = layout.text.slice(t.start, layout.clauseEnd(t.end));
  for (const { re, replace } of t.fix.rewrites) {
    re.lastIndex = 0;
    const matches = [...tail.matchAll(re)].filter((m) => m.index < t.end - t.start && m[0].length > 0);
    if (!matches.length) continue;
    let at = matches[0]!.index;
    let replacement = '';
    for (const m of matches) {
      replacement += tail.slice(at, m.index) + expand(replace, m);
      at = m.index + m[0].length;
    }
    return { start: t.start + matches[0]!.index, end: t.start + at, replacement };
  }
  return undefined;
}

/** What is left of [a, b) once the findings' own words are taken out (gaps become spaces, so words never join). */
function residueOf(text: string, a: number, b: number, spans: readonly FixTarget[]): string {
  let out = '';
  for (let i = a; i < b; i++) out += spans.some((s) => i >= s.start && i < s.end) ? ' ' : text[i];
  return out;
}

/**
 * Where a condition that shares its item with other words is cut: the words between it and the item's ends or
 * the next condition go with it when they are all filler (国内双一流或海外QS前100院校 → 院校), and so do the
 * rule's own words right next to it (985院校硕士 → 硕士).
 */
function spanRange(text: string, t: FixTarget, bounds: [number, number], isFiller: FillerTest): [number, number] {
  const [from, to] = bounds;
  let { start, end } = t;
  if (from <= start) start = isFiller(text.slice(from, start), [t.fix]) ? from : start - ownWordsAt(text.slice(from, start), t.fix.ownBefore);
  if (end <= to) end = isFiller(text.slice(end, to), [t.fix]) ? to : end + ownWordsAt(text.slice(end, to), t.fix.ownAfter);
  // A conjunction the cut leaves at the edge of what stays (基督徒或认同… → 或认同…) goes with it.
  if (start === from && end < to) end += CONJUNCTION_AFTER.exec(text.slice(end, to))?.[0].length ?? 0;
  else if (end === to && from < start) start -= CONJUNCTION_BEFORE.exec(text.slice(from, start))?.[0].length ?? 0;
  return [start, end];
}

// Not before 以上/以下 (及以上 is a degree's range) or the words these characters also begin (及时, 和谐, 与会).
const CONJUNCTIONS = '或者|或是|以及|或|及|和|与';
const CONJUNCTION_AFTER = new RegExp(`^\\s*(?:${CONJUNCTIONS})(?!以上|以下|以内|时|格|谐|蔼|会)\\s*`);
const CONJUNCTION_BEFORE = new RegExp(`\\s*(?:${CONJUNCTIONS})\\s*$`);

const ownWordsAt = (s: string, re: RegExp | undefined) => (re ? (re.exec(s.toLowerCase())?.[0].length ?? 0) : 0);

/** Each target's planned edit, or undefined when its rule gives none here (`inClause: none`). */
function plan(layout: TextLayout, targets: readonly FixTarget[], isFiller: FillerTest): (PlannedEdit | undefined)[] {
  const { text } = layout;
  const rewrites = new Map(targets.map((t) => [t, rewriteOf(layout, t)]));
  const deleting = targets.filter((t) => !rewrites.get(t)).sort((x, y) => x.start - y.start);
  return targets.map((t) => {
    const rewrite = rewrites.get(t);
    if (rewrite) return { target: t, ...rewrite, rewrite: true };
    const [a, b] = layout.itemRange(t.start, t.end);
    const inItem = deleting.filter((s) => s.start < b && s.end > a);
    const { replacement } = t.fix;
    if (isFiller(residueOf(text, a, b, inItem), inItem.map((s) => s.fix))) {
      return { target: t, start: a, end: replacement ? b : layout.noteAfter(b), replacement, rewrite: false };
    }
    if (t.fix.inClause === 'none') return undefined;
    const i = inItem.indexOf(t);
    const [start, end] = spanRange(text, t, [i > 0 ? inItem[i - 1]!.end : a, i + 1 < inItem.length ? inItem[i + 1]!.start : b], isFiller);
    return { target: t, start, end, replacement: '', rewrite: false };
  });
}

/**
 * Overlapping planned edits as one: the union of their ranges, with the distinct wordings of the deletions
 * (a rewrite inside a deletion has nothing left to rewrite). A wording repeated right after itself in the same
 * sentence (只要小伙子，妹子就不考虑了 → 男女不限，男女不限) is said once.
 */
function merge(text: string, planned: readonly PlannedEdit[]): TextEdit[] {
  const sorted = [...planned].sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: { start: number; end: number; wordings: string[]; rewrite?: string }[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.start < last.end) {
      last.end = Math.max(last.end, p.end);
      if (!p.rewrite) {
        delete last.rewrite;
        if (p.replacement && !last.wordings.includes(p.replacement)) last.wordings.push(p.replacement);
      }
      continue;
    }
    merged.push({ start: p.start, end: p.end, wordings: p.rewrite || !p.replacement ? [] : [p.replacement], ...(p.rewrite ? { rewrite: p.replacement } : {}) });
  }
  const edits = merged.map((m) => ({ start: m.start, end: m.end, replacement: m.rewrite ?? m.wordings.join('，') }));
  for (let i = 1; i < edits.length; i++) {
    const [prev, cur] = [edits[i - 1]!, edits[i]!];
    const between = text.slice(prev.end, cur.start);
    if (cur.replacement && cur.replacement === prev.replacement && [...between].every((ch) => isSeparator(ch) && ch !== '\n')) cur.replacement = '';
  }
  return edits;
}

/**
 * Shares a result edit out among the findings whose planned edits it holds: each takes its own words, and what
 * the clean-up removed between two of them (a separator, an emptied line's mark) goes with the later one, up to
 * the last line break, which ends the earlier one's line.
 */
function shareOut(text: string, edit: ResultEdit, holders: PlannedEdit[], out: Map<number, TextEdit>): void {
  // At the same start, the finding whose wording replaces the words takes them (it is the one that says why).
  holders.sort((x, y) => x.start - y.start || Number(Boolean(x.replacement)) - Number(Boolean(y.replacement)) || x.target.index - y.target.index);
  const cutBefore = (h: PlannedEdit, prev: PlannedEdit) => {
    if (h.start <= prev.end) return h.start;
    const lineBreak = text.lastIndexOf('\n', h.start - 1);
    return lineBreak >= prev.end ? lineBreak + 1 : prev.end;
  };
  const cuts = holders.map((h, i) => (i === 0 ? edit.start : Math.min(edit.end, Math.max(edit.start, cutBefore(h, holders[i - 1]!)))));
  for (let i = 1; i < cuts.length; i++) cuts[i] = Math.max(cuts[i]!, cuts[i - 1]!);
  holders.forEach((h, i) => {
    const from = cuts[i]!;
    const to = i + 1 < cuts.length ? cuts[i + 1]! : edit.end;
    let replacement = '';
    edit.insertedFrom.forEach((at, k) => {
      const mine = (i === 0 || at >= from) && (i + 1 === cuts.length || at < to);
      if (mine) replacement += edit.replacement[k];
    });
    out.set(h.target.index, { start: from, end: to, replacement });
  });
}

/**
 * An edit the clean-up made apart from any finding's (a separator the employer had doubled next to a
 * replaced item) joins the edit before it, or after it, with the text between: every edit has a finding.
 */
function joinOrphans(text: string, edits: ResultEdit[], held: (e: ResultEdit) => boolean): ResultEdit[] {
  const out: ResultEdit[] = [];
  const join = (a: ResultEdit, b: ResultEdit): ResultEdit => ({
    start: a.start,
    end: b.end,
    replacement: a.replacement + text.slice(a.end, b.start) + b.replacement,
    insertedFrom: [...a.insertedFrom, ...Array.from({ length: b.start - a.end }, (_, k) => a.end + k), ...b.insertedFrom],
  });
  let orphan: ResultEdit | undefined;
  for (const e of edits) {
    if (held(e)) {
      out.push(orphan ? join(orphan, e) : e);
      orphan = undefined;
    } else if (out.length) out[out.length - 1] = join(out[out.length - 1]!, e);
    else orphan = orphan ? join(orphan, e) : e;
  }
  return out;
}

/** Trims what the original and the replacement share at both ends: 招聘女服务员 → 招聘服务员 is `女` deleted. */
function minimal(text: string, e: TextEdit): TextEdit {
  let { start, end, replacement } = e;
  while (start < end && replacement && text[start] === replacement[0]) {
    start++;
    replacement = replacement.slice(1);
  }
  while (start < end && replacement && text[end - 1] === replacement[replacement.length - 1]) {
    end--;
    replacement = replacement.slice(0, -1);
  }
  return { start, end, replacement };
}

/** Finding index → its fix, for the findings of one field (a finding whose rule gives no fix here is absent). */
export function fieldFixes(text: string, targets: readonly FixTarget[], isFiller: FillerTest): Map<number, TextEdit> {
  const layout = new TextLayout(text);
  const planned = plan(layout, targets, isFiller).filter((p) => p !== undefined);
  if (!planned.length) return new Map();
  const holding = (e: TextEdit) => planned.filter((p) => (p.start < e.end && p.end > e.start) || (p.start === p.end && p.start === e.start));
  const result = joinOrphans(text, new EditedText(layout, merge(text, planned)).cleanSeams().edits(), (e) => holding(e).length > 0);
  const out = new Map<number, TextEdit>();
  for (const edit of result) shareOut(text, edit, holding(edit), out);
  for (const [index, e] of out) out.set(index, minimal(text, e));
  // A finding whose words another fix already takes (or whose rewrite changed nothing) has nothing left to do: an
  // empty fix at the start of the fix that takes them, so that fixes still never overlap.
  for (const t of targets) {
    if (out.has(t.index)) continue;
    const taker = result.find((e) => e.start <= t.start && t.end <= e.end);
    if (taker || planned.some((p) => p.target === t)) out.set(t.index, { start: taker?.start ?? t.start, end: taker?.start ?? t.start, replacement: '' });
  }
  return out;
}
