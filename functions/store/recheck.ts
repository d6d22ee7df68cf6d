/**
 * Re-checking stored ads under new rules: finding the ads checked with another lexicon (a parallel Scan,
 * one segment per worker), and applying a re-check's plan to one ad in one conditional transaction, like
 * every other write on an ad. A new verdict is stored as a `rechecked` version by the system actor; a
 * verdict the new rules confirm only records the lexicon version on the head.
 */
import { ScanCommand, type ScanCommandOutput, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import { planRecheck, type RecheckPlan } from '../recheck/plan.js';
import { createAdAccess } from './ad-access.js';
import { adPk, checkedFields, HEAD_SK, headPut, moveListEntries, placeOnLists, versionItem, type Head } from './ad-items.js';
import { InvalidCursorError } from './errors.js';
import { RECHECK_ACTOR, type AdStatus } from './model.js';
import { cancellationReasons, getS, n, s, type Item, type Table } from './table.js';

export interface RecheckResult {
  adId: string;
  plan: RecheckPlan;
  /** The status before and after (the same unless the plan updated it). */
  from: AdStatus;
  to: AdStatus;
}

export interface RecheckStore {
  /**
   * One page of segment `segment` of `totalSegments` of a parallel Scan: the ids of ads whose verdict was
   * confirmed with another lexicon than `lexiconVersion`. `cursor` is absent once the segment is done.
   */
  scanSegment(input: { segment: number; totalSegments: number; lexiconVersion: string; cursor?: string; limit?: number }): Promise<{ adIds: string[]; cursor?: string }>;
  /** How many ads were checked with another lexicon (a counting Scan: for a progress bar). */
  countStale(lexiconVersion: string): Promise<number>;
  /** Re-checks one ad with `check`; with `dryRun` it only says what it would do. */
  recheck(input: { adId: string; check: (ad: Ad) => Verdict; dryRun?: boolean }): Promise<RecheckResult>;
}

const STALE_FILTER = {
  FilterExpression: '#type = :ad AND lexiconVersion <> :v',
  ExpressionAttributeNames: { '#type': 'type' },
};

/** A scan position is the key of the last item DynamoDB evaluated (of any kind): the cursor is that key. */
const encodeScanCursor = (key: Item) => Buffer.from(JSON.stringify({ pk: getS(key, 'pk'), sk: getS(key, 'sk') }), 'utf8').toString('base64url');
function decodeScanCursor(cursor: string): Item {
  try {
    const { pk, sk } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { pk?: unknown; sk?: unknown };
    if (typeof pk === 'string' && typeof sk === 'string' && pk.length > 0 && sk.length > 0) return { pk: s(pk), sk: s(sk) };
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

export function createRecheckStore(table: Table): RecheckStore {
  const T = table.name;
  const { loadHead, loadVersion, withRetry } = createAdAccess(table);

  function writes(old: Head, plan: Extract<RecheckPlan, { action: 'confirm' | 'update' }>, ad: Ad, verdict: Verdict): TransactWriteItem[] {
    if (plan.action === 'confirm') {
      return [
        {
          Update: {
            TableName: T,
            Key: { pk: s(adPk(old.adId)), sk: s(HEAD_SK) },
            UpdateExpression: 'SET lexiconVersion = :lexicon',
            ConditionExpression: 'version = :v AND eventCount = :e',
            ExpressionAttributeValues: { ':lexicon': s(verdict.lexiconVersion), ':v': n(old.version), ':e': n(old.eventCount) },
          },
        },
      ];
    }
    const at = table.now().toISOString();
    const version = old.version + 1;
    const head: Head = { ...old, status: plan.status, version, eventCount: old.eventCount + 1, ...checkedFields(ad, verdict, old.contentHash), updatedAt: at };
    delete head.legacyQueueItem;
    if (plan.note) head.recheck = { at, lexiconVersion: verdict.lexiconVersion, ...plan.note };
    placeOnLists(head, at, old.status === 'pending_review' ? old.queuedAt : undefined);
    return [
      headPut(T, head, old),
      {
        Put: {
          TableName: T,
          Item: versionItem(old.adId, version, { ad, verdict, hash: old.contentHash }, { seq: head.eventCount, event: 'rechecked', status: plan.status, actor: RECHECK_ACTOR, at }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...moveListEntries(T, old, head),
    ];
  }

  return {
    async scanSegment({ segment, totalSegments, lexiconVersion, cursor, limit = 100 }) {
      const out = await table.send<ScanCommandOutput>(
        new ScanCommand({
          TableName: T,
          Segment: segment,
          TotalSegments: totalSegments,
          ...STALE_FILTER,
          ExpressionAttributeValues: { ':ad': s('ad'), ':v': s(lexiconVersion) },
          ProjectionExpression: 'adId',
          Limit: limit,
          ExclusiveStartKey: cursor === undefined ? undefined : decodeScanCursor(cursor),
        }),
      );
      const page: { adIds: string[]; cursor?: string } = { adIds: (out.Items ?? []).map((item) => getS(item, 'adId')) };
      if (out.LastEvaluatedKey) page.cursor = encodeScanCursor(out.LastEvaluatedKey);
      return page;
    },

    async countStale(lexiconVersion) {
      let count = 0;
      let start: Item | undefined;
      do {
        const out: ScanCommandOutput = await table.send<ScanCommandOutput>(
          new ScanCommand({ TableName: T, ...STALE_FILTER, ExpressionAttributeValues: { ':ad': s('ad'), ':v': s(lexiconVersion) }, Select: 'COUNT', ExclusiveStartKey: start }),
        );
        count += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return count;
    },

    async recheck({ adId, check, dryRun }) {
      return withRetry(async () => {
        const old = await loadHead(adId, {});
        const { ad, verdict: before } = await loadVersion(adId, old.version);
        const after = check(ad);
        const plan = planRecheck(
          {
            status: old.status,
            decision: old.decision,
            lexiconVersion: old.lexiconVersion,
            moderated: old.review !== undefined,
            appealed: old.status === 'pending_review' && old.appeal?.version === old.version,
          },
          before,
          after,
        );
        const result: RecheckResult = { adId, plan, from: old.status, to: plan.action === 'update' ? plan.status : old.status };
        if (dryRun || plan.action === 'skip') return result;
        try {
          await table.transact(writes(old, plan, ad, after));
        } catch (err) {
          if (cancellationReasons(err)) return 'retry';
          throw err;
        }
        return result;
      });
    },
  };
}
