/**
 * `hirecheck lexicon proposals [--json]`: the lexicon edits moderators' feedback proposes (false alarms to
 * turn into exceptions, missed passages to turn into terms), most marked first, from the database
 * `npm start` uses. Applying one stays a reviewed edit of lexicons/. Exit codes: 0 done, 1 failed, 2 usage.
 */
import { parseArgs } from 'node:util';
import { proposalsFrom } from '../feedback/proposals.js';
import { onLocalStore } from './local-store.js';

const USAGE = `usage: hirecheck lexicon proposals [--json]

Lists what moderators' feedback proposes, most marked first: "exception" for false alarms of one rule on
one text (add an exception to that rule), "term" for missed passages of one category (add a term).
`;

export async function runLexicon(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (err) {
    process.stderr.write(`hirecheck lexicon: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.positionals.join(' ') !== 'proposals') {
    process.stderr.write(`hirecheck lexicon: ${parsed.positionals.length ? `unknown command ${parsed.positionals.join(' ')}` : 'missing command'}\n${USAGE}`);
    return 2;
  }
  return onLocalStore('lexicon', async (store) => {
    const proposals = proposalsFrom(await store.feedback.all());
    if (parsed.values.json) {
      process.stdout.write(`${JSON.stringify({ proposals })}\n`);
      return 0;
    }
    if (proposals.length === 0) process.stdout.write('no feedback yet: moderators mark false alarms (误报) and misses in the console\n');
    for (const p of proposals) {
      const what = p.kind === 'exception' ? `exception for ${p.ruleId}` : `term for ${p.category}`;
      process.stdout.write(`${String(p.count).padStart(4)}  ${what.padEnd(40)}  ${p.category.padEnd(18)}  「${p.text}」  ${p.adIds.slice(0, 3).join(' ')}${p.adIds.length > 3 ? ` +${p.adIds.length - 3}` : ''}\n`);
    }
    return 0;
  });
}
