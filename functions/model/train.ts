/**
 * Trains the clause model: one-vs-rest logistic regression over hashed n-grams by stochastic gradient
 * descent, with per-category thresholds chosen on held-out folds.
 *
 * Why our own ~100 lines and not ml-logistic-regression: that package trains on a dense ml-matrix, and our
 * design matrix is ~30,000 clauses × 2^20 hashed features (almost all zero). Sparse SGD touches only a
 * clause's own features, and with a seeded order it gives the same model bit for bit.
 */
import { PASSAGE_CATEGORIES as CATEGORIES, type Category } from '../core/categories.js';
import { FEATURE_BITS } from '../core/model/features.js';
import { MODEL_FORMAT, sigmoid, type ModelFile } from '../core/model/clause-model.js';
import type { ClauseExample } from './dataset.js';

export interface TrainOptions {
  seed: number;
  epochs: number;
  /** Held-out folds for choosing thresholds. */
  folds: number;
  /** The precision a category's threshold must reach on the held-out folds. */
  targetPrecision: number;
  /** Fewest held-out true positives a threshold must rest on. */
  minPositives: number;
  /** Categories the model never reports (it still learns them). */
  silent: readonly Category[];
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  seed: 20261203,
  epochs: 8,
  folds: 4,
  // Held-out folds come from the corpora the model learns from; real ads are further away (0.9 there needs more here).
  targetPrecision: 0.97,
  minPositives: 5,
  // Categories decided by the value of a figure: whether pay is a false promise depends on the amount against
  // what the ad asks (the salary detector), an age is a limit or a lawful minimum by its direction and value
  // (18岁以上 against 35岁以下), and a probation is lawful or not by its length against the contract's (合同签3年,
  // 试用期2个月: the probation detector). The features fold every digit to 0, so the model cannot see any of them.
  silent: ['salary_promise', 'age', 'labor_rights'],
};

const WIDTH = CATEGORIES.length;
const LEARNING_RATE = 0.5;
const DECAY = 1e-5;
const L2 = 1e-6;
const POSITIVE_WEIGHT_CAP = 3;
/** No probability below this reports anything, whatever the folds say. */
const THRESHOLD_FLOOR = 0.5;
/**
 * A bucket whose weights all stay below this is dropped (about nine in ten are: n-grams of everyday ad text).
 * The file shrinks tenfold and the check's table fits in the processor's cache; on every labelled and real ad
 * the model reports the same clauses with or without them. Held-out thresholds are chosen with the same cut.
 */
export const MIN_WEIGHT = 0.15;

/** mulberry32: a small seeded generator (Math.random cannot be seeded). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface Weights {
  weights: Float64Array;
  bias: Float64Array;
}

/** z = bias + (Σ weights of the clause's features) / √(number of features): the same sum compileModel makes. */
export function probabilities(w: Weights, features: Int32Array): Float64Array {
  const z = new Float64Array(WIDTH);
  for (const f of features) for (let c = 0; c < WIDTH; c++) z[c]! += w.weights[f * WIDTH + c]!;
  const scale = 1 / Math.sqrt(features.length);
  return z.map((s, c) => sigmoid(w.bias[c]! + s * scale));
}

export function trainWeights(examples: readonly ClauseExample[], options: TrainOptions): Weights {
  const random = seededRandom(options.seed);
  const weights = new Float64Array((1 << FEATURE_BITS) * WIDTH);
  const bias = new Float64Array(WIDTH);
  // Positives are rare: each weighs up to 3 negatives, so a category with a few dozen examples still counts
  // (more, and the words around a condition, 招 and 客服 in 招女客服, start to count as the condition).
  const positives = new Float64Array(WIDTH);
  for (const e of examples) for (let c = 0; c < WIDTH; c++) positives[c]! += e.labels[c]!;
  const positiveWeight = positives.map((p) => (p ? Math.min(POSITIVE_WEIGHT_CAP, Math.sqrt((examples.length - p) / p)) : 1));
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(examples.length, random)) {
      const { features, labels } = examples[i]!;
      const p = probabilities({ weights, bias }, features);
      const rate = LEARNING_RATE / (1 + DECAY * step++);
      const scale = 1 / Math.sqrt(features.length);
      for (let c = 0; c < WIDTH; c++) {
        const gradient = (p[c]! - labels[c]!) * (labels[c] ? positiveWeight[c]! : 1);
        bias[c]! -= rate * gradient;
        for (const f of features) {
          const at = f * WIDTH + c;
          weights[at]! -= rate * (gradient * scale + L2 * weights[at]!);
        }
      }
    }
  }
  return { weights, bias };
}

export interface HeldOut {
  threshold: number | null;
  precision: number;
  recall: number;
  positives: number;
}

/**
 * The lowest probability (not below the floor) at which the held-out precision of everything scoring at least
 * that much reaches the target, resting on enough true positives; null when none does.
 */
export function chooseThreshold(scored: { score: number; positive: boolean }[], options: TrainOptions): HeldOut {
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.positive).length;
  let best: HeldOut = { threshold: null, precision: 0, recall: 0, positives };
  let truePositives = 0;
  sorted.forEach((s, i) => {
    if (s.positive) truePositives++;
    if (s.score < THRESHOLD_FLOOR) return;
    // only where the next score differs: a threshold keeps every clause of its score
    if (i + 1 < sorted.length && sorted[i + 1]!.score === s.score) return;
    const precision = truePositives / (i + 1);
    if (precision >= options.targetPrecision && truePositives >= options.minPositives) {
      best = { threshold: s.score, precision, recall: truePositives / positives, positives };
    }
  });
  return best;
}

/** The weights with every bucket whose weights in `columns` all stay below MIN_WEIGHT set to zero. */
function pruned(w: Weights, columns: readonly number[]): Weights {
  const weights = w.weights.slice();
  for (let at = 0; at < weights.length; at += WIDTH) {
    if (!columns.some((c) => Math.abs(weights[at + c]!) >= MIN_WEIGHT)) weights.fill(0, at, at + WIDTH);
  }
  return { weights, bias: w.bias };
}

const reportable = (options: TrainOptions) => CATEGORIES.flatMap((c, i) => (options.silent.includes(c) ? [] : [i]));

/** Out-of-fold probabilities: every example scored by weights trained without its ad (and cut as the file will be). */
export function heldOutScores(examples: readonly ClauseExample[], options: TrainOptions): Float64Array[] {
  // a loop, not Math.max(...): spreading every clause overflows the stack once the corpora pass ~100,000 clauses
  const ads = examples.reduce((most, e) => Math.max(most, e.ad), -1) + 1;
  const foldOfAd = shuffled(ads, seededRandom(options.seed ^ 0x5eed)).reduce((folds, ad, i) => folds.set(ad, i % options.folds), new Map<number, number>());
  const scores: Float64Array[] = new Array(examples.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const w = pruned(trainWeights(examples.filter((e) => foldOfAd.get(e.ad) !== fold), options), reportable(options));
    examples.forEach((e, i) => {
      if (foldOfAd.get(e.ad) === fold) scores[i] = probabilities(w, e.features);
    });
  }
  return scores;
}

const toBase64 = (bytes: ArrayBufferView) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The model file: weights of the buckets the data used, quantised, with held-out thresholds. */
export function trainModel(examples: readonly ClauseExample[], trainedOn: ModelFile['trainedOn'], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): ModelFile {
  const oof = heldOutScores(examples, options);
  const heldOut = CATEGORIES.map((_, c) => chooseThreshold(examples.map((e, i) => ({ score: oof[i]![c]!, positive: e.labels[c] === 1 })), options));
  const { weights, bias } = trainWeights(examples, options);
  // Only the categories the model reports keep their weights: a silent one would only cost space and time.
  const reported = CATEGORIES.flatMap((c, i) => (options.silent.includes(c) || heldOut[i]!.threshold === null ? [] : [i]));
  const width = reported.length;
  const weightOf = (bucket: number, column: number) => weights[bucket * WIDTH + reported[column]!]!;
  const used = [...new Set(examples.flatMap((e) => [...e.features]))].sort((a, b) => a - b);
  let maxAbs = 0;
  for (const b of used) for (let c = 0; c < width; c++) maxAbs = Math.max(maxAbs, Math.abs(weightOf(b, c)));
  const weightScale = maxAbs / 32767 || 1;
  const kept = used.filter((b) => {
    for (let c = 0; c < width; c++) if (Math.abs(weightOf(b, c)) >= MIN_WEIGHT) return true;
    return false;
  });
  const quantised = new Int16Array(kept.length * width);
  kept.forEach((b, row) => {
    for (let c = 0; c < width; c++) quantised[row * width + c] = Math.round(weightOf(b, c) / weightScale);
  });
  return {
    format: MODEL_FORMAT,
    featureBits: FEATURE_BITS,
    seed: options.seed,
    trainedOn,
    categories: reported.map((i) => CATEGORIES[i]!),
    bias: reported.map((i) => bias[i]!),
    thresholds: Object.fromEntries(reported.map((i) => [CATEGORIES[i]!, heldOut[i]!.threshold!])),
    heldOut: Object.fromEntries(CATEGORIES.map((c, i) => [c, heldOut[i]!])),
    weightScale,
    buckets: toBase64(Int32Array.from(kept)),
    weights: toBase64(quantised),
  };
}
