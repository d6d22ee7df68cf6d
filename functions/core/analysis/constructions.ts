/**
 * Constructions: a protected attribute and an operator in one clause make a finding.
 *
 * Word order is free (限汉族 / 汉族优先), lists count as one attribute (彝族、藏族、苗族一律不要), and up to
 * `gap` characters may stand between attribute and operator (modifiers, brackets, 的朋友们这次就先). A
 * neutral word next to the attribute (男女不限, 本市、外地户籍均可) cancels it.
 */
import type { TermHit } from '../scan/term-index.js';
import { fieldHasAny, hasAnyTag, type FieldAnalysis } from './field-analysis.js';

export interface CompiledConstruction {
  attribute: string[];
  suffix: string[];
  before: string[];
  after: string[];
  keys: string[];
  bare: boolean;
  notBefore: string[];
  neutral: string[];
  gapBreaker: string[];
  /** The attribute tags of every construction: a bare item may list several (未婚女性, 已婚已育宝妈). */
  anyAttribute: string[];
  gap: number;
}

/** Characters that join attributes into a list, or pad a bare item (男性， / （汉族） / 的). */
const JOINER = /^[、/和及与或\s]{1,2}$/;
const BARE_FILLER = /[\s:;.、()（）【】\[\]\d的者性人员均都者必须需要求限优先]/g;
const KEY_LINK = /^\s*(?:[:为是]|要|需|须|得是|必须是)?\s*$/;

interface AttributeGroup {
  start: number;
  end: number;
}

/**
 * The attribute words of one clause joined into groups: adjacent words (四川凉山) and lists (新疆、西藏) are one
 * group, and a suffix (籍, 人, 户口) after the group applies to all of it (四川凉山、贵州毕节籍勿扰).
 */
function attributeGroups(a: FieldAnalysis, hits: TermHit[], c: CompiledConstruction): AttributeGroup[] {
  const { text } = a.n;
  const groups: AttributeGroup[] = [];
  for (const hit of hits) {
    if (!hasAnyTag(hit, c.attribute)) continue;
    const last = groups[groups.length - 1];
    if (last && hit.start >= last.end && (hit.start === last.end || JOINER.test(text.slice(last.end, hit.start)))) last.end = hit.end;
    else if (!last || hit.start >= last.end) groups.push({ start: hit.start, end: hit.end });
  }
  const out: AttributeGroup[] = [];
  for (const g of groups) {
    let end = g.end;
    if (c.suffix.length) {
      const suffix = hits.find((h) => h.start === g.end && hasAnyTag(h, c.suffix));
      if (!suffix) continue;
      end = suffix.end;
    }
    if (c.notBefore.length && hits.some((h) => h.start === end && hasAnyTag(h, c.notBefore))) continue;
    // A one-character word (男, 女) or a suffixed group must stand on word boundaries: 男装, 河南人民医院 do not count.
    if ((g.end - g.start === 1 || c.suffix.length) && !(a.boundaries.isBoundary(g.start, 'start') && a.boundaries.isBoundary(end, 'end'))) continue;
    out.push({ start: g.start, end });
  }
  return out;
}

export function matchConstruction(a: FieldAnalysis, c: CompiledConstruction): [number, number][] {
  const out: [number, number][] = [];
  const { text } = a.n;
  if (!fieldHasAny(a, c.attribute)) return out;
  for (let i = 0; i < a.clauses.length; i++) {
    const clause = a.clauses[i]!;
    const hits = a.clauseHits[i]!;
    if (!hits.some((h) => hasAnyTag(h, c.attribute))) continue;
    for (const g of attributeGroups(a, hits, c)) {
      if (neutralNextTo(text, hits, g.start, g.end, c.neutral)) continue;
      // 需能讲解汉传佛教: a verb between operator and attribute makes the attribute a task or a skill.
      const clear = (from: number, to: number) => !hits.some((h) => h.start >= from && h.end <= to && hasAnyTag(h, c.gapBreaker));
      // An operator before an opening bracket or a list separator belongs to another item (优先（安捷伦气质联用仪）, 端正、皮肤好).
      const sameItem = (from: number, to: number) => !/[(、]/.test(text.slice(from, to));
      const before = hits.find((h) => h.end <= g.start && g.start - h.end <= c.gap && hasAnyTag(h, c.before) && clear(h.end, g.start) && sameItem(h.end, g.start));
      const after = hits.find((h) => h.start >= g.end && h.start - g.end <= c.gap && hasAnyTag(h, c.after) && clear(g.end, h.start));
      const key = hits.find((h) => h.end <= g.start && hasAnyTag(h, c.keys) && KEY_LINK.test(text.slice(h.end, g.start)));
      if (before || after || key) {
        out.push([Math.min(g.start, (before ?? key)?.start ?? g.start), Math.max(g.end, after?.end ?? g.end)]);
      } else if (c.bare && isBare(text, clause.start, clause.end, g, hits, c.anyAttribute)) {
        out.push([g.start, g.end]);
      }
    }
  }
  return out;
}

/** What may stand between an attribute and the neutral word about it: 本地户籍的也可以, 汉族者均可. */
const NEUTRAL_FILLER = /^[的者人员也都、]{0,2}$/;

/**
 * A neutral word right after the range (本地户籍都可以, 已婚未婚均可) or right before it (不限民族): the writer
 * names the attribute to say it does not matter. Only the neighbouring words count: in 18-45岁男女不限 the
 * 不限 is about 男女, not the age.
 */
export function neutralNextTo(text: string, hits: readonly TermHit[], start: number, end: number, neutral: readonly string[]): boolean {
  return hits.some(
    (h) =>
      hasAnyTag(h, neutral) &&
      ((h.start >= end && NEUTRAL_FILLER.test(text.slice(end, h.start))) || (h.end <= start && NEUTRAL_FILLER.test(text.slice(h.end, start)))),
  );
}

/**
 * The attribute is the whole clause but for fillers, symbols and other attributes: `男性，20-35岁`, `（汉族）`,
 * `已婚的`, `✅已婚已育`, `3.未婚女性`.
 */
function isBare(text: string, start: number, end: number, g: AttributeGroup, hits: TermHit[], anyAttribute: readonly string[]): boolean {
  const chars = [...text.slice(start, end)].map((ch, i) => (start + i >= g.start && start + i < g.end ? '' : ch));
  for (const h of hits) if (hasAnyTag(h, anyAttribute)) for (let i = h.start; i < h.end; i++) chars[i - start] = '';
  const rest = chars.join('').replace(BARE_FILLER, '').replace(/[^\u3400-\u9fffa-z0-9]/g, '');
  return rest.length === 0;
}
