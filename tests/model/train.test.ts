import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJiebaTokenizer } from '../../functions/adapters/jieba-tokenizer.js';
import { compileModel } from '../../functions/core/model/clause-model.js';
import { defaultLexiconDir } from '../../functions/engine.js';
import { clauseExamples, readLabelledFile } from '../../functions/model/dataset.js';
import { chooseThreshold, DEFAULT_TRAIN_OPTIONS, trainModel } from '../../functions/model/train.js';
import { engine } from '../core/engine-fixture.js';

const tokenizer = createJiebaTokenizer(engine.lexicon.words);
const dev = readLabelledFile(resolve(defaultLexiconDir(), '../../shared/corpus/dev.jsonl'));
const examples = dev.flatMap((ad, i) => clauseExamples(ad, i, engine.lexicon, tokenizer));
const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: 2, folds: 2, targetPrecision: 0.8, minPositives: 2 };

describe('clause examples', () => {
  it('cut an ad as the engine does and mark the clauses its evidence overlaps', () => {
    const [ad] = readLabelledFile(resolve(defaultLexiconDir(), '../tests/core/fixtures/phrasings.jsonl')).filter((a) => a.text === '要求：男，身体健康');
    expect(ad).toBeDefined();
    const clauses = clauseExamples({ ...ad!, labels: [{ category: 'gender', evidence: '男' }] }, 0, engine.lexicon, tokenizer);
    expect(clauses.map((c) => c.labels.reduce((a, b) => a + b, 0))).toEqual([1, 0]);
  });
});

describe('training', () => {
  it('gives the same model, bit for bit, from the same data and seed, and another from another seed', () => {
    const first = JSON.stringify(trainModel(examples, [], options));
    expect(JSON.stringify(trainModel(examples, [], options))).toBe(first);
    expect(JSON.stringify(trainModel(examples, [], { ...options, seed: options.seed + 1 }))).not.toBe(first);
  }, 60_000);

  it('keeps weights only for the categories it reports, never the silent ones', () => {
    const model = trainModel(examples, [], options);
    expect(model.categories.length).toBeGreaterThan(0);
    for (const c of options.silent) expect(model.categories).not.toContain(c);
    expect(Object.keys(model.heldOut)).toHaveLength(13);
    const compiled = compileModel(model, 'x');
    expect(compiled.scores('限男性', 0, 3, 'requirement')).toHaveLength(model.categories.length);
  }, 60_000);
});

describe('chooseThreshold', () => {
  const scored = (pairs: [number, boolean][]) => pairs.map(([score, positive]) => ({ score, positive }));
  const opts = { ...DEFAULT_TRAIN_OPTIONS, targetPrecision: 0.75, minPositives: 2 };

  it('takes the lowest score at which held-out precision still reaches the target', () => {
    const held = chooseThreshold(scored([[0.99, true], [0.95, true], [0.9, false], [0.8, true], [0.7, false], [0.6, false], [0.55, true]]), opts);
    expect(held.threshold).toBe(0.8);
    expect(held.precision).toBe(0.75);
    expect(held.recall).toBe(0.75);
  });

  it('never goes below 0.5 and says null when no threshold is precise enough', () => {
    expect(chooseThreshold(scored([[0.4, true], [0.3, true], [0.2, true]]), opts).threshold).toBeNull();
    expect(chooseThreshold(scored([[0.9, false], [0.8, false], [0.7, true]]), opts).threshold).toBeNull();
  });
});
