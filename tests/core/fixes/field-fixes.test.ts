/**
 * How fixes compose in one field (functions/core/fixes/field-fixes.ts, edited-text.ts, text-layout.ts): the
 * layouts real ads use, each fixed into a clean text. Per-rule behaviour is in the lexicons' fix examples.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../functions/core/fixes/fixed-ad.js';
import type { FixEdit } from '../../../functions/core/verdict.js';
import { engine, withoutNotices } from '../engine-fixture.js';

const fixed = (description: string) => {
  const { findings } = engine.check({ title: '招聘', description });
  return applyFixes(description, findings.flatMap((f) => (f.field === 'description' && f.fix ? [f.fix] : [])));
};

describe('composed fixes', () => {
  it.each([
    ['a list item emptied: its line and mark go', '岗位要求：\n1、年龄35岁以下；\n2、有叉车证。', '岗位要求：\n2、有叉车证。'],
    ['Windows line breaks stay CRLF', '限男性，能吃苦\r\n年龄35岁以下\r\n有叉车证', '男女不限，能吃苦\r\n有叉车证'],
    ['a traditional-script ad is fixed by the simplified words of the rules, its own script kept', '要求：統招本科及以上學歷，江西籍人員勿扰，工作認真', '要求：本科及以上學歷，工作認真'],
    ['a rich-text line break stays', '计件，包吃住。<br/>要求：女性员工优先，手脚勤快<br/>', '计件，包吃住。<br/>男女不限，手脚勤快<br/>'],
    ['a rich-text paragraph emptied goes with its tags', '<p>负责仓库管理</p><p>只招男生，18到25岁</p><p>五险一金</p>', '<p>负责仓库管理</p><p>五险一金</p>'],
    ['a rich-text list item left with its separators goes whole', '<ul><li>3年以上经验；</li><li>35岁以下，本地户口优先；</li></ul>', '<ul><li>3年以上经验；</li></ul>'],
    ['a list whose every item goes, goes with them', '<p>负责仓库管理</p><ul><li>35岁以下</li><li>限男性</li></ul><p>五险一金</p>', '<p>负责仓库管理</p><p>五险一金</p>'],
    ['a block left with a comma between two conditions goes', '<div>负责仓库管理</div><div>身高165cm以上，形象气质佳</div><div>月薪6000</div>', '<div>负责仓库管理</div><div>月薪6000</div>'],
    ['a line between <br> tags goes with one of them', '仓库管理<br>河南、东北地区的勿投<br>五险一金', '仓库管理<br>五险一金'],
    ['a label left with nothing goes, with its sentence end', '民族要求：汉族。试用期工资3200元', '试用期工资3200元'],
    ['a bracketed label heading its line goes with its value, a section header stays', '【岗位】普工\n【年龄】18-40岁\n【职位要求】\n1、能吃苦', '【岗位】普工\n【职位要求】\n1、能吃苦'],
    ['a bracket holding a fix\'s wording is a value, not a label', '【女】【20-28】\n#成都兼职', '【男女不限】\n#成都兼职'],
    ['a ； only ends an item of a label\'s list', '报名条件：需有杭州市区户口；第一学历为全日制本科；35周岁以下（硕士研究生可放宽至40周岁）。', '报名条件：本科。'],
    ['a note in brackets glued to a deleted item goes with it', '1. 限本区户籍（以报名截止日户口簿为准）；\n2. 大专以上学历。', '2. 大专以上学历。'],
    ['an emptied bracket goes', '物业前台，月薪4500，双休。（民族：汉；婚育：已育优先）', '物业前台，月薪4500，双休。'],
    ['a bracket whose other half went with a deletion goes', '要求：男工（女工暂不招），18-40周岁，初中以上文化', '男女不限，初中以上文化'],
    ['list numbers glued inside a line', '1.女性2.已婚3.30-45岁4.会用收银机扫码', '1.男女不限4.会用收银机扫码'],
    ['bullets inside a line', '【职位要求】✓ 年龄20-40岁✓ 无需经验', '【职位要求】✓ 无需经验'],
    ['a full stop written "."', '工资3300.身高1.75以上，年龄35岁以下，沙坪坝大学城。', '工资3300.沙坪坝大学城。'],
    ['English keeps the space after a comma', '- Male only, able to operate forklift', '- 男女不限, able to operate forklift'],
    ['a wording said once when repeated right after itself', '只要小伙子，妹子就不考虑了哈', '男女不限'],
    ['words between two conditions that belong to them go too', '申请门槛：国内双一流或海外QS前100院校本科及以上', '申请门槛：本科及以上'],
    ['a rewrite changes every match in its finding', '（三）本科阶段须为全日制普通高等学校统招本科，且本硕专业一致', '（三）本科阶段须为普通高等学校本科，且本硕专业一致'],
    ['a conjunction left at the edge of what stays goes', '（四）具有江西省户籍或两年以上工作经验；\n（五）身体健康。', '（四）两年以上工作经验；\n（五）身体健康。'],
    ['a place a hukou condition names goes with it, and so does its other form (生源)', '（四）具有江西省户籍或江西省生源；\n（五）身体健康。', '（五）身体健康。'],
    ['but not the first character of a word (及时)', '要求本地户口及时到岗', '及时到岗'],
  ])('%s', (_, description, expected) => {
    expect(fixed(description)).toBe(expected);
  });

  it('gives a finding whose words another fix removes an empty fix at that fix\'s start', () => {
    const { findings } = engine.check({ title: '招聘', description: '限男性 985/211院校毕业\n限男性' });
    const school = findings.find((f) => f.category === 'school_tier')!;
    const gender = findings.find((f) => f.category === 'gender')!;
    expect(gender.fix).toEqual({ start: 0, end: 15, replacement: '男女不限' });
    expect(school.fix).toEqual<FixEdit>({ start: 0, end: 0, replacement: '' });
  });

  it('gives labour findings inside a longer clause no fix (no wording reads right there)', () => {
    const { findings } = engine.check({ title: '招聘', description: '社保自愿放弃的每月补200现金，有宿舍' });
    const insurance = findings.find((f) => f.ruleId === 'labor-social-insurance')!;
    expect(insurance).toBeDefined();
    expect(insurance.fix).toBeUndefined();
  });

  it('gives fraud and fee findings no fix', () => {
    const { findings } = withoutNotices(engine.check({ title: '招聘', description: '招淘宝刷单员，入职交工服押金200元' }));
    expect(findings.map((f) => f.category).sort()).toEqual(['fee_charging', 'fraud']);
    for (const f of findings) expect(f.fix).toBeUndefined();
  });
});
