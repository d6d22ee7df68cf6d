import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../functions/core/categories.js';
import { defaultLexiconDir } from '../../../functions/core/engine.js';
import { compileLexicon } from '../../../functions/core/lexicon/compile.js';
import { LexiconError, parseLexicon, type LexiconSource } from '../../../functions/core/lexicon/load.js';

const dir = defaultLexiconDir();
const sources = (): LexiconSource[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));

const replaced = (name: string, edit: (content: string) => string) =>
  sources().map((s) => (s.name === name ? { ...s, content: edit(s.content) } : s));

describe('lexicon loading', () => {
  it('has one file per category and every category has rules', () => {
    const lexicon = parseLexicon(sources());
    expect(lexicon.categories.map((c) => c.category).sort()).toEqual([...CATEGORIES].sort());
    for (const file of lexicon.categories) expect(file.rules.length).toBeGreaterThan(0);
  });

  it('versions the lexicon as semver plus a content hash that changes with any edit', () => {
    const a = parseLexicon(sources()).version;
    const b = parseLexicon(replaced('age.yaml', (c) => `${c}\n# a comment\n`)).version;
    expect(a).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
    expect(b.split('+')[0]).toBe(a.split('+')[0]);
  });

  it('names the file and rule id when a rule is broken', () => {
    const broken = replaced('gender.yaml', (c) => c.replace(/legal:\n(\s+- \{[^\n]+\n)+/, 'legal: []\n'));
    expect(() => parseLexicon(broken)).toThrow(LexiconError);
    expect(() => parseLexicon(broken)).toThrow(/gender\.yaml rule gender-restriction: rules\.0\.legal/);
  });

  it('rejects a duplicate rule id across files', () => {
    const dup = replaced('age.yaml', (c) => c.replace('id: age-child-labor', 'id: gender-restriction'));
    expect(() => parseLexicon(dup)).toThrow(/duplicate rule id/);
  });

  it('reports invalid YAML and unknown word sets with the file', () => {
    expect(() => parseLexicon(replaced('fraud.yaml', (c) => `${c}\n  - : [`))).toThrow(/fraud\.yaml.*YAML/);
    const unknownSet = parseLexicon(replaced('ethnicity.yaml', (c) => c.replace('{{ethnic}})(?:(?:{{joiner}})', '{{nope}})(?:(?:{{joiner}})')));
    expect(() => compileLexicon(unknownSet)).toThrow(/ethnicity\.yaml rule ethnicity-exclusion: unknown set \{\{nope\}\}/);
  });

  it('rejects a category file for an unknown category', () => {
    expect(() => parseLexicon(replaced('age.yaml', (c) => c.replace('category: age', 'category: height')))).toThrow(/age\.yaml/);
  });

  it('turns a rule off through the policy', () => {
    const lexicon = parseLexicon(sources());
    const compiled = compileLexicon({ ...lexicon, policy: { ...lexicon.policy, rules: { 'age-upper-limit': 'off' } } });
    expect(compiled.rules.map((r) => r.rule.id)).not.toContain('age-upper-limit');
  });
});
