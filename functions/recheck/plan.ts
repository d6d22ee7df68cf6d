/**
 * What a re-check under new rules does to one stored ad (pure), following the policy's "after a rules
 * change": decisions a moderator made stand and appeals wait for one; the engine's own decisions follow the
 * new verdict, except that an ad the new rules flag or clear never moves between approved and rejected
 * without a person: it goes to the queue with a note saying what changed.
 */
import type { Decision } from '../core/categories.js';
import type { Finding, Verdict } from '../core/verdict.js';
import { statusFromDecision, type AdStatus } from '../store/model.js';

/** What the re-check needs to know of the stored ad. */
export interface StoredState {
  status: AdStatus;
  /** The engine's decision on the current version. */
  decision: Decision;
  lexiconVersion: string;
  /** A moderator decided the current version. */
  moderated: boolean;
  /** The employer's appeal of the current version waits for a moderator. */
  appealed: boolean;
}

export type RecheckPlan =
  /** Nothing to do: checked with these rules already, decided by a moderator, or waiting on an appeal. */
  | { action: 'skip'; reason: 'current' | 'moderated' | 'appealed' }
  /** The new rules give the same verdict: only the lexicon version it was confirmed with is recorded. */
  | { action: 'confirm' }
  /** A new verdict: stored as a `rechecked` version with this status; `note` when the queue should say why. */
  | { action: 'update'; status: AdStatus; note?: { from: Decision; to: Decision } };

/** Findings are the same when the same rules hit the same spans with the same severity. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  const key = (f: Finding) => `${f.ruleId}\u0000${f.field}\u0000${f.start}\u0000${f.end}\u0000${f.severity}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

export function planRecheck(stored: StoredState, before: Verdict, after: Verdict): RecheckPlan {
  if (stored.lexiconVersion === after.lexiconVersion) return { action: 'skip', reason: 'current' };
  if (stored.moderated) return { action: 'skip', reason: 'moderated' };
  if (stored.appealed) return { action: 'skip', reason: 'appealed' };
  if (before.decision === after.decision && sameFindings(before.findings, after.findings)) return { action: 'confirm' };

  const byEngine = statusFromDecision(after.decision);
  // Approved ↔ rejected, or pending → approved, would skip a person: those go to (or stay in) the queue.
  const needsPerson =
    (stored.status === 'approved' && byEngine !== 'approved') ||
    (stored.status === 'rejected' && byEngine !== 'rejected') ||
    (stored.status === 'pending_review' && byEngine === 'approved');
  if (needsPerson) return { action: 'update', status: 'pending_review', note: { from: stored.decision, to: after.decision } };
  return { action: 'update', status: byEngine };
}
