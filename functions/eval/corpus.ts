/**
 * The labeled corpus format (../shared/corpus/*.jsonl, tests/eval/fixtures/): one ad per line — title, text (the
 * description) and optionally the structured fields of a posting form — with its labels and expected decision.
 * A label is evidence of a category in a field (the description unless `field` names another: `title`,
 * `conditions.gender`), or, for `incomplete`, the elements the ad lacks.
 */
import { z } from 'zod';
import { readJsonl } from './read-jsonl.js';
import { CheckAdSchema, type Ad } from '../core/ad.js';
import { DECISIONS, PASSAGE_CATEGORIES } from '../core/categories.js';
import { ELEMENTS } from '../core/structured/elements.js';

const EvidenceLabel = z.object({ category: z.enum(PASSAGE_CATEGORIES), field: z.string().optional(), evidence: z.string() });
const IncompleteLabel = z.object({ category: z.literal('incomplete'), missing: z.array(z.enum([...ELEMENTS, 'validUntil'])).min(1) });
export const CorpusLabelSchema = z.union([EvidenceLabel, IncompleteLabel]);
export type CorpusLabel = z.infer<typeof CorpusLabelSchema>;

const { company, location, conditions, headcount, pay, validUntil } = CheckAdSchema.shape;
export const CorpusAdSchema = z.object({
  id: z.string(),
  title: z.string().default(''),
  text: z.string(),
  company,
  location,
  conditions,
  headcount,
  pay,
  validUntil,
  labels: z.array(CorpusLabelSchema),
  decision: z.enum(DECISIONS),
  note: z.string().optional(),
});
export type CorpusAd = z.infer<typeof CorpusAdSchema>;

/** The ad a corpus line stands for, as the engine checks it. */
export function corpusAdToAd({ title, text, company, location, conditions, headcount, pay, validUntil }: CorpusAd): Ad {
  return { title, description: text, company, location, conditions, headcount, pay, validUntil };
}

export const readCorpus = (path: string): CorpusAd[] => readJsonl(path, CorpusAdSchema);
