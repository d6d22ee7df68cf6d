import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexiconDir } from '../../functions/engine.js';
import { loadLexiconDir } from '../../functions/adapters/lexicon-files.js';
import { README, readmeWithTable, rulesTable } from '../../functions/cli/rules-table.js';

describe('README rule table', () => {
  it('lists every lexicon rule as the lexicons define it (run npm run docs:rules after editing a lexicon)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readmeWithTable(readme, rulesTable(loadLexiconDir(defaultLexiconDir())))).toBe(readme);
  });
});
