/**
 * Constructions (functions/core/analysis/constructions.ts): an attribute and an operator in one clause make a
 * condition; what the finding's span covers decides what a fix removes.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../engine-fixture.js';

const spans = (text: string) => check(text).findings.map((f) => `${f.category}:${f.text}`);

describe('construction spans', () => {
  it('leave out an operator written as a label, so its fix keeps the label', () => {
    expect(spans('报名条件：女性优先，能接受倒班')).toEqual(['gender:女性优先']);
    expect(spans('招聘对象：本村脱贫劳动力')).toEqual(['region:本村']);
  });

  it('keep an operator written into the condition', () => {
    expect(spans('限本地户口，能吃苦')).toEqual(['region:限本地户口']);
    expect(spans('不能有男朋友，需配合企划人设')).toEqual(['marriage_pregnancy:不能有男朋友']);
  });
});
