import { describe, expect, it } from 'vitest';
import { insideQuotes, overlapsQuotes } from '../../../functions/core/analysis/quotations.js';
import { normalize } from '../../../functions/core/normalize.js';
import { engine } from '../engine-fixture.js';

describe('quotation marks', () => {
  it('knows a position inside quotes opened earlier in its sentence, of every kind', () => {
    const text = '删除“限男性”等表述，「已婚优先」和"35岁以下"也算。限女性';
    const at = (s: string) => text.indexOf(s);
    expect(insideQuotes(text, at('限男性'))).toBe(true);
    expect(insideQuotes(text, at('已婚优先'))).toBe(true);
    expect(insideQuotes(text, at('35岁'))).toBe(true);
    expect(insideQuotes(text, at('等表述'))).toBe(false);
    // a sentence end closes whatever was open
    expect(insideQuotes(text, at('限女性'))).toBe(false);
  });

  it("reads ASCII single quotes as quotes too (typed Chinese: 上一版因'限汉族'被拒)", () => {
    const text = "汉族优先。上一版因'限汉族'被拒，已修改";
    expect(insideQuotes(text, text.indexOf('限汉族'))).toBe(true);
    expect(insideQuotes(text, text.indexOf('被拒'))).toBe(false);
    expect(insideQuotes(text, text.indexOf('汉族优先'))).toBe(false);
  });

  it('maps normalised words back to the original, where normalisation dropped the marks', () => {
    const n = normalize('入职需缴纳“保证金”500元', engine.lexicon.variants);
    const span = (s: string) => [n.text.indexOf(s), n.text.indexOf(s) + s.length] as const;
    expect(overlapsQuotes(n, ...span('保证金'))).toBe(true);
    expect(overlapsQuotes(n, ...span('入职需缴纳'))).toBe(false);
    expect(overlapsQuotes(n, ...span('缴纳保证金'))).toBe(true);
  });
});
