import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from './engine-fixture.js';

// Phrasings that are NOT in the dev corpus: evasions, other wordings and near misses. Each line gives
// the categories the engine must find (and no others); an empty list means the text is clean.
const cases = readFileSync(join(import.meta.dirname, 'fixtures/phrasings.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { text: string; categories: string[] });

describe('phrasings beyond the dev corpus', () => {
  it.each(cases.map((c) => [c.text, c.categories] as const))('%s → %j', (text, categories) => {
    const found = [...new Set(check(text).findings.map((f) => f.category))].sort();
    expect(found).toEqual([...categories].sort());
  });
});

// Whole ads written for these tests (not from the dev corpus), with the categories and decision expected.
const ads = readFileSync(join(import.meta.dirname, 'fixtures/ads.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { title: string; description: string; categories: string[]; decision: string });

describe('whole ads beyond the dev corpus', () => {
  it.each(ads.map((a) => [a.title, a] as const))('%s', (_, ad) => {
    const verdict = check(ad.description, ad.title);
    expect([...new Set(verdict.findings.map((f) => f.category))].sort()).toEqual(ad.categories);
    expect(verdict.decision).toBe(ad.decision);
  });
});
