import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexiconDir } from '../../functions/engine.js';
import { loadLexiconDir } from '../../functions/adapters/lexicon-files.js';
import { docWithTable, RULES_DOC, rulesTable } from '../../functions/cli/rules-table.js';

describe('rule table of docs/engine-and-lexicons.md', () => {
  it('lists every lexicon rule as the lexicons define it (run npm run docs:rules after editing a lexicon)', () => {
    const doc = readFileSync(RULES_DOC, 'utf8');
    expect(docWithTable(doc, rulesTable(loadLexiconDir(defaultLexiconDir())))).toBe(doc);
  });
});
