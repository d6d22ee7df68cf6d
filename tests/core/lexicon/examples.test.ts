import { describe, expect, it } from 'vitest';
import { engine } from '../engine-fixture.js';

// Every rule carries examples it must catch and near-misses it must not (lexicons/*.yaml `examples`).
describe.each(engine.lexicon.rules.map((r) => [r.rule.id, r] as const))('rule %s', (id, rule) => {
  it.each(rule.rule.examples.match)('catches %s', (text) => {
    const verdict = engine.check({ title: '招聘', description: text });
    expect(verdict.findings.map((f) => f.ruleId)).toContain(id);
  });
  it.each(rule.rule.examples.clean)('does not fire on %s', (text) => {
    const verdict = engine.check({ title: '招聘', description: text });
    expect(verdict.findings.map((f) => f.ruleId)).not.toContain(id);
  });
});
