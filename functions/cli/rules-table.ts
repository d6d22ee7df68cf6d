/**
 * `npm run docs:rules`: regenerates the README's rule table from the lexicons, between the
 * `<!-- rules:start -->` and `<!-- rules:end -->` markers. A test keeps the two in step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLexiconDir } from '../engine.js';
import { type Lexicon } from '../core/lexicon/load.js';
import { exampleText } from '../core/lexicon/schema.js';
import { loadLexiconDir } from '../adapters/lexicon-files.js';

export const README = join(import.meta.dirname, '../../README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesTable(lexicon: Lexicon): string {
  const rows = ['| rule id | category | severity | what it catches (example) | legal basis |', '|---|---|---|---|---|'];
  for (const file of lexicon.categories) {
    for (const rule of file.rules) {
      const severity = lexicon.policy.rules[rule.id] ?? rule.severity ?? lexicon.policy.severities[file.category];
      const law = rule.legal.map((l) => `${l.law} ${l.article}`).join('; ');
      rows.push(`| \`${rule.id}\` | ${file.category} | ${severity} | ${exampleText(rule.examples.match[0]!)} | ${law.replace(/\|/g, '\\|')} |`);
    }
  }
  return rows.join('\n');
}

export function readmeWithTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const readme = readFileSync(README, 'utf8');
  writeFileSync(README, readmeWithTable(readme, rulesTable(loadLexiconDir(defaultLexiconDir()))));
  console.log('README.md rule table updated');
}
