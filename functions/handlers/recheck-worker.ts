/**
 * Lambda entry of the re-check worker. The re-check state machine (infra/recheck.ts) hands each worker one
 * segment of a parallel Scan of the table; the worker re-checks the ads of its segment until the segment is
 * done or its time is nearly up, and returns where it stopped so the state machine can call it again.
 * It builds only the re-check part of the store, so its role needs only what re-checks do.
 */
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { getEngine } from '../engine.js';
import { recheckSegment, type RecheckCounts } from '../recheck/run-segment.js';
import { createDynamoClient } from '../store/client.js';
import { createRecheckStore } from '../store/recheck.js';
import { createTable } from '../store/table.js';

/** DynamoDB's largest TotalSegments. */
const MAX_SEGMENTS = 1_000_000;
/** Time left when the worker stops taking pages: one page (100 ads) takes seconds, this leaves a wide margin. */
const STOP_WITH_MS_LEFT = 60_000;

export const RecheckTaskSchema = z
  .object({
    segment: z.number().int().nonnegative(),
    totalSegments: z.number().int().positive().max(MAX_SEGMENTS),
    cursor: z.string().max(4096).optional(),
  })
  .refine((t) => t.segment < t.totalSegments, 'segment must be below totalSegments');
export type RecheckTask = z.infer<typeof RecheckTaskSchema>;

export interface RecheckTaskResult extends RecheckTask {
  /** False while the segment has ads left: the state machine calls the worker again with this result. */
  done: boolean;
  lexiconVersion: string;
  counts: RecheckCounts;
}

const config = loadConfig();
const store = createRecheckStore(createTable({ client: createDynamoClient(), tableName: config.tableName }));
const engine = getEngine();

export async function handler(event: unknown, context: { getRemainingTimeInMillis(): number }): Promise<RecheckTaskResult> {
  const task = RecheckTaskSchema.parse(event);
  const { counts, cursor } = await recheckSegment({
    store,
    engine,
    segment: task.segment,
    totalSegments: task.totalSegments,
    cursor: task.cursor,
    stop: () => context.getRemainingTimeInMillis() < STOP_WITH_MS_LEFT,
  });
  const result: RecheckTaskResult = { segment: task.segment, totalSegments: task.totalSegments, done: !cursor, lexiconVersion: engine.info().version, counts };
  if (cursor) result.cursor = cursor;
  // One line per invocation: the run's totals are a sum over these (CloudWatch Logs Insights).
  process.stdout.write(`${JSON.stringify({ level: 'INFO', message: 'recheck segment', ...result })}\n`);
  return result;
}
