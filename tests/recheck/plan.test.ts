import { describe, expect, it } from 'vitest';
import type { Decision } from '../../functions/core/categories.js';
import type { Finding, Verdict } from '../../functions/core/verdict.js';
import { planRecheck, type StoredState } from '../../functions/recheck/plan.js';
import type { AdStatus } from '../../functions/store/model.js';

const finding = (severity: 'reject' | 'review', start = 0): Finding => ({ ruleId: 'r', category: 'age', severity, field: 'description', start, end: start + 2, text: 'xx', message: 'm', legalBasis: [] });
const verdict = (decision: Decision, lexiconVersion: string, start = 0): Verdict => ({
  decision,
  lexiconVersion,
  checkedAt: '2026-01-01T00:00:00.000Z',
  findings: decision === 'approve' ? [] : [finding(decision === 'reject' ? 'reject' : 'review', start)],
});
const stored = (status: AdStatus, decision: Decision, more: Partial<StoredState> = {}): StoredState => ({ status, decision, lexiconVersion: 'old', moderated: false, appealed: false, ...more });
const plan = (status: AdStatus, from: Decision, to: Decision, more: Partial<StoredState> = {}) => planRecheck(stored(status, from, more), verdict(from, 'old'), verdict(to, 'new'));

describe('planRecheck', () => {
  it('leaves ads checked with these rules, decided by a moderator, or waiting on an appeal', () => {
    expect(planRecheck(stored('approved', 'approve', { lexiconVersion: 'new' }), verdict('approve', 'new'), verdict('reject', 'new'))).toEqual({ action: 'skip', reason: 'current' });
    expect(plan('approved', 'reject', 'reject', { moderated: true })).toEqual({ action: 'skip', reason: 'moderated' });
    expect(plan('pending_review', 'reject', 'approve', { appealed: true })).toEqual({ action: 'skip', reason: 'appealed' });
  });

  it('confirms a verdict the new rules repeat, and updates one whose findings moved', () => {
    expect(plan('pending_review', 'review', 'review')).toEqual({ action: 'confirm' });
    expect(planRecheck(stored('pending_review', 'review'), verdict('review', 'old', 0), verdict('review', 'new', 3))).toEqual({ action: 'update', status: 'pending_review' });
  });

  it.each([
    ['approved', 'approve', 'review', 'pending_review', true],
    ['approved', 'approve', 'reject', 'pending_review', true],
    ['pending_review', 'review', 'approve', 'pending_review', true],
    ['pending_review', 'review', 'reject', 'rejected', false],
    ['rejected', 'reject', 'review', 'pending_review', true],
    ['rejected', 'reject', 'approve', 'pending_review', true],
  ] as const)('%s by the engine (%s), now %s → %s', (status, from, to, next, noted) => {
    const p = plan(status, from, to);
    expect(p).toEqual(noted ? { action: 'update', status: next, note: { from, to } } : { action: 'update', status: next });
  });
});
