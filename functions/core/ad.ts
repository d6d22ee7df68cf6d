/** The job ad accepted by every interface, validated with zod at the edge. */
import { z } from 'zod';

/** Longest text accepted per field; the API documents these limits. */
export const FIELD_LIMITS = {
  title: 200,
  description: 20_000,
  requirements: 10_000,
  benefits: 10_000,
  salary: 200,
  location: 500,
  contact: 500,
  companyName: 200,
  companyIntro: 2_000,
  condition: 50,
} as const;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** Pay periods a structured pay range is stated in. */
export const PAY_UNITS = ['hour', 'day', 'month', 'year'] as const;

/**
 * Conditions as a platform's posting form holds them (性别要求, 年龄要求, 学历要求, 户籍, 经验). The engine reads
 * them like text: a stated gender or hukou, an age cap, a school tier in the education are findings.
 */
export const ConditionsSchema = z
  .object({
    gender: text(FIELD_LIMITS.condition).optional(),
    ageMin: z.number().int().min(0).max(100).optional(),
    ageMax: z.number().int().min(0).max(100).optional(),
    education: text(FIELD_LIMITS.condition).optional(),
    hukou: text(FIELD_LIMITS.condition).optional(),
    experience: text(FIELD_LIMITS.condition).optional(),
  })
  .strict()
  .refine((c) => c.ageMin === undefined || c.ageMax === undefined || c.ageMin <= c.ageMax, { message: 'ageMin must not exceed ageMax', path: ['ageMin'] });

export const PaySchema = z
  .object({
    min: z.number().nonnegative().max(100_000_000).optional(),
    max: z.number().nonnegative().max(100_000_000).optional(),
    unit: z.enum(PAY_UNITS),
    /** Months paid a year (13薪). */
    months: z.number().int().min(1).max(24).optional(),
  })
  .strict()
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, { message: 'min must not exceed max', path: ['min'] })
  .refine((p) => p.min !== undefined || p.max !== undefined, { message: 'give min, max or both' });

/** A calendar date, YYYY-MM-DD, that exists. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');


/** Whitespace, control, zero-width, bidi and variation-selector characters: nothing a reader can see. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\u034f\u115f\u1160\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0]/gu;

/** True when `s` has at least one visible character: a title of spaces, NUL or U+200B is empty. */
export function hasVisibleText(s: string): boolean {
  return s.replace(INVISIBLE, '').length > 0;
}

/** A required text: at most `max` characters, and not empty once invisible characters are removed. */
export const requiredText = (max: number) => text(max).refine(hasVisibleText, 'must not be empty');

/**
 * The ad as checked (`hirecheck check`, POST /v1/check, prescreen): scraped and exported ads often have no
 * title, so it is optional. Stored ads (AdSchema) require one.
 */
export const CheckAdSchema = z
  .object({
    title: text(FIELD_LIMITS.title).optional(),
    description: requiredText(FIELD_LIMITS.description),
    company: z
      .object({
        name: text(FIELD_LIMITS.companyName).optional(),
        creditCode: z.string().max(32).optional(),
        intro: text(FIELD_LIMITS.companyIntro).optional(),
      })
      .strict()
      .optional(),
    salary: text(FIELD_LIMITS.salary).optional(),
    location: text(FIELD_LIMITS.location).optional(),
    contact: text(FIELD_LIMITS.contact).optional(),
    requirements: text(FIELD_LIMITS.requirements).optional(),
    benefits: text(FIELD_LIMITS.benefits).optional(),
    conditions: ConditionsSchema.optional(),
    headcount: z.number().int().min(1).max(100_000).optional(),
    pay: PaySchema.optional(),
    /** The last day the posting is valid (有效期). */
    validUntil: isoDate.optional(),
  })
  .strict();

/** The ad as stored (POST /v1/ads, PUT): a title is required. */
export const AdSchema = CheckAdSchema.extend({ title: requiredText(FIELD_LIMITS.title) }).strict();

/** Every field the engine reads; `title` may be missing when only checking. */
export type Ad = z.infer<typeof CheckAdSchema>;
export type StoredAd = z.infer<typeof AdSchema>;
/** The top-level keys an ad may have (exports carry more: `hirecheck check --jsonl` ignores the rest). */
export const AD_KEYS = Object.keys(CheckAdSchema.shape) as (keyof Ad)[];

/** Names of the text fields the engine reads, in report order. `company.name` is reported as `company.name`. */
export const TEXT_FIELDS = [
  'title',
  'description',
  'requirements',
  'benefits',
  'salary',
  'location',
  'contact',
  'company.name',
  'company.intro',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export function fieldText(ad: Ad, field: TextField): string | undefined {
  if (field === 'company.name') return ad.company?.name;
  if (field === 'company.intro') return ad.company?.intro;
  return ad[field];
}
