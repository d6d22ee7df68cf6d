import { describe, expect, it } from 'vitest';
import { proposalsFrom } from '../../functions/feedback/proposals.js';

const fa = (adId: string, text: string, ruleId = 'gender-restriction') => ({ kind: 'false_alarm' as const, ruleId, category: 'gender' as const, text, adId });
const missed = (adId: string, text: string, category: 'age' | 'fraud' = 'age') => ({ kind: 'missed' as const, category, text, adId });

describe('proposalsFrom', () => {
  it('groups false alarms by rule and text, misses by category and text, most marked first', () => {
    const proposals = proposalsFrom([fa('a1', '女装'), missed('a2', '年纪大的不要'), fa('a3', '女装'), fa('a3', '女装', 'other-rule'), missed('a4', ' 年纪大的不要 '), fa('a5', '女装')]);
    expect(proposals).toEqual([
      { kind: 'exception', ruleId: 'gender-restriction', category: 'gender', text: '女装', count: 3, adIds: ['a1', 'a3', 'a5'] },
      { kind: 'term', category: 'age', text: '年纪大的不要', count: 2, adIds: ['a2', 'a4'] },
      { kind: 'exception', ruleId: 'other-rule', category: 'gender', text: '女装', count: 1, adIds: ['a3'] },
    ]);
  });

  it('keeps the same text of different categories apart, and lists an ad once per proposal', () => {
    const proposals = proposalsFrom([missed('a1', '日结'), missed('a1', '日结', 'fraud'), missed('a1', '日结')]);
    expect(proposals).toEqual([
      { kind: 'term', category: 'age', text: '日结', count: 2, adIds: ['a1'] },
      { kind: 'term', category: 'fraud', text: '日结', count: 1, adIds: ['a1'] },
    ]);
    expect(proposalsFrom([])).toEqual([]);
  });
});
