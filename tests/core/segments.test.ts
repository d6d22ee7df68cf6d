import { describe, expect, it } from 'vitest';
import { bracketAround, scopeRange } from '../../functions/core/segments.js';

describe('segments', () => {
  it('finds the clause and the sentence around a range', () => {
    const text = '要求:男,20-35岁。包吃住';
    expect(scopeRange(text, 3, 4, 'clause')).toEqual([0, 4]);
    expect(scopeRange(text, 3, 4, 'sentence')).toEqual([0, 11]);
  });

  it('ends a clause at a space between Chinese words, as posts separate items, but not a sentence', () => {
    const text = '年龄:18-32周岁 工作内容:审核用户上传的图片';
    expect(scopeRange(text, 3, 10, 'clause')).toEqual([0, 10]);
    expect(scopeRange(text, 12, 14, 'clause')).toEqual([11, text.length]);
    expect(scopeRange(text, 3, 10, 'sentence')).toEqual([0, text.length]);
    // a space beside a figure or a Latin word is not between two Chinese words
    expect(scopeRange('月薪 8000 包吃住', 0, 2, 'clause')).toEqual([0, 11]);
  });

  it('ends a statement at a full stop or a line but not at a semicolon, and a piece at any space or bracket', () => {
    const text = '要求:①男;②35岁以下。包吃住\n月薪（面议）\u3000五险';
    expect(scopeRange(text, 6, 8, 'statement')).toEqual([0, 12]);
    expect(scopeRange(text, 6, 8, 'sentence')).toEqual([6, 12]);
    expect(scopeRange(text, 20, 21, 'piece')).toEqual([20, 22]);
    expect(scopeRange(text, 24, 25, 'piece')).toEqual([24, 26]);
    expect(scopeRange(text, 24, 25, 'ad')).toEqual([0, text.length]);
  });

  it('finds the bracket on one line that encloses a range, and none across a line or a closed bracket', () => {
    const text = '(可选:写明年龄要求)35岁以下';
    expect(bracketAround(text, 1, 3)).toEqual([0, 10]);
    expect(bracketAround(text, 11, 13)).toBeUndefined();
    expect(bracketAround('(可选\n写明)', 4, 6)).toBeUndefined();
  });
});
