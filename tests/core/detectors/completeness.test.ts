import { describe, expect, it } from 'vitest';
import type { Ad } from '../../../functions/core/ad.js';
import { createEngine } from '../../../functions/engine.js';
import { engine } from '../engine-fixture.js';

// The six elements of 《人力资源市场暂行条例》第二十四条, from structured fields or from the job's text.
const missing = (ad: Ad, now?: Date, e = engine) => e.check(ad, now).findings.find((f) => f.category === 'incomplete')?.missing ?? [];

const COMPLETE_TEXT =
  '洛阳市某某科技有限公司招聘仓管员2名。岗位职责：负责货物出入库登记与盘点。任职要求：高中以上学历，会用电脑。工作地点：洛阳市西工区中州路12号。月薪4500-5500元。';
const FORM: Ad = {
  title: '仓管员',
  description: '负责货物出入库登记与盘点',
  company: { name: '某某物流有限公司' },
  location: '苏州市吴中区',
  headcount: 3,
  pay: { min: 4500, max: 5500, unit: 'month' },
  conditions: { education: '高中及以上' },
};

describe('completeness', () => {
  it('finds every element in a text that states them', () => {
    expect(missing({ title: '仓管员', description: COMPLETE_TEXT })).toEqual([]);
  });

  it('finds every element in a posting form\'s fields', () => {
    expect(missing(FORM)).toEqual([]);
  });

  it('names what is missing, in the law\'s words, as a notice on the whole ad', () => {
    const verdict = engine.check({ title: '普工', description: '招人，待遇好' });
    const finding = verdict.findings.find((f) => f.category === 'incomplete')!;
    expect(finding).toMatchObject({ field: 'ad', severity: 'notice', start: 0, end: 0 });
    expect(finding.missing).toEqual(['company', 'headcount', 'conditions', 'duties', 'location', 'pay']);
    expect(finding.message).toContain('用人单位基本情况、招聘人数、招聘条件、工作内容、工作地点、基本劳动报酬');
    expect(finding.legalBasis.map((l) => l.law).join()).toContain('《人力资源市场暂行条例》');
  });

  it('leaves the decision alone: an ad with only notices is approved', () => {
    expect(engine.check({ title: '普工', description: '招人，待遇好' }).decision).toBe('approve');
    expect(engine.check({ title: '普工', description: '招人，限男性' }).decision).toBe('reject');
  });

  it('holds an incomplete ad back where the policy raises the notice to review', () => {
    const strict = createEngine({ policy: { severities: { incomplete: 'review' } } });
    expect(strict.check({ title: '普工', description: '招人，待遇好' }).decision).toBe('review');
    expect(strict.check(FORM).decision).toBe('approve');
  });

  it('asks for a validity date that has not passed only where the policy requires one', () => {
    const strict = createEngine({ policy: { requireValidUntil: true } });
    const now = new Date('2026-12-03T10:00:00Z');
    expect(missing(FORM, now)).toEqual([]);
    expect(missing(FORM, now, strict)).toEqual(['validUntil']);
    expect(missing({ ...FORM, validUntil: '2026-12-02' }, now, strict)).toEqual(['validUntil']);
    expect(missing({ ...FORM, validUntil: '2026-12-03' }, now, strict)).toEqual([]);
  });

  it('does not take a bare 公司 for the employer, nor a city inside a registered name for the place of work', () => {
    const ad = { title: '打包员', description: '负责贴单打包，电动车由公司提供。要求手脚麻利。招8人，日薪200元。' };
    expect(missing(ad)).toEqual(['company', 'location']);
    expect(missing({ title: 'python工程师(北京云京科技有限公司)', description: '负责后端接口开发，要求一年以上经验，招2人，月薪15k-20k' })).toEqual(['location']);
  });

  it('does not take a requirement for the work, nor a perk or a place line', () => {
    const ad = { title: '开发', description: '任职要求：熟练掌握web开发框架。福利：配送餐补。工作地点：昆明市官渡区配送站。招2人，月薪8000元，昆明某某有限公司' };
    expect(missing(ad)).toEqual(['duties']);
  });
});
