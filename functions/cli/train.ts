/**
 * `npm run train [-- --feedback FILE]... [--seed N] [--out FILE] [--loco]`
 *
 * Trains the clause model (functions/model/) from every labelled corpus in the repository and any feedback
 * export in the corpus format (`/v1/feedback/export`), and writes lexicons/model.json. The same data and
 * seed give the same file, byte for byte. Retraining is a reviewed change like a lexicon edit: commit the
 * file with the figures this prints.
 *
 * `--loco` instead trains once per corpus on all the others and scores the one left out with the rules
 * alone and with rules + model: the honest measure of what the model adds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createJiebaTokenizer } from '../adapters/jieba-tokenizer.js';
import { loadLexiconDir } from '../adapters/lexicon-files.js';
import { MODEL_FILE } from '../adapters/model-file.js';
import { buildEngine, type Engine } from '../core/engine.js';
import type { ModelFile } from '../core/model/clause-model.js';
import { defaultLexiconDir } from '../engine.js';
import { readCorpus, type CorpusAd } from '../eval/corpus.js';
import { macroOf } from '../eval/report.js';
import { predictionsOf, score, type Score } from '../eval/score.js';
import { trainingFiles, type NamedFile } from '../model/corpora.js';
import { clauseExamples, readLabelledFile, type ClauseExample } from '../model/dataset.js';
import { DEFAULT_TRAIN_OPTIONS, trainModel, type TrainOptions } from '../model/train.js';

const { values } = parseArgs({
  options: {
    feedback: { type: 'string', multiple: true, default: [] },
    seed: { type: 'string' },
    out: { type: 'string' },
    loco: { type: 'boolean', default: false },
  },
});
const dir = defaultLexiconDir();
const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...(values.seed ? { seed: Number(values.seed) } : {}) };
const lexicon = loadLexiconDir(dir);
const rulesOnly = buildEngine({ lexicon, tokenizer: createJiebaTokenizer, policy: { model: 'off' } });
const tokenizer = createJiebaTokenizer(rulesOnly.lexicon.words);

const files: NamedFile[] = [...trainingFiles(dir), ...values.feedback.map((path) => ({ name: path, path, scored: false }))];
let adCount = 0;
const data = files.map((file) => {
  const ads = readLabelledFile(file.path);
  const examples = ads.flatMap((ad) => clauseExamples(ad, adCount++, rulesOnly.lexicon, tokenizer));
  return { file, ads: ads.length, examples };
});
const trainedOn = (parts: typeof data) => parts.map((d) => ({ corpus: d.file.name, ads: d.ads, clauses: d.examples.length }));
const examplesOf = (parts: typeof data): ClauseExample[] => parts.flatMap((d) => d.examples);

const withModel = (file: ModelFile): Engine => buildEngine({ lexicon, tokenizer: createJiebaTokenizer, model: { file, hash: 'candidate' } });
const scoreWith = (engine: Engine, corpus: CorpusAd[]): Score => score(corpus, predictionsOf(engine));

const fixed = (n: number) => n.toFixed(3);
const row = (s: Score) => `${fixed(macroOf(s, 'precision'))}  ${fixed(macroOf(s, 'recall'))}  ${fixed(s.decisionAccuracy)}`;

if (values.loco) {
  console.log('left-out corpus                          rules P  R      dec    | rules+model P  R      dec    | recall +   precision +');
  const deltas: [number, number][] = [];
  for (const left of data.filter((d) => d.file.scored)) {
    const model = trainModel(examplesOf(data.filter((d) => d !== left)), trainedOn(data.filter((d) => d !== left)), options);
    const corpus = readCorpus(left.file.path);
    const rules = scoreWith(rulesOnly, corpus);
    const both = scoreWith(withModel(model), corpus);
    const dr = macroOf(both, 'recall') - macroOf(rules, 'recall');
    const dp = macroOf(both, 'precision') - macroOf(rules, 'precision');
    deltas.push([dr, dp]);
    console.log(`${left.file.name.padEnd(40)} ${row(rules)} | ${row(both)}        | ${dr >= 0 ? '+' : ''}${fixed(dr)}     ${dp >= 0 ? '+' : ''}${fixed(dp)}`);
  }
  const mean = (k: 0 | 1) => deltas.reduce((a, d) => a + d[k], 0) / deltas.length;
  console.log(`mean change with the model: recall ${mean(0) >= 0 ? '+' : ''}${fixed(mean(0))}, precision ${mean(1) >= 0 ? '+' : ''}${fixed(mean(1))}`);
} else {
  const model = trainModel(examplesOf(data), trainedOn(data), options);
  const out = values.out ?? join(dir, MODEL_FILE);
  const text = `${JSON.stringify(model)}\n`;
  writeFileSync(out, text);
  console.log(`wrote ${out} (${(text.length / 1024 / 1024).toFixed(2)} MB, ${examplesOf(data).length} clauses from ${adCount} ads, seed ${options.seed})`);
  console.log('category             reports from  held-out precision  recall  positives');
  for (const [c, h] of Object.entries(model.heldOut)) {
    const from = c in model.thresholds ? fixed(model.thresholds[c]!) : 'silent';
    console.log(`${c.padEnd(20)} ${from.padStart(12)}  ${fixed(h.precision).padStart(18)}  ${fixed(h.recall)}  ${h.positives}`);
  }
}
