/**
 * Scores predictions against the labeled corpus. An ad is a true positive for a category when a
 * finding of that category overlaps a labeled evidence span in the same field (for `incomplete`: names one
 * of the labeled missing elements); a finding of an unlabeled category is a false alarm; a labeled category
 * without such a finding is a miss. `incomplete` is scored only on corpora that label it: the older corpora
 * were written as text alone and say nothing about what their ads lack.
 */
import { fieldText, TEXT_FIELDS, type TextField } from '../core/ad.js';
import { CATEGORIES, type Category, type Decision } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';
import { corpusAdToAd, type CorpusAd } from './corpus.js';

export interface Prediction {
  decision: Decision;
  /** Findings with their field (`description`, the corpus's `text`, when unsaid) and offsets into it. */
  findings: { category: Category; field?: string; start: number; end: number; text: string; missing?: string[] }[];
}

/** What a checker predicts for a corpus ad: the whole ad (structured fields too) checked, every finding kept. */
export const predictionsOf =
  (checker: { check(ad: ReturnType<typeof corpusAdToAd>): Verdict }) =>
  (ad: CorpusAd): Prediction => {
    const verdict = checker.check(corpusAdToAd(ad));
    return { decision: verdict.decision, findings: verdict.findings };
  };

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

/** A field's text as the engine reports on it: a text field, or a structured condition's value as text. */
function textOf(ad: CorpusAd, field: string): string {
  if (field.startsWith('conditions.')) {
    const value = ad.conditions?.[field.slice('conditions.'.length) as keyof NonNullable<CorpusAd['conditions']>];
    return value === undefined ? '' : String(value);
  }
  return TEXT_FIELDS.includes(field as TextField) ? (fieldText(corpusAdToAd(ad), field as TextField) ?? '') : '';
}

/** Every place a category's evidence occurs, by field. */
function evidenceSpans(ad: CorpusAd, category: Category): { field: string; start: number; end: number }[] {
  const spans: { field: string; start: number; end: number }[] = [];
  for (const label of ad.labels) {
    if (label.category !== category || !('evidence' in label)) continue;
    const field = label.field ?? 'description';
    const text = textOf(ad, field);
    let at = label.evidence ? text.indexOf(label.evidence) : -1;
    while (at >= 0) {
      spans.push({ field, start: at, end: at + label.evidence.length });
      at = text.indexOf(label.evidence, at + 1);
    }
  }
  return spans;
}

/** Whether a finding is the labelled one: it overlaps the evidence, or names an element the ad lacks. */
function matches(ad: CorpusAd, category: Category, finding: Prediction['findings'][number]): boolean {
  if (category === 'incomplete') {
    const missing = new Set(ad.labels.flatMap((l) => ('missing' in l ? l.missing : [])));
    return (finding.missing ?? []).some((m) => missing.has(m as never));
  }
  return evidenceSpans(ad, category).some((s) => s.field === (finding.field ?? 'description') && finding.start < s.end && s.start < finding.end);
}

const describe = (ad: CorpusAd, category: Category) =>
  ad.labels.filter((l) => l.category === category).map((l) => ('missing' in l ? `missing ${l.missing.join(',')}` : l.field ? `${l.field}: ${l.evidence}` : l.evidence));
const shown = (f: Prediction['findings'][number]) => (f.missing ? `missing ${f.missing.join(',')}` : (f.field ?? 'description') === 'description' ? f.text : `${f.field}: ${f.text}`);

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(corpus: CorpusAd[], predict: (ad: CorpusAd) => Prediction): Score {
  const labelsIncomplete = corpus.some((ad) => ad.labels.some((l) => l.category === 'incomplete'));
  const scored = CATEGORIES.filter((c) => c !== 'incomplete' || labelsIncomplete);
  const counts = new Map(scored.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  const falseAlarms: Miss[] = [];
  const wrongDecisions: Score['wrongDecisions'] = [];
  const cleanWithFindings: string[] = [];
  let correct = 0;
  for (const ad of corpus) {
    const predicted = predict(ad);
    const p = { ...predicted, findings: predicted.findings.filter((f) => counts.has(f.category)) };
    if (p.decision === ad.decision) correct++;
    else wrongDecisions.push({ id: ad.id, expected: ad.decision, got: p.decision });
    if (ad.labels.length === 0 && p.findings.length > 0) cleanWithFindings.push(ad.id);
    for (const category of scored) {
      const c = counts.get(category)!;
      const labeled = ad.labels.some((l) => l.category === category);
      const found = p.findings.filter((f) => f.category === category);
      const hit = labeled && found.some((f) => matches(ad, category, f));
      if (labeled && hit) c.tp++;
      if (labeled && !hit) {
        c.fn++;
        misses.push({ id: ad.id, category, detail: `expected ${describe(ad, category).join(' | ')}${found.length ? `; found elsewhere: ${found.map(shown).join(' | ')}` : ''}` });
      }
      if (found.length > 0 && !hit) {
        c.fp++;
        falseAlarms.push({ id: ad.id, category, detail: found.map(shown).join(' | ') });
      }
    }
  }
  const categories = scored.map((category) => {
    const { tp, fp, fn } = counts.get(category)!;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, tp, fp, fn, precision, recall, f1 };
  });
  return { ads: corpus.length, categories, decisionAccuracy: correct / corpus.length, cleanWithFindings, misses, falseAlarms, wrongDecisions };
}
