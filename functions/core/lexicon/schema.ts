/** The zod schema every lexicon file is validated against when loaded. The `Rule` type is inferred from it. */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../categories.js';

const nonEmpty = z.string().min(1);

/** A named list of words; referenced from regexes as {{name}}. */
export const SetsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(nonEmpty).min(1));

const Boundary = z.enum(['both', 'start', 'end', 'none']);

export const TermsPatternSchema = z
  .object({ terms: z.array(nonEmpty).min(1), boundary: Boundary.optional() })
  .strict();
export const RegexPatternSchema = z
  .object({ regex: nonEmpty, boundary: Boundary.optional() })
  .strict();
export const DetectorPatternSchema = z
  .object({ detector: nonEmpty, params: z.record(z.string(), z.unknown()).default({}) })
  .strict();
export const PatternSchema = z.union([TermsPatternSchema, RegexPatternSchema, DetectorPatternSchema]);

/**
 * Where an exception looks: `overlap` (it must overlap the match), `clause` (between commas),
 * `sentence` (between 。；！？ or line breaks) or `ad` (anywhere in the field).
 */
export const ExceptionScope = z.enum(['overlap', 'clause', 'sentence', 'ad']);
export const ExceptionSchema = z.union([
  z.object({ terms: z.array(nonEmpty).min(1), scope: ExceptionScope.default('clause') }).strict(),
  z.object({ regex: nonEmpty, scope: ExceptionScope.default('clause') }).strict(),
]);

export const LegalSchema = z.object({ law: nonEmpty, article: nonEmpty }).strict();

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case ASCII with dashes, e.g. gender-male-only'),
    severity: z.enum(SEVERITIES).optional(),
    message: nonEmpty,
    suggestion: nonEmpty.optional(),
    legal: z.array(LegalSchema).min(1),
    patterns: z.array(PatternSchema).min(1),
    exceptions: z.array(ExceptionSchema).default([]),
    /** Lower the severity when the ad shows a lawful reason (e.g. 井下 work for a gender condition). */
    downgradeWhen: z.array(ExceptionSchema).default([]),
    examples: z
      .object({ match: z.array(nonEmpty).min(1), clean: z.array(nonEmpty).min(1) })
      .strict(),
  })
  .strict();

export const CategoryFileSchema = z
  .object({
    category: z.enum(CATEGORIES),
    sets: SetsSchema.default({}),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

export const CommonFileSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semver such as 1.2.0'),
    sets: SetsSchema.default({}),
    variants: z
      .object({
        symbols: z.record(z.string(), z.string()).default({}),
        pinyin: z.record(z.string().regex(/^[a-z]+$/), z.string()).default({}),
        phrases: z.record(z.string(), z.string()).default({}),
        noiseBetweenHan: z.string().default(' '),
      })
      .strict(),
  })
  .strict();

export const PolicySchema = z
  .object({
    /** Default severity of a finding per category (policy.md). */
    severities: z.record(z.enum(CATEGORIES), z.enum(SEVERITIES)),
    /** Per-rule overrides: a severity, or `off` to disable the rule in this deployment. */
    rules: z.record(z.string(), z.enum([...SEVERITIES, 'off'])).default({}),
  })
  .strict();

export type Rule = z.infer<typeof RuleSchema>;
export type Pattern = z.infer<typeof PatternSchema>;
export type LexiconException = z.infer<typeof ExceptionSchema>;
export type CategoryFile = z.infer<typeof CategoryFileSchema>;
export type CommonFile = z.infer<typeof CommonFileSchema>;
export type Policy = z.infer<typeof PolicySchema>;
