/**
 * Ads, their versions and verdicts, appeals, review decisions, and the two lists moderators work from: the
 * review queue and the overrides list (ads the engine alone rejected).
 *
 * Every write that could race is a TransactWriteItems conditional on the ad head's `version` and
 * `eventCount` (and `status` where the status matters), so of two concurrent writers exactly one succeeds
 * and the other gets a ConflictError; nothing is ever half-written. See table-definition.ts for the key
 * layout and ad-items.ts for the items.
 *
 * A create writes as few items as the reads need, since each item costs a transaction time: a version item
 * is also the history event of its submission or revision (it carries the event's `seq`), and the head is
 * also the ad's entry in the whole list it is on; only per-category list entries and other events are
 * items of their own. Ads written before this layout (EV items for submissions, QUEUE#ALL items) are read
 * and updated as they are.
 */
import { randomBytes } from 'node:crypto';
import { GetItemCommand, QueryCommand, type GetItemCommandOutput, type QueryCommandOutput, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import { createAdAccess } from './ad-access.js';
import {
  adPk,
  ALL,
  checkedFields,
  eventItem,
  HEAD_SK,
  headItem,
  headPut,
  listEntryItems,
  listPk,
  moveListEntries,
  placeOnLists,
  readHead,
  readListEntry,
  summaryOf,
  tenantPk,
  tenantStatusPk,
  TIME_ID,
  versionItem,
  type Head,
  type ListName,
} from './ad-items.js';
import { decisionItem } from './decision-items.js';
import { ConflictError, InvalidInputError } from './errors.js';
import {
  contentHash,
  isDecidable,
  statusFromDecision,
  type Actor,
  type AdHistory,
  type AdRecord,
  type AdStatus,
  type AdSummary,
  type AppealInfo,
  type CreatedAd,
  type FeedbackRecord,
  type HistoryEvent,
  type Principal,
  type QueueEntry,
  type RejectedEntry,
  type ReviewDecision,
  type ReviewInfo,
  type Scope,
} from './model.js';
import { INDEX } from './table-definition.js';
import { cancellationReasons, decodeCursor, getN, getS, n, optS, queryPage, s, unpackJson, type Item, type Page, type Table } from './table.js';

export interface IdempotencyInput {
  key: string;
  /** Hash of the request body: the same key with another body is a conflict. */
  requestHash: string;
}

export interface AdStore {
  /** The response stored for an Idempotency-Key, if the key was used; ConflictError if used with another body. */
  findIdempotent(tenant: string, idempotency: IdempotencyInput): Promise<CreatedAd | undefined>;
  /**
   * Stores a new ad in one transaction. With an Idempotency-Key already used by this tenant it stores nothing
   * and returns the first response (`replayed`), or throws ConflictError idempotency_mismatch.
   */
  create(input: { actor: Principal; ad: Ad; verdict: Verdict; idempotency?: IdempotencyInput }): Promise<CreatedAd & { replayed: boolean }>;
  get(adId: string, scope: Scope): Promise<AdRecord>;
  getSummary(adId: string, scope: Scope): Promise<AdSummary>;
  list(input: { tenant: string; status?: AdStatus; limit: number; cursor?: string }): Promise<Page<AdSummary>>;
  revise(input: { adId: string; scope: Scope; actor: Principal; ad: Ad; verdict: Verdict; expectedVersion?: number }): Promise<AdRecord>;
  /** Pending ads, oldest first. */
  reviewQueue(input: { category?: string; limit: number; cursor?: string }): Promise<Page<QueueEntry>>;
  /** Ads the engine rejected that no moderator has decided, newest first. */
  rejected(input: { category?: string; limit: number; cursor?: string }): Promise<Page<RejectedEntry>>;
  /**
   * The owning employer appeals a rejected version (once per version): the ad returns to the queue marked
   * as an appeal. ConflictError not_rejected / already_appealed otherwise.
   */
  appeal(input: { adId: string; scope: Scope; actor: Principal; reason: string }): Promise<AdRecord>;
  /**
   * A moderator's decision on a pending ad, or on an ad the engine alone rejected (approving it overrides
   * the engine and needs a reason). The engine's verdict is kept as it was.
   */
  decide(input: {
    adId: string;
    actor: Principal;
    decision: ReviewDecision;
    reason?: string;
    expectedVersion: number;
    /** The status the moderator saw: the decision is refused when the ad has moved on (an appeal came in). */
    expectedStatus?: AdStatus;
  }): Promise<AdRecord>;
  history(adId: string, scope: Scope): Promise<AdHistory>;
}

/** A whole-queue cursor position: the sort key, marked when the entry was a QUEUE#ALL item of the earlier layout. */
const LEGACY_SUFFIX = '#legacy';
const QUEUE_POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#ad_[A-Za-z0-9_-]{20}(#legacy)?$/;
const idemPk = (tenant: string, key: string) => `IDEM#${tenant}#${key}`;
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Reads of a racing duplicate's first response before giving up (its transaction may not be visible yet). */
const REPLAY_READS = 3;

export function newAdId(): string {
  return `ad_${randomBytes(15).toString('base64url')}`;
}

/** A conditional Put: by default the item must not exist yet. */
function conditionalPut(tableName: string, Item: Item, ConditionExpression = 'attribute_not_exists(pk)', values?: Item): TransactWriteItem {
  return { Put: { TableName: tableName, Item, ConditionExpression, ...(values ? { ExpressionAttributeValues: values } : {}) } };
}

/**
 * The one transaction that stores a new ad: head, version 1, per-category list entries and the
 * idempotency record, each conditional on not existing. Exported for the write-path benchmark, which
 * measures DynamoDB's bare rate for exactly these items.
 */
export function createTransaction(
  table: Pick<Table, 'name' | 'now'>,
  { actor, ad, verdict, idempotency }: { actor: Principal; ad: Ad; verdict: Verdict; idempotency?: IdempotencyInput },
): { adId: string; status: AdStatus; items: TransactWriteItem[] } {
  const put = (item: Item, condition?: string, values?: Item) => conditionalPut(table.name, item, condition, values);
  const at = table.now().toISOString();
  const adId = newAdId();
  const status = statusFromDecision(verdict.decision);
  const hash = contentHash(ad);
  const head: Head = { adId, tenant: actor.tenant, ownerKeyId: actor.keyId, status, version: 1, eventCount: 1, ...checkedFields(ad, verdict, hash), createdAt: at, updatedAt: at };
  placeOnLists(head, at);
  const items: TransactWriteItem[] = [
    put(headItem(head)),
    put(versionItem(adId, 1, { ad, verdict, hash }, { seq: 1, event: 'submitted', status, actor, at })),
    ...listEntryItems(head).map((item) => put(item)),
  ];
  if (idempotency) {
    const now = Math.floor(table.now().getTime() / 1000);
    const record: Item = {
      pk: s(idemPk(actor.tenant, idempotency.key)),
      sk: s('IDEM'),
      type: s('idempotency'),
      adId: s(adId),
      requestHash: s(idempotency.requestHash),
      createdAt: s(at),
      expiresAt: n(now + IDEMPOTENCY_TTL_SECONDS),
    };
    // An expired record (TTL deletes it eventually) may be taken over.
    items.push(put(record, 'attribute_not_exists(pk) OR expiresAt < :now', { ':now': n(now) }));
  }
  return { adId, status, items };
}

export function createAdStore(table: Table): AdStore {
  const T = table.name;
  const put = (item: Item, condition?: string) => conditionalPut(T, item, condition);
  const { loadHead, loadVersion, withRetry } = createAdAccess(table);

  async function record(head: Head, version?: { ad: Ad; verdict: Verdict }): Promise<AdRecord> {
    const { ad, verdict } = version ?? (await loadVersion(head.adId, head.version));
    const rec: AdRecord = { ...summaryOf(head), ad, verdict, contentHash: head.contentHash, lexiconVersion: head.lexiconVersion };
    if (head.review) rec.review = head.review;
    return rec;
  }

  /** Writes a transaction that starts with the head's conditional Put; a cancelled one is retried. */
  async function commit<R>(items: TransactWriteItem[], done: () => Promise<R>): Promise<R | 'retry'> {
    try {
      await table.transact(items);
    } catch (err) {
      if (cancellationReasons(err)) return 'retry';
      throw err;
    }
    return done();
  }

  async function replay(adId: string): Promise<CreatedAd> {
    const { verdict } = await loadVersion(adId, 1);
    return { adId, status: statusFromDecision(verdict.decision), version: 1, verdict };
  }

  async function findIdempotent(tenant: string, idem: IdempotencyInput): Promise<CreatedAd | undefined> {
    const out = await table.send<GetItemCommandOutput>(
      new GetItemCommand({ TableName: T, Key: { pk: s(idemPk(tenant, idem.key)), sk: s('IDEM') }, ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    if (getN(out.Item, 'expiresAt') * 1000 < table.now().getTime()) return undefined;
    if (getS(out.Item, 'requestHash') !== idem.requestHash) {
      throw new ConflictError('idempotency_mismatch', 'this Idempotency-Key was already used with a different request body; use a new key for a new ad');
    }
    return replay(getS(out.Item, 'adId'));
  }

  /** One page of a list of the reviewQueue index: the whole list (heads) or one category's entries. */
  async function listPage<E>(list: ListName, { category, limit, cursor }: { category?: string; limit: number; cursor?: string }, read: (item: Item) => E) {
    const partition = listPk(list, category ?? ALL);
    const oldestFirst = list === 'QUEUE';
    let start: Item | undefined;
    if (cursor !== undefined) {
      const position = decodeCursor(cursor, partition, QUEUE_POSITION);
      const sortValue = position.replace(LEGACY_SUFFIX, '');
      const adId = sortValue.slice(sortValue.indexOf('#') + 1);
      // The whole queue holds heads, and QUEUE#ALL items of ads queued in the earlier layout.
      const sk = category ? listPk(list, category) : position.endsWith(LEGACY_SUFFIX) ? listPk('QUEUE', ALL) : HEAD_SK;
      start = { pk: s(adPk(adId)), sk: s(sk), gsi3pk: s(partition), gsi3sk: s(sortValue) };
    }
    return queryPage(
      table,
      {
        IndexName: INDEX.reviewQueue,
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': s(partition) },
        ScanIndexForward: oldestFirst,
        ExclusiveStartKey: start,
      },
      {
        limit,
        scope: partition,
        sortAttribute: 'gsi3sk',
        position: (item) => `${getS(item, 'gsi3sk')}${!category && getS(item, 'sk') !== HEAD_SK ? LEGACY_SUFFIX : ''}`,
        read,
      },
    );
  }

  return {
    findIdempotent,

    async create({ actor, ad, verdict, idempotency }) {
      const { adId, status, items } = createTransaction(table, { actor, ad, verdict, idempotency });
      try {
        await table.transact(items);
      } catch (err) {
        const reasons = cancellationReasons(err);
        if (!reasons) throw err;
        // The key was used before (this is a retry) or by a concurrent request that won: answer with the first
        // response, or idempotency_mismatch when the body differs.
        if (idempotency && reasons[items.length - 1]?.Code && reasons[items.length - 1]?.Code !== 'None') {
          for (let i = 0; i < REPLAY_READS; i++) {
            const first = await findIdempotent(actor.tenant, idempotency);
            if (first) return { ...first, replayed: true };
            await new Promise((r) => setTimeout(r, 20));
          }
        }
        throw new ConflictError('concurrent_update', 'the ad could not be stored because of a concurrent request; retry');
      }
      return { adId, status, version: 1, verdict, replayed: false };
    },

    async get(adId, scope) {
      return record(await loadHead(adId, scope));
    },

    async getSummary(adId, scope) {
      return summaryOf(await loadHead(adId, scope));
    },

    async list({ tenant, status, limit, cursor }) {
      const index = status ? INDEX.byTenantStatus : INDEX.byTenant;
      const [pkName, skName] = status ? ['gsi2pk', 'gsi2sk'] : ['gsi1pk', 'gsi1sk'];
      const partition = status ? tenantStatusPk(tenant, status) : tenantPk(tenant);
      let start: Item | undefined;
      if (cursor !== undefined) {
        const sortValue = decodeCursor(cursor, partition, TIME_ID);
        const adId = sortValue.slice(sortValue.indexOf('#') + 1);
        start = { pk: s(adPk(adId)), sk: s(HEAD_SK), [pkName]: s(partition), [skName]: s(sortValue) };
      }
      return queryPage(
        table,
        {
          IndexName: index,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': pkName },
          ExpressionAttributeValues: { ':pk': s(partition) },
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        },
        { limit, scope: partition, sortAttribute: skName, read: (item) => summaryOf(readHead(item)) },
      );
    },

    async revise({ adId, scope, actor, ad, verdict, expectedVersion }) {
      return withRetry(async () => {
        const old = await loadHead(adId, scope);
        if (expectedVersion !== undefined && old.version !== expectedVersion) {
          throw new ConflictError('version_conflict', `the ad is at version ${old.version}, not ${expectedVersion}`, { currentVersion: old.version });
        }
        const at = table.now().toISOString();
        const status = statusFromDecision(verdict.decision);
        const hash = contentHash(ad);
        const version = old.version + 1;
        const events = old.eventCount + 1;
        const head: Head = { ...old, status, version, eventCount: events, ...checkedFields(ad, verdict, hash), updatedAt: at };
        // A new version starts fresh: no decision, appeal or re-check note yet; the head is written in the current layout.
        delete head.review;
        delete head.appeal;
        delete head.recheck;
        delete head.legacyQueueItem;
        // An ad revised while waiting keeps its place in the queue; one that newly needs review joins at the end.
        placeOnLists(head, at, old.status === 'pending_review' ? old.queuedAt : undefined);
        const items: TransactWriteItem[] = [
          headPut(T, head, old),
          put(versionItem(adId, version, { ad, verdict, hash }, { seq: events, event: 'revised', status, actor, at })),
          ...moveListEntries(T, old, head),
        ];
        return commit(items, () => record(head, { ad, verdict }));
      });
    },

    reviewQueue(query) {
      return listPage('QUEUE', query, (item) => readListEntry(item) as QueueEntry);
    },

    rejected(query) {
      return listPage('REJECTED', query, (item) => {
        const { queuedAt: _q, appeal: _a, recheck: _r, ...entry } = readListEntry(item);
        return entry as RejectedEntry;
      });
    },

    async appeal({ adId, scope, actor, reason }) {
      return withRetry(async () => {
        const old = await loadHead(adId, scope);
        if (old.status !== 'rejected') {
          throw new ConflictError('not_rejected', `the ad is ${old.status}: only a rejected ad can be appealed`, { adStatus: old.status });
        }
        if (old.appeal?.version === old.version) {
          throw new ConflictError('already_appealed', `version ${old.version} of this ad was already appealed; revise the ad to appeal again`, {
            appeal: old.appeal,
          });
        }
        const at = table.now().toISOString();
        const appeal: AppealInfo = { reason, at, keyId: actor.keyId, version: old.version };
        const head: Head = { ...old, status: 'pending_review', eventCount: old.eventCount + 1, updatedAt: at, appeal };
        delete head.recheck;
        placeOnLists(head, at);
        const items: TransactWriteItem[] = [
          headPut(T, head, old, { condition: '#status = :rejected', names: { '#status': 'status' }, values: { ':rejected': s('rejected') } }),
          put(eventItem(adId, head.eventCount, { event: 'appealed', at, keyId: actor.keyId, role: actor.role, version: old.version, status: head.status, reason })),
          ...moveListEntries(T, old, head),
        ];
        return commit(items, () => record(head));
      });
    },

    async decide({ adId, actor, decision, reason, expectedVersion, expectedStatus }) {
      let statusSeen = expectedStatus;
      return withRetry(async () => {
        const old = await loadHead(adId, {});
        if (!isDecidable(old)) {
          const why = old.status === 'rejected' ? 'a moderator already rejected it' : 'it was already decided';
          throw new ConflictError('not_pending', `the ad is ${old.status}, not pending_review: ${why}`, { adStatus: old.status, currentVersion: old.version });
        }
        // An appeal (or another decision) that won the race moved the ad on: this decision was about what it was.
        statusSeen ??= old.status;
        if (old.status !== statusSeen) {
          throw new ConflictError('concurrent_update', `the ad became ${old.status} while this decision was being written; look at it again`, {
            adStatus: old.status,
          });
        }
        if (old.version !== expectedVersion) {
          throw new ConflictError('version_conflict', `the ad is at version ${old.version}, not ${expectedVersion}`, { currentVersion: old.version });
        }
        const overrodeEngine = decision === 'approve' && old.decision === 'reject';
        if (overrodeEngine && !reason) throw new InvalidInputError('reason', 'a reason is required to approve an ad the engine rejected');
        const at = table.now().toISOString();
        const status: AdStatus = decision === 'approve' ? 'approved' : 'rejected';
        const review: ReviewInfo = { decision, at, keyId: actor.keyId };
        if (reason) review.reason = reason;
        if (overrodeEngine) review.overrodeEngine = true;
        const head: Head = { ...old, status, eventCount: old.eventCount + 1, updatedAt: at, review };
        delete head.legacyQueueItem;
        placeOnLists(head, at);
        const items: TransactWriteItem[] = [
          headPut(T, head, old, { condition: '#status = :seen', names: { '#status': 'status' }, values: { ':seen': s(old.status) } }),
          put(
            eventItem(adId, head.eventCount, {
              event: 'reviewed',
              at,
              keyId: actor.keyId,
              role: actor.role,
              version: old.version,
              status,
              decision,
              reason,
              overrodeEngine: overrodeEngine ? 1 : undefined,
              // Since when the ad waited on a moderators' list: the 统计 page's waiting times.
              listedAt: old.queuedAt ?? old.rejectedAt,
            }),
          ),
          { Put: { TableName: T, Item: decisionItem(adId, old.version, review) } },
          ...moveListEntries(T, old, head),
        ];
        return commit(items, () => record(head));
      });
    },

    async history(adId, scope) {
      const head = await loadHead(adId, scope);
      const rows: Item[] = [];
      let start: Item | undefined;
      do {
        const out: QueryCommandOutput = await table.send<QueryCommandOutput>(
          new QueryCommand({
            TableName: T,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': s(adPk(adId)) },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        rows.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start);
      const versions = new Map<number, Item>();
      for (const row of rows) if (optS(row, 'type') === 'version') versions.set(getN(row, 'version'), row);
      // A version item is its own submitted/revised/rechecked event (earlier ads have an EV item for it instead,
      // and their version items carry no `seq`); other events are items of their own.
      const eventRows = rows.filter((row) => optS(row, 'type') === 'event' || (optS(row, 'type') === 'version' && row.seq));
      const events = eventRows.sort((a, b) => getN(a, 'seq') - getN(b, 'seq')).map((row) => readEvent(row, versions, adId));
      return { adId, tenant: head.tenant, status: head.status, version: head.version, events };
    },
  };
}

/** One history event from its item (and, for versions, the version item holding the text and verdict). */
function readEvent(row: Item, versions: Map<number, Item>, adId: string): HistoryEvent {
  const isVersion = optS(row, 'type') === 'version';
  const base = {
    seq: getN(row, 'seq'),
    at: getS(row, isVersion ? 'createdAt' : 'at'),
    actor: { keyId: getS(row, 'keyId'), role: getS(row, 'role') as Actor['role'] },
    version: getN(row, 'version'),
    status: getS(row, 'status') as AdStatus,
  };
  const event = getS(row, 'event');
  if (event === 'reviewed') {
    const reviewed: HistoryEvent = { ...base, type: 'reviewed', decision: getS(row, 'decision') as ReviewDecision };
    const reason = optS(row, 'reason');
    if (reason !== undefined) reviewed.reason = reason;
    if (row.overrodeEngine) reviewed.overrodeEngine = true;
    return reviewed;
  }
  if (event === 'appealed') return { ...base, type: 'appealed', reason: getS(row, 'reason') };
  if (event === 'feedback') return { ...base, type: 'feedback', feedback: JSON.parse(getS(row, 'feedback')) as Omit<FeedbackRecord, 'adId' | 'at' | 'keyId' | 'version'> };
  const v = versions.get(base.version);
  if (!v) throw new Error(`ad ${adId} event ${base.seq} names missing version ${base.version}`);
  return {
    ...base,
    type: event as 'submitted' | 'revised' | 'rechecked',
    ad: unpackJson<Ad>(v, 'ad'),
    contentHash: getS(v, 'contentHash'),
    lexiconVersion: getS(v, 'lexiconVersion'),
    verdict: unpackJson<Verdict>(v, 'verdict'),
  };
}

export type { AdHistory, AdRecord, AdStatus, AdSummary, CreatedAd, HistoryEvent, QueueEntry, ReviewDecision, ReviewInfo, Scope } from './model.js';
export { AD_STATUSES, REVIEW_DECISIONS, statusFromDecision, contentHash, canonicalJson } from './model.js';
