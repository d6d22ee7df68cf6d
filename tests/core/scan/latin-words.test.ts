import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gluedIntoLatinWord } from '../../../functions/core/scan/latin-words.js';
import { engine } from '../engine-fixture.js';

const glued = (text: string, word: string) => gluedIntoLatinWord(text, text.indexOf(word), text.indexOf(word) + word.length);

describe('Latin words inside longer Latin words', () => {
  it('refuses a word of letters or letters and figures glued into a longer run', () => {
    expect(glued('编号8krc9', 'c9')).toBe(true);
    expect(glued('编号hcgb7', 'hcg')).toBe(true);
    expect(glued('编号72hcg', 'hcg')).toBe(true);
    expect(glued('编号c95', 'c9')).toBe(true);
    expect(glued('编号i985f', '985')).toBe(true);
    expect(glued('v0men', 'men')).toBe(true);
  });

  it('keeps a word standing alone or against Chinese, and lets figures meet where Chinese words hold them', () => {
    expect(glued('c9高校硕士', 'c9')).toBe(false);
    expect(glued('入职做hcg检测', 'hcg')).toBe(false);
    expect(glued('985/211院校', '985')).toBe(false);
    // a mixed word's Latin edge may touch a figure, and its Chinese edge anything
    expect(glued('交押jin200元', '押jin')).toBe(false);
    expect(glued('身高1米75以上', '1米')).toBe(false);
    // a figure after 女生 is a height: a word of figures may touch figures
    expect(glued('女生165+', '1')).toBe(false);
  });
});

describe('the engine on reference codes', () => {
  // Titles carry job codes and tracking suffixes (收银员-8krc9). Letters and figures mixed are not words: no
  // league (c9), test (hcg), initials (sxf 手续费, zls) or English word (men) may be read inside them.
  const code = fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), { minLength: 3, maxLength: 6 })
    .map((chars) => chars.join(''))
    .filter((s) => /[a-z]/.test(s) && /\d/.test(s));

  it('finds nothing in a code glued to a neutral title', () => {
    fc.assert(
      fc.property(code, fc.constantFrom('收银员', '仓库管理员', '客服专员', '司机'), (suffix, title) => {
        const findings = engine.check({ title: `${title}-${suffix}`, description: '负责门店日常工作，月薪5000元。' }).findings;
        expect(findings.filter((f) => f.severity !== 'notice').map((f) => `${f.category}:${f.text}`)).toEqual([]);
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });

  it('still reads the same words where a writer uses them', () => {
    const categories = (description: string) => engine.check({ title: '招聘', description }).findings.map((f) => f.category);
    expect(categories('要求C9高校硕士毕业')).toContain('school_tier');
    expect(categories('入职前需做hcg检测')).toContain('marriage_pregnancy');
    expect(categories('入职先交sxf200元')).toContain('fee_charging');
  });
});
