/**
 * `hirecheck recheck [--dry-run] [--json] [--segments N]`: re-checks, with the rules this checkout has, every
 * stored ad whose verdict came from other rules, on the database `npm start` uses (see local-store.ts).
 * Moderators' decisions stand; see functions/recheck/plan.ts for what happens to the others. The segments of
 * a parallel Scan run side by side, as the cloud's workers do. Exit codes: 0 done, 1 failed, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { getEngine } from '../engine.js';
import { addCounts, emptyCounts, recheckSegment } from '../recheck/run-segment.js';
import { onLocalStore } from './local-store.js';
import { progressBar } from './progress-bar.js';

const USAGE = `usage: hirecheck recheck [--dry-run] [--json] [--segments N]

Re-checks every stored ad checked with other rules than this checkout's lexicons. Ads decided by a
moderator or waiting on an appeal are left as they are; engine decisions follow the new verdict, but an
ad that is now flagged or cleaner goes to the review queue instead of changing between approved and
rejected. --dry-run writes nothing and reports what would change; --json prints the counts as JSON;
--segments N splits the table into N parallel scans (1–64, default 4).
`;

export async function runRecheck(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        segments: { type: 'string', default: '4' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    process.stderr.write(`hirecheck recheck: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const segments = Number(values.segments);
  if (!Number.isInteger(segments) || segments < 1 || segments > 64) {
    process.stderr.write(`hirecheck recheck: --segments must be an integer from 1 to 64\n${USAGE}`);
    return 2;
  }
  const dryRun = values['dry-run'] ?? false;
  const engine = getEngine();
  const lexiconVersion = engine.info().version;
  return onLocalStore('recheck', async (store) => {
    // The count is a Scan of its own: paid only when someone watches the bar.
    const stale = process.stderr.isTTY ? await store.recheck.countStale(lexiconVersion) : 0;
    const bar = stale > 0 ? progressBar(process.stderr, dryRun ? 're-check (dry run)' : 're-check') : undefined;
    const total = emptyCounts();
    let done = 0;
    let changed = 0;
    const runs = Array.from({ length: segments }, (_, segment) =>
      recheckSegment({
        store: store.recheck,
        engine,
        segment,
        totalSegments: segments,
        dryRun,
        onAd: (r) => {
          done++;
          if (r?.plan.action === 'update') changed++;
          bar?.update(done / stale, `${done}/${stale} ads, ${changed} changed`);
        },
      }).then(({ counts: c }) => addCounts(total, c)),
    );
    await Promise.all(runs);
    bar?.clear();
    const report = { lexiconVersion, dryRun, ...total };
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      const would = dryRun ? 'would be ' : '';
      process.stdout.write(
        `lexicon ${lexiconVersion}${dryRun ? ' (dry run: nothing written)' : ''}\n` +
          `  ${total.scanned} ads checked with other rules\n` +
          `  ${total.changed} ${would}given a new verdict, ${total.toReview} of them ${would}sent to the review queue\n` +
          `  ${total.confirmed} ${would}confirmed unchanged\n` +
          `  ${total.kept} left as they are (a moderator's decision, or an appeal waiting)\n` +
          (total.conflicts ? `  ${total.conflicts} changed by someone else meanwhile: run again to re-check them\n` : ''),
      );
    }
    return 0;
  });
}
