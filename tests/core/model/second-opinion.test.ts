import { describe, expect, it } from 'vitest';
import { createJiebaTokenizer } from '../../../functions/adapters/jieba-tokenizer.js';
import { loadLexiconDir } from '../../../functions/adapters/lexicon-files.js';
import { MODEL_FORMAT, type ModelFile } from '../../../functions/core/model/clause-model.js';
import { FEATURE_BITS, ngramBucket } from '../../../functions/core/model/features.js';
import { trimClause } from '../../../functions/core/model/second-opinion.js';
import { buildEngine } from '../../../functions/core/engine.js';
import { defaultLexiconDir } from '../../../functions/engine.js';
import { withoutNotices } from '../engine-fixture.js';

// A model made by hand: it calls any clause holding 蓝莓 a region condition, and nothing else.
const base64 = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
const file: ModelFile = {
  format: MODEL_FORMAT,
  featureBits: FEATURE_BITS,
  seed: 1,
  trainedOn: [],
  categories: ['region'],
  bias: [-8],
  thresholds: { region: 0.5 },
  heldOut: { region: { threshold: 0.5, precision: 1, recall: 1, positives: 1 } },
  weightScale: 0.01,
  buckets: base64(Int32Array.of(ngramBucket('蓝莓'))),
  weights: base64(Int16Array.of(32767)),
};
const lexicon = loadLexiconDir(defaultLexiconDir());
const engine = buildEngine({ lexicon, tokenizer: createJiebaTokenizer, model: { file, hash: 'test0000' } });
// Passages only: what the ad lacks (a notice) is not the model's business.
const check = (description: string) => withoutNotices(engine.check({ description }));

describe('the second opinion', () => {
  it('adds a review finding with its source and score on a clause no rule flagged, trimmed of list marks and punctuation', () => {
    const verdict = check('岗位：果园工人\n1、需要会种蓝莓。\n2、吃苦耐劳');
    expect(verdict.findings).toHaveLength(1);
    const [finding] = verdict.findings;
    expect(finding).toMatchObject({ ruleId: 'model:region', category: 'region', severity: 'review', source: 'model', text: '需要会种蓝莓' });
    expect(finding!.score).toBeGreaterThan(0.99);
    // the category's own message and law (its first rule's), although region rejects by default: the model never does
    const regionRule = engine.lexicon.rules.find((r) => r.category === 'region')!;
    expect(finding!.message).toBe(regionRule.rule.message);
    expect(finding!.legalBasis).toEqual(regionRule.rule.legal);
    expect(verdict.decision).toBe('review');
  });

  it('leaves alone a clause a rule flagged, and never removes the rule finding', () => {
    const verdict = check('蓝莓园招工限男性');
    expect(verdict.findings.map((f) => [f.category, f.source ?? 'rule'])).toEqual([['gender', 'rule']]);
    expect(verdict.decision).toBe('reject');
  });

  it('is cleared like a rule: a neutral word or the clause role', () => {
    expect(check('蓝莓种植经验不限').findings).toEqual([]);
    // a description of the company (roles.yaml) clears region findings
    expect(check('团队中多为蓝莓种植能手').findings).toEqual([]);
  });

  it("is silent where the clause's only attribute word is inside a longer word the lexicon hides (女性角色)", () => {
    // a second hand-made model: any clause holding 配音 is a gender condition
    const gender = buildEngine({
      lexicon,
      tokenizer: createJiebaTokenizer,
      model: { file: { ...file, categories: ['gender'], thresholds: { gender: 0.5 }, heldOut: { gender: file.heldOut.region! }, buckets: base64(Int32Array.of(ngramBucket('配音'))) }, hash: 'test0001' },
    });
    const categories = (description: string) => withoutNotices(gender.check({ description })).findings.map((f) => `${f.category}:${f.source ?? 'rule'}`);
    expect(categories('招募女性角色配音，御姐音')).toEqual([]);
    // without the hiding word the model speaks as before
    expect(categories('招募游戏配音，普通话标准')).toEqual(['gender:model']);
  });

  it('judges only short Chinese clauses', () => {
    expect(check('蓝莓').findings).toEqual([]);
    expect(check('我们的果园种植了很多品种的水果其中有苹果和梨和桃子也有蓝莓和草莓欢迎各位朋友前来参观采摘体验').findings).toEqual([]);
    expect(check('we grow 蓝莓 and strawberries').findings).toEqual([]);
  });

  it('names the model in lexiconVersion, and policy model: off silences it', () => {
    expect(check('会种蓝莓').lexiconVersion).toMatch(/\.model-test0000$/);
    const off = buildEngine({ lexicon, tokenizer: createJiebaTokenizer, model: { file, hash: 'test0000' }, policy: { model: 'off' } });
    const verdict = withoutNotices(off.check({ description: '会种蓝莓' }));
    expect(verdict.findings).toEqual([]);
    expect(verdict.lexiconVersion).not.toContain('model');
  });
});

describe('trimClause', () => {
  it('drops list numbers, brackets and punctuation at the edges only', () => {
    const t = (s: string) => s.slice(...trimClause(s, 0, s.length));
    expect(t('1、需要会种蓝莓。')).toBe('需要会种蓝莓');
    expect(t('（二）限本市户籍）')).toBe('限本市户籍');
    expect(t('; 年龄18-35岁')).toBe('年龄18-35岁'); // ③ arrives as ; (normalisation)
    expect(t('，，')).toBe('');
  });
});
