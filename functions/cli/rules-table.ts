/**
 * `npm run docs:rules`: regenerates the rule table of docs/engine-and-lexicons.md from the lexicons,
 * between the `<!-- rules:start -->` and `<!-- rules:end -->` markers. A test keeps the two in step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLexiconDir } from '../engine.js';
import { type Lexicon } from '../core/lexicon/load.js';
import { exampleText } from '../core/lexicon/schema.js';
import { loadLexiconDir } from '../adapters/lexicon-files.js';
import { formatLegalBasis } from '../presentation/legal-basis.js';

export const RULES_DOC = join(import.meta.dirname, '../../docs/engine-and-lexicons.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesTable(lexicon: Lexicon): string {
  const rows = ['| rule id | category | severity | what it catches (example) | legal basis |', '|---|---|---|---|---|'];
  for (const file of lexicon.categories) {
    for (const rule of file.rules) {
      const severity = lexicon.policy.rules[rule.id] ?? rule.severity ?? lexicon.policy.severities[file.category];
      const law = rule.legal.map(formatLegalBasis).join('; ');
      rows.push(`| \`${rule.id}\` | ${file.category} | ${severity} | ${exampleText(rule.examples.match[0]!)} | ${law.replace(/\|/g, '\\|')} |`);
    }
  }
  return rows.join('\n');
}

export function docWithTable(doc: string, table: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${RULES_DOC} has no ${START} … ${END} section`);
  return `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const doc = readFileSync(RULES_DOC, 'utf8');
  writeFileSync(RULES_DOC, docWithTable(doc, rulesTable(loadLexiconDir(defaultLexiconDir()))));
  console.log('docs/engine-and-lexicons.md rule table updated');
}
