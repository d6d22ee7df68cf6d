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
import { blockTags, MASK_CHARS, simplifiedView, type BlockTag } from '../normalize.js';
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

/**
 * A stable sort, by insertion: the lists here hold a field's findings, a few, and Array.prototype.sort costs more
 * to set up than sorting them does.
 */
function sortInPlace<T>(list: T[], order: (x: T, y: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i;
    for (; j > 0 && order(list[j - 1]!, item) > 0; j--) list[j] = list[j - 1]!;
    list[j] = item;
  }
  return list;
}

/** A mask a word filter or the poster put in a word (normalize.ts completes the word the check reads). */
const MASKED = new RegExp(`[${MASK_CHARS}]`);

/** `replace` for one match: `$1`…`$9` are its groups, `$$` a dollar sign. */
const expand = (replace: string, m: RegExpMatchArray) => replace.replace(/\$(\$|\d)/g, (_, g: string) => (g === '$' ? '$' : (m[Number(g)] ?? '')));

/**
 * The first rewrite matching at the finding's words (it may read on to the end of the clause: 招 小姑娘 2名
 * needs the count), as an edit of just what it matched. Every match that starts in the finding is rewritten
 * (全日制普通高等学校统招本科 has two study modes); each is matched in the clause, so lookaheads see what follows.
 */
function rewriteOf(layout: TextLayout, t: FixTarget): TextEdit | undefined {
  // a rewrite reads the words, and a filter's mask hides them (全日*统招本科): such a finding goes whole
  if (!t.fix.rewrites.length || MASKED.test(layout.text.slice(t.start, t.end))) return undefined;
  const tail = layout.text.slice(t.start, layout.clauseEnd(t.end));
  const findingLength = t.end - t.start;
  for (const { re, replace } of t.fix.rewrites) {
    let first: number | undefined;
    let at = 0;
    let replacement = '';
    // The global regex's matches from the left, stepping past empty ones as matchAll does.
    re.lastIndex = 0;
    for (let m = re.exec(tail); m && m.index < findingLength; m = re.exec(tail)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (first === undefined) first = at = m.index;
      replacement += tail.slice(at, m.index) + expand(replace, m);
      at = m.index + m[0].length;
    }
    if (first !== undefined) return { start: t.start + first, end: t.start + at, replacement };
  }
  return undefined;
}

/**
 * What is left of [a, b) once the findings' own words are taken out (gaps become spaces, so words never join).
 * `spans` are sorted by start.
 */
function residueOf(text: string, a: number, b: number, spans: readonly FixTarget[]): string {
  let out = '';
  let i = a;
  for (const s of spans) {
    const start = Math.max(s.start, i);
    const end = Math.min(s.end, b);
    if (end <= start) continue;
    out += text.slice(i, start) + ' '.repeat(end - start);
    i = end;
  }
  return out + text.slice(i, b);
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
  const rewrites = targets.map((t) => rewriteOf(layout, t));
  const deleting = sortInPlace(targets.filter((_, i) => !rewrites[i]), (x, y) => x.start - y.start);
  return targets.map((t, k) => {
    const rewrite = rewrites[k];
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
  const sorted = sortInPlace([...planned], (x, y) => x.start - y.start || y.end - x.end);
  const merged: { start: number; end: number; wordings: string[]; rewrite: string | undefined }[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.start < last.end) {
      last.end = Math.max(last.end, p.end);
      if (!p.rewrite) {
        last.rewrite = undefined;
        if (p.replacement && !last.wordings.includes(p.replacement)) last.wordings.push(p.replacement);
      }
      continue;
    }
    merged.push({ start: p.start, end: p.end, wordings: p.rewrite || !p.replacement ? [] : [p.replacement], rewrite: p.rewrite ? p.replacement : undefined });
  }
  const edits = merged.map((m) => ({ start: m.start, end: m.end, replacement: m.rewrite ?? m.wordings.join('，') }));
  for (let i = 1; i < edits.length; i++) {
    const prev = edits[i - 1]!;
    const cur = edits[i]!;
    if (cur.replacement && cur.replacement === prev.replacement && onlySeparatorsBetween(text, prev.end, cur.start)) cur.replacement = '';
  }
  return edits;
}

/** Whether text[from, to) is nothing but separators on one line. */
function onlySeparatorsBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSeparator(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Shares a result edit out among the findings whose planned edits it holds: each takes its own words, and what
 * the clean-up removed between two of them (a separator, an emptied line's mark) goes with the later one, up to
 * the last line break, which ends the earlier one's line.
 */
function shareOut(text: string, edit: ResultEdit, holders: PlannedEdit[], out: Map<number, TextEdit>): void {
  // At the same start, the finding whose wording replaces the words takes them (it is the one that says why).
  sortInPlace(holders, (x, y) => x.start - y.start || Number(Boolean(x.replacement)) - Number(Boolean(y.replacement)) || x.target.index - y.target.index);
  const cuts = holders.map((h, i) => (i === 0 ? edit.start : Math.min(edit.end, Math.max(edit.start, cutBefore(text, h, holders[i - 1]!)))));
  for (let i = 1; i < cuts.length; i++) cuts[i] = Math.max(cuts[i]!, cuts[i - 1]!);
  for (let i = 0; i < holders.length; i++) {
    const first = i === 0;
    const last = i + 1 === holders.length;
    const from = cuts[i]!;
    const to = last ? edit.end : cuts[i + 1]!;
    // What was inserted goes with the holder whose part it was inserted in (before the first cut: the first's).
    let replacement = '';
    if (first && last) replacement = edit.replacement;
    else for (let k = 0; k < edit.insertedFrom.length; k++) if ((first || edit.insertedFrom[k]! >= from) && (last || edit.insertedFrom[k]! < to)) replacement += edit.replacement[k];
    out.set(holders[i]!.target.index, minimal(text, { start: from, end: to, replacement }));
  }
}

/** Where the part of a shared edit that goes with `h` starts, `prev` being the holder before it. */
function cutBefore(text: string, h: PlannedEdit, prev: PlannedEdit): number {
  if (h.start <= prev.end) return h.start;
  const lineBreak = text.lastIndexOf('\n', h.start - 1);
  return lineBreak >= prev.end ? lineBreak + 1 : prev.end;
}

/**
 * An edit the clean-up made apart from any finding's (a separator the employer had doubled next to a
 * replaced item) joins the edit before it, or after it, with the text between: every edit has a finding.
 */
function joinOrphans(text: string, edits: ResultEdit[], held: (e: ResultEdit) => boolean): ResultEdit[] {
  const out: ResultEdit[] = [];
  let orphan: ResultEdit | undefined;
  for (const e of edits) {
    if (held(e)) {
      out.push(orphan ? joined(text, orphan, e) : e);
      orphan = undefined;
    } else if (out.length) out[out.length - 1] = joined(text, out[out.length - 1]!, e);
    else orphan = orphan ? joined(text, orphan, e) : e;
  }
  return out;
}

/** Edit a, the text between, then edit b, as one edit. */
function joined(text: string, a: ResultEdit, b: ResultEdit): ResultEdit {
  return {
    start: a.start,
    end: b.end,
    replacement: a.replacement + text.slice(a.end, b.start) + b.replacement,
    insertedFrom: [...a.insertedFrom, ...Array.from({ length: b.start - a.end }, (_, k) => a.end + k), ...b.insertedFrom],
  };
}

/** Trims what the original and the replacement share at both ends: 招聘女服务员 → 招聘服务员 is `女` deleted. */
function minimal(text: string, e: TextEdit): TextEdit {
  let { start, end, replacement } = e;
  if (!replacement) return e;
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

/**
 * A rich-text ad's block tags (<br/>, <p>) are its line breaks, which the layout reads as words: an edit that starts or
 * ends with one leaves it, as a plain text's fix leaves its line break (包吃住。<br/>要求：女性优先 keeps the <br/>).
 */
function clearOfMarkup<E extends TextEdit>(text: string, tags: readonly BlockTag[], edits: E[]): E[] {
  if (!tags.length) return edits;
  return edits.map((e) => {
    let { start, end } = e;
    for (let moved = true; moved; ) {
      moved = false;
      for (const { start: s, end: t } of tags) {
        if (s === start && t <= end) [start, moved] = [t, true];
        else if (t === end && s >= start) [end, moved] = [s, true];
      }
    }
    return start === e.start && end === e.end ? e : { ...e, start, end: Math.max(start, end) };
  });
}

/** What a block may keep and still be empty: spaces and the separators between items. */
const EMPTY_BLOCK = /^[\s\u3000，,、；;。.:：!！?？]*$/;
const MARKUP = /<[^<>]*>/g;

/**
 * A rich-text block the fixes leave empty or holding only separators (<p>限男性</p>, <div>身高165cm以上，形象气质佳</div>)
 * goes whole, as plain text's clean-up drops a line left empty: with both its tags where they pair (<li>…</li>), or
 * with the <br> that ends it. A container whose blocks all go (<ul><li>限男性</li></ul>) then goes too.
 */
function dropEmptiedBlocks(text: string, blocks: readonly BlockTag[], edits: ResultEdit[]): ResultEdit[] {
  // the text's ends bound its first and last lines (限男性<br>五险一金)
  const tags = [{ start: 0, end: 0, name: '', closing: false }, ...blocks, { start: text.length, end: text.length, name: '', closing: true }];
  let out = edits;
  for (const [before, after] of [...tags.slice(1).map((t, k) => [tags[k]!, t] as const), ...containers(blocks)]) {
    if (after.start <= before.end) continue;
    const inside = out.filter((e) => e.start >= before.end && e.end <= after.start);
    if (!inside.length || inside.some((e) => e.replacement) || out.some((e) => e.start < after.start && e.end > before.end && !inside.includes(e))) continue;
    let rest = '';
    let at = before.end;
    for (const e of inside) [rest, at] = [rest + text.slice(at, e.start), e.end];
    // the tags a container still holds are empty too once their blocks' words are gone (<ul><li></li></ul>)
    if (!EMPTY_BLOCK.test((rest + text.slice(at, after.start)).replace(MARKUP, ''))) continue;
    const paired = !before.closing && after.closing && before.name === after.name;
    const span: [number, number] | undefined = paired ? [before.start, after.end] : after.name === 'br' ? [before.end, after.end] : before.name === 'br' ? [before.start, after.start] : undefined;
    if (!span) continue;
    out = [...out.filter((e) => !inside.includes(e)), { start: span[0], end: span[1], replacement: '', insertedFrom: [] }].sort((x, y) => x.start - y.start);
  }
  return out;
}

/** Each opening block tag with the tag that closes it, where other tags lie between (<ul> … </ul>), innermost first. */
function containers(blocks: readonly BlockTag[]): [BlockTag, BlockTag][] {
  const open: number[] = [];
  const out: [number, number][] = [];
  blocks.forEach((tag, k) => {
    if (!tag.closing) {
      // <br> and <hr> stand alone: they open nothing
      if (tag.name !== 'br' && tag.name !== 'hr') open.push(k);
      return;
    }
    let i = open.length - 1;
    while (i >= 0 && blocks[open[i]!]!.name !== tag.name) i--;
    if (i < 0) return;
    if (k - open[i]! > 1) out.push([open[i]!, k]);
    open.length = i;
  });
  return out.sort((a, b) => a[1] - a[0] - (b[1] - b[0])).map(([i, k]) => [blocks[i]!, blocks[k]!]);
}

/** Whether the result edit `e` holds the planned edit `p` (overlaps it, or is where it inserts). */
const holds = (p: PlannedEdit, e: TextEdit) => (p.start < e.end && p.end > e.start) || (p.start === p.end && p.start === e.start);

/** Finding index → its fix, for the findings of one field (a finding whose rule gives no fix here is absent). */
export function fieldFixes(original: string, targets: readonly FixTarget[], isFiller: FillerTest): Map<number, TextEdit> {
  // the lexicons' fix data is simplified: a traditional ad is read in a simplified view with the same offsets
  const text = simplifiedView(original);
  const layout = new TextLayout(text);
  const planned = plan(layout, targets, isFiller).filter((p) => p !== undefined);
  if (!planned.length) return new Map();
  const tags = blockTags(text);
  const cleaned = clearOfMarkup(text, tags, joinOrphans(text, new EditedText(layout, merge(text, planned)).cleanSeams().edits(), (e) => planned.some((p) => holds(p, e))));
  const result = tags.length ? dropEmptiedBlocks(text, tags, cleaned) : cleaned;
  const out = new Map<number, TextEdit>();
  for (const edit of result) shareOut(text, edit, planned.filter((p) => holds(p, edit)), out);
  // A finding whose words another fix already takes (or whose rewrite changed nothing) has nothing left to do: an
  // empty fix at the start of the fix that takes them, so that fixes still never overlap.
  for (const t of targets) {
    if (out.has(t.index)) continue;
    const taker = result.find((e) => e.start <= t.start && t.end <= e.end);
    if (taker || planned.some((p) => p.target === t)) out.set(t.index, { start: taker?.start ?? t.start, end: taker?.start ?? t.start, replacement: '' });
  }
  return out;
}
