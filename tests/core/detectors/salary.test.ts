import { describe, expect, it } from 'vitest';
import { check, engine } from '../engine-fixture.js';

const salaryFindings = (text: string) => check(text).findings.filter((f) => f.category === 'salary_promise').map((f) => f.text);
const titleFindings = (title: string, description: string) =>
  engine.check({ title, description }).findings.filter((f) => f.category === 'salary_promise').map((f) => `${f.field}:${f.text}`);

describe('salary detector', () => {
  it('flags high pay for work that needs no experience', () => {
    expect(salaryFindings('应届生、无需经验，年薪50W')).toEqual(['年薪50W']);
    expect(salaryFindings('网络聊天，在家即可，时薪200')).toEqual(['时薪200']);
  });

  it('holds experience made optional (有无经验均可) to a higher bar for a range, and not as experience asked', () => {
    expect(salaryFindings('有无经验均可，综合月薪6000-12000元')).toEqual([]);
    expect(salaryFindings('有无经验均可，月入3万起')).toEqual(['月入3万']);
    expect(salaryFindings('有无经验均可，保底月薪6000')).toEqual(['保底月薪6000']);
    expect(salaryFindings('有三年以上销售经验，保底月薪6000')).toEqual([]);
  });

  it('holds training offered to whoever lacks experience (无经验可培训) to the optional bar, not the no-experience one', () => {
    expect(salaryFindings('有美容院工作经验优先，无经验可带薪培训，综合6000-12000元')).toEqual([]);
    expect(salaryFindings('无经验可带薪培训，综合6000-12000元')).toEqual([]);
    expect(salaryFindings('无经验可带薪培训，综合15000-20000元')).toEqual(['综合15000-20000元']);
    expect(salaryFindings('无需经验，综合6000-12000元')).toEqual(['综合6000-12000元']);
  });

  it('flags a title that promises more than the body says the job pays as a whole, not over a base or an allowance', () => {
    expect(titleFindings('普工月薪8000包吃住', '电子厂普工，两班倒，综合工资3800-4500，做满一个月就发')).toEqual(['title:月薪8000']);
    expect(titleFindings('普工 月综合6000+', '底薪2490，加班另算')).toEqual([]);
    expect(titleFindings('软件测试工程师 10-14K', '2年以上测试经验，餐补20元/天')).toEqual([]);
    expect(titleFindings('普工月薪6000', '综合工资4500-6000')).toEqual([]);
  });

  it('flags a title\'s high pay for work anyone can do when the body states no pay to back it', () => {
    expect(titleFindings('普工月薪8000包吃住', '电子厂大量招普工，男女不限，包吃住，来了就能上班')).toEqual(['title:月薪8000']);
    expect(titleFindings('普工月薪6000包吃住', '电子厂大量招普工，男女不限，包吃住')).toEqual([]);
    expect(titleFindings('数控车床技工 月薪8000', '三年以上数控车床操作经验，会看图纸')).toEqual([]);
  });

  it('reads 有师傅带 as help for a beginner, not a trade asked for', () => {
    expect(salaryFindings('诚招房产经纪人，无经验有师傅带，应届生首年收入20万+')).toEqual(['年收入20万+']);
    expect(salaryFindings('招瓦工师傅，月薪12000，包吃住')).toEqual([]);
  });

  it('takes an apprentice\'s pay once trained (出师后) as a trade\'s, unless it is guaranteed', () => {
    expect(salaryFindings('师傅带，零基础可学，学徒期3000，出师后6-10k')).toEqual([]);
    expect(salaryFindings('零基础可学，出师后保底月薪1.5万')).toEqual(['保底月薪1.5万']);
  });

  it('gives an installer\'s pay by the job a basis', () => {
    expect(salaryFindings('上门安装宽带，新手小白可接受，安装一单30元，综合薪资8000-12000元')).toEqual([]);
  });

  it('accepts the same pay when the ad asks for experience', () => {
    expect(salaryFindings('5年以上经验，精通Java，年薪50W')).toEqual([]);
    expect(salaryFindings('3年以上大车驾驶经验，月收入10000-13000元')).toEqual([]);
  });

  it('accepts ordinary day-labour rates even without experience', () => {
    expect(salaryFindings('无需经验，搬运为主，日结180元')).toEqual([]);
  });

  it('flags high pay next to a fee charged to the applicant', () => {
    expect(salaryFindings('学费26800元，结业推荐就业，年薪15-25万')).toEqual(['年薪15-25万']);
    expect(salaryFindings('入职交保证金1000元，月均6000-10000元')).toEqual([]);
  });

  it('takes a stated floor as a promise only where the ad demands nothing that explains it', () => {
    expect(salaryFindings('应聘条件：博士学位，有分子动力学模拟研究经验。待遇：年薪不低于30万元')).toEqual([]);
    expect(salaryFindings('无需经验，月薪不低于12000元')).toEqual(['月薪不低于12000元']);
    expect(salaryFindings('我们保证：首年税后收入不低于15万。要求：大专及以上')).toEqual(['收入不低于15万']);
    expect(salaryFindings('入职交保证金1000元，月均6000-10000元')).toEqual([]);
  });

  it('gives a trade\'s day rate a basis unless the ad says no experience is needed', () => {
    expect(salaryFindings('珠宝展礼仪，净身高170cm。待遇：日薪600，提供礼服')).toEqual([]);
    expect(salaryFindings('商务礼仪，无需经验，日入2000+，只需陪客户聊天')).toEqual(['日入2000+']);
  });

  it('takes wages abroad beside an agency fee as ordinary, unless the ad is a scam', () => {
    expect(salaryFindings('日本焊工，出国服务费1.5万，月薪1.6万-2万')).toEqual([]);
    expect(salaryFindings('海外客服 月薪2w起 不用会外语 到了那边护照统一保管 出发前别跟家里讲')).toEqual(['月薪2w']);
  });

  it('judges an hourly rate as a rate', () => {
    expect(salaryFindings('小区家政钟点工，时间自由安排。时薪40元，每周结算')).toEqual([]);
    expect(salaryFindings('手机操作，一小时能赚50-80')).toEqual(['一小时能赚50-80']);
  });

  it('reads a month\'s pay for a few hours a day as a rate by the hour, half hours included', () => {
    expect(salaryFindings('在家兼职，每天一小时，月入1800元')).toEqual(['月入1800元']);
    // 1800 a month over 22 days of one and a half hours is below the part-time rate
    expect(salaryFindings('在家兼职，每天一个半小时，月入1800元')).toEqual([]);
  });

  it('flags guaranteed high income but not a minimum-wage guarantee', () => {
    expect(salaryFindings('保底月薪3万，公司提供客户资源')).toEqual(['保底月薪3万']);
    expect(salaryFindings('新员工前两个月发放保底工资')).toEqual([]);
  });
});
