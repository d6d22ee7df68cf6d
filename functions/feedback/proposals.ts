/**
 * Lexicon edits proposed by moderators' feedback (pure): false alarms grouped by rule and matched text
 * (a candidate exception), missed passages grouped by category and text (a candidate term), ranked by how
 * often they were marked. A proposal is a prompt for a reviewed lexicon edit, never applied by itself.
 */
import type { Category } from '../core/categories.js';
import type { FeedbackRecord } from '../store/model.js';

export interface Proposal {
  kind: 'exception' | 'term';
  /** The rule that fired falsely (exceptions only). */
  ruleId?: string;
  category: Category;
  text: string;
  /** How many marks (one per ad version and span) the group holds. */
  count: number;
  /** The ads they were made on, first marked first. */
  adIds: string[];
}

export function proposalsFrom(feedback: readonly Pick<FeedbackRecord, 'kind' | 'ruleId' | 'category' | 'text' | 'adId'>[]): Proposal[] {
  const groups = new Map<string, Proposal>();
  for (const f of feedback) {
    const kind = f.kind === 'false_alarm' ? 'exception' : 'term';
    const text = f.text.trim();
    const key = [kind, f.ruleId ?? '', f.category, text].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = { kind, ...(kind === 'exception' && f.ruleId ? { ruleId: f.ruleId } : {}), category: f.category, text, count: 0, adIds: [] };
      groups.set(key, group);
    }
    group.count++;
    if (!group.adIds.includes(f.adId)) group.adIds.push(f.adId);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text));
}
