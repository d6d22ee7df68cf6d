/**
 * Constructions: a protected attribute and an operator in one clause make a finding.
 *
 * Word order is free (限汉族 / 汉族优先), lists count as one attribute (彝族、藏族、苗族一律不要), and up to
 * `gap` characters may stand between attribute and operator (modifiers, brackets, 的朋友们这次就先). A
 * neutral word next to the attribute (男女不限, 本市、外地户籍均可) cancels it.
 */
import type { TermHit } from '../scan/term-index.js';
import { clausesWith, hasAnyTag, type FieldAnalysis } from './field-analysis.js';
import { OPERATOR_TAG, RESTRICT_TAG } from './roles.js';
import { bracketAround, CLOSING_BRACKETS, OPENING_BRACKETS } from '../segments.js';

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
  /** Longer words that hold an attribute word and are something else (女性角色, 企业形象). */
  hide: string[];
  /** The attribute tags of every construction: a bare item may list several (未婚女性, 已婚已育宝妈). */
  anyAttribute: string[];
  gap: number;
}

/** Characters that join attributes into a list, or pad a bare item (男性， / （汉族） / 的). */
const JOINER = /^的?[、/和及与或\s]{1,2}$/;
const BARE_FILLER = /[\s:;.、()（）【】\[\]\d的者性人员均都者必须需要求限优先]/g;
const KEY_LINK = /^\s*(?:[:为是]|要|需|须|[需须应]为|得是|必须[是为])?\s*$/;

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
    // An operator right after the suffix ends it, where the tokenizer glued the two (莆田|人勿扰, 人免|谈).
    if (
      (g.end - g.start === 1 || c.suffix.length) &&
      !(a.boundaries.isBoundary(g.start, 'start') && (a.boundaries.isBoundary(end, 'end') || (c.suffix.length > 0 && hits.some((h) => h.start === end && hasAnyTag(h, c.after)))))
    )
      continue;
    out.push({ start: g.start, end });
  }
  return out;
}

/**
 * Whether attribute and operator are within `gap` characters, where an English word counts as one and the spaces
 * around it as none: 女性 teachers 优先 (female teachers preferred) is as close as 女性老师优先; and a bracket closed
 * before the operator details the attribute, so what it holds counts as nothing: 属猪、属鼠的（95、96年）优先. Most
 * gaps are short enough by plain count; only longer ones are walked, and only until they pass the limit.
 */
function withinGap(text: string, from: number, to: number, gap: number): boolean {
  if (to - from <= gap) return true;
  let length = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) continue;
    if (code === 0x28) {
      const close = text.indexOf(')', i);
      if (close > i && close < to) {
        i = close;
        continue;
      }
    }
    if (code >= 0x61 && code <= 0x7a) {
      while (i + 1 < to && text.charCodeAt(i + 1) >= 0x61 && text.charCodeAt(i + 1) <= 0x7a) i++;
    }
    if (++length > gap) return false;
  }
  return true;
}

/**
 * Qualities ending in 的 describe the attribute after them (更适合细心、耐心的女孩子, 适合能吃苦的男生): a list of them
 * is one item, and a verb among them describes the person, not a task.
 */
const QUALITIES_OF = /^[^(（,，]{1,8}的$/;
const isOperator = (h: TermHit) => h.tags.has(OPERATOR_TAG) || h.tags.has(RESTRICT_TAG);
/** An operator word (要求, 更适合) then qualities of the person it asks for, however long the list. */
const describedBy = (text: string, operator: TermHit, attributeStart: number) => isOperator(operator) && QUALITIES_OF.test(text.slice(operator.end, attributeStart));
/** A preposition right before the attribute makes it a companion (需要和男同事合住), not the applicant. */
const WITH = /[和跟与同]$/;

/**
 * After the attribute, a label's bracket closed (【残疾人福利】持证即可) ends the attribute's part, and one opened after
 * other words and left open (纹身师学徒（不收学费）) holds an aside about them. A bracket right after it holds its
 * operator (汉族（必须）), and one closed before the operator details it (乙肝（小三阳）勿扰).
 */
function bracketAside(gap: string): boolean {
  let open = -1;
  for (let i = 0; i < gap.length; i++) {
    if (OPENING_BRACKETS.includes(gap[i]!)) open = i;
    else if (CLOSING_BRACKETS.includes(gap[i]!)) {
      // a label or a name closed: 【残疾人福利】 (round brackets close an attribute's details: 少数民族（回族、维族等）请勿报名)
      if (open < 0 && gap[i] !== ')') return true;
      open = -1;
    }
  }
  // still open at the operator, after other words: the operator is inside the aside
  return open > 0 && gap.slice(0, open).trim() !== '';
}

/**
 * Nothing between operator and attribute that unbinds them: a verb makes the attribute a task or a skill
 * (需能讲解汉传佛教); before the attribute, an opening bracket or a list separator starts another item
 * (优先（安捷伦气质联用仪）, 端正、皮肤好); after it, a bracketed aside (bracketAside).
 */
function gapIsClear(text: string, hits: readonly TermHit[], c: CompiledConstruction, from: number, to: number, operatorFirst: boolean): boolean {
  const gap = text.slice(from, to);
  if (operatorFirst && (/[(、]/.test(gap) || WITH.test(gap))) return false;
  if (!operatorFirst && bracketAside(gap)) return false;
  return !hits.some((h) => h.start >= from && h.end <= to && hasAnyTag(h, c.gapBreaker));
}

/**
 * An exclusion or preference written as a label (不招：少数民族、新疆西藏籍、四川凉山的) governs every item of the
 * list after it. A requirement label (要求：) heads lists of anything, skills included, and keeps the usual gap.
 */
const LABEL_COLON = /^\s*:/;
const labelGoverns = (text: string, hits: readonly TermHit[], c: CompiledConstruction, operator: TermHit, to: number) =>
  operator.tags.has(OPERATOR_TAG) &&
  LABEL_COLON.test(text.slice(operator.end, to)) &&
  !hits.some((h) => h.start >= operator.end && h.end <= to && hasAnyTag(h, c.gapBreaker));

export function matchConstruction(a: FieldAnalysis, c: CompiledConstruction): [number, number][] {
  const out: [number, number][] = [];
  const { text } = a.n;
  for (const i of clausesWith(a, c.attribute)) {
    const clause = a.clauses[i]!;
    const hits = a.clauseHits[i]!;
    for (const g of attributeGroups(a, hits, c)) {
      if (neutralNextTo(text, hits, g.start, g.end, c.neutral)) continue;
      let before: TermHit | undefined;
      let after: TermHit | undefined;
      let key: TermHit | undefined;
      for (const h of hits) {
        // the nearest operator before the attribute: 要求：限本地户口 is bound by 限
        if (
          h.end <= g.start &&
          hasAnyTag(h, c.before) &&
          ((withinGap(text, h.end, g.start, c.gap) && gapIsClear(text, hits, c, h.end, g.start, true)) || describedBy(text, h, g.start) || labelGoverns(text, hits, c, h, g.start))
        ) {
          before = h;
        }
        if (!after && h.start >= g.end && hasAnyTag(h, c.after) && withinGap(text, g.end, h.start, c.gap) && gapIsClear(text, hits, c, g.end, h.start, false)) after = h;
        if (!key && h.end <= g.start && hasAnyTag(h, c.keys) && KEY_LINK.test(text.slice(h.end, g.start))) key = h;
      }
      after ??= before || key ? undefined : operatorClauseAfter(a, i, g, c);
      if (before || after || key) {
        // an operator written as a label (报名条件：女性优先) heads the condition but is not part of it
        const head = before && LABEL_COLON.test(text.slice(before.end, g.start)) ? undefined : (before ?? key);
        out.push([Math.min(g.start, head?.start ?? g.start), Math.max(g.end, after?.end ?? g.end)]);
      } else if (c.bare && (isBare(text, clause.start, clause.end, g, hits, c.anyAttribute) || bareInBracket(text, g, hits, c.anyAttribute))) {
        out.push([g.start, g.end]);
      }
    }
  }
  return out;
}

/** What may follow an attribute that ends its clause (乙肝携带者，…; 信回教的，…; 少数民族的朋友请谅解，…). */
const CLAUSE_END_FILLER = /^(?:的|者)?(?:人员|人士|朋友们?|同胞|们)?(?:请谅解|请见谅|见谅|抱歉)?\s*$/;
/** What may stand around the operator of a clause that is nothing but an operator (，一律不要 / ，恕不延聘 / ，这次不在考虑范围内 / ，我们也没法安排). */
const OPERATOR_CLAUSE_FILLER = /^\s*(?:一律|一概|均|都|概|全部|统统|请|就|也|则|恕|这次|这份工作|这个岗位|我们|可能|恐怕|你|您)*\s*$/;

/**
 * 乙肝携带者，一律不要 / 凡奉回教者，恕不延聘: an attribute that ends its clause, and a next clause of the same
 * sentence that is nothing but an exclusion or preference, are one condition written across a comma.
 */
function operatorClauseAfter(a: FieldAnalysis, i: number, g: AttributeGroup, c: CompiledConstruction): TermHit | undefined {
  const clause = a.clauses[i]!;
  const next = a.clauses[i + 1];
  const { text } = a.n;
  if (!next || next.sentenceStart !== clause.sentenceStart || !CLAUSE_END_FILLER.test(text.slice(g.end, clause.end))) return undefined;
  const operator = a.clauseHits[i + 1]!.find((h) => hasAnyTag(h, c.after));
  if (!operator || !OPERATOR_CLAUSE_FILLER.test(text.slice(next.start, operator.start)) || !OPERATOR_CLAUSE_FILLER.test(text.slice(operator.end, next.end).replace(/[。.!！]$/, ''))) return undefined;
  return operator;
}

/** What may stand between an attribute and the neutral word about it: 本地户籍的也可以, 汉族者均可, 年逾六旬者亦不拒之门外. */
const NEUTRAL_FILLER = /^(?:周岁|岁)?[的者人员也都亦、]{0,2}$/;
/**
 * …or a comma, when the neutral word opens the next clause with a word for all of them: 已婚未婚，均可应聘 (a
 * bare 女性，欢迎加入 stays a condition).
 */
const ACROSS_COMMA = /^[的者人员]?\s*[,，]\s*$/;
export const NEUTRAL_FOR_ALL = /^[均皆都亦也]/;
/**
 * …or the rest of a list the neutral word closes: 学生、已婚女性、退休人士都欢迎 welcomes every item. A space ends the
 * attribute's item: in 急招男普工 日结/月结均可 the list is another one.
 */
const LIST_THEN_NEUTRAL = /^[^，。；,;:：\n、/\s]{0,4}(?:[、/][^，。；,;:：\n、/]{1,6})+[的者人员也都]{0,2}$/;
/**
 * …or the rest of a list written without separators, when the neutral word is one for all (宝妈学生退休人员都可以来):
 * a few Chinese characters, and no operator from the attribute on (宝妈优先其他人都可以 keeps its 优先).
 */
const UNSEPARATED_LIST = /^[\u3400-\u9fff]{2,8}$/;
/**
 * A neutral word that negates (不限, 无要求): only such a word before a bound makes it neutral. 没关系 says the
 * attribute before it is fine (年纪大点没关系50岁以内都行), not that the bound after it does not hold.
 */
const NEGATION = /^(?:[不无非]|没(?!关系|问题))/;
/** Words that take everyone when they follow a list (男的女的都要) but demand when they lead (本硕都要211以上). */
const TAKES_ALL = /^(?:都要|均要|全要|都得|都须|均须)$/;
/**
 * An upper bound, a range, a generation or a birth year: what follows it (50岁以下都可以, 18-50岁都可以, 45岁前都可以,
 * 85后90后都可以, 80年后出生的都可以)
 * says who is welcome within it, not that it does not matter.
 */
const UPPER_BOUND = /(?:以下|以内|之内|往下|\d\s*(?:周岁|岁)\s*(?:前|之前|以前)|\d\s*(?:周岁|岁)?\s*-\s*\d{1,2}\s*(?:周岁|岁)?|(?<![\d.])\d{2}后|\d\s*年\s*(?:以后|之后|后)\s*(?:出生|生人|生的|生))$/;

/**
 * A neutral word right after the range (本地户籍都可以, 已婚未婚均可) or right before it (不限民族): the writer
 * names the attribute to say it does not matter. Only the neighbouring words count: in 18-45岁男女不限 the
 * 不限 is about 男女, not the age. A bound is not made neutral by a welcome before it (欢迎18-27岁的有志青年
 * welcomes only them), only by a negation (不限).
 */
export function neutralNextTo(text: string, hits: readonly TermHit[], start: number, end: number, neutral: readonly string[]): boolean {
  const bounded = UPPER_BOUND.test(text.slice(start, end));
  return hits.some(
    (h) =>
      hasAnyTag(h, neutral) &&
      // a match inside the neutral words (全日制学历 in 欢迎非全日制学历), or neutral words right after or before it
      ((h.start <= start && h.end >= end) ||
        (h.start >= end &&
          !bounded &&
          !NAMES_ANOTHER_CONDITION.test(text.slice(end, h.start)) &&
          (NEUTRAL_FILLER.test(text.slice(end, h.start)) || LIST_THEN_NEUTRAL.test(text.slice(end, h.start)) || (NEUTRAL_FOR_ALL.test(text[h.start]!) && (ACROSS_COMMA.test(text.slice(end, h.start)) || unseparatedList(text, hits, start, end, h.start))))) ||
        (h.end <= start &&
          NEUTRAL_FILLER.test(text.slice(h.end, start)) &&
          (!bounded || NEGATION.test(text.slice(h.start, h.end))) &&
          !TAKES_ALL.test(text.slice(h.start, h.end)) &&
          !NAMES_ANOTHER_CONDITION.test(text.slice(Math.max(0, h.start - 2), h.start)))),
  );
}

/**
 * 男女不限18-42周岁, 50周岁内男女都行: a 不限 or 都行 right after the name of another condition leaves free that one,
 * not the words on its other side.
 */
const NAMES_ANOTHER_CONDITION = /(?:男女|性别|学历|婚否|婚姻|户籍|民族|经验|专业)$/;

const unseparatedList = (text: string, hits: readonly TermHit[], start: number, end: number, to: number) =>
  UNSEPARATED_LIST.test(text.slice(end, to)) && !hits.some((h) => h.start >= start && h.end <= to && isOperator(h));

const QUALITIES_BEFORE = /^[\s\d、.()（）]*[\u3400-\u9fff]{2,6}的$/;

/** A bracket holding nothing but the attribute is an item of its own, as a clause is (新媒体运营（95后）). */
function bareInBracket(text: string, g: AttributeGroup, hits: TermHit[], anyAttribute: readonly string[]): boolean {
  const bracket = bracketAround(text, g.start, g.end);
  return bracket !== undefined && isBare(text, bracket[0] + 1, bracket[1], g, hits, anyAttribute);
}

/**
 * The attribute is the whole clause but for fillers, symbols and other attributes: `男性，20-35岁`, `（汉族）`,
 * `已婚的`, `✅已婚已育`, `3.未婚女性`, `朝气蓬勃的90后男生`.
 */
function isBare(text: string, start: number, end: number, g: AttributeGroup, hits: TermHit[], anyAttribute: readonly string[]): boolean {
  // qualities of the person before the item describe it (朝气蓬勃的90后男生): the item is still bare
  const from = QUALITIES_BEFORE.test(text.slice(start, g.start)) ? start : g.start;
  const chars = [...text.slice(start, end)].map((ch, i) => (start + i >= from && start + i < g.end ? '' : ch));
  for (const h of hits) if (hasAnyTag(h, anyAttribute)) for (let i = h.start; i < h.end; i++) chars[i - start] = '';
  const rest = chars.join('').replace(BARE_FILLER, '').replace(/[^\u3400-\u9fffa-z0-9]/g, '');
  return rest.length === 0;
}
