import { describe, expect, it } from 'vitest';
import { probationLimitMonths } from '../../../functions/core/detectors/probation.js';
import { check } from '../engine-fixture.js';

const probation = (text: string) => check(text).findings.filter((f) => f.ruleId === 'labor-probation').map((f) => f.text);

describe('probation detector', () => {
  it('knows the statutory limits (劳动合同法 第十九条)', () => {
    expect([0.2, 0.5, 1, 2, 3, 10, undefined].map(probationLimitMonths)).toEqual([0, 1, 2, 2, 6, 6, 6]);
  });

  it.each([
    ['签订两年劳动合同，试用期6个月', ['试用期6个月']],
    ['签1年合同，试用期半年', ['试用期半年']],
    ['合同期1年，试用期3个月', ['试用期3个月']],
    ['合同一签一年，试用期3个月', ['试用期3个月']],
    ['首签1年，试用期3个月', ['试用期3个月']],
    ['试用期8个月', ['试用期8个月']],
    // with no term stated, six months needs a contract of three years or more that the ad does not promise
    ['试用期半年，月薪4000', ['试用期半年']],
    ['试用期6个月', ['试用期6个月']],
    // the term said with 签 alone or in months, the probation before its name, in days, or counted in 仨
    ['签一年，试用期三个月', ['试用期三个月']],
    ['一年签一次合同 试用期半年', ['试用期半年']],
    ['合同一年，三个月试用期', ['三个月试用期']],
    ['合同4个月，试用期两个月', ['试用期两个月']],
    ['先签半年合同，试用期仨月', ['试用期仨月']],
    // a contract under three months may have no probation at all
    ['签两个月短期合同，试用期15天', ['试用期15天']],
  ])('flags %s', (text, expected) => {
    expect(probation(text)).toEqual(expected);
  });

  it.each(['签订三年劳动合同，试用期3个月', '签一年合同，试用期1个月', '试用期3个月', '试用期（签订三年劳动合同）6个月', '合同一年，一个月试用期', '试用期15天', '签三年合同，三个月试用期'])('passes %s', (text) => {
    expect(probation(text)).toEqual([]);
  });

  it('flags probation pay below 80% of the regular wage', () => {
    expect(probation('试用期工资为正式工资的50%')).toEqual(['试用期工资为正式工资的50%']);
    expect(probation('试用期工资按转正工资的90%发放')).toEqual([]);
    // the probation's length may stand before its pay, and a discount is a percentage (五折 is 50%)
    expect(probation('试用期两个月工资打五折')).toEqual(['试用期两个月工资打五折']);
    expect(probation('试用期工资打9折')).toEqual([]);
    expect(probation('月薪4500，试用期工资按七折发')).toEqual(['试用期工资按七折']);
    // a raise after the probation is not its pay
    expect(probation('试用期满后工资上涨20%')).toEqual([]);
    // 试用 right before the pay's word is the probation's pay (试用工资1600), and no product trial is
    expect(probation('试用工资1600，转正后3000')).toEqual(['试用工资1600，转正后3000']);
    expect(probation('试用工资2800，转正后3000，产品试用装1600份')).toEqual([]);
    // a probation pay in a range is held at its top: 4000 of 4500 is 89%, 2500 of 5000 is 50%
    expect(probation('试用期3500-4000，转正4500-6500')).toEqual([]);
    expect(probation('试用期2000-2500，转正后5000')).toEqual(['试用期2000-2500，转正后5000']);
    // 月薪 as the probation's pay word, 试用期间, and the pay after it written 转正后计件 or 过了试用期
    expect(probation('试用期月薪1200元，转正后4500-5500元')).toEqual(['试用期月薪1200元，转正后4500']);
    expect(probation('试用期间每月1200，转正后2800-3500')).toEqual(['试用期间每月1200，转正后2800']);
    expect(probation('试用期工资1800，转正后计件5000-7000')).toEqual(['试用期工资1800，转正后计件5000']);
    expect(probation('试用期工资1500，过了试用期4800')).toEqual(['试用期工资1500，过了试用期4800']);
    // the pay after a space (试用期一个月 工资1500), held against the wage stated before it
    expect(probation('工资2600-3200 试用期一个月 工资1500')).toEqual(['试用期一个月 工资1500']);
  });

  it('holds a probation pay stated alone against the lowest monthly pay the ad states', () => {
    expect(probation('工资2200-2500元，包两餐。试用期3个月，试用期工资1500元。')).toEqual(['试用期3个月，试用期工资1500']);
    expect(probation('薪资：底薪3000+提成。说明：试用期一个月，试用期工资1500，转正后按底薪加提成发放。')).toEqual(['试用期一个月，试用期工资1500']);
    // 90% of the base, and pay lower than the probation's (an allowance) is not the wage
    expect(probation('底薪2000+提成，月均5000以上，试用期工资1800元')).toEqual([]);
    expect(probation('月薪3000元，交通补贴300元/月，试用期工资2600元')).toEqual([]);
    // an average of piece rates counts only where the probation pays under half of it
    expect(probation('计件工资，试用期工资3000元；转正后按件计酬，车间平均5500-7000元/月')).toEqual([]);
    expect(probation('试用期工资1500元，转正后计件，月均4000-5000元')).toEqual(['试用期工资1500']);
  });

  it('allows no probation in part-time work (第七十条), read from the title or from a text without a contract term', () => {
    const titled = (title: string, description: string) =>
      check(description, title).findings.filter((f) => f.ruleId === 'labor-probation').map((f) => f.text);
    expect(titled('前台兼职', '晚班18:00-22:00，时薪20元，试用期一个月')).toEqual(['试用期一个月']);
    expect(probation('招兼职收银员，时薪18元，试用期一个月')).toEqual(['试用期一个月']);
    // full-time work offered too, or a contract term stated (a warning about fake 兼职 posts is not the job)
    expect(probation('兼职全职均可，试用期一个月')).toEqual([]);
    expect(probation('合同一年，试用期一个月。近期有人冒充我店招兼职并收押金')).toEqual([]);
  });
});
