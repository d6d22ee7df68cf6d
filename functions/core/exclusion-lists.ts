/**
 * A list headed by an exclusion excludes each of its items (我们不要这样的人：⏎- 26岁以上⏎- 东北的): normalisation
 * writes the header's operator after each item's first part (26岁以上勿扰, 东北的勿扰), so every rule reads the
 * items as the exclusions they are. The words are data (common.yaml `variants.exclusionLists`).
 */
import { replaceRanges, type Normalized, type Replacement } from './mapped-text.js';

export interface ExclusionLists {
  /** Words that point at the list (以下, 这样的). */
  pointers: readonly string[];
  /** Words that exclude (勿投, 不要, 别来). */
  operators: readonly string[];
  /** What is written after each item. */
  operator: string;
  /** Labels whose items on the same line are each excluded (一票否决：乙肝、大小三阳；, 减分项：35岁+、已婚未育). */
  vetoLabels?: readonly string[];
}

/** A header is a short line; a very short one needs no pointer (请自觉绕行：, 不符合的别来：). */
const HEADER_MAX = 30;
const BARE_HEADER_MAX = 8;
/** …but a list of what is not asked for is no exclusion (学历不要求：). */
const NOT_ASKED = '不要求';
/** An item starts with a list mark (normalisation has made circled numbers `;`; （一） is an article's), or is a short line. */
const ITEM_MARK = /^[ \t]*(?:[-*•·>;]|\d{1,2}[.、)]|\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\))[ \t]*/;
const SHORT_ITEM = 16;
/** An item's first part ends at its first comma, bracket or sentence end: 60岁以上的(保险公司不给上). */
const PART_END = /[,(;。!?]/;

const lineEnd = (text: string, from: number) => {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
};

/** A header may end in a particle or a pointing hand after its colon, or in the hand alone (以下情况暂不接收哦👇). */
const HEADER_TAIL = /(?:[哦噢啦呀~\s]|👇|⬇️?|↓)+$/u;
const POINTS_DOWN = /(?:👇|⬇️?|↓)\s*$/u;
const POINTS_DOWN_ANYWHERE = /👇|⬇|↓/u;

function isHeader(full: string, lists: ExclusionLists): boolean {
  const line = full.replace(HEADER_TAIL, '');
  return (
    (line.endsWith(':') || POINTS_DOWN.test(full)) &&
    line.length <= HEADER_MAX &&
    !line.includes(NOT_ASKED) &&
    lists.operators.some((w) => line.includes(w)) &&
    (line.length <= BARE_HEADER_MAX || lists.pointers.some((w) => line.includes(w)))
  );
}

/** The operator after an item's first part (its words before a comma, bracket or sentence end), unless it has one. */
function excludeItem(text: string, from: number, end: number, lists: ExclusionLists): Replacement | undefined {
  const partEnd = PART_END.exec(text.slice(from, end));
  let to = partEnd ? from + partEnd.index : end;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  const part = text.slice(from, to);
  if (to <= from || lists.operators.some((w) => part.includes(w))) return undefined;
  // the operator joins the part's last character (and maps to it in the original)
  const last = text.charCodeAt(to - 1) >= 0xdc00 && text.charCodeAt(to - 1) <= 0xdfff && to - 2 >= from ? to - 2 : to - 1;
  return { start: last, end: to, text: text.slice(last, to) + lists.operator };
}

/** Where a veto label's items end: the end of its clause or line. */
const VETO_END = /[;。!?\n]/;
/** 一票否决：少数民族、有宗教信仰（…）；: each item after a veto label, up to the end of its clause, is excluded. */
function vetoItems(text: string, lists: ExclusionLists, replacements: Replacement[]): void {
  for (const label of lists.vetoLabels ?? []) {
    for (let at = text.indexOf(`${label}:`); at >= 0; at = text.indexOf(`${label}:`, at + 1)) {
      const from = at + label.length + 1;
      const stop = VETO_END.exec(text.slice(from));
      const end = stop ? from + stop.index : text.length;
      // items split where no bracket is open (少数民族、有宗教信仰（宿舍统一管理，请理解）)
      let item = from;
      let depth = 0;
      for (let i = from; i <= end; i++) {
        const ch = text[i];
        if (ch === '(') depth++;
        else if (ch === ')') depth = Math.max(0, depth - 1);
        else if (i === end || (depth === 0 && (ch === '、' || ch === ',' || ch === '/'))) {
          const r = excludeItem(text, item, i, lists);
          if (r) replacements.push(r);
          item = i + 1;
        }
      }
    }
  }
}

export function markExclusionLists(n: Normalized, lists: ExclusionLists | undefined): Normalized {
  const { text } = n;
  if (!lists || !(text.includes(':') || POINTS_DOWN_ANYWHERE.test(text))) return n;
  const replacements: Replacement[] = [];
  vetoItems(text, lists, replacements);
  for (let start = 0; start < text.length; ) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!isHeader(line, lists)) continue;
    // the items: the lines after the header, up to a blank line, a line that is no item, or the next header
    while (start < text.length) {
      const itemEnd = lineEnd(text, start);
      const item = text.slice(start, itemEnd);
      const mark = ITEM_MARK.exec(item);
      if (!item.trim() || item.trim().endsWith(':') || (!mark && item.trim().length > SHORT_ITEM)) break;
      const r = excludeItem(text, start + (mark ? mark[0].length : item.length - item.trimStart().length), itemEnd, lists);
      if (r) replacements.push(r);
      start = itemEnd + 1;
    }
  }
  // a veto label's line may also be a list's item: one operator per item
  replacements.sort((a, b) => a.start - b.start);
  return replaceRanges(n, replacements.filter((r, i) => i === 0 || r.start >= replacements[i - 1]!.end));
}
