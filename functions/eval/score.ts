/**
 * Scores predictions against the labeled corpus. An ad is a true positive for a category when a
 * finding of that category overlaps a labeled evidence span; a finding of an unlabeled category is a
 * false alarm; a labeled category without an overlapping finding is a miss.
 */
import { CATEGORIES, type Category, type Decision } from '../core/categories.js';
import type { CorpusAd } from './corpus.js';

export interface Prediction {
  decision: Decision;
  /** Findings in the ad's `text` (description); `start`/`end` are offsets into it. */
  findings: { category: Category; start: number; end: number; text: string }[];
}

export interface CategoryScore {
  category: Category;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  id: string;
  category: Category;
  detail: string;
}

export interface Score {
  ads: number;
  categories: CategoryScore[];
  decisionAccuracy: number;
  /** Ads labeled clean that got at least one finding. */
  cleanWithFindings: string[];
  misses: Miss[];
  falseAlarms: Miss[];
  wrongDecisions: { id: string; expected: Decision; got: Decision }[];
}

function evidenceSpans(ad: CorpusAd, category: Category): [number, number][] {
  const spans: [number, number][] = [];
  for (const label of ad.labels) {
    if (label.category !== category) continue;
    let at = ad.text.indexOf(label.evidence);
    while (at >= 0) {
      spans.push([at, at + label.evidence.length]);
      at = ad.text.indexOf(label.evidence, at + 1);
    }
  }
  return spans;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(corpus: CorpusAd[], predict: (ad: CorpusAd) => Prediction): Score {
  const counts = new Map(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  const falseAlarms: Miss[] = [];
  const wrongDecisions: Score['wrongDecisions'] = [];
  const cleanWithFindings: string[] = [];
  let correct = 0;
  for (const ad of corpus) {
    const p = predict(ad);
    if (p.decision === ad.decision) correct++;
    else wrongDecisions.push({ id: ad.id, expected: ad.decision, got: p.decision });
    if (ad.labels.length === 0 && p.findings.length > 0) cleanWithFindings.push(ad.id);
    for (const category of CATEGORIES) {
      const c = counts.get(category)!;
      const labeled = ad.labels.some((l) => l.category === category);
      const found = p.findings.filter((f) => f.category === category);
      const spans = evidenceSpans(ad, category);
      const hit = found.some((f) => spans.some(([s, e]) => f.start < e && s < f.end));
      if (labeled && hit) c.tp++;
      if (labeled && !hit) {
        c.fn++;
        const evidence = ad.labels.filter((l) => l.category === category).map((l) => l.evidence);
        misses.push({ id: ad.id, category, detail: `expected ${evidence.join(' | ')}${found.length ? `; found elsewhere: ${found.map((f) => f.text).join(' | ')}` : ''}` });
      }
      if (found.length > 0 && !hit) {
        c.fp++;
        falseAlarms.push({ id: ad.id, category, detail: found.map((f) => f.text).join(' | ') });
      }
    }
  }
  const categories = CATEGORIES.map((category) => {
    const { tp, fp, fn } = counts.get(category)!;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, tp, fp, fn, precision, recall, f1 };
  });
  return { ads: corpus.length, categories, decisionAccuracy: correct / corpus.length, cleanWithFindings, misses, falseAlarms, wrongDecisions };
}
