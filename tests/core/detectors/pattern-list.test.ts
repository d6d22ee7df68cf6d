import { describe, expect, it } from 'vitest';
import { leadingLookbehind, PatternList } from '../../../functions/core/detectors/pattern-list.js';

// A params list tested entry by entry must answer as the one alternation of its entries did.
const SOURCES = [
  '(?<=[\\p{Script=Han}a-z0-9()]{2})(?:有限责任公司|有限公司|集团)',
  '(?:工作|上班)(?:地点|地址)|位于',
  '(?<=\\p{Script=Han}{2})(?:工业园|新区|镇)',
  '\\d+\\s*人(?!间|规模)',
];
const TEXTS = [
  '',
  '有限公司',
  '云京科技有限公司',
  '(a)有限公司',
  '😀😀有限公司',
  '😀云京有限公司',
  '在苏州工业园上班',
  '工业园',
  '新区新区',
  '招3人',
  '3人间',
  '3人规模 3人',
  '总部位于洛阳',
  '上班地址：西工区',
];

describe('PatternList', () => {
  it('answers as the alternation of its patterns', () => {
    const list = new PatternList(SOURCES, 'u');
    const alternation = new RegExp(SOURCES.join('|'), 'u');
    for (const text of TEXTS) expect(list.test(text), text).toBe(alternation.test(text));
  });

  it('splits a pattern only where its lookbehind covers all of it', () => {
    expect(leadingLookbehind('(?<=[()]{2})(?:a|b)')).toEqual({ behind: '[()]{2}', rest: '(?:a|b)' });
    expect(leadingLookbehind('(?<=\\(x)y')).toEqual({ behind: '\\(x', rest: 'y' });
    expect(leadingLookbehind('(?<=a)b|c')).toBeUndefined();
    expect(leadingLookbehind('(?<=(a))\\1')).toBeUndefined();
    expect(leadingLookbehind('a(?<=a)')).toBeUndefined();
  });
});
