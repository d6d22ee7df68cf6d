import { describe, expect, it } from 'vitest';
import { CheckAdSchema } from '../../../functions/core/ad.js';
import { exampleAd, exampleText, type RuleExample } from '../../../functions/core/lexicon/schema.js';
import { engine } from '../engine-fixture.js';

// Every rule carries examples it must catch and near-misses it must not (lexicons/*.yaml `examples`): ad text,
// or an ad with structured fields.
const ruleIds = (example: RuleExample) => engine.check(CheckAdSchema.parse(exampleAd(example))).findings.map((f) => f.ruleId);
const named = (examples: RuleExample[]) => examples.map((e) => [exampleText(e), e] as const);

describe.each(engine.lexicon.rules.map((r) => [r.rule.id, r] as const))('rule %s', (id, rule) => {
  it.each(named(rule.rule.examples.match))('catches %s', (_, example) => {
    expect(ruleIds(example)).toContain(id);
  });
  it.each(named(rule.rule.examples.clean))('does not fire on %s', (_, example) => {
    expect(ruleIds(example)).not.toContain(id);
  });
});
