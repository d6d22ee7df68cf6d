import { describe, expect, it } from 'vitest';
import { engine } from '../engine-fixture.js';
import { createJiebaTokenizer } from '../../../functions/adapters/jieba-tokenizer.js';

const termPatterns = engine.lexicon.rules.flatMap((r) =>
  r.rule.patterns.flatMap((p) => ('terms' in p ? p.terms.map((term) => ({ ruleId: r.rule.id, term })) : [])),
);

describe('lexicons across files', () => {
  it('never lists the same term in two rules', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const { ruleId, term } of termPatterns) {
      const owner = owners.get(term);
      if (owner && owner !== ruleId) clashes.push(`${term}: ${owner} and ${ruleId}`);
      owners.set(term, ruleId);
    }
    expect(clashes).toEqual([]);
  });

  it('keeps every lexicon word whole in the tokenizer, so boundaries fall around it', () => {
    const tokenizer = createJiebaTokenizer(engine.lexicon.words);
    expect(engine.lexicon.words.length).toBeGreaterThan(300);
    const split = engine.lexicon.words.filter((w) => tokenizer.cut(w).length !== 1);
    expect(split).toEqual([]);
  });

  it('has unique, stable rule ids in the category they name', () => {
    const ids = engine.lexicon.rules.map((r) => r.rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const prefix: Record<string, string> = { marriage_pregnancy: 'marriage', school_tier: 'school', salary_promise: 'salary', fee_charging: 'fee', labor_rights: 'labor' };
    for (const r of engine.lexicon.rules) expect(r.rule.id.startsWith(prefix[r.category] ?? r.category)).toBe(true);
  });
});
