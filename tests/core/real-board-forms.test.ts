import { describe, expect, it } from 'vitest';
import { check } from './engine-fixture.js';

// What real job boards write (the detection issue's findings on ../shared/corpus/real-ads.jsonl): the forms
// that were missed, and the words that raised false alarms in another role.
const categories = (text: string) => [...new Set(check(text).findings.map((f) => f.category))].sort();

describe('real-board forms', () => {
  it.each(['1.20-35岁', '2.18-40岁', '１．22-28岁', '2、40周岁以下', '18——25周岁', '20---35岁', '16--50岁', '1.25~35岁', '三十五岁以下'])(
    'finds the age cap in %s',
    (text) => expect(categories(text)).toEqual(['age']),
  );

  it.each([
    '绝无收费——不向求职者收取任何费用',
    '注：无任何押金、变相费用',
    '防骗提醒：凡是扣押证件原件，未标明收费却收取各种费用的，均为诈骗',
    '入职充值400元饭卡',
    '薪资6000-8000元，底薪+绩效',
    '高级架构师，10年以上经验，年薪20万到40万',
    '两年带项目不是梦',
    '网文写手，一个月三万字，千字30元',
    '为员工解决深圳户口',
    '【入户广州】解决应届生广州户口问题',
    '缴纳社保（上海户籍、外地户籍）',
    '公司领导层均具有名牌大学博士学位',
    '团队985院校比例大于70%',
    '负责发展下级供应商',
  ])('raises nothing on %s', (text) => expect(check(text).findings).toEqual([]));

  it('finds handwork with a franchise pitch and courses sold as jobs', () => {
    expect(categories('串珠加工，在家就能做，诚招加盟商，小本投资')).toContain('fraud');
    expect(categories('零基础学插画，免费试听，进阶课折扣券限时领取')).toContain('fraud');
  });
});
