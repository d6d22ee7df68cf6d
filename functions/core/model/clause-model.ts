/**
 * The learned second opinion: a linear (logistic) clause classifier over hashed n-grams, one output per
 * category, trained by `npm run train` (functions/model/) into lexicons/model.json.
 *
 * The file holds only the buckets the training data used, their weights quantised to 16 bits, and per
 * category the probability above which the model speaks (chosen on held-out folds) or null (it stays silent).
 */
import { z } from 'zod';
import { PASSAGE_CATEGORIES, type Category } from '../categories.js';
import { FEATURE_BITS, fillFeatures, maxFeatures } from './features.js';

export const MODEL_FORMAT = 'hirecheck-clause-model/1';

const HeldOutSchema = z.object({ threshold: z.number().nullable(), precision: z.number(), recall: z.number(), positives: z.number().int() });

export const ModelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    featureBits: z.literal(FEATURE_BITS),
    seed: z.number().int(),
    trainedOn: z.array(z.object({ corpus: z.string(), ads: z.number().int(), clauses: z.number().int() })),
    /** The categories the model reports, each with its bias, its threshold and a column of weights. */
    categories: z.array(z.enum(PASSAGE_CATEGORIES)),
    bias: z.array(z.number()),
    /** Per reported category: the probability from which the model reports a clause. */
    thresholds: z.record(z.string(), z.number().min(0).max(1)),
    /** Per category (reported or not): precision and recall at its best threshold on the held-out folds, and the positives seen. */
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
  /** Probability per category that the clause `text[start, end)` in `section` states a violation of it (reused between calls). */
  scores(text: string, start: number, end: number, section: string | undefined): Float64Array;
}

/** Bytes from base64: Node's Buffer where there is one (ten times faster), else atob (the core runs anywhere). */
function fromBase64(s: string): Uint8Array {
  const nodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: 'base64'): Uint8Array } }).Buffer;
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(s, 'base64')); // a copy: aligned, its own buffer
  const binary = atob(s);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The weights by bucket in one open-addressing table: each slot holds the bucket and its weights side by side,
 * so a feature costs one memory access (a clause has ~40 and an ad ~40 clauses).
 */
function weightTable(buckets: Int32Array, quantised: Int16Array, width: number) {
  // Filled to at least 40%: only buckets the presence bit vouches for are looked up, and each is there, so a fuller
  // table costs few extra probes and half the memory of one kept under 50% (the table waits on the cache).
  const bits = Math.max(4, Math.ceil(Math.log2(buckets.length * 1.25)));
  const mask = (1 << bits) - 1;
  const stride = 1 + Math.ceil(width / 2); // 32-bit words: the bucket, then the int16 weights
  const slots = new Int32Array((mask + 1) * stride).fill(-1);
  const weights = new Int16Array(slots.buffer);
  const home = (bucket: number) => Math.imul(bucket, 0x9e3779b1) >>> (32 - bits);
  // One bit per bucket of the feature space: most of a clause's n-grams have no weight, and the bit (128 KB for
  // 2^20 buckets) says so without a look into the table (megabytes, a cache miss each).
  const present = new Uint8Array(Math.ceil(2 ** FEATURE_BITS / 8));
  buckets.forEach((bucket, row) => {
    let s = home(bucket);
    while (slots[s * stride] !== -1) s = (s + 1) & mask;
    slots[s * stride] = bucket;
    for (let c = 0; c < width; c++) weights[(s * stride + 1) * 2 + c] = quantised[row * width + c]!;
    present[bucket >>> 3]! |= 1 << (bucket & 7);
  });
  return {
    addWeights(bucket: number, sums: Int32Array): void {
      if (!(present[bucket >>> 3]! & (1 << (bucket & 7)))) return;
      for (let s = home(bucket); ; s = (s + 1) & mask) {
        const key = slots[s * stride]!;
        if (key === -1) return;
        if (key !== bucket) continue;
        for (let c = 0, at = (s * stride + 1) * 2; c < width; c++) sums[c]! += weights[at + c]!;
        return;
      }
    },
  };
}

export function compileModel(file: ModelFile, hash: string): ClauseModel {
  const categories = file.categories;
  const width = categories.length;
  const buckets = new Int32Array(fromBase64(file.buckets).buffer);
  const quantised = new Int16Array(fromBase64(file.weights).buffer);
  if (quantised.length !== buckets.length * width || file.bias.length !== width) throw new Error('model file: weights do not match buckets and categories');
  const table = weightTable(buckets, quantised, width);
  const bias = Float64Array.from(file.bias);
  const thresholds = Float64Array.from(categories, (c) => file.thresholds[c] ?? Number.NaN);
  // Sums stay in int16 units (one multiplication at the end).
  const sums = new Int32Array(width);
  const scores = new Float64Array(width);
  let features = new Int32Array(256);
  return {
    hash,
    categories,
    thresholds,
    scores(text, start, end, section) {
      if (features.length < maxFeatures(end - start)) features = new Int32Array(2 * maxFeatures(end - start));
      const count = fillFeatures(text, start, end, section, features);
      sums.fill(0);
      for (let i = 0; i < count; i++) table.addWeights(features[i]!, sums);
      const scale = file.weightScale / Math.sqrt(count);
      for (let c = 0; c < width; c++) scores[c] = sigmoid(bias[c]! + sums[c]! * scale);
      return scores;
    },
  };
}
