/** Every rule's fix examples (lexicons: `fix.examples`): the description in, every fix applied, the fixed description out. */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../functions/core/fixes/fixed-ad.js';
import { engine } from '../engine-fixture.js';

const withFixes = engine.lexicon.rules.filter((r) => r.rule.fix);

describe('fix examples', () => {
  it('exist for every fixable category', () => {
    const categories = new Set(withFixes.map((r) => r.category));
    expect([...categories].sort()).toEqual(
      ['age', 'appearance', 'ethnicity', 'gender', 'health', 'labor_rights', 'marriage_pregnancy', 'region', 'religion', 'salary_promise', 'school_tier'].sort(),
    );
  });

  describe.each(withFixes.map((r) => [r.rule.id, r.rule.fix!] as const))('rule %s', (id, fix) => {
    it.each(fix.examples.map((e) => [e.text, e.fixed]))('fixes %j into %j', (text, fixed) => {
      const { findings } = engine.check({ title: '招聘', description: text });
      expect(findings.map((f) => f.ruleId)).toContain(id);
      const fixes = findings.filter((f) => f.field === 'description').map((f) => f.fix);
      expect(fixes.every((f) => f !== undefined), 'every finding of the example has a fix').toBe(true);
      expect(applyFixes(text, fixes as NonNullable<(typeof fixes)[number]>[])).toBe(fixed);
    });
  });
});
