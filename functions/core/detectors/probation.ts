/**
 * Probation beyond the statutory limit for the contract term (劳动合同法 第十九条), and probation pay
 * below the floor (第二十条). Without a stated contract term a probation over `withoutTermMonths` is reported (six
 * months needs a contract of three years or more, which such an ad does not promise); part-time work (非全日制用工)
 * may have no probation at all (第七十条).
 */
import { z } from 'zod';
import { parseSmallNumber, type PayMention } from '../salary/parse-pay.js';
import type { Detector, DetectorHit } from './types.js';

const ParamsSchema = z.object({
  /** Minimum probation pay as a percentage of the regular wage. */
  minPayPercent: z.number().default(80),
  /** The longest probation reported as lawful when the ad states no contract term (the statute's maximum is 6). */
  withoutTermMonths: z.number().default(6),
  /** Words that make the whole ad part-time work, and words that say it is (also) full-time. */
  partTime: z.array(z.string()).default([]),
  fullTime: z.array(z.string()).default([]),
});

const NUM = '(\\d+|[一二两三四五六七八九十半仨俩])';
/** 试用期三个月, 试用期为期6个月, 试用期要三个月, 试用期15天, 试用期半年, 前3个月为试用期, 前三个月算试用, 头半年算试用期, 三个月试用期. */
const PROBATION_RE = new RegExp(
  `试用(?:期)?\\s*[:：]?\\s*(?:定为|定|为期|为|是|共|要)?\\s*${NUM}\\s*(个月|个半月|月|年|天|日)|试用期半年|(?:前|头)\\s*${NUM}\\s*(个月|月|年)(?:为|是|算|算作)试用(?:期)?|${NUM}\\s*(个月|个半月)(?:的)?试用期`,
  'g',
);
/** The contract's term in years: 一年劳动合同, 合同期限为3年, 一年一签, 首签3年, 首次签约一年, 签一年, 一年签一次合同. */
const TERM_RE = new RegExp(
  `${NUM}\\s*年(?:期)?\\s*(?:的)?(?:固定期限|有固定期限)?(?:正式)?(?:劳动)?合同|(?:合同|聘期|聘用期)(?:期限?)?\\s*[:：]?\\s*(?:为|是|签|签订|一签)?\\s*${NUM}\\s*年|${NUM}\\s*年一签|首(?:次)?签(?:约|订)?(?:合同)?\\s*${NUM}\\s*年|(?<![\\u4e00-\\u9fff])签(?:订|约)?\\s*${NUM}\\s*年|${NUM}\\s*年签一次`,
);
/** …or in months, for a short contract: 合同4个月, 合同期5个月, 签两个月短期合同. */
const TERM_MONTHS_RE = new RegExp(`(?:合同|合同期|聘期|聘用期)(?:期限?)?\\s*[:：]?\\s*(?:为|是)?\\s*${NUM}\\s*个?月|签(?:订)?\\s*${NUM}\\s*个?月(?:的)?(?:短期)?(?:劳动)?合同`);
// 试用期工资为80%, 试用期两个月工资打五折 (a discount: 五折 is 50%), and in English word order 试用期 6 个月 at 70% 工资
// (probation 6 months at 70% salary). Between 试用期 and the pay only its length: 试用期满后工资上涨20% is a raise. The
// length may end a clause when the next one opens with the pay's share (试用期两个月，工资按70%发放).
/** A share of the regular pay: a percentage (group 1) or a discount (group 2: 打五折 or 按五折 is 50%). */
const SHARE = String.raw`(?:(\d{1,3})\s*%|[打按]\s*([1-9一二两三四五六七八九])\s*折)`;
const PAY_RE = new RegExp(
  String.raw`试用期(?:内)?[^，。；,;\n满后转]{0,6}?(?:的)?(?:工资|薪资|薪酬|底薪)[^，。；,;\n]{0,12}?${SHARE}` +
    String.raw`|试用期[^，。；\n]{0,12}?(\d{1,3})\s*%\s*(?:的)?(?:工资|薪资|薪酬)` +
    String.raw`|试用期\s*(?:为|是)?\s*(?:\d{1,2}|[一二两三四五六半])\s*个?半?月\s*[，,]\s*(?:工资|薪资|薪酬)(?:按|为|是|发|只发)?\s*${SHARE}`,
  'g',
);
/**
 * 试用期工资3000，转正5000 (or 转正后月薪4500-5500元，试用期一个月工资1500元): the two amounts give the percentage, the
 * lower end of a range and the probation's length between 试用期 and its pay allowed.
 */
const PROBATION_LENGTH = String.raw`(?:\s*(?:\d{1,2}|[一二两三四五六半])\s*个?半?月)?`;
/** 试用期, or 试用 right before the pay's word (试用工资1600). */
const PROBATION = String.raw`试用(?:期|(?=工资|薪资|薪酬|底薪|月薪))`;
const PROBATION_PAY = String.raw`${PROBATION}${PROBATION_LENGTH}(?:内|间)?(?:的)?(?:工资|薪资|薪酬|底薪|月薪)?(?:每月|每个月)?\s*(\d{3,6})`;
/** The pay once the probation is over: 转正后4500, 转正后计件5000-7000, 过了试用期4800. */
const FULL_PAY = String.raw`(?:转正|过了?试用期|试用期(?:满|过)后?)(?:后)?(?:工资|薪资|月薪|底薪|计件)?\s*(\d{3,6})`;
/** What may follow the first amount: the top of its range (captured), its unit and up to two separators. */
const AFTER_FIRST = String.raw`(?:\s*[-~至到]\s*(\d{3,6}))?\s*(?:元)?(?:\/月)?[,，、;；。\s]{0,2}`;
const PAY_PAIR_RE = new RegExp(`${PROBATION_PAY}${AFTER_FIRST}(?:月薪|工资|薪资)?\\s*${FULL_PAY}|${FULL_PAY}${AFTER_FIRST}${PROBATION_PAY}`, 'g');
/**
 * A probation pay stated on its own (工资2200-2500元 … 试用期3个月，试用期工资1500元, the length it follows included;
 * 工资3000 … 试用期一个月只发1500): it is compared with the lowest monthly pay the field states above it, the regular wage.
 */
const PROBATION_PAY_ALONE_RE = new RegExp(`(?:试用期\\s*(?:为|是)?${PROBATION_LENGTH}\\s*[，,、]\\s*)?${PROBATION}${PROBATION_LENGTH}(?:内|间)?(?:的)?[ \\t]*(?:工资|薪资|薪酬|底薪|月薪|每月|每个月|(?:只|仅)?(?:发|给))\\s*(?:为|是|[:：])?\\s*(\\d{3,6})(?!\\d|\\s*[-~至到%])`, 'g');

/**
 * An average or an estimate (车间平均5500-7000元/月, 月均4500-6500元): what piece rates bring, not an agreed wage (综合工资
 * is one). Probation pay under half of it is still below any reading of the floor (试用期工资1500元，转正后计件，月均4000-5000元).
 */
const ESTIMATE = /平均|月均|人均|预计|一般|大概|约/;
const ESTIMATE_SHARE = 0.5;
const FULL_PAY_ALONE_RE = new RegExp(FULL_PAY, 'g');

/**
 * The pay a probation pay is held against: the lowest monthly pay of `text` (its `mentions`, parsed once per field)
 * above `floor` outside [start, end), an estimate counting at ESTIMATE_SHARE of the floor's percentage.
 */
function regularPayAbove(text: string, mentions: readonly PayMention[], floor: number, start: number, end: number): { pay: number; estimate: boolean } | undefined {
  let lowest: { pay: number; estimate: boolean } | undefined;
  // the pay after probation, however it is written (转正后2500+提成), is the agreed wage
  FULL_PAY_ALONE_RE.lastIndex = 0;
  for (let m = FULL_PAY_ALONE_RE.exec(text); m; m = FULL_PAY_ALONE_RE.exec(text)) {
    const pay = Number(m[1]);
    if (pay > floor && (!lowest || lowest.estimate || pay < lowest.pay)) lowest = { pay, estimate: false };
  }
  for (const m of mentions) {
    if (m.period !== 'month' || (m.start < end && m.end > start) || m.monthlyMin <= floor) continue;
    // the word may open the mention itself (月均4500-6500元)
    const estimate = ESTIMATE.test(text.slice(Math.max(0, m.start - 4), Math.min(m.end, m.start + 2)));
    if (!lowest || (lowest.estimate && !estimate) || (lowest.estimate === estimate && m.monthlyMin < lowest.pay)) lowest = { pay: m.monthlyMin, estimate };
  }
  return lowest;
}

/** 劳动合同法 第十九条: the longest probation allowed, in months, for a contract of `years`. */
export function probationLimitMonths(years: number | undefined): number {
  if (years === undefined) return 6;
  // 劳动合同期限不满三个月的，不得约定试用期
  if (years < 0.25) return 0;
  if (years < 1) return 1;
  if (years < 3) return 2;
  return 6;
}

const compiled = new WeakMap<object, z.infer<typeof ParamsSchema>>();
function compile(raw: Record<string, unknown>): z.infer<typeof ParamsSchema> {
  let p = compiled.get(raw);
  if (!p) {
    p = ParamsSchema.parse(raw);
    compiled.set(raw, p);
  }
  return p;
}

/** The probation limit for the ad's contract term, read only once a probation is found. */
function limitFor(adText: string, title: string, params: z.infer<typeof ParamsSchema>): number {
  const term = TERM_RE.exec(adText);
  // part-time by its title, or by its text where no contract term says otherwise (a warning about fake 兼职 posts is not the job)
  const says = (words: readonly string[], text: string) => words.some((w) => text.includes(w));
  if (!says(params.fullTime, adText) && (says(params.partTime, title) || (!term && says(params.partTime, adText)))) return 0;
  if (term) return probationLimitMonths(parseSmallNumber(term.slice(1).find((g) => g !== undefined) ?? ''));
  const months = TERM_MONTHS_RE.exec(adText);
  const count = months && parseSmallNumber(months[1] ?? months[2] ?? '');
  return count ? probationLimitMonths(count / 12) : params.withoutTermMonths;
}

export const probationDetector: Detector = (ctx, raw) => {
  const params = compile(raw);
  const { minPayPercent } = params;
  let limit: number | undefined;
  const hits: DetectorHit[] = [];
  for (const a of ctx.fields) {
    const { field, n } = a;
    // Every pattern here begins its probation with 试用: a field without it has none.
    if (!n.text.includes('试用')) continue;
    PROBATION_RE.lastIndex = 0;
    for (let m = PROBATION_RE.exec(n.text); m; m = PROBATION_RE.exec(n.text)) {
      const count = m[1] ?? m[3] ?? m[5];
      const unit = m[2] ?? m[4] ?? m[6];
      const value = count ? parseSmallNumber(count) : 0.5;
      if (value === undefined) continue;
      const months = unit === '年' || !count ? value * 12 : unit === '天' || unit === '日' ? value / 30 : value + (unit === '个半月' ? 0.5 : 0);
      if (months > (limit ??= limitFor(ctx.adText, ctx.fields.find((f) => f.field === 'title')?.n.text ?? '', params))) hits.push({ field, start: m.index, end: m.index + m[0].length });
    }
    PAY_RE.lastIndex = 0;
    for (let m = PAY_RE.exec(n.text); m; m = PAY_RE.exec(n.text)) {
      const discount = m[2] ?? m[5];
      const percent = discount !== undefined ? (parseSmallNumber(discount) ?? 10) * 10 : Number(m[1] ?? m[3] ?? m[4]);
      if (percent < minPayPercent) hits.push({ field, start: m.index, end: m.index + m[0].length });
    }
    PAY_PAIR_RE.lastIndex = 0;
    for (let m = PAY_PAIR_RE.exec(n.text); m; m = PAY_PAIR_RE.exec(n.text)) {
      // a probation paid in a range is held at its top (试用期3500-4000，转正4500-6500: 4000 may be 80% of the agreed wage)
      const [probation, regular] = m[1] !== undefined ? [m[2] ?? m[1], m[3]] : [m[6], m[4]];
      if ((Number(probation) / Number(regular)) * 100 < minPayPercent) hits.push({ field, start: m.index, end: m.index + m[0].length });
    }
    if (hits.some((h) => h.field === field)) continue;
    PROBATION_PAY_ALONE_RE.lastIndex = 0;
    for (let m = PROBATION_PAY_ALONE_RE.exec(n.text); m; m = PROBATION_PAY_ALONE_RE.exec(n.text)) {
      const probation = Number(m[1]);
      const regular = regularPayAbove(n.text, a.payMentions(), probation, m.index, m.index + m[0].length);
      const floor = regular?.estimate ? minPayPercent * ESTIMATE_SHARE : minPayPercent;
      if (regular && (probation / regular.pay) * 100 < floor) hits.push({ field, start: m.index, end: m.index + m[0].length });
    }
  }
  return hits;
};
