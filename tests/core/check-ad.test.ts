import { describe, expect, it } from 'vitest';
import { VerdictSchema } from '../../functions/core/verdict.js';
import { check, engine } from './engine-fixture.js';

describe('checkAd', () => {
  it('approves a clean ad with no findings', () => {
    const v = check('招聘会计1名，男女不限，本科及以上，五险一金，月薪6000-8000元');
    expect(v.decision).toBe('approve');
    expect(v.findings).toEqual([]);
  });

  it('reads an ad-wide scheme whose signals lie in different fields, and shows each part in its own field', () => {
    const v = engine.check({ title: '海外民宿管家｜柬埔寨西港', description: '度假村招前台若干，包机票包吃住，会中文就行。' });
    const fraud = v.findings.filter((f) => f.category === 'fraud');
    expect(fraud.map((f) => [f.field, f.text])).toEqual([
      ['title', '柬埔寨西港'],
      ['description', '包机票包吃住'],
    ]);
    expect(v.decision).toBe('reject');
    // one field alone holds no scheme: a place abroad is not a lure
    expect(engine.check({ title: '柬埔寨语翻译', description: '负责商务资料笔译，本科及以上，五险一金。' }).findings.filter((f) => f.category === 'fraud')).toEqual([]);
  });

  it('reads a scheme across fields when one clause holds two of its signals (在家 and 录入员 in the title)', () => {
    const v = engine.check({ title: '在家兼职录入员', description: '出版社外发稿件录入，每千字25元，日结，当天交稿当天打款' });
    expect(v.findings.filter((f) => f.category === 'fraud').map((f) => [f.field, f.text])).toEqual([
      ['title', '在家兼职录入员'],
      ['description', '出版社外发稿件录入'],
      ['description', '日结'],
    ]);
    // without the home-based title it is an office's typing work
    expect(engine.check({ title: '录入员', description: '出版社外发稿件录入，每千字25元，日结' }).findings.filter((f) => f.category === 'fraud')).toEqual([]);
  });

  it('returns the public Verdict contract', () => {
    const v = check('限男性，18-35岁');
    expect(VerdictSchema.parse(v)).toEqual(v);
    expect(v.lexiconVersion).toBe(engine.info().version);
    expect(Number.isNaN(Date.parse(v.checkedAt))).toBe(false);
  });

  it('rejects when any finding has reject severity', () => {
    const v = check('限男性，18-35岁');
    expect(v.decision).toBe('reject');
    expect(v.findings.map((f) => [f.category, f.severity])).toEqual([
      ['gender', 'reject'],
      ['age', 'review'],
    ]);
  });

  it('sends an ad with only review findings to review', () => {
    const v = check('限本地户口，身高160以上');
    expect(v.decision).toBe('review');
    expect(new Set(v.findings.map((f) => f.category))).toEqual(new Set(['region', 'appearance']));
  });

  it('shows a whole list before a rule\'s phrase, but not the words after a list it ends', () => {
    expect(check('但怀孕的、哺乳期的暂不考虑。').findings.filter((f) => f.category === 'marriage_pregnancy').map((f) => f.text)).toEqual(['怀孕的、哺乳期的暂不考虑']);
    expect(check('985、211理工科、师范专业优先考虑').findings.filter((f) => f.category === 'school_tier').map((f) => f.text)).toEqual(['985、211']);
  });

  it('never keeps two overlapping findings of one category, so their fixes compose', () => {
    const ad = { title: '教师', description: '应聘条件：第一学历须为985、211院校全日制本科，持教师资格证。' };
    const v = engine.check(ad);
    const tiers = v.findings.filter((f) => f.category === 'school_tier').sort((a, b) => a.start - b.start);
    for (let i = 1; i < tiers.length; i++) expect(tiers[i]!.start).toBeGreaterThanOrEqual(tiers[i - 1]!.end);
    const fixed = engine.fix(ad, v);
    expect(fixed?.ad.description).not.toMatch(/985|211|全日制|第一学历/);
    expect(fixed?.ad.description).toContain('持教师资格证');
  });

  it('reports spans in the original text even after normalisation changed it', () => {
    const description = '要求：僅限 男 性，乙 肝 攜 帶 者 勿 擾';
    const v = check(description);
    for (const f of v.findings) expect(description.slice(f.start, f.end)).toBe(f.text);
    expect(v.findings.map((f) => f.text)).toEqual(['僅限 男 性', '乙 肝 攜 帶 者 勿 擾']);
  });

  it('reports each field with its own offsets', () => {
    const v = engine.check({ title: '仓管（限男性）', description: '负责出入库', requirements: '需交押金200元' });
    expect(v.findings.map((f) => [f.field, f.text])).toEqual([
      ['title', '限男性'],
      ['requirements', '押金200元'],
      // what the ad lacks comes last, on the whole ad
      ['ad', ''],
    ]);
    expect('仓管（限男性）'.slice(v.findings[0]!.start, v.findings[0]!.end)).toBe('限男性');
  });

  it('scopes exceptions to their clause: 男女不限 does not hide 限本地户口 in the next sentence', () => {
    const v = check('男女不限。限本地户口');
    expect(v.findings.map((f) => f.category)).toEqual(['region']);
  });

  it.each([
    ['男女不限', '性别不限，能吃苦'],
    ['不限户籍', '不限户籍，包住'],
    ['无需缴纳押金', '无需缴纳押金，入职即签合同'],
    ['公司不收取任何费用', '公司不收取任何费用'],
    ['体检费由公司承担', '入职体检费由公司承担'],
  ])('passes %s', (_, text) => {
    expect(check(text).findings).toEqual([]);
  });

  it('keeps every finding on its line: a pattern never joins one line\'s end to the next line', () => {
    for (const text of ['不招新疆籍人员\n不招新疆籍人员，能吃苦耐劳', '无宗教信仰\n要求：无宗教信仰']) {
      const findings = check(text).findings.filter((f) => f.field === 'description');
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(f.text, text).not.toContain('\n');
    }
  });

  it('finds a condition whose pattern\'s optional tail could take the line break after it, and ends it on its line', () => {
    const findings = check('要求：\n1. 身高165-175cm\n2. 自备黑色正装').findings;
    expect(findings.map((f) => [f.category, f.text])).toEqual([['appearance', '身高165-175cm']]);
  });

  it('flags a fee only when the job seeker pays it', () => {
    expect(check('入职体检费150元自理').findings.map((f) => f.category)).toEqual(['fee_charging']);
    expect(check('入职体检费用公司承担').findings).toEqual([]);
  });

  it('matches names on word boundaries: 河南人 is not found inside 河南人民医院', () => {
    expect(check('河南人民医院不招聘实习生以外人员').findings).toEqual([]);
    expect(check('不招河南人').findings.map((f) => f.text)).toEqual(['不招河南人']);
  });

  it('downgrades a gender condition for work women may lawfully be kept from', () => {
    const v = check('矿山井下采掘工，限男性');
    expect(v.findings[0]).toMatchObject({ category: 'gender', severity: 'review' });
    expect(v.decision).toBe('review');
  });

  it('carries message, legal basis and suggestion on every finding', () => {
    for (const f of check('限男性，交押金500元，刷单').findings) {
      expect(f.message.length).toBeGreaterThan(5);
      expect(f.legalBasis.length).toBeGreaterThan(0);
      expect(f.suggestion).toBeTruthy();
    }
  });

  it('handles emoji, control characters and right-to-left marks without shifting spans', () => {
    const description = '💰月薪3000 \u202e 🔥限男性\u0000';
    const [finding] = check(description).findings;
    expect(finding && description.slice(finding.start, finding.end)).toBe('限男性');
  });

  it('lets no reason in a bracket after a condition take it back, though a bracket holding a neutral wording still can', () => {
    const ad = '要求：业余5段以上，男教练优先（学员以男孩为主，方便管理）。';
    const gender = check(ad).findings.find((f) => f.category === 'gender');
    expect(gender && ad.slice(gender.start, gender.end)).toBe('男教练优先');
    expect(check('招聘服务员（男女不限）').findings.filter((f) => f.category === 'gender')).toEqual([]);
  });
});
