/**
 * Ads, their versions and verdicts, review decisions and the review queue.
 *
 * Every write that could race is a TransactWriteItems conditional on the ad head's `version` and
 * `eventCount` (and `status` for reviews), so of two concurrent writers exactly one succeeds and the other
 * gets a ConflictError; nothing is ever half-written. See table-definition.ts for the key layout.
 *
 * A create writes as few items as the reads need, since each item costs a transaction time: a version item
 * is also the history event of its submission or revision (it carries the event's `seq`), and a pending
 * ad's head is also its entry in the whole review queue (`QUEUE#ALL` on the head's reviewQueue keys); only
 * the per-category queue entries and review events are items of their own. Ads written before this layout
 * (EV items for submissions, QUEUE#ALL items) are read and updated as they are.
 */
import { randomBytes } from 'node:crypto';
import {
  GetItemCommand,
  QueryCommand,
  type GetItemCommandOutput,
  type QueryCommandOutput,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Decision } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';
import {
  contentHash,
  statusFromDecision,
  type Actor,
  type AdHistory,
  type AdRecord,
  type AdStatus,
  type AdSummary,
  type CreatedAd,
  type HistoryEvent,
  type Principal,
  type QueueEntry,
  type ReviewDecision,
  type ReviewInfo,
  type Scope,
} from './model.js';
import { ConflictError, NotFoundError } from './errors.js';
import { INDEX } from './table-definition.js';
import {
  cancellationReasons,
  decodeCursor,
  getN,
  getS,
  getStrings,
  n,
  optS,
  packJson,
  queryPage,
  s,
  seq,
  strings,
  unpackJson,
  type Item,
  type Page,
  type Table,
} from './table.js';

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
  reviewQueue(input: { category?: string; limit: number; cursor?: string }): Promise<Page<QueueEntry>>;
  decide(input: {
    adId: string;
    actor: Principal;
    decision: ReviewDecision;
    reason?: string;
    expectedVersion: number;
  }): Promise<AdRecord>;
  history(adId: string, scope: Scope): Promise<AdHistory>;
}

// ---- keys ------------------------------------------------------------------------------------------

const AD_ID = /^ad_[A-Za-z0-9_-]{20}$/;
const adPk = (adId: string) => `AD#${adId}`;
const HEAD_SK = 'AD';
const versionSk = (version: number) => `V#${seq(version)}`;
const eventSk = (n: number) => `EV#${seq(n)}`;
const QUEUE_ALL = 'ALL';
const queueSk = (category: string) => `QUEUE#${category}`;
const tenantPk = (tenant: string) => `TENANT#${tenant}`;
const tenantStatusPk = (tenant: string, status: AdStatus) => `TENANT#${tenant}#STATUS#${status}`;
const queuePk = (category: string) => `QUEUE#${category}`;
const idemPk = (tenant: string, key: string) => `IDEM#${tenant}#${key}`;
/** Index sort keys: `<ISO time>#<adId>`, unique and time-ordered. */
const TIME_ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#ad_[A-Za-z0-9_-]{20}$/;
/** A whole-queue cursor position: the sort key, marked when the entry was a QUEUE#ALL item of the earlier layout. */
const LEGACY_SUFFIX = '#legacy';
const QUEUE_POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#ad_[A-Za-z0-9_-]{20}(#legacy)?$/;

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** How often a write that lost to a concurrent transaction is re-read and retried before answering 409. */
const TRANSACTION_RETRIES = 3;

export function newAdId(): string {
  return `ad_${randomBytes(15).toString('base64url')}`;
}

// ---- items -----------------------------------------------------------------------------------------

interface Head extends AdSummary {
  ownerKeyId: string;
  eventCount: number;
  contentHash: string;
  lexiconVersion: string;
  review?: ReviewInfo;
  /** Pending in the earlier layout: its whole-queue entry is a QUEUE#ALL item, not the head. */
  legacyQueueItem?: boolean;
}

/** The head's fields that come from the ad version and its verdict (set on create and on every revision). */
function checkedFields(ad: Ad, verdict: Verdict, hash: string) {
  return {
    title: ad.title,
    decision: verdict.decision,
    categories: categoriesOf(verdict),
    findingCount: verdict.findings.length,
    contentHash: hash,
    lexiconVersion: verdict.lexiconVersion,
  };
}

function categoriesOf(verdict: Verdict): string[] {
  return [...new Set(verdict.findings.map((f) => f.category))].sort();
}

function headItem(h: Head): Item {
  const item: Item = {
    pk: s(adPk(h.adId)),
    sk: s(HEAD_SK),
    type: s('ad'),
    adId: s(h.adId),
    tenant: s(h.tenant),
    ownerKeyId: s(h.ownerKeyId),
    status: s(h.status),
    version: n(h.version),
    eventCount: n(h.eventCount),
    title: s(h.title),
    decision: s(h.decision),
    categories: strings(h.categories),
    findingCount: n(h.findingCount),
    contentHash: s(h.contentHash),
    lexiconVersion: s(h.lexiconVersion),
    createdAt: s(h.createdAt),
    updatedAt: s(h.updatedAt),
    gsi1pk: s(tenantPk(h.tenant)),
    gsi1sk: s(`${h.createdAt}#${h.adId}`),
    gsi2pk: s(tenantStatusPk(h.tenant, h.status)),
    gsi2sk: s(`${h.createdAt}#${h.adId}`),
  };
  if (h.queuedAt) item.queuedAt = s(h.queuedAt);
  if (h.review) item.review = s(JSON.stringify(h.review));
  // While pending, the head itself is the ad's entry in the whole review queue.
  if (h.status === 'pending_review' && h.queuedAt) Object.assign(item, queueIndexKeys(QUEUE_ALL, h));
  return item;
}

function queueIndexKeys(category: string, h: Pick<Head, 'queuedAt' | 'adId'>): Item {
  return { gsi3pk: s(queuePk(category)), gsi3sk: s(`${h.queuedAt}#${h.adId}`) };
}

function readHead(item: Item): Head {
  const head: Head = {
    adId: getS(item, 'adId'),
    tenant: getS(item, 'tenant'),
    ownerKeyId: getS(item, 'ownerKeyId'),
    status: getS(item, 'status') as AdStatus,
    version: getN(item, 'version'),
    eventCount: getN(item, 'eventCount'),
    title: getS(item, 'title'),
    decision: getS(item, 'decision') as Decision,
    categories: getStrings(item, 'categories'),
    findingCount: getN(item, 'findingCount'),
    contentHash: getS(item, 'contentHash'),
    lexiconVersion: getS(item, 'lexiconVersion'),
    createdAt: getS(item, 'createdAt'),
    updatedAt: getS(item, 'updatedAt'),
  };
  const queuedAt = optS(item, 'queuedAt');
  if (queuedAt) head.queuedAt = queuedAt;
  const review = optS(item, 'review');
  if (review) head.review = JSON.parse(review) as ReviewInfo;
  if (head.status === 'pending_review' && !item.gsi3pk) head.legacyQueueItem = true;
  return head;
}

function summaryOf(h: Head): AdSummary {
  const summary: AdSummary = {
    adId: h.adId,
    tenant: h.tenant,
    status: h.status,
    version: h.version,
    title: h.title,
    decision: h.decision,
    categories: h.categories,
    findingCount: h.findingCount,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
  if (h.queuedAt) summary.queuedAt = h.queuedAt;
  return summary;
}

/** A version, which is also the history event (`submitted` or `revised`, number `seq`) that stored it. */
function versionItem(
  adId: string,
  version: number,
  checked: { ad: Ad; verdict: Verdict; hash: string },
  event: { seq: number; event: 'submitted' | 'revised'; status: AdStatus; actor: Principal; at: string },
): Item {
  return {
    pk: s(adPk(adId)),
    sk: s(versionSk(version)),
    type: s('version'),
    adId: s(adId),
    version: n(version),
    ad: packJson(checked.ad),
    contentHash: s(checked.hash),
    lexiconVersion: s(checked.verdict.lexiconVersion),
    decision: s(checked.verdict.decision),
    verdict: packJson(checked.verdict),
    keyId: s(event.actor.keyId),
    role: s(event.actor.role),
    createdAt: s(event.at),
    seq: n(event.seq),
    event: s(event.event),
    status: s(event.status),
  };
}

function eventItem(adId: string, n_: number, fields: Record<string, string | number | undefined>): Item {
  const item: Item = { pk: s(adPk(adId)), sk: s(eventSk(n_)), type: s('event'), seq: n(n_) };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    item[k] = typeof v === 'number' ? n(v) : s(v);
  }
  return item;
}

/** The per-category queue entries of a pending ad (the whole-queue entry is the head). */
function queueItems(h: Head): Item[] {
  if (h.status !== 'pending_review' || !h.queuedAt) return [];
  return h.categories.map((category) => ({
    pk: s(adPk(h.adId)),
    sk: s(queueSk(category)),
    type: s('queue'),
    adId: s(h.adId),
    tenant: s(h.tenant),
    title: s(h.title),
    version: n(h.version),
    categories: strings(h.categories),
    findingCount: n(h.findingCount),
    createdAt: s(h.createdAt),
    queuedAt: s(h.queuedAt!),
    ...queueIndexKeys(category, h),
  }));
}

/** The queue entry items a pending head has (QUEUE#ALL too in the earlier layout). */
function queueKeys(h: Head): string[] {
  if (h.status !== 'pending_review') return [];
  return h.legacyQueueItem ? [QUEUE_ALL, ...h.categories] : [...h.categories];
}

// ---- the store -------------------------------------------------------------------------------------

/** A conditional Put: by default the item must not exist yet. */
function conditionalPut(tableName: string, Item: Item, ConditionExpression = 'attribute_not_exists(pk)', values?: Item): TransactWriteItem {
  return { Put: { TableName: tableName, Item, ConditionExpression, ...(values ? { ExpressionAttributeValues: values } : {}) } };
}

/**
 * The one transaction that stores a new ad: head, version 1, per-category queue entries and the
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
  const head: Head = {
    adId,
    tenant: actor.tenant,
    ownerKeyId: actor.keyId,
    status,
    version: 1,
    eventCount: 1,
    ...checkedFields(ad, verdict, hash),
    createdAt: at,
    updatedAt: at,
  };
  if (status === 'pending_review') head.queuedAt = at;
  const items: TransactWriteItem[] = [
    put(headItem(head)),
    put(versionItem(adId, 1, { ad, verdict, hash }, { seq: 1, event: 'submitted', status, actor, at })),
    ...queueItems(head).map((item) => put(item)),
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

  async function loadHead(adId: string, scope: Scope): Promise<Head> {
    if (!AD_ID.test(adId)) throw new NotFoundError('ad', adId);
    const out = await table.send<GetItemCommandOutput>(
      new GetItemCommand({ TableName: T, Key: { pk: s(adPk(adId)), sk: s(HEAD_SK) }, ConsistentRead: true }),
    );
    if (!out.Item) throw new NotFoundError('ad', adId);
    const head = readHead(out.Item);
    // Another tenant's ad answers exactly like a missing one.
    if (scope.tenant !== undefined && head.tenant !== scope.tenant) throw new NotFoundError('ad', adId);
    return head;
  }

  async function loadVersion(adId: string, version: number): Promise<{ ad: Ad; verdict: Verdict }> {
    const out = await table.send<GetItemCommandOutput>(
      new GetItemCommand({ TableName: T, Key: { pk: s(adPk(adId)), sk: s(versionSk(version)) }, ConsistentRead: true }),
    );
    if (!out.Item) throw new Error(`ad ${adId} lacks version ${version}`);
    return { ad: unpackJson<Ad>(out.Item, 'ad'), verdict: unpackJson<Verdict>(out.Item, 'verdict') };
  }

  async function record(head: Head, version?: { ad: Ad; verdict: Verdict }): Promise<AdRecord> {
    const { ad, verdict } = version ?? (await loadVersion(head.adId, head.version));
    const rec: AdRecord = { ...summaryOf(head), ad, verdict, contentHash: head.contentHash, lexiconVersion: head.lexiconVersion };
    if (head.review) rec.review = head.review;
    return rec;
  }

  /**
   * Runs a read-check-write cycle: `attempt` reads the head and writes a conditional transaction.
   * A transaction cancelled by a concurrent one is retried from a fresh read (which then usually
   * reports the precise conflict, e.g. not_pending); persistent contention answers concurrent_update.
   */
  async function withRetry<R>(attempt: () => Promise<R | 'retry'>): Promise<R> {
    for (let i = 0; i <= TRANSACTION_RETRIES; i++) {
      const result = await attempt();
      if (result !== 'retry') return result;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (i + 1)));
    }
    throw new ConflictError('concurrent_update', 'the ad was changed by another request at the same time; retry');
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
      throw new ConflictError(
        'idempotency_mismatch',
        'this Idempotency-Key was already used with a different request body; use a new key for a new ad',
      );
    }
    return replay(getS(out.Item, 'adId'));
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
          for (let i = 0; i < TRANSACTION_RETRIES; i++) {
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
          throw new ConflictError('version_conflict', `the ad is at version ${old.version}, not ${expectedVersion}`, {
            currentVersion: old.version,
          });
        }
        const at = table.now().toISOString();
        const status = statusFromDecision(verdict.decision);
        const hash = contentHash(ad);
        const version = old.version + 1;
        const events = old.eventCount + 1;
        const head: Head = {
          ...old,
          status,
          version,
          eventCount: events,
          ...checkedFields(ad, verdict, hash),
          updatedAt: at,
        };
        delete head.review;
        delete head.legacyQueueItem; // the new head is written in the current layout
        // An ad revised while waiting keeps its place in the queue; one that newly needs review joins at the end.
        if (status === 'pending_review') head.queuedAt = old.status === 'pending_review' && old.queuedAt ? old.queuedAt : at;
        else delete head.queuedAt;
        const newQueue = queueItems(head);
        const keep = new Set(queueKeys(head));
        const items: TransactWriteItem[] = [
          {
            Put: {
              TableName: T,
              Item: headItem(head),
              ConditionExpression: 'version = :v AND eventCount = :e',
              ExpressionAttributeValues: { ':v': n(old.version), ':e': n(old.eventCount) },
            },
          },
          put(versionItem(adId, version, { ad, verdict, hash }, { seq: events, event: 'revised', status, actor, at })),
          ...newQueue.map((item) => ({ Put: { TableName: T, Item: item } })),
          ...queueKeys(old)
            .filter((c) => !keep.has(c))
            .map((c) => ({ Delete: { TableName: T, Key: { pk: s(adPk(adId)), sk: s(queueSk(c)) } } })),
        ];
        try {
          await table.transact(items);
        } catch (err) {
          if (cancellationReasons(err)) return 'retry';
          throw err;
        }
        return record(head, { ad, verdict });
      });
    },

    async reviewQueue({ category, limit, cursor }) {
      const partition = queuePk(category ?? QUEUE_ALL);
      let start: Item | undefined;
      if (cursor !== undefined) {
        const position = decodeCursor(cursor, partition, QUEUE_POSITION);
        const sortValue = position.replace(LEGACY_SUFFIX, '');
        const adId = sortValue.slice(sortValue.indexOf('#') + 1);
        // The whole queue holds heads, and QUEUE#ALL items of ads queued in the earlier layout.
        const sk = category ? queueSk(category) : position.endsWith(LEGACY_SUFFIX) ? queueSk(QUEUE_ALL) : HEAD_SK;
        start = { pk: s(adPk(adId)), sk: s(sk), gsi3pk: s(partition), gsi3sk: s(sortValue) };
      }
      return queryPage(
        table,
        {
          IndexName: INDEX.reviewQueue,
          KeyConditionExpression: 'gsi3pk = :pk',
          ExpressionAttributeValues: { ':pk': s(partition) },
          ScanIndexForward: true,
          ExclusiveStartKey: start,
        },
        {
          limit,
          scope: partition,
          sortAttribute: 'gsi3sk',
          position: (item) => `${getS(item, 'gsi3sk')}${!category && getS(item, 'sk') !== HEAD_SK ? LEGACY_SUFFIX : ''}`,
          // A head and a queue entry both carry these attributes.
          read: (item): QueueEntry => ({
            adId: getS(item, 'adId'),
            tenant: getS(item, 'tenant'),
            title: getS(item, 'title'),
            version: getN(item, 'version'),
            categories: getStrings(item, 'categories'),
            findingCount: getN(item, 'findingCount'),
            createdAt: getS(item, 'createdAt'),
            queuedAt: getS(item, 'queuedAt'),
          }),
        },
      );
    },

    async decide({ adId, actor, decision, reason, expectedVersion }) {
      return withRetry(async () => {
        const old = await loadHead(adId, {});
        if (old.status !== 'pending_review') {
          throw new ConflictError('not_pending', `the ad is ${old.status}, not pending_review: it was already decided`, {
            adStatus: old.status,
            currentVersion: old.version,
          });
        }
        if (old.version !== expectedVersion) {
          throw new ConflictError('version_conflict', `the ad is at version ${old.version}, not ${expectedVersion}`, {
            currentVersion: old.version,
          });
        }
        const at = table.now().toISOString();
        const status: AdStatus = decision === 'approve' ? 'approved' : 'rejected';
        const events = old.eventCount + 1;
        const review: ReviewInfo = { decision, at, keyId: actor.keyId };
        if (reason) review.reason = reason;
        const head: Head = { ...old, status, eventCount: events, updatedAt: at, review };
        delete head.queuedAt;
        delete head.legacyQueueItem;
        const items: TransactWriteItem[] = [
          {
            Put: {
              TableName: T,
              Item: headItem(head),
              ConditionExpression: 'version = :v AND eventCount = :e AND #status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':v': n(old.version), ':e': n(old.eventCount), ':pending': s('pending_review') },
            },
          },
          put(
            eventItem(adId, events, {
              event: 'reviewed',
              at,
              keyId: actor.keyId,
              role: actor.role,
              version: old.version,
              status,
              decision,
              reason,
            }),
          ),
          ...queueKeys(old).map((c) => ({ Delete: { TableName: T, Key: { pk: s(adPk(adId)), sk: s(queueSk(c)) } } })),
        ];
        try {
          await table.transact(items);
        } catch (err) {
          if (cancellationReasons(err)) return 'retry';
          throw err;
        }
        return record(head);
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
      // Review events are items of their own; a version item is its own submitted/revised event (earlier
      // ads have an EV item for it instead, and their version items carry no `seq`).
      const eventRows = rows.filter((row) => optS(row, 'type') === 'event' || (optS(row, 'type') === 'version' && row.seq));
      const events: HistoryEvent[] = eventRows
        .sort((a, b) => getN(a, 'seq') - getN(b, 'seq'))
        .map((row): HistoryEvent => {
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
            return reviewed;
          }
          const v = versions.get(base.version);
          if (!v) throw new Error(`ad ${adId} event ${base.seq} names missing version ${base.version}`);
          return {
            ...base,
            type: event as 'submitted' | 'revised',
            ad: unpackJson<Ad>(v, 'ad'),
            contentHash: getS(v, 'contentHash'),
            lexiconVersion: getS(v, 'lexiconVersion'),
            verdict: unpackJson<Verdict>(v, 'verdict'),
          };
        });
      return { adId, tenant: head.tenant, status: head.status, version: head.version, events };
    },
  };
}

export type { AdHistory, AdRecord, AdStatus, AdSummary, CreatedAd, HistoryEvent, QueueEntry, ReviewDecision, ReviewInfo, Scope } from './model.js';
export { AD_STATUSES, REVIEW_DECISIONS, statusFromDecision, contentHash, canonicalJson } from './model.js';
