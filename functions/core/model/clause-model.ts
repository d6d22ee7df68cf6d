/**
 * The learned second opinion: a linear (logistic) clause classifier over hashed n-grams, one output per
 * category, trained by `npm run train` (functions/model/) into lexicons/model.json.
 *
 * The file holds only the buckets the training data used, their weights quantised to 16 bits, and per
 * category the probability above which the model speaks (chosen on held-out folds) or null (it stays silent).
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../categories.js';
import { FEATURE_BITS, forEachFeature } from './features.js';

export const MODEL_FORMAT = 'hirecheck-clause-model/1';

const HeldOutSchema = z.object({ precision: z.number(), recall: z.number(), positives: z.number().int() });

export const ModelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    featureBits: z.literal(FEATURE_BITS),
    seed: z.number().int(),
    trainedOn: z.array(z.object({ corpus: z.string(), ads: z.number().int(), clauses: z.number().int() })),
    categories: z.array(z.enum(CATEGORIES)).min(1),
    bias: z.array(z.number()),
    /** Per category: the probability from which the model reports a clause, or null: it never does. */
    thresholds: z.record(z.string(), z.number().min(0).max(1).nullable()),
    /** Per category: precision and recall at that threshold on the held-out folds, and the positives seen. */
    heldOut: z.record(z.string(), HeldOutSchema),
    /** weight = int16 × weightScale */
    weightScale: z.number().positive(),
    /** base64 of the buckets (Int32, little-endian, ascending) and of their weights (Int16, bucket by bucket, one per category). */
    buckets: z.string(),
    weights: z.string(),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFileSchema>;

export interface ClauseModel {
  /** Folded into the verdict's lexiconVersion: a stored verdict names the model that made it. */
  hash: string;
  categories: readonly Category[];
  /** Threshold per category (index as `categories`), NaN where the model stays silent. */
  thresholds: Float64Array;
  /** Probability per category that the clause `text[start, end)` in `section` states a violation of it. */
  scores(text: string, start: number, end: number, section: string | undefined): Float64Array;
}

/** Bytes from base64 without Node's Buffer: the core runs anywhere. */
function fromBase64(s: string): Uint8Array {
  const binary = atob(s);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function compileModel(file: ModelFile, hash: string): ClauseModel {
  const categories = file.categories;
  const width = categories.length;
  const buckets = new Int32Array(fromBase64(file.buckets).buffer);
  const quantised = new Int16Array(fromBase64(file.weights).buffer);
  if (quantised.length !== buckets.length * width || file.bias.length !== width) throw new Error('model file: weights do not match buckets and categories');
  const weights = Float64Array.from(quantised, (q) => q * file.weightScale);
  // bucket → its row + 1 (0: the bucket carries no weight)
  const rowOf = new Int32Array(1 << FEATURE_BITS);
  buckets.forEach((b, row) => (rowOf[b] = row + 1));
  const bias = Float64Array.from(file.bias);
  const thresholds = Float64Array.from(categories, (c) => file.thresholds[c] ?? Number.NaN);
  const sums = new Float64Array(width);
  let count = 0;
  const add = (bucket: number) => {
    count++;
    const row = rowOf[bucket]!;
    if (!row) return;
    for (let c = 0, at = (row - 1) * width; c < width; c++) sums[c]! += weights[at + c]!;
  };
  return {
    hash,
    categories,
    thresholds,
    scores(text, start, end, section) {
      sums.fill(0);
      count = 0;
      forEachFeature(text, start, end, section, add);
      return Float64Array.from(sums, (s, c) => sigmoid(bias[c]! + s / Math.sqrt(count)));
    },
  };
}
