import { describe, expect, it } from 'vitest';
import { createJiebaTokenizer } from '../../../functions/adapters/jieba-tokenizer.js';
import { analyzeField } from '../../../functions/core/analysis/field-analysis.js';
import { clearingRole } from '../../../functions/core/analysis/roles.js';
import type { Category } from '../../../functions/core/categories.js';
import { normalize } from '../../../functions/core/normalize.js';
import { check, engine } from '../engine-fixture.js';

const tokenizer = createJiebaTokenizer(engine.lexicon.words);
const roleOf = (text: string, category: Category) => {
  const a = analyzeField('description', normalize(text, engine.lexicon.variants), engine.lexicon, tokenizer);
  return clearingRole(a, 0, 1, category, engine.lexicon.roles);
};

// Every role's own examples (roles.yaml): its clears hold no finding, its keeps (the same words as a condition) do.
// An ad-wide role's example is a whole post, untitled (the fixture's title 招聘 would make it an employer's).
describe.each(engine.lexicon.roles.map((r) => [r.name, r] as const))('role %s', (_, role) => {
  const title = role.scope === 'ad' ? '' : undefined;
  it.each(role.examples.clears)('clears %s', (text) => expect(check(text, title).findings).toEqual([]));
  it.each(role.examples.keeps)('keeps %s', (text) => expect(check(text, title).findings.length).toBeGreaterThan(0));
});

describe('a job-seeker\'s post', () => {
  it('describes its writer: nothing in it is a condition, and refusing fees is no fee', () => {
    expect(engine.check({ title: '求职普工', description: '男，27岁，身体好。要交押金、交钱办卡的别找我，不签合同、不交社保的也不考虑。' }).findings.filter((f) => f.severity !== 'notice')).toEqual([]);
  });

  it('is an employer\'s when it also recruits, and a seeker who charges money is flagged for it', () => {
    const recruits = engine.check({ title: '求职的看过来！房产销售', description: '房产中介招置业顾问，35岁以下，有驾照优先。' });
    expect(recruits.findings.map((f) => f.category)).toContain('age');
    const agent = engine.check({ title: '求职', description: '本人求职，也帮人介绍进厂，报名费50元交给我。' });
    expect(agent.findings.map((f) => f.category)).toContain('fee_charging');
  });
});

describe('clause roles', () => {
  it.each([
    ['绝无收费——不向求职者收取任何费用', 'fee_charging', 'fee_disclaimer'],
    ['凡是要押金的都是骗子', 'fee_charging', 'disclaimer'],
    ['协助监察员查处扣押证件、不签劳动合同等违法行为', 'labor_rights', 'violation'],
    ['为员工解决深圳户口', 'region', 'perk'],
    ['入职充值400元饭卡', 'fee_charging', 'cost_borne'],
    ['为3-16岁儿童建立身高体重档案', 'age', 'third_party'],
    ['领导层均具有名牌大学博士学位', 'school_tier', 'company'],
    ['团队985院校比例大于70%', 'school_tier', 'company'],
    ['负责收取押金并开具收据', 'fee_charging', 'duty'],
  ] as const)('%s is not a condition on applicants (%s: %s)', (text, category, role) => {
    expect(roleOf(text, category)).toBe(role);
  });

  it.each([
    ['入职需交押金200元', 'fee_charging'],
    ['入职体检含孕检（公司承担费用）', 'marriage_pregnancy'],
    ['客户倾向男性候选人', 'gender'],
    ['糖尿病、高血压患者勿扰', 'health'],
    ['限本地户口', 'region'],
  ] as const)('%s stays a condition (%s)', (text, category) => {
    expect(roleOf(text, category)).toBeUndefined();
  });

  it('lets a section give its role weakly: an operator in the clause overrides it', () => {
    expect(roleOf('防骗提醒：押金由公司统一保管', 'fee_charging')).toBe('disclaimer');
    // a notice (温馨提示, 特别说明) is no warning: what it says stands unless it disclaims
    expect(roleOf('特别说明：试用期7天不发工资', 'labor_rights')).toBeUndefined();
    const ad = '岗位职责：\n收取租车押金\n要求：入职需交押金200元';
    const findings = check(ad).findings.filter((f) => f.category === 'fee_charging');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.start > ad.indexOf('要求'))).toBe(true);
  });

  it('lets a bracket opened on a hit speak of it past its own comma, but not an item inside a bracket', () => {
    const annotated = '入职需统一定做工服（约150元，公司报销）';
    expect(check(annotated).findings.filter((f) => f.category === 'fee_charging')).toEqual([]);
    expect(check('入职需统一定做工服（约150元，个人承担）').findings.map((f) => f.category)).toContain('fee_charging');
    // 顾客都是女性 gives a reason beside the bracket's own condition: the condition stands
    expect(check('（限女，结过婚的姐妹优先，顾客都是女性）').findings.map((f) => f.category)).toContain('marriage_pregnancy');
  });
});
