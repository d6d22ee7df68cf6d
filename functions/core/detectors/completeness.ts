/**
 * Completeness: the six elements every posting must state (《人力资源市场暂行条例》第二十四条; the 2026 notice).
 * Each may come from a structured field or from the text, found by the engine's own analysis: pay by the pay
 * parser, duties and conditions by the sections and clause roles (岗位职责, 任职要求, 负责), the place by the
 * generated place names (outside a registered name) or an address, the company by a registered name, a label or
 * a description of the employer, the headcount by a figure of people. Word lists and regexes are the rule's
 * params (lexicons/incomplete.yaml). One finding on the whole ad names what is missing.
 */
import { z } from 'zod';
import type { FieldAnalysis } from '../analysis/field-analysis.js';
import { ELEMENTS, type Element } from '../structured/elements.js';
import { PatternList } from './pattern-list.js';
import { WHOLE_AD, type Detector, type DetectorContext } from './types.js';

const words = z.array(z.string().min(1)).min(1);
const ParamsSchema = z
  .object({
    /** Regexes (on normalised text) that name the employer: a registered name (…有限公司) or a label (单位名称：). */
    company: words,
    /** Regexes (on normalised text) that state a number of people wanted (招3人, 若干名). */
    headcount: words,
    /** Regexes (on normalised text) that state a place of work (工作地点:, 路12号), beside the place names. */
    location: words,
    /** Index tags of the place names (the pattern's sets: generated provinces, prefectures, counties). */
    setTags: words,
    /** Verbs of work (组装, 配送, 开发), beside a duty section. */
    duties: words,
    /** Words that make a clause a duty whatever else it says (负责, 工作内容). */
    dutyLabels: words,
    /** Words that state conditions (要求, 学历, 经验), beside a requirement section. */
    conditions: words,
  })
  .strict();
type Params = z.infer<typeof ParamsSchema>;

interface Compiled {
  company: PatternList;
  /** The same as one alternation, global: every registered name in a field. */
  companyAll: RegExp;
  /**
   * One alternation: few ads state a headcount, and one pass over a text that states none costs less than one
   * per pattern (company and location are decided by their first patterns on most ads).
   */
  headcount: RegExp;
  location: PatternList;
  setTags: string[];
  duties: RegExp;
  dutyLabels: RegExp;
  conditions: RegExp;
}

const alternation = (list: string[]) => new RegExp(list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const cache = new WeakMap<object, Compiled>();
function compile(raw: Record<string, unknown>): Compiled {
  let c = cache.get(raw);
  if (!c) {
    const p: Params = ParamsSchema.parse(raw);
    c = {
      company: new PatternList(p.company, 'u'),
      companyAll: new RegExp(p.company.join('|'), 'gu'),
      headcount: new RegExp(p.headcount.join('|'), 'u'),
      location: new PatternList(p.location, 'u'),
      setTags: p.setTags,
      duties: alternation(p.duties),
      dutyLabels: alternation(p.dutyLabels),
      conditions: alternation(p.conditions),
    };
    cache.set(raw, c);
  }
  return c;
}

/**
 * The fields that describe the job itself: a title names it (储备干部) without saying what the work is, and the
 * company's name and intro (餐饮管理有限公司) say what the company does, not what the job asks or involves.
 */
const JOB_FIELDS = new Set(['description', 'requirements', 'benefits', 'salary']);

/** Sections whose verbs are not the job's (配送 in 福利：电动车由公司提供 or in 工作地点：…配送站). */
const NOT_DUTY_SECTIONS = new Set(['perk', 'company', 'notice', 'warning']);

/**
 * A clause that says what the work is: a duty label (负责), or a verb of work outside perks, notices,
 * requirements and place lines, in a clause that states no condition (熟练掌握web开发框架 asks, it does not say
 * what the work is).
 */
function dutyClause(a: FieldAnalysis, c: FieldAnalysis['clauses'][number], p: Compiled): boolean {
  if (c.section && NOT_DUTY_SECTIONS.has(c.section)) return false;
  const text = a.n.text.slice(c.start, c.end);
  if (p.dutyLabels.test(text)) return true;
  return c.section !== 'requirement' && p.duties.test(text) && !p.conditions.test(text) && !p.location.test(text);
}

/** Name characters only between a place and a company suffix: the place begins the registered name. */
const NAME_RUN = /^[\p{Script=Han}a-z0-9()]{0,20}$/u;

/**
 * A place name outside the company's fields and outside a registered name (北京云京科技有限公司 is where it is
 * registered). The registered names are looked for only in a field that names a place.
 */
function namesPlace(a: FieldAnalysis, p: Compiled): boolean {
  if (a.field.startsWith('company.')) return false;
  const text = a.n.text;
  let suffixes: number[] | undefined;
  const inName = (end: number) => {
    suffixes ??= [...text.matchAll(p.companyAll)].map((m) => m.index);
    return suffixes.some((s) => s >= end && NAME_RUN.test(text.slice(end, s)));
  };
  return p.setTags.some((t) => a.byTag.get(t)?.some((h) => !inName(h.end)));
}

/** The elements the ad states, each from its structured field or from its text. */
export function statedElements(ctx: DetectorContext, p: Compiled): Set<Element> {
  const { ad, fields } = ctx;
  const job = fields.filter((a) => JOB_FIELDS.has(a.field));
  const says = (re: RegExp | PatternList, among: readonly FieldAnalysis[] = job) => among.some((a) => re.test(a.n.text));
  // The sections of the job fields, gathered in one pass: company, conditions and duties each ask for one.
  const sections = new Set<string>();
  for (const a of job) for (const c of a.clauses) if (c.section) sections.add(c.section);
  const stated = new Set<Element>();
  if (ad.company?.name || ad.company?.intro || sections.has('company') || says(p.company, fields)) stated.add('company');
  if (ad.headcount !== undefined || says(p.headcount, fields)) stated.add('headcount');
  const conditions = Object.values(ad.conditions ?? {}).some((v) => v !== undefined && v !== '');
  if (conditions || ad.requirements || sections.has('requirement') || says(p.conditions)) stated.add('conditions');
  if (sections.has('duty') || job.some((a) => a.clauses.some((c) => dutyClause(a, c, p)))) stated.add('duties');
  if (ad.location || says(p.location) || fields.some((a) => namesPlace(a, p))) stated.add('location');
  if (ad.pay || ad.salary || fields.some((a) => a.field !== 'company.intro' && a.payMentions().length > 0)) stated.add('pay');
  return stated;
}

export const completenessDetector: Detector = (ctx, raw) => {
  const p = compile(raw);
  const stated = statedElements(ctx, p);
  const missing: Element[] = ELEMENTS.filter((e) => !stated.has(e));
  // A deployment that must expire postings asks for a validity date (policy.yaml requireValidUntil).
  if (ctx.policy.requireValidUntil && (!ctx.ad.validUntil || ctx.ad.validUntil < ctx.now.toISOString().slice(0, 10))) missing.push('validUntil');
  return missing.length ? [{ field: WHOLE_AD, start: 0, end: 0, missing }] : [];
};
