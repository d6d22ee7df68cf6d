/**
 * Flags pay promises that are implausible for what the ad asks, and guaranteed (保底) high income.
 * Thresholds and marker words are lexicon params, so tuning them never needs code.
 */
import { z } from 'zod';
import { parsePay } from '../salary/parse-pay.js';
import type { Detector, DetectorHit } from './types.js';

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
  /** Words saying the job needs no experience, skill or effort. */
  noExperienceMarkers: z.array(z.string().min(1)),
  /** Patterns saying the job demands experience, skills, degrees or licences: high pay then has a basis. */
  skillPatterns: z.array(z.string().min(1)).default([]),
  /** Part-time pay per hour (month ÷ 22 ÷ stated hours a day) at or above this is a lure. */
  partTimeHourly: z.number().positive().default(60),
  /** Work anyone can do, and the monthly pay at which it becomes a lure (洗碗工 月薪一万二). */
  lowSkillMarkers: z.array(z.string().min(1)).default([]),
  lowSkillMonthly: z.number().positive().default(Infinity),
  /** Pay at or above these needs a stated skill or experience, whatever else the ad says (日结500+, 月入3万起). */
  unskilledMonthly: z.number().positive().default(Infinity),
  unskilledDaily: z.number().positive().default(Infinity),
  /** Categories whose presence in the same ad makes a high pay claim bait. */
  contextCategories: z.array(z.string()).default(['fee_charging', 'fraud']),
});
type Params = z.infer<typeof ParamsSchema> & { markerRe: RegExp; skillRe: RegExp | null; lowSkillRe: RegExp | null };

const compiled = new WeakMap<object, Params>();
function compile(raw: Record<string, unknown>): Params {
  let p = compiled.get(raw);
  if (!p) {
    const parsed = ParamsSchema.parse(raw);
    const anyOf = (words: string[]) => new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    const skills = parsed.skillPatterns.map((source) => `(?:${source})`).join('|');
    p = {
      ...parsed,
      markerRe: anyOf(parsed.noExperienceMarkers),
      skillRe: skills ? new RegExp(skills, 'g') : null,
      lowSkillRe: parsed.lowSkillMarkers.length ? anyOf(parsed.lowSkillMarkers) : null,
    };
    compiled.set(raw, p);
  }
  return p;
}

/** A skill demand that is not negated: 3年以上工作经验, but not 无需工作经验 or 不限相关经验. */
function demandsSkill(text: string, re: RegExp): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!/[无不零免]/.test(text.slice(Math.max(0, m.index - 3), m.index))) return true;
  }
  return false;
}

/** 每天2小时, 一天1-2小时: the most hours a day the ad says the work takes. */
const HOURS_RE = /(?:每天|一天|每日|日均)(?:只需|只要|仅需|仅)?\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(?:个)?小时/;

/**
 * Pay is judged by its middle (a range's midpoint, an open 8000+'s 8000), against what the ad demands:
 * no experience and no skill asked for, part-time hours, a fee or scam in the same ad, or a guarantee.
 */
export const salaryDetector: Detector = (ctx, raw) => {
  const p = compile(raw);
  // What the ad demands is in its body: a title names the job (足疗技师), not a skill asked of the applicant.
  const body = ctx.fields.filter((f) => f.field !== 'title').map((f) => f.n.text).join('\n');
  const skilled = p.skillRe !== null && demandsSkill(body, p.skillRe);
  const noExperience = !skilled && p.markerRe.test(ctx.adText);
  const suspicious = p.contextCategories.some((c) => ctx.categoriesFound.has(c as never));
  const lowSkill = !skilled && (p.lowSkillRe?.test(ctx.adText) ?? false);
  const threshold = Math.min(
    noExperience ? p.noExperienceMonthly : Infinity,
    suspicious ? p.feeContextMonthly : Infinity,
    lowSkill ? p.lowSkillMonthly : Infinity,
  );
  const hours = HOURS_RE.exec(ctx.adText);
  const hoursADay = hours ? Number(hours[2] ?? hours[1]) : undefined;
  const hits: DetectorHit[] = [];
  for (const { field, n } of ctx.fields) {
    for (const pay of parsePay(n.text)) {
      const typical = (pay.monthlyMin + pay.monthlyMax) / 2;
      const daily = pay.period === 'day' || pay.period === 'hour' ? typical / 22 : 0;
      const gig = (noExperience && daily >= p.noExperienceDaily) || (suspicious && daily >= p.feeContextDaily);
      // A monthly or daily total for a few hours' work a day; an hourly rate says its own rate (家教 120元/小时).
      const partTime = !skilled && pay.period !== 'hour' && hoursADay !== undefined && hoursADay <= 4 && typical / 22 / hoursADay >= p.partTimeHourly;
      // An hourly rate is judged as a rate (a tutor's 300元/小时 is for a few hours), not as eight hours a day.
      const unskilled = !skilled && pay.period !== 'hour' && (typical >= p.unskilledMonthly || (pay.period === 'day' && daily >= p.unskilledDaily));
      // A guarantee next to a fee or a scam is bait at a lower figure (结业包就业，保底月薪8000).
      const guaranteeFloor = suspicious ? p.noExperienceMonthly : p.guaranteedMonthly;
      if (gig || partTime || unskilled || typical >= threshold || (pay.guaranteed && typical >= guaranteeFloor)) {
        hits.push({ field, start: pay.start, end: pay.end });
      }
    }
  }
  return hits;
};
