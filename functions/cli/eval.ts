/**
 * `npm run eval [-- CORPUS.jsonl ...] [--quiet] [--baselines] [--no-model] [--fix]`: the engine's per-category
 * precision, recall and F1, decision accuracy, and every miss and false alarm, on labeled corpora (default: the shared dev
 * corpus, ../shared/corpus/dev.jsonl). With several corpora a summary table closes the report.
 * `--fix` adds how well fixes fix (functions/eval/fix-rates.ts), by default over every labelled corpus (dev and
 * tests/eval/fixtures); a corpus without labels (real-ads.jsonl) gets the fix figures only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { decide } from '../core/decide.js';
import { createEngine, defaultLexiconDir } from '../engine.js';
import { loadLexiconDir } from '../adapters/lexicon-files.js';
import { mintMatcher, substringMatcher, type PhraseMatcher } from '../eval/baselines.js';
import { readCorpus, type CorpusAd } from '../eval/corpus.js';
import { fixRates, formatFixRates, formatFixSummary, readFixSamples, type FixRates } from '../eval/fix-rates.js';
import { formatScore, formatSummary } from '../eval/report.js';
import { predictionsOf, score, type Prediction, type Score } from '../eval/score.js';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const withFixes = args.includes('--fix');
const devCorpus = resolve(defaultLexiconDir(), '../../shared/corpus/dev.jsonl');
const fixtures = resolve(defaultLexiconDir(), '../tests/eval/fixtures');
const isLabelled = (path: string) => 'labels' in JSON.parse(readFileSync(path, 'utf8').split('\n', 1)[0] || '{}');
const everyLabelled = () => [devCorpus, ...readdirSync(fixtures).filter((f) => f.endsWith('.jsonl')).map((f) => join(fixtures, f))].filter(isLabelled);
const corpusPaths = files.length ? files : withFixes ? everyLabelled() : [devCorpus];
// --no-model: the rules alone (the ablation of the learned second opinion)
const engine = createEngine(args.includes('--no-model') ? { policy: { model: 'off' } } : {});

const enginePrediction = predictionsOf(engine);

const summary: [string, Score][] = [];
const fixSummary: [string, FixRates][] = [];
for (const corpusPath of corpusPaths) {
  if (withFixes) {
    const rates = fixRates(readFixSamples(corpusPath), engine);
    fixSummary.push([basename(corpusPath), rates]);
    console.log(formatFixRates(basename(corpusPath), rates, !args.includes('--quiet')));
    if (!isLabelled(corpusPath)) continue;
  }
  const corpus = readCorpus(corpusPath);
  const engineScore = score(corpus, enginePrediction);
  summary.push([basename(corpusPath), engineScore]);
  console.log(formatScore(`${basename(corpusPath)}: engine (lexicon ${engine.info().version})`, engineScore, !args.includes('--quiet')));

  if (args.includes('--baselines')) {
    const lexicon = loadLexiconDir(defaultLexiconDir());
    const baseline = (matcher: PhraseMatcher) => (ad: CorpusAd): Prediction => {
      const hits = matcher(ad.text);
      return { decision: decide(hits.concat(matcher(ad.title))), findings: hits };
    };
    console.log();
    console.log(formatScore('baseline: naive substring', score(corpus, baseline(substringMatcher(lexicon))), false));
    console.log();
    console.log(formatScore('baseline: mint-filter (Aho–Corasick)', score(corpus, baseline(mintMatcher(lexicon))), false));
  }
  console.log();
}
if (summary.length > 1) console.log(formatSummary(summary));
if (fixSummary.length > 1) console.log(`\n${formatFixSummary(fixSummary)}`);
