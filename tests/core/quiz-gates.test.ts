import { describe, expect, it } from 'vitest';
import { normalize, toOriginalRange } from '../../functions/core/normalize.js';
import { check, engine } from './engine-fixture.js';

const categories = (text: string) => [...new Set(check(text).findings.map((f) => f.category))].filter((c) => c !== 'incomplete').sort();
const norm = (text: string) => normalize(text, engine.lexicon.variants);

describe('a self-test that turns applicants away by their answers', () => {
  it('reads a question whose no answer turns the applicant away as a requirement, mapped back to the question', () => {
    const ad = '你是男生吗？ 是→下一题　否→不用投了\n你今年不到40岁吧？\n  是→下一题　否→不用投了';
    expect(categories(ad)).toEqual(['age', 'gender']);
    const n = norm(ad);
    expect(n.text.startsWith('要求你是男生,')).toBe(true);
    const gender = check(ad).findings.find((f) => f.category === 'gender')!;
    expect(ad.slice(gender.start, gender.end)).toBe('你是男生');
    expect(toOriginalRange(n, 0, 2)).toEqual([0, 1]);
  });

  it('drops 是否 from a gated question, and gates every question of a test to be answered yes throughout', () => {
    expect(norm('Q2 是否全日制统招？是→Q3；否→不用投了').text).toBe('q2 要求全日制统招,是→q3;否不用投了');
    expect(categories('① 你有C1驾照吗？ 是 / 否\n② 你不满35周岁吗？ 是 / 否\n三题全选\'是\'直接来面试。')).toEqual(['age']);
  });

  it('leaves questions alone when a no answer is still welcome, or when nothing gates them', () => {
    expect(categories('你有健康证吗？是→下一题；否→也欢迎，入职后带你办')).toEqual([]);
    expect(categories('你是男生吗？男女不限，都欢迎投递')).toEqual([]);
    expect(categories('能接受夜班吗？ 否→不用投了')).toEqual([]);
  });
});
