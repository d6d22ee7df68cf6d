/**
 * `hirecheck lexicon proposals [--json]`: the lexicon edits moderators' feedback proposes (false alarms to
 * turn into exceptions, missed passages to turn into terms), most marked first, from the database
 * `npm start` uses. Marks this checkout's lexicons already fix are left out, so the list shrinks as edits
 * are made. Applying one stays a reviewed edit of lexicons/. Exit codes: 0 done, 1 failed, 2 usage.
 */
import { parseArgs } from 'node:util';
import { getEngine } from '../engine.js';
import { currentProposals } from '../feedback/current-proposals.js';
import { onLocalStore } from './local-store.js';

const USAGE = `usage: hirecheck lexicon proposals [--json]

Lists what moderators' feedback proposes, most marked first: "exception" for false alarms of one rule on
one text (add an exception to that rule), "term" for missed passages of one category (add a term). Marks
that this checkout's lexicons already fix are left out.
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
    const engine = getEngine();
    const { proposals, resolvedMarks } = await currentProposals(store.feedback, (ad) => engine.check(ad));
    if (parsed.values.json) {
      process.stdout.write(`${JSON.stringify({ proposals, resolvedMarks })}\n`);
      return 0;
    }
    if (proposals.length === 0) process.stdout.write('nothing to propose: no mark that these rules still get wrong\n');
    for (const p of proposals) {
      const what = p.kind === 'exception' ? `exception for ${p.ruleId}` : `term for ${p.category}`;
      process.stdout.write(`${String(p.count).padStart(4)}  ${what.padEnd(40)}  ${p.category.padEnd(18)}  「${p.text}」  ${p.adIds.slice(0, 3).join(' ')}${p.adIds.length > 3 ? ` +${p.adIds.length - 3}` : ''}\n`);
    }
    if (resolvedMarks) process.stdout.write(`(${resolvedMarks} mark(s) these rules already fix are left out)\n`);
    return 0;
  });
}
