/** Findings grouped per rule for reading, and the character diff of the history page. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../functions/core/verdict.js';
import { groupFindings, groupNumbers } from '../../functions/presentation/group-findings.js';
import { diffText } from '../../functions/presentation/text-diff.js';

const finding = (ruleId: string, text: string, start: number, message = `${ruleId} message`): Finding => ({
  ruleId,
  category: 'region',
  severity: 'review',
  field: 'description',
  start,
  end: start + text.length,
  text,
  message,
  legalBasis: [{ law: '《人力资源市场暂行条例》', article: '第二十四条' }],
});

describe('groupFindings', () => {
  it('puts one rule’s hits under one entry, numbered by first appearance', () => {
    const findings = [finding('hukou', '限本地户口', 0), finding('height', '身高165', 10), finding('hukou', '本地户籍', 20)];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.number, g.lead.ruleId, g.hits.map((h) => h.index)])).toEqual([
      [1, 'hukou', [0, 2]],
      [2, 'height', [1]],
    ]);
    expect(groupNumbers(groups)).toEqual([1, 2, 1]);
  });

  it('keeps apart hits of one rule whose messages differ', () => {
    const groups = groupFindings([finding('incomplete', '', 0, '缺少：招聘人数'), finding('incomplete', '', 0, '缺少：工作地点')]);
    expect(groups).toHaveLength(2);
  });
});

describe('diffText', () => {
  it('marks by character what was removed and added, keeping the rest', () => {
    expect(diffText('限本地户口，月薪6000元。', '月薪6500元，五险一金。')).toEqual([
      { kind: 'removed', text: '限本地户口，' },
      { kind: 'same', text: '月薪6' },
      { kind: 'removed', text: '0' },
      { kind: 'added', text: '5' },
      { kind: 'same', text: '00元' },
      { kind: 'added', text: '，五险一金' },
      { kind: 'same', text: '。' },
    ]);
    expect(diffText('同样', '同样')).toEqual([{ kind: 'same', text: '同样' }]);
    expect(diffText('', '新')).toEqual([{ kind: 'added', text: '新' }]);
  });

  it('shows a middle too long to align as removed and added whole, and never splits a surrogate pair', () => {
    const before = `开头${'甲'.repeat(3000)}结尾`;
    const after = `开头${'乙'.repeat(3000)}结尾`;
    expect(diffText(before, after).map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(diffText('岗位😀', '岗位😁')).toEqual([
      { kind: 'same', text: '岗位' },
      { kind: 'removed', text: '😀' },
      { kind: 'added', text: '😁' },
    ]);
  });
});
