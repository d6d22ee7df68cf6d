/**
 * Parses pay expressions in normalised (half-width, lower-case) text into a monthly range:
 * 8k-15k, 8-15k·13薪, 月薪3-5万, 年薪50w, 日结500, 时薪200, 底薪3000+提成, 月入过万.
 */
import { chineseNumeral } from '../numbers.js';

export type PayPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface PayMention {
  start: number;
  end: number;
  period: PayPeriod;
  /** Monthly equivalents in yuan (22 working days, 8 hours a day). */
  monthlyMin: number;
  monthlyMax: number;
  /** 保底, 保证, 承诺: the ad guarantees this income. */
  guaranteed: boolean;
  /** 不低于, 最低 alone: a floor the employer states (博士后年薪不低于30万元), a promise only where nothing in the ad explains it. */
  floor: boolean;
}

/** The words a keyword starts with that give its period; any other keyword is monthly. */
const KEYWORD_PERIOD: [string[], PayPeriod][] = [
  [['年薪', '年收入', '年入', '年包', '总包', '年俸', '年度', '年综合', '年总', '全年'], 'year'],
  [['日薪', '日结', '日入', '日赚', '日收入', '一天', '每天', '每日', '一晚', '晚上', '通告费', '当天领工资', '当日工资', '日工资'], 'day'],
  [['时薪', '一小时', '每小时', '1小时'], 'hour'],
  [['周薪', '周结', '周入'], 'week'],
];

const UNIT: Record<string, number> = { 万: 10_000, w: 10_000, k: 1_000, 千: 1_000 };
const CN_DIGIT: Record<string, number> = { 一: 1, 两: 2, 二: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const KEYWORD =
  '当天领工资|当日工资|日工资|日结工资|保底月薪|保底工资|保底|月薪|年薪|年度总收入|年度总包|年度收入|年综合收入|年总收入|全年收入|年包|总包|年俸|日薪|时薪|周薪|周结|周入|日结|日入|日赚|日收入|月入|月收入|年收入|年入|底薪|起薪|薪资|薪酬|待遇|工资|月均|综合|收入|通告费|(?:一天|每天|每日|一晚上?|一小时|每小时|1小时)(?:(?:做|干|抽|抽出|花|花上|用|只需|只要)?(?:\\d+(?:\\s*[-~到至]\\s*\\d+)?|[一两二三四五六]{1,2})个?小时)?(?:轻松)?(?:赚|能赚|可赚|挣|能挣|可挣|收入|到手|能拿到|能拿|可拿|拿到|结)|(?:一个月|每个月|每月)(?:能拿|能赚|可拿|可赚|收入|到手)?|月赚';
/** Currencies other than the yuan: an amount in one is not what the pay rules compare. */
const FOREIGN_CURRENCY = '日元|美元|欧元|韩元|港币|港元|澳元|英镑|卢布|泰铢|越南盾|新币|令吉|迪拉姆';
// An amount, unless a count unit or another currency follows (一个月三万字, 3000个, 50单, 25000-35000迪拉姆): those are
// quantities of work, or not yuan.
const NUMBER = `(\\d+(?:\\.\\d+)?|[一二两三四五六七八九]?十[一二三四五六七八九]?(?=\\s*[万千])|[一二两三四五六七八九十](?=\\s*[万千])|百(?=\\s*万))\\s*(万|w|k|千)?(?![\\d.]|\\s*(?:字|个|条|单|次|件|份|套|页|张|篇|首|遍|人(?!民币)|名|位|户|台|粉|赞|播放|小时|分钟|天|周|年|岁|平|米|公里|斤|吨|${FOREIGN_CURRENCY})|\\s*[-~至到]\\s*[\\d.]+\\s*(?:万|w|k|千)?\\s*(?:${FOREIGN_CURRENCY}))`;
// A part of the pay, or a perk, or the working time that a period may open (每天餐补20, 每月全勤200, 每周休一天): not
// the period of the figure before.
const PAY_PART = '餐补|饭补|餐费|饭费|补贴|补助|房补|住房补|交通补|车补|话补|油补|全勤|加班|提成|奖金|津贴|休|上班|工作';
// Amounts are found first (a regex that starts with a figure scans fast), then the keyword written before one.
const AMOUNT_RE = new RegExp(
  // 1-2 first amount, 3-4 second amount, 5 open end, 6 per-period suffix, unless it opens the next item (4500-5500+每天餐补20)
  `${NUMBER}(?:\\s*[-~至到]\\s*${NUMBER})?\\s*(\\+|以上)?\\s*(?:元|块|rmb|人民币)?\\s*(\\/\\s*(?:月|天|日|晚|小时|时|年|周)|(?:每(?:月|天|日|晚|小时|周)|一天|一晚)(?!\\s*(?:${PAY_PART})))?`,
  'g',
);
// …and a currency before the figure (月入hk30000, 月薪rmb8000).
// A period may sit between the keyword and the figure (工资：每天200-500元), or stand before a figure alone.
const PERIOD_BEFORE = '(每天|每日|一天|每小时|一小时|每月|每周)(?:[:：\\s约大概]){0,2}';
// 月收入保证不低于8000元, 月收入可达8000-15000元: a promise (guaranteed, below) or a reach may stand between the
// keyword and its figure
const KEYWORD_BEFORE = new RegExp(`(${KEYWORD})(?:[:：\\s为约达是在高至少最低不于]|能?拿到?|到手|保证|承诺|可达|可以达到|能达到|hk|mop|rmb|usd){0,4}(?:${PERIOD_BEFORE})?$`);
const BARE_PERIOD_BEFORE = new RegExp(`${PERIOD_BEFORE}$`);
const NOT_PAY_BEFORE = /(?:安家费|补贴|经费|资助|房补|购房|启动费|奖励|奖金|年终奖|贷款|投资|注册资本|营业额|销售额|回款|业绩|流水|融资|估值|预算)[^\d，。；]{0,3}$/;
/** …nor money asked of the worker, named a few words before (承包费按片区大小2-5万, 转让费3-5万), unless the fee is pay (课时费, 加班费). */
const FEE_BEFORE = /(?:(?<!加班|课时|出场|稿|劳务|讲课|授课|跑腿|配送|派送|派件|辛苦)费|押金|保证金|定金|订金)[^\d，。；,;]{0,6}$/;
// 月入过万, 月过三万, 日入过千: an income claimed to pass a round figure.
const OVER_RE = /(月入|月薪|月收入|日入|日赚|收入|月|日)过([一二两三四五六七八九十]|\d{1,2})?(万|千)/g;

function periodOf(keyword: string | undefined, per: string | undefined): PayPeriod {
  if (per) {
    if (per.includes('月')) return 'month';
    if (per.includes('天') || per.includes('日') || per.includes('晚')) return 'day';
    if (per.includes('时')) return 'hour';
    if (per.includes('年')) return 'year';
    if (per.includes('周')) return 'week';
  }
  if (keyword) for (const [starts, period] of KEYWORD_PERIOD) if (starts.some((w) => keyword.startsWith(w))) return period;
  return 'month';
}

/** Months of pay per period: a day is one of 22 working days, an hour one of 8 in it. */
export const MONTHLY: Record<PayPeriod, number> = { hour: 8 * 22, day: 22, week: 52 / 12, month: 1, year: 1 / 12 };

/**
 * The pay mentions of a normalised text, in order. Detectors read an analysed field's through its analysis
 * (`payMentions()`), which parses each field once per check.
 */
export function parsePay(text: string): PayMention[] {
  const out: PayMention[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
    const mention = amountMention(text, m, out[out.length - 1]);
    if (mention) out.push(mention);
  }
  // Every claim of passing a round figure is written with 过: a text without one needs no scan.
  if (text.includes('过')) {
    OVER_RE.lastIndex = 0;
    for (let m = OVER_RE.exec(text); m; m = OVER_RE.exec(text)) out.push(overMention(text, m));
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * A figure without a pay word or a period of its own, a few words after the pay before it in the same sentence, is paid
 * over that pay's period: 本科年薪12-15万、硕士15-18万, 人均年收入18万，新人第一年一般在10-15万.
 */
const SAME_LIST = /^[^。；;!！?？\n\d]{0,10}$/;

/** An amount found by AMOUNT_RE as pay, with the keyword written before it; undefined when it is not pay. */
function amountMention(text: string, m: RegExpExecArray, previous: PayMention | undefined): PayMention | undefined {
  const a = m[1]!;
  const ua = m[2];
  const b = m[3];
  const ub = m[4];
  // 两三万, 七八千: two neighbouring numerals are a rough range, the first its lower end
  const roughLow = !b && !isDigit(a.charCodeAt(0)) && CN_DIGIT[text[m.index - 1]!] === amountValue(a) - 1 ? text[m.index - 1]! : undefined;
  const at = roughLow ? m.index - 1 : m.index;
  const before = text.slice(Math.max(0, at - 16), at);
  const k = KEYWORD_BEFORE.exec(before);
  const keyword = k?.[1];
  // 每天200-500元 with no keyword: a range of yuan a day is pay, and so is a day's amount from which it starts (一天800起);
  // a fee is ruled out below, as for any bare figure
  const bare = k ? undefined : BARE_PERIOD_BEFORE.exec(before);
  const startsFrom = !b && text.startsWith('起', m.index + m[0].length);
  const bareRange = bare && ((b && /[元块]/.test(m[0])) || startsFrom) ? bare : undefined;
  const per = m[6] ?? k?.[2] ?? bareRange?.[1];
  const found = k ?? bareRange;
  const matchStart = found ? at - before.length + found.index : at;
  // The upper end's unit is shared (3-5万, 8-15k) only when the lower end, as written, is the smaller: 8000-2万 is
  // 8,000 to 20,000, not 80 million.
  const unitA = ua ?? (b && amountValue(a) <= amountValue(b) ? ub : undefined);
  // …and the lower end's unit passes up only to a bare small figure (3千-5 is 3,000 to 5,000; 四千到4500 is 4,000 to 4,500).
  const unitB = ub ?? (b && amountValue(b) < 1000 ? ua : undefined);
  if (!keyword) {
    // Without a pay keyword, only forms that are unmistakably pay count: 15-25k, 4500-6000元/月.
    if (!(b && (unitA === 'k' || unitA === 'w' || unitA === '万')) && !per) return undefined;
    if (/^\d{4}/.test(a) && !per && !ua) return undefined; // a year such as 2025
    // 安家费20-60万, 科研启动经费10-50万: money that is not pay
    if (NOT_PAY_BEFORE.test(text.slice(Math.max(0, matchStart - 6), matchStart))) return undefined;
    if (FEE_BEFORE.test(text.slice(Math.max(0, matchStart - 10), matchStart))) return undefined;
  }
  const first = amountValue(a) * (unitA ? UNIT[unitA]! : 1);
  const low = roughLow ? CN_DIGIT[roughLow]! * (unitA ? UNIT[unitA]! : 1) : first;
  const high = b ? amountValue(b) * (unitB ? UNIT[unitB]! : 1) : first;
  const listed = !keyword && !per && previous && SAME_LIST.test(text.slice(previous.end, matchStart)) ? previous.period : undefined;
  const period = listed ?? periodOf(keyword, per);
  const factor = MONTHLY[period];
  if (high * factor < 300) return undefined; // piece rates and small sums are not pay levels
  const whole = text.slice(matchStart, m.index + m[0].length);
  return {
    start: matchStart,
    end: matchStart + whole.trimEnd().length,
    period,
    monthlyMin: low * factor,
    monthlyMax: Math.max(low, high) * factor,
    guaranteed:
      !!keyword?.startsWith('保底') || promisedBefore(text, matchStart, keyword) || promisedAfter(text, matchStart + whole.trimEnd().length) || PROMISED_WITHIN.test(whole),
    floor: FLOOR.test(whole) || FLOOR.test(text.slice(Math.max(0, matchStart - 6), matchStart)),
  };
}

/** A figure as written: 3000, 1.5, or 三, 五十, 百 before 万. */
const amountValue = (n: string) => (isDigit(n.charCodeAt(0)) ? Number(n) : (chineseNumeral(n) ?? 0));
const isDigit = (code: number) => code >= 48 && code <= 57;

/** 月入过万, 日入过千: an income claimed to pass a round figure (OVER_RE's match). */
function overMention(text: string, m: RegExpExecArray): PayMention {
  const period = m[1] === '月' ? 'month' : m[1] === '日' ? 'day' : periodOf(m[1], undefined);
  const times = m[2] ? (/\d/.test(m[2]) ? Number(m[2]) : (parseSmallNumber(m[2]) ?? 1)) : 1;
  const amount = times * (m[3] === '万' ? 10_000 : 1_000) * MONTHLY[period];
  return { start: m.index, end: m.index + m[0].length, period, monthlyMin: amount, monthlyMax: amount, guaranteed: promisedBefore(text, m.index), floor: false };
}

/**
 * 保底, or a promise written before the amount in its sentence with no other amount between (保底5000+提成，熟手月均9000
 * guarantees the 5000 only): 公司承诺每月到手不低于2万, 保底月薪过万, 我们保证：首年税后收入不低于15万;
 * or 包 or 保 right before the pay's own word: 包年薪15万, 包月薪一万二, 入职即保月薪10000 (not 包吃包住, nor 年包35-50万, a
 * yearly package).
 * A 保底 named as one part of the pay guarantees no figure (计件+保底，月薪5500-7500; 保底+提成，月均9000: the figure,
 * under its own pay word, is the whole; normalisation drops the + between words, so 计件保底 is the same).
 */
const PROMISE_BEFORE = /(?<!不)(?:(?<![+＋]\s*|计件)保底(?!\s*[+＋]|提成|计件)|承诺|保证(?!金))(?:(?!\d{3})[^。；;!！?？\n])*$/;
const promisedBefore = (text: string, at: number, keyword?: string) => {
  const head = text.slice(Math.max(0, at - 12), at);
  if (keyword && /保底[,，、][^\d]{0,2}$/.test(head)) return false;
  return PROMISE_BEFORE.test(head) || ((text[at - 1] === '包' || text[at - 1] === '保') && /^(?:年薪|月薪|底薪|工资|收入|月入|年入)/.test(text.slice(at, at + 2)));
};
/** A stated floor, before the pay's keyword or between it and its figure (每月不低于8000元, 月收入最低8000, 至少8000). */
const FLOOR = /不低于|不少于|最低|至少/;

/** A promise between the pay's keyword and its figure (月收入保证不低于8000元), the words PROMISE_BEFORE reads before it. */
const PROMISED_WITHIN = /承诺|保证(?!金)/;

/** 保底 written after the amount: 年薪20万以上保底, 8000保底. */
const promisedAfter = (text: string, at: number) => /^(?:元|块)?(?:以上|起)?(?:保底|兜底)/.test(text.slice(at, at + 6));

/** Parses 3, 三, 两, 半 (half a year → 0.5) as used in 试用期半年 or 两年合同. */
export function parseSmallNumber(s: string): number | undefined {
  if (s === '半') return 0.5;
  if (/^\d+$/.test(s)) return Number(s);
  return CN_DIGIT[s];
}
