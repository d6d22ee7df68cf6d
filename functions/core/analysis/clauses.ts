/**
 * Splits a normalised field into clauses, sentences and sections.
 *
 * A clause ends at ，。；！？, a line break, or a space between Chinese words (colloquial posts separate items
 * with spaces). A section starts at a header line (`岗位职责：`, `【任职要求】`, `二、福利待遇`) and runs to the
 * next header: real ads say by their layout whether a line is a duty, a requirement or a perk. A header with its
 * content on its own line (`工作内容：展台站位、走秀`) holds that line and the list items under it, not the plain
 * lines after (`拍摄费1280元` two lines down is not a duty).
 */
import type { TermHit } from '../scan/term-index.js';
import { endsClause, endsSentence, scopeRange } from '../segments.js';
import { isHanCode } from '../han.js';

export const SECTIONS = ['duty', 'requirement', 'perk', 'company', 'notice', 'warning'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Clause {
  start: number;
  end: number;
  /** The sentence (between 。；！？ and line breaks) holding the clause. */
  sentenceStart: number;
  sentenceEnd: number;
  section: Section | undefined;
}

/**
 * What may stand before a header word on its line: spaces, brackets, emoji bullets (📋 工作：), list numbers (1. 一、
 * (二); ① is `;` by now) and a few characters that qualify it (申请条件, 招募要求, 三、薪酬福利).
 */
const HEADER_LEAD = /^[\s;【\[(（#*\p{Extended_Pictographic}\ufe0f]*(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十\d]{1,2}[)）])?[\s【\[]*[\u3400-\u9fff]{0,4}$/u;
/** What may follow it: a closing bracket, then a colon or the end of the line. */
const HEADER_TAIL = /^[\s】\])）]*(?::|$)/;
/**
 * …and what makes one a header even where a line's layout was lost (…合作单位职位要求：1.大专以上学历, …与客户对账职位要求:-全日制本科):
 * a colon, then a list number or a bullet.
 */
const LIST_AFTER = /^[\s】\])）]*:\s*(?:;|[-•·*●▪◆■])/;
/** A space after a word or a figure, before a header set off as an item of a post flattened with spaces. */
const SPACED_BEFORE = /[\u3400-\u9fff\d] $/;
/** …and the header's colon right after it. */
const COLON_AFTER = /^[】\])）]?:/;

const SECTION_TAGS = SECTIONS.map((s) => [s, `section:${s}`] as const);

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** 8,000-12,000: a comma between a figure and three digits is part of the number. */
const isThousandsSeparator = (text: string, i: number) =>
  isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4));

/** Characters that continue a figure across a space (35 岁, 500 元): the space does not end the item. */
const UNIT_AFTER_FIGURE = new Set([...'岁周元块人名个位年月天日时小万千百米斤吨号次件单以多左']);

/** A bracketed label after a space (…保障规划 【任职资格】22-45周岁): a one-line post's next item. */
const OPEN_LABEL = '【'.charCodeAt(0);

/** An age with its unit (60岁以下, 18-35周岁): an item of its own, whatever stands before it. */
const AGE_ITEM = /^\d{1,2}(?:-\d{1,2})?\s*(?:周岁|岁)/;

/**
 * A space separates clauses when it stands between Chinese characters or after one, after a figure and before
 * a Chinese word that is not its unit (入职交押金500 干满半年退: posts separate items with spaces), or after a
 * word and before an age (本社区居民 60岁以下) or a bracketed label (规划 【任职资格】); a bare figure after a word is
 * its value (年龄 35以下).
 */
function isSeparatingSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x20 && c !== 0x09) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  if (isHanCode(before)) return isHanCode(after) || after === 0x20 || after === OPEN_LABEL || (isDigit(after) && AGE_ITEM.test(text.slice(i + 1, i + 10)));
  return isDigit(before) && isHanCode(after) && !UNIT_AFTER_FIGURE.has(text[i + 1]!);
}

/** Where a section starts, or (section undefined) where the inline header at `closes` stops holding lines. */
interface SectionMark {
  at: number;
  section: Section | undefined;
  closes?: number;
  /** Where the sentence before an inline header ends: the header does not belong to the text it is glued to. */
  splitsAt?: number;
}

/**
 * The section each header hit opens: a hit tagged `section:<name>` that stands alone on its line start
 * (after list numbers or brackets) and is followed by a colon or the line's end;
 * in order, with the ends of inline headers' lists.
 */
function headers(text: string, byTag: ReadonlyMap<string, readonly TermHit[]>, warningTag: string): SectionMark[] {
  const out: SectionMark[] = [];
  // 请同学们警惕以下情形： — a line that warns and ends with a colon opens a list of warnings.
  for (const hit of byTag.get(warningTag) ?? []) {
    let lineEnd = text.indexOf('\n', hit.end);
    if (lineEnd < 0) lineEnd = text.length;
    if (/:\s*$/.test(text.slice(hit.end, lineEnd))) out.push({ at: hit.start, section: 'warning' });
  }
  for (const [section, tag] of SECTION_TAGS) {
    for (const hit of byTag.get(tag) ?? []) {
      if (hit.tags.has(warningTag)) continue;
      // a header may also open a sentence of a run-on line (招门店专员。工作内容：…。任职要求：…)
      const [lineStart, statementEnd] = scopeRange(text, hit.start, hit.end, 'statement');
      let lineEnd = text.indexOf('\n', hit.end);
      if (lineEnd < 0) lineEnd = text.length;
      const opensList = LIST_AFTER.test(text.slice(hit.end, hit.end + 4));
      // …or a clause of one, with its colon, when no other label follows in its sentence (健身房招前台一名，工作内容：接待会员，…;
      // not a flattened post's 岗位：…，工作内容：… 要求：… 服务费：…)
      const afterComma =
        COMMA_BEFORE.test(text.slice(lineStart, hit.start)) && INLINE_CONTENT.test(text.slice(hit.end, lineEnd)) && !LABEL.test(text.slice(hit.end + 1, statementEnd));
      // …or a bracketed label anywhere in a line (…收市工作【职位要求】1.年满18周岁…: a post flattened onto one line)
      const bracketed = text[hit.start - 1] === '【' && text[hit.end] === '】';
      // …or a label with its colon set off by a space, as its own item of a post flattened with spaces (…及时上报 任职要求： 1 限汉族)
      const colonAfter = COLON_AFTER.test(text.slice(hit.end, hit.end + 3));
      const spaced = colonAfter && SPACED_BEFORE.test(text.slice(Math.max(0, hit.start - 2), hit.start));
      // (a header word of four characters or more: 要求 inside 职位要求 is not glued to 职位)
      const long = hit.end - hit.start >= 4;
      const gluedToWord = long && hit.start > lineStart && isHanCode(text.charCodeAt(hit.start - 1));
      // …or a label with its colon glued to the last item of a labelled section on its line, a post whose line breaks
      // were lost (工作职责：…评估投放效果任职资格：本科以上学历)
      const afterLabel = colonAfter && gluedToWord && text.slice(lineStart, hit.start).includes(':');
      if (!bracketed && (!(HEADER_LEAD.test(text.slice(lineStart, hit.start)) || opensList || afterComma || spaced || afterLabel) || !HEADER_TAIL.test(text.slice(hit.end, lineEnd)))) continue;
      // a header glued to the text before it, in brackets, set off by a space or opening a list (…反馈给研发【职位要求】,
      // …及时上报 任职要求：, …对账职位要求:-全日制): the sentence before it ends at the bracket, the space or the header word
      const glued = bracketed || (spaced && long) ? hit.start - 1 : (opensList || afterLabel) && gluedToWord ? hit.start : undefined;
      out.push({ at: hit.start, section, splitsAt: glued });
      // a header inside a line holds its sentence; one opening a line, its line and the list under it
      if (afterComma || (lineStart > 0 && text[lineStart - 1] !== '\n')) out.push({ at: Math.min(text.length, statementEnd + 1), section: undefined, closes: hit.start });
      else if (INLINE_CONTENT.test(text.slice(hit.end, lineEnd))) out.push({ at: endOfList(text, lineEnd), section: undefined, closes: hit.start });
    }
  }
  // A heading of a kind not listed (【加入方式】, 收益模式：, 加入方式：首次拿货…) ends the section before it: what follows
  // is no longer duties.
  for (let m = OTHER_HEADING.exec(text); m; m = OTHER_HEADING.exec(text)) {
    const at = m.index + m[0].length - m[0].trimStart().length;
    if (!out.some((h) => h.at >= at && h.at < at + m![0].length)) out.push({ at, section: undefined });
  }
  out.sort((a, b) => a.at - b.at);
  // An end stands only while its header is the last one opened (a later header has ended it already).
  let opened = -1;
  return out.filter((m) => {
    if (m.closes === undefined) opened = m.at;
    return m.closes === undefined || m.closes === opened;
  });
}

/** A line that opens with a short label, in brackets or before a colon (加入方式：首次拿货满2万元…). */
const OTHER_HEADING = /(?<=^|\n)[ \t]*(?:【[\u4e00-\u9fff]{2,8}】|[\u4e00-\u9fff]{2,6}:)/g;

/** Words after the header's colon on its own line. */
const INLINE_CONTENT = /^[\s】\])）]*:\s*\S/;
/** A header right after a comma of a run-on sentence. */
const COMMA_BEFORE = /[,;]\s*$/;
/** Another label later in that sentence (服务费：): a flattened post, whose headers are not clauses of one sentence. */
const LABEL = /[\u3400-\u9fff]{2,4}:/;
/** A line that continues a list: a number (2、 3. （二） ②, folded to `;` by normalisation) or a bullet first. */
const LIST_ITEM = /^[\s]*(?:;|\d{1,2}\s*[、.)）]|[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十\d]{1,2}[)）]|[-•·*●▪◆■>])/;

/** Where the list under an inline header ends: the start of the first later line that is not a list item. */
function endOfList(text: string, lineEnd: number): number {
  let at = lineEnd;
  while (at < text.length) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next < 0 ? text.length : next);
    if (line.trim() && !LIST_ITEM.test(line)) return at + 1;
    if (next < 0) break;
    at = next;
  }
  return text.length;
}

/** 招前台1名：95后，长相甜美: the colon after a headcount opens the list of what is asked of them. */
const HEADCOUNT_COLON = /(?:\d|[一二两三四五六七八九十几若干])[名人位]$/;
const isHeadcountColon = (text: string, i: number) => text.charCodeAt(i) === 0x3a && HEADCOUNT_COLON.test(text.slice(Math.max(0, i - 2), i));

/** Bracketed tags written side by side (【女】【20-28】【身高165+】) are items of their own. */
const isTagBoundary = (text: string, i: number) => (text[i] === '【' && text[i - 1] === '】') || (text[i] === '[' && text[i - 1] === ']');

/**
 * Operators that close what stands before them (不要, 勿扰, 免谈): a space before one does not end the clause, so
 * 凉山彝族的 不要 stays one condition in a post whose items are separated by spaces.
 */
const JOINS_BACK_TAG = 'common:exclude_after';

/** `byTag`: the field's hits by tag (headers are found from them); `warningTag`: cues that make a line ending in a colon a warning header. */
export function splitClauses(text: string, byTag: ReadonlyMap<string, readonly TermHit[]>, warningTag = 'role:disclaimer'): Clause[] {
  const sectionStarts = headers(text, byTag, warningTag);
  const joinsBack = new Set((byTag.get(JOINS_BACK_TAG) ?? []).map((h) => h.start));
  // a header glued inside a line (…反馈给研发【职位要求】…, …定期与客户对账职位要求:-全日制本科) ends the sentence before it: the
  // duties do not run into the requirements, nor does a duty's 遇到问题及时上报 or its 客户 make them a case of what to do
  const labelOpens = new Set(sectionStarts.flatMap((m) => (m.splitsAt === undefined ? [] : [m.splitsAt])));
  const clauses: Clause[] = [];
  let sentenceStart = 0;
  let start = 0;
  let h = 0;
  let section: Section | undefined;
  let sentenceFirst = 0; // the index of the sentence's first clause
  // `end` is a delimiter the next clause skips, unless the clause ends where a glued header word starts
  const close = (end: number, closesSentence: boolean, skip = 1) => {
    while (h < sectionStarts.length && sectionStarts[h]!.at < end) section = sectionStarts[h++]!.section;
    if (end > start) clauses.push({ start, end, sentenceStart, sentenceEnd: 0, section });
    if (closesSentence) {
      for (let i = sentenceFirst; i < clauses.length; i++) clauses[i]!.sentenceEnd = end;
      sentenceFirst = clauses.length;
      sentenceStart = end + skip;
    }
    start = end + skip;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (endsSentence(code)) close(i, true);
    else if (labelOpens.has(i) && i > start) close(i, true, text[i] === '【' || text[i] === ' ' ? 1 : 0);
    else if ((endsClause(code) && !isThousandsSeparator(text, i)) || (isSeparatingSpace(text, i) && !joinsBack.has(i + 1)) || isTagBoundary(text, i) || isHeadcountColon(text, i)) close(i, false);
  }
  close(text.length, true);
  return clauses;
}

/** The index of the clause holding position `pos`, or -1 (binary search; clauses are in order). */
export function clauseIndexAt(clauses: readonly Clause[], pos: number): number {
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid]!;
    if (pos < c.start) hi = mid - 1;
    else if (pos >= c.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
