import { describe, expect, it } from 'vitest';
import { normalize } from '../../functions/core/normalize.js';
import { check, engine } from './engine-fixture.js';

const categories = (text: string) => [...new Set(check(text).findings.map((f) => f.category))].filter((c) => c !== 'incomplete').sort();

describe('a list headed by an exclusion', () => {
  it('excludes each of its items, whatever its list marks', () => {
    const ad = '底薪3000+提成。\n我们不要这样的人：\n- 驻马店、周口的（店长定的，别问）\n1. 60岁以上的\n① 身高170以下\n- 不愿意露脸的';
    expect(categories(ad)).toEqual(['age', 'appearance', 'region']);
    // the operator joins the item's first part only, and findings map back to the writer's words
    const n = normalize(ad, engine.lexicon.variants);
    expect(n.text).toContain('驻马店、周口的勿扰(店长定的,别问)');
    const region = check(ad).findings.find((f) => f.category === 'region')!;
    expect(ad.slice(region.start, region.end)).toBe('驻马店、周口的');
  });

  it('takes a very short header without a pointer (请自觉绕行：), but not a list of what is not asked (不要求：)', () => {
    expect(categories('请自觉绕行：\n- 26岁以上\n- 已婚的')).toEqual(['age', 'marriage_pregnancy']);
    expect(categories('学历不要求：\n- 本科\n- 大专')).toEqual([]);
  });

  it('takes a header ending in a particle or a pointing hand after its colon, or in the hand alone', () => {
    expect(categories('A：以下情况暂不接收哦👇\n① 50周岁以上\n② 有纹身的')).toEqual(['age', 'appearance']);
    expect(categories('下列人员不得报名👇\n1. 已婚未育的')).toEqual(['marriage_pregnancy']);
    // a hand that points at no exclusion makes no list
    expect(normalize('岗位要求如下👇\n1. 有叉车证\n2. 能上夜班', engine.lexicon.variants).text).not.toContain('勿扰');
  });

  it('ends at a blank line or a long line that is no item, and leaves lawful items alone', () => {
    expect(categories('以下人员勿投：\n- 没有健康证的\n- 不能上夜班的\n\n26岁以上优先考虑转正')).toEqual([]);
    expect(categories('以下人员勿投：\n- 没有驾照的\n公司位于杭州市西湖区，成立于2010年，员工30岁以上占多数，氛围好')).toEqual([]);
  });
});

describe('a veto label', () => {
  it('excludes each item after it on its line, split where no bracket is open', () => {
    const ad = '硬性：3年经验；\n一票否决：少数民族、有宗教信仰（宿舍统一管理，请理解）；\n减分项：35岁+、已婚未育';
    expect(categories(ad)).toEqual(['age', 'ethnicity', 'marriage_pregnancy', 'religion']);
    expect(normalize(ad, engine.lexicon.variants).text).toContain('少数民族勿扰、有宗教信仰勿扰(宿舍统一管理,请理解)');
  });

  it('leaves items that say their own operator, and lawful items, as they are', () => {
    expect(categories('一票否决：酒驾、无驾照；\n加分项：有叉车证')).toEqual([]);
    expect(normalize('淘汰项：不接受倒班', engine.lexicon.variants).text).toBe('淘汰项:不接受倒班勿扰');
    expect(normalize('否决项：乙肝不要', engine.lexicon.variants).text).toBe('否决项:乙肝不要');
  });
});

describe('an article of rules', () => {
  it('excludes each item marked （一）（二） under a header of exclusions', () => {
    const ad = '第三条 有下列情形之一的，不予录用：\n（一）少数民族人员；\n（二）有宗教信仰的；\n（三）试工期间无故旷工的。';
    expect(categories(ad)).toEqual(['ethnicity', 'religion']);
  });
});
