/**
 * One decided version as a line of the labelled corpus (the format of ../shared/corpus/*.jsonl that
 * `npm run eval` scores and `npm run train` learns from), pure:
 *
 * - `text`: the description, then every other text field but the title on lines of their own, so every
 *   passage a label quotes is inside it (the corpus has no per-field text);
 * - `labels`: the engine's findings minus those a moderator marked as false alarms, plus the passages a
 *   moderator marked as missed, one per category and evidence; findings in the title are left out, since
 *   the corpus's evidence is looked for in `text` only;
 * - `decision`: the moderator's.
 */
import { fieldText, TEXT_FIELDS, type Ad } from '../core/ad.js';
import type { Category, Decision } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';
import type { FeedbackRecord, ReviewDecision } from '../store/model.js';

export interface LabelledAd {
  id: string;
  title: string;
  text: string;
  labels: { category: Category; evidence: string }[];
  decision: Decision;
  note: string;
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
  for (const { field, category, text: evidence } of [...kept, ...missed]) {
    if (field === 'title' || labels.some((l) => l.category === category && l.evidence === evidence)) continue;
    labels.push({ category: category as Category, evidence });
  }
  const note =
    `moderator ${input.decision}; engine ${verdict.decision} (lexicon ${verdict.lexiconVersion})` +
    `; ${falseAlarms.length} false alarm(s), ${missed.length} missed passage(s) marked`;
  return { id: `${input.adId}/v${input.version}`, title: ad.title ?? '', text, labels, decision: input.decision, note };
}
