/**
 * Parses pay expressions in normalised (half-width, lower-case) text into a monthly range:
 * 8k-15k, 8-15k·13薪, 月薪3-5万, 年薪50w, 日结500, 时薪200, 底薪3000+提成, 月入过万.
 */
export type PayPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface PayMention {
  start: number;
  end: number;
  period: PayPeriod;
  /** Monthly equivalents in yuan (22 working days, 8 hours a day). */
  monthlyMin: number;
  monthlyMax: number;
  /** 保底: the ad guarantees this income. */
  guaranteed: boolean;
}

const KEYWORD_PERIOD: [RegExp, PayPeriod][] = [
  [/^(?:年薪|年收入|年入)/, 'year'],
  [/^(?:日薪|日结|日入|日赚|日收入|一天|每天|每日|一晚|晚上|通告费|当天领工资|当日工资|日工资)/, 'day'],
  [/^(?:时薪)/, 'hour'],
  [/^(?:周薪|周结|周入)/, 'week'],
];

const UNIT: Record<string, number> = { 万: 10_000, w: 10_000, k: 1_000, 千: 1_000 };
const CN_DIGIT: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const KEYWORD =
  '当天领工资|当日工资|日工资|保底月薪|保底工资|保底|月薪|年薪|日薪|时薪|周薪|周结|周入|日结|日入|日赚|日收入|月入|月收入|年收入|年入|底薪|起薪|薪资|薪酬|工资|月均|综合|收入|通告费|(?:一天|每天|每日|一晚上?)(?:轻松)?(?:赚|能赚|可赚|挣|能挣|可挣|收入)|(?:一个月|每个月|每月)(?:能拿|能赚|可拿|可赚|收入|到手)?|月赚';
// An amount, unless a count unit follows (一个月三万字, 3000个, 50单): those are quantities of work, not pay.
const NUMBER = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十](?=\\s*[万千]))\\s*(万|w|k|千)?(?![\\d.]|\\s*(?:字|个|条|单|次|件|份|套|页|张|篇|首|遍|人(?!民币)|名|位|户|台|粉|赞|播放|小时|分钟|天|周|年|岁|平|米|公里|斤|吨|日元|美元|欧元|韩元|港币|港元|澳元|英镑|卢布|泰铢|越南盾|新币|令吉))';
// Amounts are found first (a regex that starts with a figure scans fast), then the keyword written before one.
const AMOUNT_RE = new RegExp(
  // 1-2 first amount, 3-4 second amount, 5 open end, 6 per-period suffix
  `${NUMBER}(?:\\s*[-~至到]\\s*${NUMBER})?\\s*(\\+|以上)?\\s*(?:元|块|rmb|人民币)?\\s*(\\/\\s*(?:月|天|日|小时|时|年|周)|每(?:月|天|日|小时|周)|一天)?`,
  'g',
);
const KEYWORD_BEFORE = new RegExp(`(${KEYWORD})[:：\\s为约达是在高至少最低不于]{0,4}$`);
// 月入过万, 月过三万, 日入过千: an income claimed to pass a round figure.
const NOT_PAY_BEFORE = /(?:安家费|补贴|经费|资助|房补|购房|启动费|奖励|奖金|贷款|投资|注册资本|营业额|销售额|融资|估值|预算)[^\d，。；]{0,3}$/;
const OVER_RE = /(月入|月薪|月收入|日入|日赚|收入|月|日)过([一二两三四五六七八九十]|\d{1,2})?(万|千)/g;

function periodOf(keyword: string | undefined, per: string | undefined): PayPeriod {
  if (per) {
    if (/月/.test(per)) return 'month';
    if (/天|日/.test(per)) return 'day';
    if (/时/.test(per)) return 'hour';
    if (/年/.test(per)) return 'year';
    if (/周/.test(per)) return 'week';
  }
  for (const [re, period] of KEYWORD_PERIOD) if (keyword && re.test(keyword)) return period;
  return 'month';
}

/** Months of pay per period: a day is one of 22 working days, an hour one of 8 in it. */
export const MONTHLY: Record<PayPeriod, number> = { hour: 8 * 22, day: 22, week: 52 / 12, month: 1, year: 1 / 12 };

/**
 * The pay mentions of a normalised text. Several detectors read the same fields' pay in one check (salary,
 * completeness, the form's pay), so the last few texts' results are kept; callers must not change them.
 */
export function parsePay(text: string): readonly PayMention[] {
  let mentions = recent.get(text);
  if (!mentions) {
    if (recent.size >= RECENT_TEXTS) recent.clear();
    mentions = parseMentions(text);
    recent.set(text, mentions);
  }
  return mentions;
}
const RECENT_TEXTS = 64;
const recent = new Map<string, PayMention[]>();

function parseMentions(text: string): PayMention[] {
  const out: PayMention[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
    const [amount, a, ua, b, ub, , per] = m;
    if (!a) continue;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const k = KEYWORD_BEFORE.exec(before);
    const keyword = k?.[1];
    const matchStart = k ? m.index - before.length + k.index : m.index;
    const whole = text.slice(matchStart, m.index) + amount;
    const unitA = ua ?? (b ? ub : undefined);
    const unitB = ub ?? ua;
    // Without a pay keyword, only forms that are unmistakably pay count: 15-25k, 4500-6000元/月.
    if (!keyword && !(b && (unitA === 'k' || unitA === 'w' || unitA === '万')) && !per) continue;
    if (!keyword && /^\d{4}/.test(a) && !per && !ua) continue; // a year such as 2025
    // 安家费20-60万, 科研启动经费10-50万: money that is not pay
    if (!keyword && NOT_PAY_BEFORE.test(text.slice(Math.max(0, matchStart - 6), matchStart))) continue;
    const value = (n: string) => (/^\d/.test(n) ? Number(n) : (parseSmallNumber(n) ?? 0));
    const low = value(a) * (unitA ? UNIT[unitA]! : 1);
    const high = b ? value(b) * (unitB ? UNIT[unitB]! : 1) : low;
    const period = periodOf(keyword, per);
    const factor = MONTHLY[period];
    if (high * factor < 300) continue; // piece rates and small sums are not pay levels
    out.push({
      start: matchStart,
      end: matchStart + whole.trimEnd().length,
      period,
      monthlyMin: low * factor,
      monthlyMax: Math.max(low, high) * factor,
      guaranteed: !!keyword?.startsWith('保底') || whole.includes('不低于') || promisedBefore(text, matchStart),
    });
  }
  OVER_RE.lastIndex = 0;
  for (let m = OVER_RE.exec(text); m; m = OVER_RE.exec(text)) {
    const period = m[1] === '月' ? 'month' : m[1] === '日' ? 'day' : periodOf(m[1], undefined);
    const times = m[2] ? (/\d/.test(m[2]) ? Number(m[2]) : (parseSmallNumber(m[2]) ?? 1)) : 1;
    const amount = times * (m[3] === '万' ? 10_000 : 1_000) * MONTHLY[period];
    out.push({ start: m.index, end: m.index + m[0].length, period, monthlyMin: amount, monthlyMax: amount, guaranteed: promisedBefore(text, m.index) });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** 保底, or a promise written before the amount: 公司承诺每月到手不低于2万, 保底月薪过万. */
const promisedBefore = (text: string, at: number) => /(?<!不)(?:保底|承诺|保证)|不低于/.test(text.slice(Math.max(0, at - 6), at));

/** Parses 3, 三, 两, 半 (half a year → 0.5) as used in 试用期半年 or 两年合同. */
export function parseSmallNumber(s: string): number | undefined {
  if (s === '半') return 0.5;
  if (/^\d+$/.test(s)) return Number(s);
  return CN_DIGIT[s];
}
