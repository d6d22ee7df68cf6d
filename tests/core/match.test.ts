import { describe, expect, it } from 'vitest';
import { createJiebaTokenizer } from '../../functions/adapters/jieba-tokenizer.js';
import { BoundaryIndex } from '../../functions/core/match.js';
import { normalize } from '../../functions/core/normalize.js';
import { engine } from './engine-fixture.js';

const tokenizer = createJiebaTokenizer(engine.lexicon.words);
const boundariesOf = (original: string) => {
  const n = normalize(original, engine.lexicon.variants);
  const index = new BoundaryIndex(n, tokenizer);
  return { text: n.text, at: (pos: number) => index.isBoundary(pos, 'start') };
};
const allBoundaries = (original: string) => {
  const b = boundariesOf(original);
  return Array.from({ length: b.text.length + 1 }, (_, pos) => b.at(pos));
};

describe('BoundaryIndex', () => {
  it('reads invisible characters as nothing: the words are those of the text without them', () => {
    for (const text of ['熟悉乙女游戏玩家偏好', '联系人招聘部邹女士', '限男性年龄三十五岁以下']) {
      const hidden = [...text].join('\u200b');
      expect(allBoundaries(hidden)).toEqual(allBoundaries(text));
    }
  });

  it('reads a letter-spaced run like the same run unspaced, away from its ends', () => {
    const text = '联系人招聘部邹女士谢谢';
    const spaced = boundariesOf([...text].join(' '));
    const plain = boundariesOf(text);
    for (let pos = 3; pos <= text.length - 3; pos++) expect(spaced.at(pos), `position ${pos}`).toBe(plain.at(pos));
  });

  it('reads a space the writer put between a few characters as word boundaries (限 男 性)', () => {
    const b = boundariesOf('要求：限 男 性');
    expect(b.text).toBe('要求:限男性');
    expect([4, 5].map(b.at)).toEqual([true, true]);
  });
});
