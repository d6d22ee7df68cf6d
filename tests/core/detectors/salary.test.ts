import { describe, expect, it } from 'vitest';
import { check } from '../engine-fixture.js';

const salaryFindings = (text: string) => check(text).findings.filter((f) => f.category === 'salary_promise').map((f) => f.text);

describe('salary detector', () => {
  it('flags high pay for work that needs no experience', () => {
    expect(salaryFindings('应届生、无需经验，年薪50W起步')).toEqual(['年薪50W']);
    expect(salaryFindings('网络聊天，在家即可，时薪200')).toEqual(['时薪200']);
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

  it('flags guaranteed high income but not a minimum-wage guarantee', () => {
    expect(salaryFindings('保底月薪3万，公司提供客户资源')).toEqual(['保底月薪3万']);
    expect(salaryFindings('新员工前两个月发放保底工资')).toEqual([]);
  });
});
