import { describe, expect, it } from 'vitest';
import { normalize } from '../../../functions/core/normalize.js';
import { analyzeField } from '../../../functions/core/analysis/field-analysis.js';
import { engine } from '../engine-fixture.js';
import { createJiebaTokenizer } from '../../../functions/adapters/jieba-tokenizer.js';

const analyze = (text: string) => {
  const n = normalize(text, engine.lexicon.variants);
  const a = analyzeField('description', n, engine.lexicon, createJiebaTokenizer(engine.lexicon.words));
  return a.clauses.map((c) => [n.text.slice(c.start, c.end), c.section ?? '-']);
};

describe('clauses and sections', () => {
  it('splits at commas, stops, line breaks and spaces between Chinese words', () => {
    expect(analyze('限男性，20-35岁。身体健康\n包吃住 月休四天')).toEqual([
      ['限男性', '-'],
      ['20-35岁', '-'],
      ['身体健康', '-'],
      ['包吃住', '-'],
      ['月休四天', '-'],
    ]);
  });

  it('ends a clause at the colon after a headcount, which opens the list of what is asked (but not at other colons)', () => {
    expect(analyze('招前台1名：95后，会电脑')).toEqual([
      ['招前台1名', '-'],
      ['95后', '-'],
      ['会电脑', '-'],
    ]);
    expect(analyze('联系电话：138').map(([text]) => text)).toEqual(['联系电话:138']);
  });

  it('ends a clause before a bracketed header inside a line: the duties do not run into the requirements', () => {
    expect(analyze('负责方案讲解【职位要求】大专起，年龄22~35周岁')).toEqual([
      ['负责方案讲解', '-'],
      ['职位要求】大专起', 'requirement'],
      ['年龄22-35周岁', 'requirement'],
    ]);
  });

  it('gives each clause the section its header opens, headers with numbers, brackets and qualifiers included', () => {
    const clauses = analyze('【岗位职责】\n负责收银\n二、申请条件\n1. 大专以上\n福利待遇：五险一金\n温馨提示：谨防诈骗');
    expect(clauses).toEqual([
      ['【岗位职责】', 'duty'],
      ['负责收银', 'duty'],
      ['二、申请条件', 'requirement'],
      [' 大专以上', 'requirement'],
      ['福利待遇:五险一金', 'perk'],
      ['温馨提示:谨防诈骗', 'notice'],
    ]);
  });

  it('ends a header with content on its line at the first plain line after its list items', () => {
    expect(analyze('工作内容：展台站位\n2、颁奖礼仪\n签约需拍摄模特卡\n任职要求：\n身高不限\n大专以上')).toEqual([
      ['工作内容:展台站位', 'duty'],
      ['颁奖礼仪', 'duty'],
      ['签约需拍摄模特卡', '-'],
      ['任职要求:', 'requirement'],
      ['身高不限', 'requirement'],
      ['大专以上', 'requirement'],
    ]);
  });

  it('ends a section at a heading of a kind it does not know (【加入方式】, 收益模式：)', () => {
    expect(analyze('【团长职责】\n收集订单\n【加入方式】\n缴纳398元开通资格\n岗位职责：\n送货\n收益模式：\n提成10%')).toEqual([
      ['【团长职责】', 'duty'],
      ['收集订单', 'duty'],
      ['【加入方式】', '-'],
      ['缴纳398元开通资格', '-'],
      ['岗位职责:', 'duty'],
      ['送货', 'duty'],
      ['收益模式:', '-'],
      ['提成10%', '-'],
    ]);
  });

  it('ends a section at a line opening with a label of a kind it does not know, content after it (加入方式：…)', () => {
    expect(analyze('工作内容：\n1、销售白酒\n加入方式：首次拿货满2万元')).toEqual([
      ['工作内容:', 'duty'],
      ['销售白酒', 'duty'],
      ['加入方式:首次拿货满2万元', '-'],
    ]);
  });

  it('opens a section at a header after a comma of a run-on sentence, up to the sentence end', () => {
    expect(analyze('健身房招前台一名，工作内容：接待会员，收取储物柜押金。入职交押金200元')).toEqual([
      ['健身房招前台一名', '-'],
      ['工作内容:接待会员', 'duty'],
      ['收取储物柜押金', 'duty'],
      ['入职交押金200元', '-'],
    ]);
  });

  it('does not open one there when another label follows in the sentence (a flattened post)', () => {
    expect(analyze('岗位：助理，工作内容：整理底稿 服务费：3980元').map(([, section]) => section)).not.toContain('duty');
  });

  it('opens a section, and a sentence, at a header set off by a space in a post flattened with spaces', () => {
    const text = '职位描述： 1 负责大堂安全巡查 2 处置突发情况并及时上报 任职要求： 1 限汉族，高中以上学历';
    const n = normalize(text, engine.lexicon.variants);
    const a = analyzeField('description', n, engine.lexicon, createJiebaTokenizer(engine.lexicon.words));
    const requirement = a.clauses.find((c) => n.text.slice(c.start, c.end) === '限汉族')!;
    expect(requirement.section).toBe('requirement');
    // the duty's 及时上报 (a violation cue, sentence-wide) does not reach the requirements
    expect(n.text.slice(requirement.sentenceStart, requirement.sentenceStart + 4)).toBe('任职要求');
  });

  it('opens a section at a label glued to the last item of a labelled section on its line (line breaks lost)', () => {
    expect(analyze('工作职责：策划品牌活动，评估投放效果任职资格：本科以上学历，28岁以下')).toEqual([
      ['工作职责:策划品牌活动', 'duty'],
      ['评估投放效果', 'duty'],
      ['任职资格:本科以上学历', 'requirement'],
      ['28岁以下', 'requirement'],
    ]);
  });

  it('does not take a header word inside a sentence for a header', () => {
    expect(analyze('任职要求认真负责')).toEqual([['任职要求认真负责', '-']]);
  });
});
