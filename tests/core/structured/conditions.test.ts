import { describe, expect, it } from 'vitest';
import { engine, withoutNotices } from '../engine-fixture.js';

// A posting form's conditions are read by the same categories and rules as text; the finding names the path.
const findings = (conditions: object, description = '负责门店接待') =>
  withoutNotices(engine.check({ title: '店员', description, conditions })).findings.map((f) => [f.category, f.field, f.text, f.start, f.end]);

describe('structured conditions', () => {
  it('reports each condition on its path with the value as the span', () => {
    const byPath = (list: unknown[][]) => [...list].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(byPath(findings({ gender: '女', ageMax: 28, hukou: '本市户籍', education: '全日制统招本科' }))).toEqual(byPath([
      ['gender', 'conditions.gender', '女', 0, 1],
      ['age', 'conditions.ageMax', '28', 0, 2],
      ['school_tier', 'conditions.education', '全日制统招本科', 0, 7],
      ['region', 'conditions.hukou', '本市户籍', 0, 4],
    ]));
  });

  it('takes 不限 and a plain degree level as no condition', () => {
    expect(findings({ gender: '男女不限', hukou: '不限', education: '本科及以上', experience: '3年以上' })).toEqual([]);
  });

  it('holds an age floor to the lawful minimum: 16, or 18 for work that needs an adult', () => {
    expect(findings({ ageMin: 16 })).toEqual([]);
    expect(findings({ ageMin: 20 }).map((f) => f[0])).toEqual(['age']);
    expect(findings({ ageMin: 18 }, '夜班保安，负责园区巡逻')).toEqual([]);
    expect(findings({ ageMin: 14 }).map((f) => f[1])).toEqual(['conditions.ageMin']);
    expect(withoutNotices(engine.check({ title: '店员', description: '负责接待', conditions: { ageMin: 14 } })).decision).toBe('reject');
  });

  it('compares the text\'s pay with the form\'s and says both', () => {
    const verdict = engine.check({ title: '销售', description: '月入过万，多劳多得', pay: { min: 4000, max: 5000, unit: 'month' } });
    const finding = verdict.findings.find((f) => f.ruleId === 'salary-above-form')!;
    expect(finding).toMatchObject({ category: 'salary_promise', field: 'description', text: '月入过万' });
    expect(finding.message).toContain('薪资字段：月薪最高5000元');
  });
});
