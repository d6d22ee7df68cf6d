/**
 * One decided version as a line of the labelled corpus (the format of ../shared/corpus/*.jsonl that
 * `npm run eval` scores and `npm run train` learns from), pure:
 *
 * - `text`: the description, then every other text field but the title on lines of their own, so every
 *   passage a label quotes is inside it (the corpus has no per-field text);
 * - the posting form's structured fields (conditions, headcount, pay, validUntil) as they were;
 * - `labels`: the engine's findings minus those a moderator marked as false alarms, plus the passages a
 *   moderator marked as missed, one per category and evidence (a condition's with its path, what the ad
 *   lacks as `missing`); findings in the title are left out, since text evidence is looked for in `text`;
 * - `decision`: the moderator's.
 */
import { fieldText, TEXT_FIELDS, type Ad } from '../core/ad.js';
import type { Category, Decision, PassageCategory } from '../core/categories.js';
import type { CorpusLabel } from '../eval/corpus.js';
import type { Verdict } from '../core/verdict.js';
import type { FeedbackRecord, ReviewDecision } from '../store/model.js';

export interface LabelledAd {
  id: string;
  title: string;
  text: string;
  conditions?: Ad['conditions'];
  headcount?: number;
  pay?: Ad['pay'];
  validUntil?: string;
  labels: CorpusLabel[];
  decision: Decision;
  note: string;
}

/** A finding or a marked passage as a corpus label, or nothing (a title's, or one already there). */
function labelOf(f: { field: string; category: Category; text: string; missing?: string[] }): CorpusLabel | undefined {
  if (f.field === 'title') return undefined;
  if (f.category === 'incomplete') return f.missing?.length ? { category: 'incomplete', missing: f.missing as never } : undefined;
  const category = f.category as PassageCategory;
  return f.field.startsWith('conditions.') ? { category, field: f.field, evidence: f.text } : { category, evidence: f.text };
}

export function labelledAd(input: {
  adId: string;
  version: number;
  ad: Ad;
  verdict: Verdict;
  decision: ReviewDecision;
  feedback: readonly Pick<FeedbackRecord, 'kind' | 'ruleId' | 'field' | 'start' | 'end' | 'category' | 'text'>[];
}): LabelledAd {
  const { ad, verdict, feedback } = input;
  const text = TEXT_FIELDS.filter((f) => f !== 'title')
    .map((f) => fieldText(ad, f))
    .filter((t): t is string => !!t)
    .join('\n');
  const falseAlarms = feedback.filter((f) => f.kind === 'false_alarm');
  const isFalseAlarm = (f: Verdict['findings'][number]) =>
    falseAlarms.some((m) => m.ruleId === f.ruleId && m.field === f.field && m.start === f.start && m.end === f.end);
  const kept = verdict.findings.filter((f) => !isFalseAlarm(f));
  const missed = feedback.filter((f) => f.kind === 'missed');
  const labels: LabelledAd['labels'] = [];
  for (const f of [...kept, ...missed]) {
    const label = labelOf(f);
    if (label && !labels.some((l) => JSON.stringify(l) === JSON.stringify(label))) labels.push(label);
  }
  const note =
    `moderator ${input.decision}; engine ${verdict.decision} (lexicon ${verdict.lexiconVersion})` +
    `; ${falseAlarms.length} false alarm(s), ${missed.length} missed passage(s) marked`;
  const { conditions, headcount, pay, validUntil } = ad;
  return { id: `${input.adId}/v${input.version}`, title: ad.title ?? '', text, conditions, headcount, pay, validUntil, labels, decision: input.decision, note };
}
