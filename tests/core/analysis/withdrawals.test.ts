import { describe, expect, it } from 'vitest';
import { withdrawnAt, withdrawnCategories } from '../../../functions/core/analysis/withdrawals.js';
import { engine } from '../engine-fixture.js';

const { withdrawals } = engine.lexicon;
const reply = '性别和年龄两条都删掉，按终稿发\n> 限男性，35岁以下，有经验';

describe('a reply withdrawing conditions of the draft it quotes', () => {
  it('names the categories it drops, only where a draft is quoted', () => {
    expect([...withdrawnCategories([reply], withdrawals)].sort()).toEqual(['age', 'gender']);
    expect(withdrawnCategories(['性别和年龄两条都删掉，限男性'], withdrawals).size).toBe(0);
  });

  it('drops them on the quoted lines and on its own line, not elsewhere', () => {
    const quoted = reply.indexOf('限男性');
    expect(withdrawnAt(reply, quoted, 'gender', withdrawals)).toBe(true);
    expect(withdrawnAt(reply, 0, 'age', withdrawals)).toBe(true);
    expect(withdrawnAt('外形那两条保留\n形象好', 8, 'appearance', withdrawals)).toBe(false);
  });

  it('leaves the quoted conditions a reply keeps as findings', () => {
    const verdict = engine.check({ title: '回复：总经理助理', description: '年龄那条删掉，外形保留。\n> 年龄30岁以下，五官端正' });
    expect(verdict.findings.some((f) => f.category === 'age')).toBe(false);
    expect(verdict.findings.some((f) => f.category === 'appearance')).toBe(true);
  });
});
