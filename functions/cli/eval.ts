/**
 * `npm run eval [-- CORPUS.jsonl] [--baselines]`: the engine's per-category precision, recall and F1,
 * decision accuracy, and every miss and false alarm, on a labeled corpus (default ../shared/corpus/dev.jsonl).
 */
import { resolve } from 'node:path';
import { decide } from '../core/decide.js';
import { createEngine, defaultLexiconDir } from '../core/engine.js';
import { loadLexiconDir } from '../core/lexicon/load.js';
import { mintMatcher, substringMatcher, type PhraseMatcher } from '../eval/baselines.js';
import { readCorpus, type CorpusAd } from '../eval/corpus.js';
import { formatScore } from '../eval/report.js';
import { score, type Prediction } from '../eval/score.js';

const args = process.argv.slice(2);
const corpusPath = args.find((a) => !a.startsWith('--')) ?? resolve(defaultLexiconDir(), '../../shared/corpus/dev.jsonl');
const corpus = readCorpus(corpusPath);
const engine = createEngine();

const enginePrediction = (ad: CorpusAd): Prediction => {
  const verdict = engine.check({ title: ad.title, description: ad.text });
  return {
    decision: verdict.decision,
    findings: verdict.findings.filter((f) => f.field === 'description'),
  };
};

const engineScore = score(corpus, enginePrediction);
console.log(formatScore(`engine (lexicon ${engine.info().version})`, engineScore, !args.includes('--quiet')));

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
