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

export const AdSchema = z
  .object({
    title: text(FIELD_LIMITS.title).min(1, 'must not be empty'),
    description: text(FIELD_LIMITS.description).refine((s) => s.trim().length > 0, 'must not be empty'),
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

export type Ad = z.infer<typeof AdSchema>;

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
