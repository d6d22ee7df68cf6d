/**
 * "A rules change" for re-check tests: a copy of lexicons/ with three real edits, so its lexicon version
 * differs and some verdicts change: 客户开发 becomes a fraud term (a clean ad is now rejected), the gender
 * rules are switched off (a rejected ad is now clean), and age findings reject instead of review.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, defaultLexiconDir, type Engine } from '../../functions/engine.js';

export function newRulesDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hirecheck-new-rules-')), 'lexicons');
  cpSync(defaultLexiconDir(), dir, { recursive: true, filter: (src) => !src.endsWith('lexicon.snapshot.json') });
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!text.includes(from)) throw new Error(`${file} no longer holds ${from}: update tests/recheck/new-rules.ts`);
    writeFileSync(join(dir, file), text.replace(from, to));
  };
  // a pattern of its own before a comment that stays put, so reordering a word list does not break this
  edit('fraud.yaml', '      # 借你身份证注册个账号', '      - terms: [客户开发]\n      # 借你身份证注册个账号');
  // every gender rule: with one left, the model would still speak for the category
  edit('policy.yaml', 'rules: {}', 'rules: { gender-restriction: "off", gender-different-standard: "off" }');
  edit('policy.yaml', '  age: review', '  age: reject');
  return dir;
}

export function newRulesEngine(dir = newRulesDir()): Engine {
  return createEngine({ lexiconDir: dir });
}
