/**
 * `npm run eval [-- CORPUS.jsonl ...] [--quiet] [--baselines] [--no-model]`: the engine's per-category precision, recall
 * and F1, decision accuracy, and every miss and false alarm, on labeled corpora (default: the shared dev
 * corpus, ../shared/corpus/dev.jsonl). With several corpora a summary table closes the report.
 */
import { basename, resolve } from 'node:path';
import { decide } from '../core/decide.js';
import { createEngine, defaultLexiconDir } from '../engine.js';
import { loadLexiconDir } from '../adapters/lexicon-files.js';
import { mintMatcher, substringMatcher, type PhraseMatcher } from '../eval/baselines.js';
import { corpusAdToAd, readCorpus, type CorpusAd } from '../eval/corpus.js';
import { formatScore, formatSummary } from '../eval/report.js';
import { score, type Prediction, type Score } from '../eval/score.js';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const corpusPaths = files.length ? files : [resolve(defaultLexiconDir(), '../../shared/corpus/dev.jsonl')];
// --no-model: the rules alone (the ablation of the learned second opinion)
const engine = createEngine(args.includes('--no-model') ? { policy: { model: 'off' } } : {});

const enginePrediction = (ad: CorpusAd): Prediction => {
  const verdict = engine.check(corpusAdToAd(ad));
  return { decision: verdict.decision, findings: verdict.findings };
};

const summary: [string, Score][] = [];
for (const corpusPath of corpusPaths) {
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
