/**
 * The items of one ad (partition `AD#<adId>`) and how they are read back: the head, versions, events, and
 * the entries that put an ad on a list of the `reviewQueue` index (the review queue while pending, the
 * overrides list while the engine alone rejected it). Shared by ads.ts, feedback.ts and recheck.ts, which
 * own the operations; see table-definition.ts for the whole layout.
 */
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Decision } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';
import type { Actor, AdStatus, AdSummary, AppealInfo, RecheckNote, ReviewInfo } from './model.js';
import { getN, getS, getStrings, n, optS, packJson, s, seq, strings, type Item } from './table.js';

// ---- keys ------------------------------------------------------------------------------------------

export const AD_ID = /^ad_[A-Za-z0-9_-]{20}$/;
export const adPk = (adId: string) => `AD#${adId}`;
export const HEAD_SK = 'AD';
export const versionSk = (version: number) => `V#${seq(version)}`;
export const eventSk = (n: number) => `EV#${seq(n)}`;
export const tenantPk = (tenant: string) => `TENANT#${tenant}`;
export const tenantStatusPk = (tenant: string, status: AdStatus) => `TENANT#${tenant}#STATUS#${status}`;

/**
 * The lists of the reviewQueue index an ad can be on: `QUEUE` (pending_review, oldest first) and
 * `REJECTED` (rejected by the engine with no moderator decision yet, newest first). The head is the ad's
 * entry in `<list>#ALL`; one item per finding category is its entry in `<list>#<category>`.
 */
export type ListName = 'QUEUE' | 'REJECTED';
export const ALL = 'ALL';
export const listPk = (list: ListName, category: string) => `${list}#${category}`;
/** Sort keys of list entries: `<ISO time>#<adId>`, unique and time-ordered. */
export const TIME_ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#ad_[A-Za-z0-9_-]{20}$/;

// ---- the head --------------------------------------------------------------------------------------

export interface Head extends AdSummary {
  ownerKeyId: string;
  eventCount: number;
  contentHash: string;
  lexiconVersion: string;
  review?: ReviewInfo;
  /** Pending in the earlier layout: its whole-queue entry is a QUEUE#ALL item, not the head. */
  legacyQueueItem?: boolean;
}

/**
 * The head's fields that come from the ad version and its verdict (set on create, revision and re-check).
 * Categories and the count are of the findings that bear on the decision: a notice (what the ad lacks) puts
 * no ad on a category's queue.
 */
export function checkedFields(ad: Ad, verdict: Verdict, hash: string) {
  const findings = verdict.findings.filter((f) => f.severity !== 'notice');
  return {
    title: ad.title,
    // The employer's own name for itself, shown in the moderators' lists (undefined clears an earlier one).
    company: ad.company?.name?.trim() || undefined,
    decision: verdict.decision,
    categories: [...new Set(findings.map((f) => f.category))].sort(),
    findingCount: findings.length,
    contentHash: hash,
    lexiconVersion: verdict.lexiconVersion,
  };
}

/** The list an ad is on, and since when. */
export function listOf(h: Pick<Head, 'status' | 'queuedAt' | 'rejectedAt' | 'review'>): { list: ListName; at: string } | undefined {
  if (h.status === 'pending_review' && h.queuedAt) return { list: 'QUEUE', at: h.queuedAt };
  if (h.status === 'rejected' && !h.review && h.rejectedAt) return { list: 'REJECTED', at: h.rejectedAt };
  return undefined;
}

/**
 * Sets the list times for a head's new status: a pending ad keeps its place in the queue (`keepQueuedAt`)
 * or joins at the end; an ad the engine rejects joins the overrides list now.
 */
export function placeOnLists(head: Head, at: string, keepQueuedAt?: string): void {
  delete head.queuedAt;
  delete head.rejectedAt;
  if (head.status === 'pending_review') head.queuedAt = keepQueuedAt ?? at;
  if (head.status === 'rejected' && !head.review) head.rejectedAt = at;
}

export function headItem(h: Head): Item {
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
    ...(h.company ? { company: s(h.company) } : {}),
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
    ...noteAttributes(h),
  };
  if (h.review) item.review = s(JSON.stringify(h.review));
  // The head itself is the ad's entry in the whole list it is on.
  const on = listOf(h);
  if (on) Object.assign(item, { gsi3pk: s(listPk(on.list, ALL)), gsi3sk: s(`${on.at}#${h.adId}`) });
  return item;
}

/** What heads and list entries both carry: list times, the appeal, the re-check note. */
function noteAttributes(h: Pick<Head, 'queuedAt' | 'rejectedAt' | 'appeal' | 'recheck'>): Item {
  const item: Item = {};
  if (h.queuedAt) item.queuedAt = s(h.queuedAt);
  if (h.rejectedAt) item.rejectedAt = s(h.rejectedAt);
  if (h.appeal) item.appeal = s(JSON.stringify(h.appeal));
  if (h.recheck) item.recheck = s(JSON.stringify(h.recheck));
  return item;
}

function readNotes(item: Item): Pick<AdSummary, 'queuedAt' | 'rejectedAt' | 'appeal' | 'recheck'> {
  const notes: Pick<AdSummary, 'queuedAt' | 'rejectedAt' | 'appeal' | 'recheck'> = {};
  const queuedAt = optS(item, 'queuedAt');
  const rejectedAt = optS(item, 'rejectedAt');
  const appeal = optS(item, 'appeal');
  const recheck = optS(item, 'recheck');
  if (queuedAt) notes.queuedAt = queuedAt;
  if (rejectedAt) notes.rejectedAt = rejectedAt;
  if (appeal) notes.appeal = JSON.parse(appeal) as AppealInfo;
  if (recheck) notes.recheck = JSON.parse(recheck) as RecheckNote;
  return notes;
}

export function readHead(item: Item): Head {
  const head: Head = {
    adId: getS(item, 'adId'),
    tenant: getS(item, 'tenant'),
    ownerKeyId: getS(item, 'ownerKeyId'),
    status: getS(item, 'status') as AdStatus,
    version: getN(item, 'version'),
    eventCount: getN(item, 'eventCount'),
    title: getS(item, 'title'),
    ...company(item),
    decision: getS(item, 'decision') as Decision,
    categories: getStrings(item, 'categories'),
    findingCount: getN(item, 'findingCount'),
    contentHash: getS(item, 'contentHash'),
    lexiconVersion: getS(item, 'lexiconVersion'),
    createdAt: getS(item, 'createdAt'),
    updatedAt: getS(item, 'updatedAt'),
    ...readNotes(item),
  };
  const review = optS(item, 'review');
  if (review) head.review = JSON.parse(review) as ReviewInfo;
  if (head.status === 'pending_review' && !item.gsi3pk) head.legacyQueueItem = true;
  return head;
}

/** The company name, on heads and list entries written since it was kept (older ones have none). */
function company(item: Item): { company?: string } {
  const name = optS(item, 'company');
  return name ? { company: name } : {};
}

export function summaryOf(h: Head): AdSummary {
  const { ownerKeyId: _o, eventCount: _e, contentHash: _c, lexiconVersion: _l, review: _r, legacyQueueItem: _q, ...summary } = h;
  return summary;
}

/** A list entry as read back from the index: a head or a per-category entry item (both carry these). */
export function readListEntry(item: Item) {
  return {
    adId: getS(item, 'adId'),
    tenant: getS(item, 'tenant'),
    title: getS(item, 'title'),
    ...company(item),
    version: getN(item, 'version'),
    categories: getStrings(item, 'categories'),
    findingCount: getN(item, 'findingCount'),
    createdAt: getS(item, 'createdAt'),
    ...readNotes(item),
  };
}

// ---- versions and events ---------------------------------------------------------------------------

/** A version, which is also the history event (`submitted`, `revised` or `rechecked`, number `seq`) that stored it. */
export function versionItem(
  adId: string,
  version: number,
  checked: { ad: Ad; verdict: Verdict; hash: string },
  event: { seq: number; event: 'submitted' | 'revised' | 'rechecked'; status: AdStatus; actor: Actor; at: string },
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

/** A history event of its own (review, appeal, feedback); undefined fields are left out, objects stored as JSON. */
export function eventItem(adId: string, n_: number, fields: Record<string, string | number | object | undefined>): Item {
  const item: Item = { pk: s(adPk(adId)), sk: s(eventSk(n_)), type: s('event'), seq: n(n_) };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    item[k] = typeof v === 'number' ? n(v) : typeof v === 'string' ? s(v) : s(JSON.stringify(v));
  }
  return item;
}

// ---- list entries ----------------------------------------------------------------------------------

/** The per-category entry items of the list the ad is on (the whole-list entry is the head). */
export function listEntryItems(h: Head): Item[] {
  const on = listOf(h);
  if (!on) return [];
  return h.categories.map((category) => ({
    pk: s(adPk(h.adId)),
    sk: s(listPk(on.list, category)),
    type: s(on.list === 'QUEUE' ? 'queue' : 'rejected'),
    adId: s(h.adId),
    tenant: s(h.tenant),
    title: s(h.title),
    ...(h.company ? { company: s(h.company) } : {}),
    version: n(h.version),
    categories: strings(h.categories),
    findingCount: n(h.findingCount),
    createdAt: s(h.createdAt),
    ...noteAttributes(h),
    gsi3pk: s(listPk(on.list, category)),
    gsi3sk: s(`${on.at}#${h.adId}`),
  }));
}

/** Sort keys of the entry items a stored head has (QUEUE#ALL too in the earlier layout). */
export function listEntryKeys(h: Head): string[] {
  const on = listOf(h);
  if (!on) return [];
  const own = h.categories.map((c) => listPk(on.list, c));
  return h.legacyQueueItem ? [listPk('QUEUE', ALL), ...own] : own;
}

/** Moves an ad's list entries from the old head's lists to the new head's: puts the new, deletes the rest. */
export function moveListEntries(tableName: string, old: Head, next: Head): TransactWriteItem[] {
  const entries = listEntryItems(next);
  const kept = new Set(entries.map((e) => e.sk!.S!));
  return [
    ...entries.map((Item) => ({ Put: { TableName: tableName, Item } })),
    ...listEntryKeys(old)
      .filter((sk) => !kept.has(sk))
      .map((sk) => ({ Delete: { TableName: tableName, Key: { pk: s(adPk(old.adId)), sk: s(sk) } } })),
  ];
}

/** The conditional Put of a head: the head read before must still be the stored one. */
export function headPut(tableName: string, head: Head, old: Pick<Head, 'version' | 'eventCount'>, extra?: { condition: string; names?: Record<string, string>; values: Item }): TransactWriteItem {
  return {
    Put: {
      TableName: tableName,
      Item: headItem(head),
      ConditionExpression: `version = :v AND eventCount = :e${extra ? ` AND ${extra.condition}` : ''}`,
      ...(extra?.names ? { ExpressionAttributeNames: extra.names } : {}),
      ExpressionAttributeValues: { ':v': n(old.version), ':e': n(old.eventCount), ...extra?.values },
    },
  };
}
