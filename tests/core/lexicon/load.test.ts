import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../functions/core/categories.js';
import { defaultLexiconDir } from '../../../functions/engine.js';
import { compileLexicon } from '../../../functions/core/lexicon/compile.js';
import { LexiconError, parseLexicon, snapshotLexicon, SNAPSHOT_FILE, type LexiconSource } from '../../../functions/core/lexicon/load.js';
import { loadLexiconDir } from '../../../functions/adapters/lexicon-files.js';

const dir = defaultLexiconDir();
const sources = (): LexiconSource[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') || (n.startsWith('vocab-') && n.endsWith('.json')))
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
    const unknownSet = parseLexicon(replaced('ethnicity.yaml', (c) => c.replace('(?:人员|员工|者)?\\\\s?(?:{{prefer}})', '(?:人员|员工|者)?\\\\s?(?:{{nope}})')));
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

describe('lexicon snapshot', () => {
  const copyLexicons = () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lexicons-'));
    for (const s of sources()) writeFileSync(join(tmp, s.name), s.content);
    return tmp;
  };

  it('loads the same lexicon from a snapshot of the same YAML', () => {
    const tmp = copyLexicons();
    const fromYaml = loadLexiconDir(tmp);
    writeFileSync(join(tmp, SNAPSHOT_FILE), snapshotLexicon(fromYaml));
    expect(loadLexiconDir(tmp)).toEqual(fromYaml);
  });

  it('loads a snapshot standing alone, as a bundle ships it', () => {
    const tmp = copyLexicons();
    const fromYaml = loadLexiconDir(tmp);
    const alone = mkdtempSync(join(tmpdir(), 'snapshot-'));
    writeFileSync(join(alone, SNAPSHOT_FILE), snapshotLexicon(fromYaml));
    expect(loadLexiconDir(alone)).toEqual(fromYaml);
  });

  it('ignores a snapshot once the YAML changed', () => {
    const tmp = copyLexicons();
    const stale = loadLexiconDir(tmp);
    writeFileSync(join(tmp, SNAPSHOT_FILE), snapshotLexicon(stale));
    writeFileSync(join(tmp, 'age.yaml'), readFileSync(join(tmp, 'age.yaml'), 'utf8').replace('age-child-labor', 'age-under-sixteen'));
    const fresh = loadLexiconDir(tmp);
    expect(fresh.version).not.toBe(stale.version);
    expect(fresh.categories.find((c) => c.category === 'age')!.rules.map((r) => r.id)).toContain('age-under-sixteen');
  });
});
