/**
 * The items the feedback loop reads: one `DECIDED#<version>` item per version a moderator decided (the last
 * decision wins), listed in the `DECIDED` partition of the reviewQueue index for the labelled export; and one
 * `FB#<version>#<id>` item per feedback on a version, listed in the `FEEDBACK` partition for the proposals.
 */
import { createHash } from 'node:crypto';
import type { Category } from '../core/categories.js';
import { adPk } from './ad-items.js';
import type { FeedbackKind, FeedbackRecord, ReviewInfo } from './model.js';
import { getN, getS, n, optS, s, seq, type Item } from './table.js';

export const DECIDED_PARTITION = 'DECIDED';
export const FEEDBACK_PARTITION = 'FEEDBACK';
const decidedSk = (version: number) => `DECIDED#${seq(version)}`;
export const feedbackSkPrefix = (version: number) => `FB#${seq(version)}#`;
/** Positions in the DECIDED partition: `<decided at>#<adId>#<version>`. */
export const DECIDED_POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#ad_[A-Za-z0-9_-]{20}#\d{6}$/;

/** A version's moderator decision, as the export lists it (written over by a later decision on the same version). */
export function decisionItem(adId: string, version: number, review: ReviewInfo): Item {
  return {
    pk: s(adPk(adId)),
    sk: s(decidedSk(version)),
    type: s('decision'),
    adId: s(adId),
    version: n(version),
    decision: s(review.decision),
    at: s(review.at),
    keyId: s(review.keyId),
    gsi3pk: s(DECIDED_PARTITION),
    gsi3sk: s(`${review.at}#${adId}#${seq(version)}`),
  };
}

export interface DecidedVersion {
  adId: string;
  version: number;
  decision: ReviewInfo['decision'];
  at: string;
}

export function readDecision(item: Item): DecidedVersion {
  return { adId: getS(item, 'adId'), version: getN(item, 'version'), decision: getS(item, 'decision') as ReviewInfo['decision'], at: getS(item, 'at') };
}

/** What makes two feedbacks the same: the version, the kind, the rule or category, and the span. */
export type FeedbackIdentity = Pick<FeedbackRecord, 'adId' | 'version' | 'kind' | 'ruleId' | 'category' | 'field' | 'start' | 'end'>;

/** A stable id from the identity: the same correction posted twice is one item. */
export function feedbackId(f: FeedbackIdentity): string {
  const subject = f.kind === 'false_alarm' ? f.ruleId : f.category;
  const digest = createHash('sha256').update([f.adId, f.version, f.kind, subject, f.field, f.start, f.end].join('\u0000')).digest('base64url');
  return `fb_${digest.slice(0, 22)}`;
}

export function feedbackItem(f: FeedbackRecord, lexiconVersion: string): Item {
  const item: Item = {
    pk: s(adPk(f.adId)),
    sk: s(`${feedbackSkPrefix(f.version)}${f.feedbackId}`),
    type: s('feedback'),
    feedbackId: s(f.feedbackId),
    adId: s(f.adId),
    version: n(f.version),
    kind: s(f.kind),
    category: s(f.category),
    field: s(f.field),
    start: n(f.start),
    end: n(f.end),
    text: s(f.text),
    at: s(f.at),
    keyId: s(f.keyId),
    lexiconVersion: s(lexiconVersion),
    gsi3pk: s(FEEDBACK_PARTITION),
    gsi3sk: s(`${f.at}#${f.adId}#${f.feedbackId}`),
  };
  if (f.ruleId) item.ruleId = s(f.ruleId);
  if (f.note) item.note = s(f.note);
  return item;
}

export function readFeedback(item: Item): FeedbackRecord {
  const record: FeedbackRecord = {
    feedbackId: getS(item, 'feedbackId'),
    adId: getS(item, 'adId'),
    version: getN(item, 'version'),
    kind: getS(item, 'kind') as FeedbackKind,
    category: getS(item, 'category') as Category,
    field: getS(item, 'field'),
    start: getN(item, 'start'),
    end: getN(item, 'end'),
    text: getS(item, 'text'),
    at: getS(item, 'at'),
    keyId: getS(item, 'keyId'),
  };
  const ruleId = optS(item, 'ruleId');
  const note = optS(item, 'note');
  if (ruleId) record.ruleId = ruleId;
  if (note) record.note = note;
  return record;
}
