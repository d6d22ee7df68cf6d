/**
 * Flags pay promises that are implausible for what the ad asks, and guaranteed (保底) high income.
 * Thresholds and marker words are lexicon params, so tuning them never needs code.
 */
import { z } from 'zod';
import { chineseNumeral } from '../numbers.js';
import type { PayMention } from '../salary/parse-pay.js';
import type { Detector, DetectorContext, DetectorHit } from './types.js';

const ParamsSchema = z.object({
  /** Monthly pay at or above this is implausible when the ad needs no experience or skill. */
  noExperienceMonthly: z.number().positive(),
  /** …and day (or 8-hour) pay at or above this, for gig work paid by the day or hour. */
  noExperienceDaily: z.number().positive(),
  /** …or when the same ad charges the job seeker or looks fraudulent (per month, and per day of gig work). */
  feeContextMonthly: z.number().positive(),
  feeContextDaily: z.number().positive(),
  /** 保底 (guaranteed) income at or above this is a promise the ad cannot make. */
  guaranteedMonthly: z.number().positive(),
  /** …and at or above this where the job needs no experience or skill, or charges or schemes (普工保底月薪6000). */
  guaranteeBaitMonthly: z.number().positive(),
  /** Words saying the job needs no experience, skill or effort. */
  noExperienceMarkers: z.array(z.string().min(1)),
  /**
   * Words saying experience is welcome but not needed (有无经验均可): a weaker claim, so a higher monthly pay before a
   * range is implausible (月入3万起 is, 月薪6000-12000 is not), while a guarantee is bait from the same figure as above.
   */
  optionalExperienceMarkers: z.array(z.string().min(1)).default([]),
  /** …and patterns saying so (无经验者可参加本中心免费培训: training offered to whoever lacks the experience). */
  optionalExperiencePatterns: z.array(z.string().min(1)).default([]),
  optionalExperienceMonthly: z.number().positive().default(Infinity),
  /** Patterns saying the job demands experience, skills, degrees or licences: high pay then has a basis. */
  skillPatterns: z.array(z.string().min(1)).default([]),
  /**
   * Trades whose day rates are high by nature (模特, 演员, 礼仪): the pay has a basis, unless the ad says no experience
   * is needed (商务礼仪，无需经验，日入2000+ is bait, 珠宝展礼仪 日薪600 is a hostess's rate).
   */
  tradePatterns: z.array(z.string().min(1)).default([]),
  /** Part-time pay per hour (month ÷ 22 ÷ stated hours a day) at or above this is a lure. */
  partTimeHourly: z.number().positive().default(60),
  /** Work anyone can do, and the monthly pay at which it becomes a lure (洗碗工 月薪一万二). */
  lowSkillMarkers: z.array(z.string().min(1)).default([]),
  lowSkillMonthly: z.number().positive().default(Infinity),
  /** Pay at or above these needs a stated skill or experience, whatever else the ad says (日结500+, 月入3万起). */
  unskilledMonthly: z.number().positive().default(Infinity),
  unskilledDaily: z.number().positive().default(Infinity),
  /** A range whose top is this many times its bottom (月薪8000-50000 on a base of 2500) is judged by its top against `unskilledMonthly`. */
  wideRangeRatio: z.number().positive().default(Infinity),
  /** Categories whose presence in the same ad makes a high pay claim bait. */
  contextCategories: z.array(z.string()).default(['fee_charging', 'fraud']),
  /** Work abroad (出国, 日本, 外派), where wages are higher: beside a fee, monthly pay is bait only from this. */
  abroadMarkers: z.array(z.string().min(1)).default([]),
  abroadFeeContextMonthly: z.number().positive().default(Infinity),
  /** Another currency the ad pays in, told by its words (新台币, 强积金, 香港): amounts are scaled to mainland pay by `rate`. */
  currencies: z.array(z.object({ name: z.string().min(1), rate: z.number().positive(), markers: z.array(z.string().min(1)).min(1) })).default([]),
  /** A title's pay at least this many times the most the body states as the whole pay (not a base) is a headline lure. */
  titleOverBody: z.number().positive().default(Infinity),
  /** A title's pay for work anyone can do, at or above this a month, that the body states no whole pay to back. */
  unbackedTitleLowSkillMonthly: z.number().positive().default(Infinity),
});
type Params = z.infer<typeof ParamsSchema> & {
  markerRe: RegExp;
  optionalRe: RegExp | null;
  skillRe: RegExp | null;
  tradeRe: RegExp | null;
  lowSkillRe: RegExp | null;
  abroadRe: RegExp | null;
  currencyRes: { re: RegExp; rate: number }[];
};

/** The words and patterns that make experience optional, as one regex (null: none). */
function optionalExperience(p: z.infer<typeof ParamsSchema>, anyOf: (words: string[]) => RegExp): RegExp | null {
  const sources = [...(p.optionalExperienceMarkers.length ? [anyOf(p.optionalExperienceMarkers).source] : []), ...p.optionalExperiencePatterns];
  return sources.length ? new RegExp(sources.join('|'), 'g') : null;
}

const compiled = new WeakMap<object, Params>();
function compile(raw: Record<string, unknown>): Params {
  let p = compiled.get(raw);
  if (!p) {
    const parsed = ParamsSchema.parse(raw);
    const anyOf = (words: string[], flags = '') => new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), flags);
    const skills = parsed.skillPatterns.map((source) => `(?:${source})`).join('|');
    p = {
      ...parsed,
      markerRe: anyOf(parsed.noExperienceMarkers),
      optionalRe: optionalExperience(parsed, anyOf),
      skillRe: skills ? new RegExp(skills, 'g') : null,
      tradeRe: parsed.tradePatterns.length ? new RegExp(parsed.tradePatterns.join('|')) : null,
      lowSkillRe: parsed.lowSkillMarkers.length ? anyOf(parsed.lowSkillMarkers) : null,
      abroadRe: parsed.abroadMarkers.length ? anyOf(parsed.abroadMarkers) : null,
      currencyRes: parsed.currencies.map((c) => ({ re: anyOf(c.markers), rate: c.rate })),
    };
    compiled.set(raw, p);
  }
  return p;
}

/** A negation just before a skill, in its own clause (男女不限，有相关经验: the 不 of 不限 negates nothing here). */
const NEGATED = /[无不零免][^，,。；;\n]*$/;

/** A skill only preferred (有销售经验者优先, 熟悉Excel更佳): the ad does not demand it. */
const PREFERRED = /^[^，,。；;\n]{0,8}?(?:者|的)?(?:优先|更佳|更好|为佳|最好)/;

/** A share of the staff the company describes (团队成员中本科以上学历占比85%): not asked of the applicant. */
const STATISTIC = /^[^，,。；;\n]{0,6}?(?:占比|比例|的占)/;

/**
 * How the ad asks for a skill: demanded (3年以上工作经验), only preferred (有经验者优先), or not at all (无需工作经验,
 * 不限相关经验, a statistic of the staff).
 */
function skillAsked(text: string, re: RegExp): 'demanded' | 'preferred' | undefined {
  re.lastIndex = 0;
  let asked: 'preferred' | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (NEGATED.test(text.slice(Math.max(0, m.index - 3), m.index)) || STATISTIC.test(after)) continue;
    if (!PREFERRED.test(after)) return 'demanded';
    asked = 'preferred';
  }
  return asked;
}

/**
 * 每天2小时, 一天1-2小时, 每天两小时, 一天两三个小时, 每天一到两小时, 每天花半小时: the most hours a day the ad says the work takes.
 * Durations keep their Chinese numerals through normalisation (numbers.ts), so both forms are read here.
 */
const HOURS_RE = /(?:每天|一天|每日|日均)(?:只需|只要|仅需|仅|做|干|工作|在线|上线|花上|花|抽出|抽|用)?\s*(?:(\d+(?:\.\d+)?|[一两二三四五六])(?:\s*(?:-|到|至)\s*(\d+(?:\.\d+)?|[一两二三四五六])|([一两二三四五六]))?\s*(?:个)?(半)?|(半)(?:个)?)小时/;
const hoursFigure = (s: string) => (/^\d/.test(s) ? Number(s) : chineseNumeral(s)!);

/**
 * What the ad demands and says beside its pay, each read from the text only when a pay figure needs it (most
 * figures are below every threshold, and an ad without pay needs none of it).
 */
class AdDemands {
  private skill?: { asked: 'demanded' | 'preferred' | null; byTrade: boolean };
  private noExperience?: boolean;
  private optionalExperience?: boolean;
  private optionalRemoved?: string;
  private lowSkill?: boolean;
  private hoursRead = false;
  private hours?: number;
  private hourlyRate?: boolean;
  private rate?: number;

  constructor(private readonly ctx: DetectorContext, private readonly p: Params) {}

  /** A skill demanded, not only preferred (3年以上经验, not 有经验者优先). */
  get skilled(): boolean {
    return this.skillAsked === 'demanded';
  }

  /** How the body asks for a skill, experience or degree: demanded, only preferred, or not at all. */
  private get skillAsked(): 'demanded' | 'preferred' | null {
    return this.skillReading.asked;
  }

  /**
   * Read once: how the body asks for a skill (a title names the job, 足疗技师, not a skill asked of the applicant), and
   * whether a trade named there (礼仪, 模特) is the only skill; a trade is demanded, unless the ad says anyone can do it.
   */
  private get skillReading(): { asked: 'demanded' | 'preferred' | null; byTrade: boolean } {
    if (this.skill === undefined) {
      const body = this.ctx.fields.filter((f) => f.field !== 'title').map((f) => f.n.text).join('\n');
      const trade = this.p.tradeRe !== null && this.p.tradeRe.test(body) && !this.p.markerRe.test(this.ctx.adText);
      const asked = (this.p.skillRe && skillAsked(body, this.p.skillRe)) ?? null;
      this.skill = { asked: trade ? 'demanded' : asked, byTrade: trade && asked !== 'demanded' };
    }
    return this.skill;
  }

  /** The only skill is the trade's own (礼仪, 模特): it explains a high day rate, not a month's pay no one earns unskilled. */
  get skilledByTradeOnly(): boolean {
    return this.skilled && this.skillReading.byTrade;
  }

  /** No experience or skill needed (无需经验, 小白), none asked for, and none preferred (有经验优先，无经验可培训 makes it optional). */
  get needsNoExperience(): boolean {
    return (this.noExperience ??= this.skillAsked === null && this.p.markerRe.test(this.withoutOptional));
  }

  /** Experience welcome but not needed (有无经验均可, 有美容院经验优先，无经验可带薪培训), and none demanded. */
  get experienceOptional(): boolean {
    return (this.optionalExperience ??=
      !this.skilled && (this.withoutOptional !== this.ctx.adText || (this.skillAsked === 'preferred' && this.p.markerRe.test(this.withoutOptional))));
  }

  /** The ad's text without the words that make experience optional: 有无经验均可 holds 无经验, which says more. */
  private get withoutOptional(): string {
    return (this.optionalRemoved ??= this.p.optionalRe ? this.ctx.adText.replace(this.p.optionalRe, ' ') : this.ctx.adText);
  }

  /** Work anyone can do (洗碗工, 普工), and no skill asked for. */
  get lowSkillWork(): boolean {
    return (this.lowSkill ??= (this.p.lowSkillRe?.test(this.ctx.adText) ?? false) && !this.skilled);
  }

  /** A fee or a scam found in the same ad. */
  get suspicious(): boolean {
    return this.p.contextCategories.some((c) => this.ctx.categoriesFound.has(c as never));
  }

  /** Work abroad, where wages are higher, unless the ad is a scam (海外客服 月薪2w起). */
  get abroad(): boolean {
    return !this.ctx.categoriesFound.has('fraud') && (this.p.abroadRe?.test(this.ctx.adText) ?? false);
  }

  /** The monthly pay that is bait beside a fee or a scam: higher for work abroad. */
  get feeContextMonthly(): number {
    return this.abroad ? Math.max(this.p.feeContextMonthly, this.p.abroadFeeContextMonthly) : this.p.feeContextMonthly;
  }

  /** Mainland pay per unit of the ad's pay: 1 unless its words name another currency (the first that matches). */
  get yuanRate(): number {
    return (this.rate ??= this.p.currencyRes.find((c) => c.re.test(this.ctx.adText))?.rate ?? 1);
  }

  /** An hourly rate stated anywhere: the part-timers' own pay (兼职24元/小时 beside 全职5000-6500元/月). */
  get statesHourlyRate(): boolean {
    return (this.hourlyRate ??= this.ctx.fields.some((a) => a.payMentions().some((pay) => pay.period === 'hour')));
  }

  /** The most hours a day the work takes, if the ad says (every such phrase has 小时). */
  get hoursADay(): number | undefined {
    if (!this.hoursRead) {
      const m = this.ctx.adText.includes('小时') ? HOURS_RE.exec(this.ctx.adText) : null;
      // 一个半小时 is one and a half
      this.hours = m ? (m[5] ? 0.5 : hoursFigure(m[2] ?? m[3] ?? m[1]!) + (m[4] ? 0.5 : 0)) : undefined;
      this.hoursRead = true;
    }
    return this.hours;
  }

  /** The lowest monthly pay that is implausible for what this ad demands (Infinity: none is). */
  get monthlyThreshold(): number {
    return Math.min(
      this.needsNoExperience ? this.p.noExperienceMonthly : Infinity,
      this.experienceOptional ? this.p.optionalExperienceMonthly : Infinity,
      // beside a fee, pay for work that asks a qualification (持A2驾照, 3年经验) may be higher before it is bait
      this.suspicious ? (this.skilled ? Math.max(this.feeContextMonthly, this.p.abroadFeeContextMonthly) : this.feeContextMonthly) : Infinity,
      // farm or packing work abroad is paid at that country's rates (澳洲农场包装工 周薪3500-5000人民币)
      this.lowSkillWork ? (this.abroad ? Math.max(this.p.lowSkillMonthly, this.p.abroadFeeContextMonthly) : this.p.lowSkillMonthly) : Infinity,
    );
  }
}

/** A pay's middle: a range's midpoint, an open 8000+'s 8000. */
const typicalMonthly = (pay: PayMention) => (pay.monthlyMin + pay.monthlyMax) / 2;

/**
 * A pay figure that is a lure. Each test checks the figure against its threshold before it reads what the ad
 * demands; the threshold for the ad is never below the least of the three monthly ones.
 */
function isLure(pay: PayMention, ad: AdDemands, p: Params): boolean {
  const typical = typicalMonthly(pay);
  // An hourly rate is judged as a rate (钟点工 时薪40元 is no lure, 一小时能赚50-80 with no skill is), not as eight hours a day.
  const daily = pay.period === 'day' ? typical / 22 : 0;
  const hourly = pay.period === 'hour' ? typical / 22 / 8 : 0;
  const gig =
    (daily >= p.noExperienceDaily && ad.needsNoExperience) ||
    (daily >= p.feeContextDaily && ad.suspicious) ||
    (hourly >= p.partTimeHourly && (ad.needsNoExperience || ad.suspicious) && !ad.skilled);
  if (gig) return true;
  // A monthly or daily total for a few hours' work a day; an hourly rate says its own rate (家教 120元/小时), and
  // beside one the monthly pay is the full-timers' (全职5000-6500元/月，兼职24元/小时，每天4小时以内).
  const hours = pay.period !== 'hour' && !ad.statesHourlyRate ? ad.hoursADay : undefined;
  if (hours !== undefined && hours <= 4 && typical / 22 / hours >= p.partTimeHourly && !ad.skilled) return true;
  // An hourly rate is judged as a rate (a tutor's 300元/小时 is for a few hours), not as eight hours a day; a trade
  // explains a day rate (礼仪 日薪800), not a month of 3万 (招聘礼仪…月入3万起).
  const overMonthly = typical >= p.unskilledMonthly || (pay.monthlyMax >= p.unskilledMonthly && pay.monthlyMax >= pay.monthlyMin * p.wideRangeRatio);
  const unskilled =
    pay.period !== 'hour' &&
    (ad.skilled ? ad.skilledByTradeOnly && overMonthly && pay.period !== 'day' : overMonthly || (pay.period === 'day' && daily >= p.unskilledDaily));
  if (unskilled) return true;
  if (typical >= Math.min(p.noExperienceMonthly, p.feeContextMonthly, p.lowSkillMonthly) && typical >= ad.monthlyThreshold) return true;
  // A guarantee next to a fee or a scam is bait at a lower figure (结业包就业，保底月薪8000).
  // A stated floor (年薪不低于30万元) is a promise unless the ad demands what explains it and charges or schemes nothing.
  // …and so is one for work anyone can do or that asks no experience (普工保底月薪8000元).
  const guaranteeBait = ad.suspicious || ad.needsNoExperience || ad.experienceOptional || ad.lowSkillWork;
  return (pay.guaranteed || (pay.floor && (!ad.skilled || ad.suspicious))) && typical >= (guaranteeBait ? p.guaranteeBaitMonthly : p.guaranteedMonthly);
}

/**
 * 出师后6-10k: what a trained worker earns once the apprenticeship is over, not a beginner's promised pay (unless
 * guaranteed, 出师后保底月薪1.5万, or beside a fee or a scam).
 */
const AFTER_APPRENTICESHIP = /出师(?:后|以后|之后)[^，,。；;\n\d]{0,4}$/;
function afterApprenticeship(text: string, pay: PayMention, ad: AdDemands): boolean {
  return !pay.guaranteed && !pay.floor && AFTER_APPRENTICESHIP.test(text.slice(Math.max(0, pay.start - 10), pay.start)) && !ad.suspicious;
}

/** Pay for two (夫妻工 每对每月9000元) is each one's half; pay in another currency is scaled to mainland pay. */
const FOR_TWO = /(?:每对|一对|夫妻两人|夫妻二人|两人|二人)[^，,。；;\n]{0,4}$/;
function inYuanPerPerson(text: string, pay: PayMention, yuanRate: number): PayMention {
  const share = (FOR_TWO.test(text.slice(Math.max(0, pay.start - 8), pay.start)) ? 0.5 : 1) * yuanRate;
  return share === 1 ? pay : { ...pay, monthlyMin: pay.monthlyMin * share, monthlyMax: pay.monthlyMax * share };
}

/**
 * Pay is judged by its middle (a range's midpoint, an open 8000+'s 8000), against what the ad demands:
 * no experience and no skill asked for, part-time hours, a fee or scam in the same ad, or a guarantee.
 */
export const salaryDetector: Detector = (ctx, raw) => {
  const p = compile(raw);
  const ad = new AdDemands(ctx, p);
  const hits: DetectorHit[] = [];
  for (const a of ctx.fields) {
    for (const pay of a.payMentions()) if (isLure(inYuanPerPerson(a.n.text, pay, ad.yuanRate), ad, p) && !afterApprenticeship(a.n.text, pay, ad)) hits.push({ field: a.field, start: pay.start, end: pay.end });
  }
  for (const pay of headlineLures(ctx, p, ad)) if (!hits.some((h) => h.field === 'title' && h.start < pay.end && pay.start < h.end)) hits.push({ field: 'title', start: pay.start, end: pay.end });
  return hits;
};

/** A pay stated as a part of the whole (底薪1650+加班费, 试用期3000): less than the ad pays in the end, no measure of a title's claim. */
const PART_OF_PAY = /^(?:无责任?|有责)?(?:底薪|基本工资|基本薪资|基础工资|保底|试用期|实习|[餐饭房车话交]补|交通补|补贴|补助|津贴|加班费|奖金|提成|全勤)/;
/** Less than this a month is no job's whole pay (餐补20元/天, a card rented at 300 a month): it measures no title. */
const LEAST_WHOLE_PAY = 1500;

/**
 * A title promising more than the body says the job pays (【月薪8000 包吃住 急招普工】 over 综合工资3800-4500): the
 * headline is the lure. Only the body's whole pay counts, not a base the title may add overtime or commission to.
 * Where the body states no whole pay, a title's high pay for work anyone can do stands alone as the lure.
 */
function headlineLures(ctx: DetectorContext, p: Params, ad: AdDemands): PayMention[] {
  const title = ctx.fields.find((f) => f.field === 'title');
  const titlePay = title?.payMentions() ?? [];
  if (!titlePay.length) return [];
  const whole = ctx.fields
    .filter((f) => f.field !== 'title')
    .flatMap((f) => f.payMentions().filter((pay) => pay.monthlyMax >= LEAST_WHOLE_PAY && !PART_OF_PAY.test(f.n.text.slice(pay.start, pay.end))));
  if (!whole.length) return titlePay.filter((pay) => typicalMonthly(pay) >= p.unbackedTitleLowSkillMonthly && ad.lowSkillWork);
  const most = Math.max(...whole.map((pay) => pay.monthlyMax));
  return titlePay.filter((pay) => pay.monthlyMin >= most * p.titleOverBody);
}
