import { describe, expect, it } from 'vitest';
import { featuresOf, FEATURE_BITS, ngramBucket } from '../../../functions/core/model/features.js';

const features = (text: string, section?: string) => [...featuresOf(text, 0, text.length, section)].sort((a, b) => a - b);

describe('clause features', () => {
  it('are hashed character 1-3-grams with start and end marks, plus the section', () => {
    // 男性 → ^ 男 性 $ : 4 unigrams, 3 bigrams, 2 trigrams, 1 section
    expect(featuresOf('男性', 0, 2, 'requirement')).toHaveLength(10);
    expect(features('男性').every((b) => b >= 0 && b < 2 ** FEATURE_BITS)).toBe(true);
  });

  it('read every figure as 0 and leave spaces out', () => {
    expect(features('35岁以下')).toEqual(features('40岁以下'));
    expect(features('客 服')).toEqual(features('客服'));
    expect(features('35岁以下')).not.toEqual(features('35岁以上'));
  });

  it('depend on the section and only on the range asked for', () => {
    expect(features('限男性', 'requirement')).not.toEqual(features('限男性', 'duty'));
    expect([...featuresOf('招聘：限男性。', 3, 6, undefined)].sort((a, b) => a - b)).toEqual(features('限男性'));
  });
});

describe('ngramBucket', () => {
  it('names the bucket a clause of those characters has', () => {
    expect(featuresOf('会种蓝莓', 0, 4, undefined)).toContain(ngramBucket('蓝莓'));
    expect(featuresOf('会种蓝莓', 0, 4, undefined)).toContain(ngramBucket('种蓝莓'));
    expect(featuresOf('会种草莓', 0, 4, undefined)).not.toContain(ngramBucket('蓝莓'));
  });
});
