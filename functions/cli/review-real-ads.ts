/**
 * `npm run review:real [-- REAL_ADS.jsonl]`: the real-ad precision review. Prints precision per category over
 * the judged findings (tests/eval/fixtures/real-ads-review.jsonl) and writes every finding still to judge —
 * each fee_charging, fraud, labor_rights, region and salary_promise finding on the real ads, and the rest up to
 * a seeded sample of 200 — to review-todo.jsonl, for a person to judge and append.
 *
 * The learned model's findings are reviewed apart (tests/eval/fixtures/real-ads-model-review.jsonl): every one
 * of them on every real ad, so a retrained model cannot land with findings nobody read (review-todo-model.jsonl).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Category } from '../core/categories.js';
import { createEngine, defaultLexiconDir } from '../engine.js';
import { judgementKey, modelReview, readJudgements, readRealAds, reviewPrecision } from '../eval/real-review.js';

const ALWAYS_JUDGED = new Set<Category>(['fee_charging', 'fraud', 'labor_rights', 'region', 'salary_promise']);
const SAMPLE = 200;

const repo = resolve(defaultLexiconDir(), '..');
const fixture = join(repo, 'tests/eval/fixtures/real-ads-review.jsonl');
const modelFixture = join(repo, 'tests/eval/fixtures/real-ads-model-review.jsonl');
const source = process.argv[2] ?? resolve(repo, '../shared/corpus/real-ads.jsonl');
const engine = createEngine({ policy: { model: 'off' } });
const withModel = createEngine();
const judgements = readJudgements(fixture);
const judged = new Set(judgements.map(judgementKey));

const { precision } = reviewPrecision(judgements, (ad) => engine.check(ad));
console.log('category             judged  false alarms  precision');
for (const p of precision) console.log(`${p.category.padEnd(20)} ${String(p.judged).padStart(6)}  ${String(p.falseAlarms).padStart(12)}  ${p.precision.toFixed(3)}`);

const ads = readRealAds(source);
const todo: object[] = [];
const others: object[] = [];
for (const ad of ads) {
  const input = { ...(ad.title ? { title: ad.title } : {}), description: ad.description };
  for (const f of engine.check(input).findings) {
    if (judged.has(judgementKey({ id: ad.id, ruleId: f.ruleId, text: f.text }))) continue;
    const text = f.field === 'description' ? ad.description : (ad.title ?? '');
    const item = { id: ad.id, ruleId: f.ruleId, category: f.category, text: f.text, context: text.slice(Math.max(0, f.start - 60), f.end + 60), ad: input };
    (ALWAYS_JUDGED.has(f.category) ? todo : others).push(item);
  }
}
// A seeded shuffle, so the same findings are proposed until they are judged.
let seed = 20261203;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const sampledSoFar = judgements.filter((j) => !ALWAYS_JUDGED.has(j.category)).length;
const sample = others.map((o) => [random(), o] as const).sort((a, b) => a[0] - b[0]).slice(0, Math.max(0, SAMPLE - sampledSoFar)).map(([, o]) => o);
writeFileSync('review-todo.jsonl', [...todo, ...sample].map((x) => JSON.stringify(x)).join('\n') + '\n');
console.log(`\n${todo.length} findings of ${[...ALWAYS_JUDGED].join(', ')} and ${sample.length} sampled others to judge: review-todo.jsonl`);

const model = modelReview(readJudgements(modelFixture), ads, (ad) => withModel.check(ad));
console.log(`\nthe learned model: ${model.findings} findings on ${ads.length} real ads, ${model.onCleanAds} of them on the ${model.cleanAds} ads the rules leave clean`);
console.log('category             judged  false alarms  precision');
for (const p of model.precision) console.log(`${p.category.padEnd(20)} ${String(p.judged).padStart(6)}  ${String(p.falseAlarms).padStart(12)}  ${p.precision.toFixed(3)}`);
writeFileSync('review-todo-model.jsonl', model.unjudged.map((x) => JSON.stringify(x)).join('\n') + '\n');
console.log(`${model.unjudged.length} model findings to judge: review-todo-model.jsonl`);
