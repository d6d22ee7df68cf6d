import { describe, expect, it } from 'vitest';
import { matchHeader, parseMapOption, planColumns } from '../../functions/prescreen/header-map.js';

const fieldsOf = (headers: string[], overrides = new Map()) =>
  planColumns(headers, overrides).columns.map((c) => `${c.header}=${c.field}`);

describe('header mapping', () => {
  it('maps the usual Chinese headers, several description columns included', () => {
    const plan = planColumns(['序号', '单位名称', '统一社会信用代码', '岗位名称', '岗位职责', '任职要求', '薪资', '工作地点', '联系方式', '招聘人数']);
    expect(plan.columns.map((c) => c.field)).toEqual(['company', 'creditCode', 'title', 'description', 'description', 'salary', 'location', 'contact', 'headcount']);
    expect(plan.ignored).toEqual(['序号']);
    expect(plan.missing).toEqual([]);
  });

  it('ignores case, width, spaces, required marks and units in brackets', () => {
    expect(fieldsOf(['Company Name', 'JOB TITLE', 'Description', '薪资（元/月）', '岗位名称*'])).toEqual([
      'Company Name=company',
      'JOB TITLE=title',
      'Description=description',
      '薪资（元/月）=salary',
    ]);
    expect(matchHeader('ｃｒｅｄｉｔ　ｃｏｄｅ')?.target).toBe('creditCode');
  });

  it('prefers an exact header to one that only contains an alias', () => {
    expect(fieldsOf(['单位地址', '单位名称', '招聘岗位名称', '职位描述'])).toEqual(['单位名称=company', '招聘岗位名称=title', '职位描述=description']);
    expect(fieldsOf(['公司性质', '企业名称', '岗位', '岗位类别', '岗位描述'])).toEqual(['企业名称=company', '岗位=title', '岗位描述=description']);
  });

  it('maps a fair template\'s condition and posting columns onto the structured fields', () => {
    expect(fieldsOf(['单位名称', '单位简介', '岗位名称', '岗位职责', '性别要求', '年龄要求', '学历要求', '户籍要求', '招聘人数', '月薪', '工作地点', '截止日期'])).toEqual([
      '单位名称=company', '单位简介=companyIntro', '岗位名称=title', '岗位职责=description', '性别要求=gender', '年龄要求=age',
      '学历要求=education', '户籍要求=hukou', '招聘人数=headcount', '月薪=salary', '工作地点=location', '截止日期=validUntil',
    ]);
  });

  it('lets --map override by header, column letter or number, and drop a column', () => {
    const headers = ['名称', '内容', '岗位', '备注'];
    expect(planColumns(headers).missing).toEqual(['company or creditCode']);
    const overrides = new Map([parseMapOption('名称=company'), parseMapOption('B=description'), parseMapOption('4=ignore')]);
    expect(fieldsOf(headers, overrides)).toEqual(['名称=company', '内容=description', '岗位=title']);
  });

  it('rejects a --map with an unknown field or no column', () => {
    expect(() => parseMapOption('名称=firm')).toThrow(/unknown field "firm"/);
    expect(() => parseMapOption('=title')).toThrow(/列名=field/);
    expect(parseMapOption('a=b=CreditCode')).toEqual(['a=b', 'creditCode']);
  });
});
