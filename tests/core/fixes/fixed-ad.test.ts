/** The fixed ad (functions/core/fixes/fixed-ad.ts) and Engine.fix: every fix applied, checked again. */
import { describe, expect, it } from 'vitest';
import { applyFixes, fixAd, fixedVersion } from '../../../functions/core/fixes/fixed-ad.js';
import { engine, withoutNotices } from '../engine-fixture.js';

describe('fixAd and Engine.fix', () => {
  it('applies every field\'s fixes, company name and title included, and checks the result again', () => {
    const ad = { title: '前台（限女性）', description: '负责接待，年龄35岁以下，熟练使用Office', company: { name: '某某公司', creditCode: 'x' } };
    const verdict = engine.check(ad);
    const fixed = engine.fix(ad, verdict)!;
    expect(fixed.ad).toEqual({ title: '前台（男女不限）', description: '负责接待，熟练使用Office', company: { name: '某某公司', creditCode: 'x' } });
    expect(withoutNotices(fixed.verdict)).toMatchObject({ decision: 'approve', findings: [] });
    expect(fixedVersion(fixed)).toEqual({ ...fixed.ad, decision: 'approve' });
  });

  it('gives nothing when there is nothing to fix, or a finding is fraud or a fee', () => {
    const clean = { title: '会计', description: '男女不限，五险一金' };
    expect(engine.fix(clean, engine.check(clean))).toBeUndefined();
    const fee = { title: '保安', description: '限男性，入职交押金300元' };
    const verdict = engine.check(fee);
    expect(verdict.findings.find((f) => f.category === 'gender')?.fix).toBeDefined();
    expect(fixAd(fee, verdict.findings)).toBeUndefined();
  });

  it('keeps a title or description that its fixes would empty: the fixed ad is still an ad (none when nothing else changes)', () => {
    const ad = { title: '限男性', description: '年龄35岁以下' };
    const fixed = fixAd(ad, engine.check(ad).findings)!;
    expect(fixed.title).toBe('男女不限');
    expect(fixed.description).toBe('年龄35岁以下');
    const onlyConditions = { title: '前台', description: '要求：身高165cm以上，形象气质佳' };
    expect(fixAd(onlyConditions, engine.check(onlyConditions).findings)).toBeUndefined();
  });

  it('applies non-overlapping fixes in any order given', () => {
    const fixes = [
      { start: 0, end: 1, replacement: 'A' },
      { start: 4, end: 6, replacement: '' },
      { start: 2, end: 2, replacement: 'x' },
    ];
    expect(applyFixes('abcdefg', fixes)).toBe('Abxcdg');
    expect(applyFixes('abcdefg', [...fixes].reverse())).toBe('Abxcdg');
  });
});

describe('a pay lure', () => {
  it('is deleted where the ad states its pay, and left alone (no fix) where it does not', () => {
    const stated = engine.check({ title: '销售', description: '无责底薪3000+高提成，月入过万很轻松' });
    expect(stated.findings.find((f) => f.ruleId === 'salary-lure')?.fix).toBeDefined();
    const inSalaryField = engine.check({ title: '销售', description: '月入过万很轻松，欢迎加入', salary: '6000-9000元/月' });
    expect(inSalaryField.findings.find((f) => f.ruleId === 'salary-lure')?.fix).toBeDefined();
    const unstated = engine.check({ title: '销售', description: '月入过万很轻松，欢迎加入' });
    const lure = unstated.findings.find((f) => f.ruleId === 'salary-lure');
    expect(lure).toBeDefined();
    expect(lure!.fix).toBeUndefined();
  });
});

describe('structured conditions (a posting form\'s 性别要求, 年龄上限, 学历要求, 户籍)', () => {
  it('are fixed like a field holding the value: a sex becomes 男女不限, a tier its degree, an age cap and a hukou go', () => {
    const ad = {
      title: '仓库管理员',
      description: '负责仓库收发货，熟练使用Excel',
      conditions: { gender: '男', ageMin: 16, ageMax: 35, education: '全日制统招本科', hukou: '本市户籍', experience: '1年以上' },
    };
    const verdict = withoutNotices(engine.check(ad));
    expect(verdict.findings.map((f) => [f.field, f.fix])).toEqual([
      ['conditions.gender', { start: 1, end: 1, replacement: '女不限' }],
      ['conditions.ageMax', { start: 0, end: 2, replacement: '' }],
      ['conditions.education', { start: 0, end: 5, replacement: '' }],
      ['conditions.hukou', { start: 0, end: 4, replacement: '' }],
    ]);
    const fixed = engine.fix(ad, verdict)!;
    expect(fixed.ad.conditions).toEqual({ gender: '男女不限', ageMin: 16, education: '本科', experience: '1年以上' });
    expect(fixed.ad.description).toBe(ad.description);
    expect(withoutNotices(fixed.verdict)).toMatchObject({ decision: 'approve', findings: [] });
  });
});
