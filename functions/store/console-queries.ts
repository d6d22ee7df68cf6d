/**
 * Read-only queries only the moderator console needs, on the same table and key layout as ads.ts:
 * neighbours of an ad in the review queue (next/previous ad, j/k), the labels of the keys that acted
 * (who decided), and the 30-day activity counts of the 统计 page.
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

/** Review-queue partitions and sort keys, exactly as ads.ts writes them (QUEUE#ALL / QUEUE#<category>). */
const queuePartition = (category?: string) => `QUEUE#${category ?? 'ALL'}`;
const queueSortKey = (queuedAt: string, adId: string) => `${queuedAt}#${adId}`;

export interface QueueNeighbours {
  /** The ad queued just before this one (older), if any. */
  prev?: string;
  /** The ad queued just after this one (newer), if any. */
  next?: string;
}

export interface ActivityCounts {
  since: string;
  /** Ad versions checked in the window, per finding category (an ad counts once per category it hit). */
  categories: Partial<Record<Category, number>>;
  /** The engine's decisions on the versions checked in the window. */
  engine: Record<Decision, number>;
  /** Moderators' decisions made in the window. */
  reviews: Record<ReviewDecision, number>;
}

export interface ConsoleQueries {
  /**
   * The ads around a queue position. The position need not be in the queue any more: after a decision
   * the ad has left it, and `next` is still the one that followed it.
   */
  queueNeighbours(input: { adId: string; queuedAt: string; category?: string }): Promise<QueueNeighbours>;
  /** Labels of API keys by key id (keys without a label or unknown are absent). */
  keyLabels(keyIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Counts since `since`. A filtered Scan: its cost grows with the whole table, acceptable for a page a
   * few people open a few times a day; a high-volume deployment would keep daily counters instead.
   */
  activity(since: Date): Promise<ActivityCounts>;
}

export function createConsoleQueries(table: Table): ConsoleQueries {
  const T = table.name;

  async function neighbour(partition: string, sortKey: string, forward: boolean): Promise<string | undefined> {
    const out = await table.send<QueryCommandOutput>(
      new QueryCommand({
        TableName: T,
        IndexName: INDEX.reviewQueue,
        KeyConditionExpression: forward ? 'gsi3pk = :pk AND gsi3sk > :sk' : 'gsi3pk = :pk AND gsi3sk < :sk',
        ExpressionAttributeValues: { ':pk': s(partition), ':sk': s(sortKey) },
        ScanIndexForward: forward,
        Limit: 1,
        ProjectionExpression: 'adId',
      }),
    );
    const item = out.Items?.[0];
    return item ? getS(item, 'adId') : undefined;
  }

  return {
    async queueNeighbours({ adId, queuedAt, category }) {
      const partition = queuePartition(category);
      const sortKey = queueSortKey(queuedAt, adId);
      const [prev, next] = await Promise.all([neighbour(partition, sortKey, false), neighbour(partition, sortKey, true)]);
      const result: QueueNeighbours = {};
      if (prev) result.prev = prev;
      if (next) result.next = next;
      return result;
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
      };
      let start: Item | undefined;
      do {
        const out: ScanCommandOutput = await table.send<ScanCommandOutput>(
          new ScanCommand({
            TableName: T,
            FilterExpression: '(#type = :version AND createdAt >= :since) OR (#type = :event AND #event = :reviewed AND #at >= :since)',
            ExpressionAttributeNames: { '#type': 'type', '#event': 'event', '#at': 'at', '#decision': 'decision' },
            ExpressionAttributeValues: { ':version': s('version'), ':event': s('event'), ':reviewed': s('reviewed'), ':since': s(sinceIso) },
            ProjectionExpression: '#type, #decision, verdict',
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          const decision = optS(item, 'decision');
          if (optS(item, 'type') === 'event') {
            if (decision === 'approve' || decision === 'reject') counts.reviews[decision]++;
            continue;
          }
          if (decision === 'approve' || decision === 'review' || decision === 'reject') counts.engine[decision]++;
          const verdict = unpackJson<Verdict>(item, 'verdict');
          for (const category of new Set(verdict.findings.map((f) => f.category))) {
            counts.categories[category] = (counts.categories[category] ?? 0) + 1;
          }
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return counts;
    },
  };
}
