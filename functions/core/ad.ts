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
} as const;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

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
      })
      .strict()
      .optional(),
    salary: text(FIELD_LIMITS.salary).optional(),
    location: text(FIELD_LIMITS.location).optional(),
    contact: text(FIELD_LIMITS.contact).optional(),
    requirements: text(FIELD_LIMITS.requirements).optional(),
    benefits: text(FIELD_LIMITS.benefits).optional(),
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
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export function fieldText(ad: Ad, field: TextField): string | undefined {
  if (field === 'company.name') return ad.company?.name;
  return ad[field];
}
