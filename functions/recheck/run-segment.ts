/**
 * Re-checks one segment of a parallel Scan of the table, page by page: what `hirecheck recheck` runs per
 * segment on a laptop, and what the cloud worker runs per Step Functions item. It stops at the end of the
 * segment, or when `stop()` says so (a Lambda near its timeout), returning the cursor to go on from.
 */
import type { Engine } from '../engine.js';
import { ConflictError, NotFoundError } from '../store/errors.js';
import type { RecheckResult, RecheckStore } from '../store/recheck.js';

export interface RecheckCounts {
  /** Ads found checked with other rules. */
  scanned: number;
  /** Ads given a new verdict (stored as a `rechecked` version). */
  changed: number;
  /** Of those, ads that went to the review queue (newly flagged, or cleaner than before). */
  toReview: number;
  /** Ads whose verdict the new rules confirmed (only the lexicon version was recorded). */
  confirmed: number;
  /** Ads left as they are: decided by a moderator, or waiting on an appeal. */
  kept: number;
  /** Ads changed by someone else during their re-check: left for the next run. */
  conflicts: number;
}

export const emptyCounts = (): RecheckCounts => ({ scanned: 0, changed: 0, toReview: 0, confirmed: 0, kept: 0, conflicts: 0 });

export function addCounts(into: RecheckCounts, more: RecheckCounts): RecheckCounts {
  for (const k of Object.keys(into) as (keyof RecheckCounts)[]) into[k] += more[k];
  return into;
}

function tally(counts: RecheckCounts, r: RecheckResult): void {
  counts.scanned++;
  if (r.plan.action === 'update') {
    counts.changed++;
    if (r.to === 'pending_review' && r.from !== 'pending_review') counts.toReview++;
  } else if (r.plan.action === 'confirm') counts.confirmed++;
  else if (r.plan.reason !== 'current') counts.kept++;
}

export interface SegmentRun {
  store: RecheckStore;
  engine: Pick<Engine, 'check' | 'info'>;
  segment: number;
  totalSegments: number;
  cursor?: string;
  dryRun?: boolean;
  /** Ads scanned per page (default 100). */
  pageSize?: number;
  /** Asked between pages: true ends the run early (its cursor says where to go on). */
  stop?: () => boolean;
  /** Called after each ad (progress). */
  onAd?: (result: RecheckResult | undefined) => void;
}

export async function recheckSegment(run: SegmentRun): Promise<{ counts: RecheckCounts; cursor?: string }> {
  const { store, engine, segment, totalSegments, dryRun } = run;
  const lexiconVersion = engine.info().version;
  const counts = emptyCounts();
  let cursor = run.cursor;
  do {
    const page = await store.scanSegment({ segment, totalSegments, lexiconVersion, cursor, limit: run.pageSize });
    for (const adId of page.adIds) {
      try {
        const result = await store.recheck({ adId, check: (ad) => engine.check(ad), dryRun });
        tally(counts, result);
        run.onAd?.(result);
      } catch (err) {
        if (err instanceof ConflictError) counts.conflicts++;
        else if (!(err instanceof NotFoundError)) throw err;
        run.onAd?.(undefined);
      }
    }
    cursor = page.cursor;
    // A page is finished before stopping: the cursor points past it.
  } while (cursor && !run.stop?.());
  return cursor ? { counts, cursor } : { counts };
}
