import { describe, expect, it } from 'vitest';
import { parsePay } from '../../../functions/core/salary/parse-pay.js';

const monthly = (text: string) => parsePay(text).map((p) => [Math.round(p.monthlyMin), Math.round(p.monthlyMax), p.period]);

describe('parsePay', () => {
  it.each([
    ['8k-15k', [[8000, 15000, 'month']]],
    ['薪资8-15k·13薪', [[8000, 15000, 'month']]],
    ['月薪3-5万', [[30000, 50000, 'month']]],
    // the shared unit belongs to the upper end only when the lower end is already a full amount
    ['薪资8000-2万元', [[8000, 20000, 'month']]],
    ['工资5000到1万以上', [[5000, 10000, 'month']]],
    ['年薪50w起步', [[41667, 41667, 'year']]],
    ['日结500', [[11000, 11000, 'day']]],
    ['时薪200', [[35200, 35200, 'hour']]],
    ['底薪3000+提成', [[3000, 3000, 'month']]],
    ['4500-6000元/月', [[4500, 6000, 'month']]],
    ['点工300元/天', [[6600, 6600, 'day']]],
    ['月入过万不是梦', [[10000, 10000, 'month']]],
    ['一小时能赚50-80', [[8800, 14080, 'hour']]],
    // a period between the keyword and the figure, or a range of yuan with its period alone
    ['工资：每天200-500元', [[4400, 11000, 'day']]],
    ['每天200-500元，日结', [[4400, 11000, 'day']]],
    ['薪资：每月6000-8000元', [[6000, 8000, 'month']]],
    // …or a day's amount it starts from (一天800起)
    ['不需要经验，一天800起', [[17600, 17600, 'day']]],
    // a year's package or total under its own words (年包, 总包, 年俸, 年度总收入)
    ['年包35-50万', [[29167, 41667, 'year']]],
    ['总包40-60w', [[33333, 50000, 'year']]],
    ['年度总收入25-30万元', [[20833, 25000, 'year']]],
    // tens of thousands in Chinese numerals
    ['年收入十万到五十万', [[8333, 41667, 'year']]],
    // the terms on offer (待遇：3500+全勤) name the pay too
    ['待遇：3500+全勤', [[3500, 3500, 'month']]],
    // two neighbouring numerals are a rough range (两三万, 七八千)
    ['做得好月薪可达两三万', [[20000, 30000, 'month']]],
    ['熟手一个月七八千', [[7000, 8000, 'month']]],
    // a period that opens the working time after the pay is not the pay's (工资：3000-3600 每周休一天)
    ['工资:3000-3600 每周休一天', [[3000, 3600, 'month']]],
  ])('parses %s', (text, expected) => {
    expect(monthly(text)).toEqual(expected);
  });

  it('reads a figure listed after a pay over that pay\'s period (本科年薪12-15万、硕士15-18万), not over a month', () => {
    expect(monthly('本科年薪12-15万、硕士15-18万')).toEqual([[10000, 12500, 'year'], [12500, 15000, 'year']]);
    expect(monthly('人均年收入18万，新人第一年一般在10-15万')).toEqual([[15000, 15000, 'year'], [8333, 12500, 'year']]);
    // …but not across a sentence, and a year-end bonus or a revenue band is no pay
    expect(monthly('年薪12万。另有3-5万')).toEqual([[10000, 10000, 'year'], [30000, 50000, 'month']]);
    expect(monthly('月薪8000，年终奖3-5万，回款100-300万部分提成2.5%')).toEqual([[8000, 8000, 'month']]);
  });

  it('reads no pay from a fee or a count with a period before it', () => {
    expect(parsePay('押金每天200-500元，每天200-500单，每天200元，每天800件起')).toEqual([]);
  });

  it('ignores piece rates, counts and years', () => {
    expect(parsePay('每单4.5-7元，熟手日派200-250件，2025届，员工800余人')).toEqual([]);
  });

  it('reads no pay in a foreign currency (a Dubai salary in dirhams is not yuan)', () => {
    expect(parsePay('迪拜办公，月薪25000-35000迪拉姆')).toEqual([]);
  });

  it('marks 保底 as guaranteed and gives the span', () => {
    const text = '保底月薪3万，无需经验';
    const [pay] = parsePay(text);
    expect(pay?.guaranteed).toBe(true);
    expect(text.slice(pay!.start, pay!.end)).toBe('保底月薪3万');
  });

  it('marks 包 right before the pay word as guaranteed, not board or a yearly package', () => {
    expect(parsePay('待遇：包年薪15万').map((p) => p.guaranteed)).toEqual([true]);
    expect(parsePay('包吃包住，月薪12000').map((p) => p.guaranteed)).toEqual([false]);
    expect(parsePay('年包35-50万').map((p) => p.guaranteed)).toEqual([false]);
  });

  it('marks a later figure after 保底 and its own amount as not guaranteed', () => {
    expect(parsePay('保底5000+提成，熟手月均9000').map((p) => p.guaranteed)).toEqual([true, false]);
  });

  it('marks 保底 written after the amount as guaranteed, and not 保底 further on', () => {
    expect(parsePay('年薪20万以上保底').map((p) => p.guaranteed)).toEqual([true]);
    expect(parsePay('月薪8000，另有保底奖金').map((p) => p.guaranteed)).toEqual([false]);
  });
});
