/**
 * Read-only queries only the moderator console needs, on the same table and key layout as ads.ts:
 * neighbours of an ad in the review queue (next/previous ad, j/k), the size of a list, the labels of the
 * keys that acted (who decided), and the figures of the 统计 page.
 */
import {
  BatchGetItemCommand,
  QueryCommand,
  ScanCommand,
  type BatchGetItemCommandOutput,
  type QueryCommandOutput,
  type ScanCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { Category, Decision } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';
import type { ReviewDecision } from './model.js';
import { INDEX } from './table-definition.js';
import { getS, optS, s, unpackJson, type Item, type Table } from './table.js';

/** List partitions and sort keys, exactly as ads.ts writes them (QUEUE#ALL / QUEUE#<category>, REJECTED#…). */
const listPartition = (list: 'queue' | 'rejected', category?: string) => `${list === 'queue' ? 'QUEUE' : 'REJECTED'}#${category ?? 'ALL'}`;
const queuePartition = (category?: string) => listPartition('queue', category);
const queueSortKey = (queuedAt: string, adId: string) => `${queuedAt}#${adId}`;

export interface QueueNeighbours {
  /** The ad queued just before this one (older), if any. */
  prev?: string;
  /** The ads queued after this one (newer), oldest first: a page of them, so the caller can pass over claimed ones. */
  following: QueueStretch;
}

/** A stretch of the queue, oldest first; `last` (the position of its last ad) is set when more may follow. */
export interface QueueStretch {
  adIds: string[];
  last?: string;
}

export interface ActivityCounts {
  since: string;
  /** Ad versions checked in the window, per finding category (an ad counts once per category it hit). */
  categories: Partial<Record<Category, number>>;
  /** The engine's decisions on the versions checked in the window. */
  engine: Record<Decision, number>;
  /** Moderators' decisions made in the window. */
  reviews: Record<ReviewDecision, number>;
  /** Of those, approvals that overturned an engine reject. */
  overrides: number;
  /** Employers' appeals made in the window. */
  appeals: number;
  /** Decisions per moderator key and Shanghai calendar day (YYYY-MM-DD). */
  decisionsByKey: Map<string, Map<string, number>>;
  /** Seconds each decided ad had waited on its list, for decisions that recorded it; ascending. */
  waitSeconds: number[];
}

/** The Shanghai calendar day of an instant, as YYYY-MM-DD: the day the moderators worked it. */
export const shanghaiDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

export interface ConsoleQueries {
  /**
   * The ads around a queue position. The position need not be in the queue any more: after a decision
   * the ad has left it, and `next` is still the one that followed it.
   */
  queueNeighbours(input: { adId: string; queuedAt: string; category?: string }): Promise<QueueNeighbours>;
  /** Ads of the queue from its oldest (or after `after`, a `<queuedAt>#<adId>` position), oldest first, at most `limit`. */
  queueFrom(input: { category?: string; after?: string; limit: number }): Promise<QueueStretch>;
  /** How many ads a list holds (a counting Query: reads the list's index entries, returns only the number). */
  listSize(list: 'queue' | 'rejected', category?: string): Promise<number>;
  /** Labels of API keys by key id (keys without a label or unknown are absent). */
  keyLabels(keyIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Counts since `since`. A filtered Scan: its cost grows with the whole table, acceptable for a page a
   * few people open a few times a day; a high-volume deployment would keep daily counters instead.
   */
  activity(since: Date): Promise<ActivityCounts>;
}

function queuePage(items: Item[], limit: number): QueueStretch {
  const last = items.at(-1);
  return { adIds: items.map((item) => getS(item, 'adId')), ...(last && items.length === limit ? { last: getS(last, 'gsi3sk') } : {}) };
}

/** Ads after the current one read at once: enough to pass over the few that other moderators hold. */
const NEIGHBOUR_PAGE = 10;

export function createConsoleQueries(table: Table): ConsoleQueries {
  const T = table.name;

  /** Up to `limit` entries of a queue partition after (forward) or before `sortKey`; from the start without one. */
  async function entries(partition: string, sortKey: string | undefined, forward: boolean, limit: number): Promise<Item[]> {
    const out = await table.send<QueryCommandOutput>(
      new QueryCommand({
        TableName: T,
        IndexName: INDEX.reviewQueue,
        KeyConditionExpression: sortKey === undefined ? 'gsi3pk = :pk' : forward ? 'gsi3pk = :pk AND gsi3sk > :sk' : 'gsi3pk = :pk AND gsi3sk < :sk',
        ExpressionAttributeValues: { ':pk': s(partition), ...(sortKey === undefined ? {} : { ':sk': s(sortKey) }) },
        ScanIndexForward: forward,
        Limit: limit,
        ProjectionExpression: 'adId, gsi3sk',
      }),
    );
    return out.Items ?? [];
  }

  return {
    async queueNeighbours({ adId, queuedAt, category }) {
      const partition = queuePartition(category);
      const sortKey = queueSortKey(queuedAt, adId);
      const [before, after] = await Promise.all([entries(partition, sortKey, false, 1), entries(partition, sortKey, true, NEIGHBOUR_PAGE)]);
      const result: QueueNeighbours = { following: queuePage(after, NEIGHBOUR_PAGE) };
      if (before[0]) result.prev = getS(before[0], 'adId');
      return result;
    },

    async queueFrom({ category, after, limit }) {
      return queuePage(await entries(queuePartition(category), after, true, limit), limit);
    },

    async listSize(list, category) {
      let count = 0;
      let start: Item | undefined;
      do {
        const out: QueryCommandOutput = await table.send<QueryCommandOutput>(
          new QueryCommand({
            TableName: T,
            IndexName: INDEX.reviewQueue,
            KeyConditionExpression: 'gsi3pk = :pk',
            ExpressionAttributeValues: { ':pk': s(listPartition(list, category)) },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        count += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return count;
    },

    async keyLabels(keyIds) {
      const labels = new Map<string, string>();
      const unique = [...new Set(keyIds)].filter((id) => /^[a-z0-9]{10}$/.test(id));
      // BatchGetItem takes at most 100 keys per call.
      for (let i = 0; i < unique.length; i += 100) {
        let request: Record<string, { Keys: Item[]; ProjectionExpression: string }> | undefined = {
          [T]: { Keys: unique.slice(i, i + 100).map((id) => ({ pk: s(`KEYID#${id}`), sk: s('KEYID') })), ProjectionExpression: 'keyId, label' },
        };
        while (request && Object.keys(request).length > 0) {
          const out: BatchGetItemCommandOutput = await table.send<BatchGetItemCommandOutput>(new BatchGetItemCommand({ RequestItems: request }));
          for (const item of out.Responses?.[T] ?? []) {
            const label = optS(item, 'label');
            if (label) labels.set(getS(item, 'keyId'), label);
          }
          request = out.UnprocessedKeys as typeof request;
        }
      }
      return labels;
    },

    async activity(since) {
      const sinceIso = since.toISOString();
      const counts: ActivityCounts = {
        since: sinceIso,
        categories: {},
        engine: { approve: 0, review: 0, reject: 0 },
        reviews: { approve: 0, reject: 0 },
        overrides: 0,
        appeals: 0,
        decisionsByKey: new Map(),
        waitSeconds: [],
      };
      let start: Item | undefined;
      do {
        const out: ScanCommandOutput = await table.send<ScanCommandOutput>(
          new ScanCommand({
            TableName: T,
            FilterExpression: '(#type = :version AND createdAt >= :since) OR (#type = :event AND #event IN (:reviewed, :appealed) AND #at >= :since)',
            ExpressionAttributeNames: { '#type': 'type', '#event': 'event', '#at': 'at', '#decision': 'decision' },
            ExpressionAttributeValues: {
              ':version': s('version'),
              ':event': s('event'),
              ':reviewed': s('reviewed'),
              ':appealed': s('appealed'),
              ':since': s(sinceIso),
            },
            ProjectionExpression: '#type, #event, #decision, #at, keyId, listedAt, overrodeEngine, verdict',
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          if (optS(item, 'type') === 'event') countEvent(counts, item);
          else countVersion(counts, item);
        }
        start = out.LastEvaluatedKey;
      } while (start);
      counts.waitSeconds.sort((a, b) => a - b);
      return counts;
    },
  };
}

function countVersion(counts: ActivityCounts, item: Item): void {
  const decision = optS(item, 'decision');
  if (decision === 'approve' || decision === 'review' || decision === 'reject') counts.engine[decision]++;
  const verdict = unpackJson<Verdict>(item, 'verdict');
  for (const category of new Set(verdict.findings.map((f) => f.category))) {
    counts.categories[category] = (counts.categories[category] ?? 0) + 1;
  }
}

function countEvent(counts: ActivityCounts, item: Item): void {
  if (optS(item, 'event') === 'appealed') {
    counts.appeals++;
    return;
  }
  const decision = optS(item, 'decision');
  if (decision !== 'approve' && decision !== 'reject') return;
  counts.reviews[decision]++;
  if (item.overrodeEngine) counts.overrides++;
  const at = getS(item, 'at');
  const byDay = counts.decisionsByKey.get(getS(item, 'keyId')) ?? new Map<string, number>();
  const day = shanghaiDay(at);
  byDay.set(day, (byDay.get(day) ?? 0) + 1);
  counts.decisionsByKey.set(getS(item, 'keyId'), byDay);
  const listedAt = optS(item, 'listedAt');
  if (listedAt) counts.waitSeconds.push(Math.max(0, (Date.parse(at) - Date.parse(listedAt)) / 1000));
}
