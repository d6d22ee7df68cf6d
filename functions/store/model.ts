/**
 * The store's domain model: types and pure helpers shared by the store and its callers. No AWS SDK import,
 * so the HTTP app (and the Lambda bundle's app code) can use it without pulling in DynamoDB.
 */
import { createHash } from 'node:crypto';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Category, Decision } from '../core/categories.js';
import type { Verdict } from '../core/verdict.js';

// ---- API keys --------------------------------------------------------------------------------------

export const ROLES = ['employer', 'moderator', 'organizer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: what every authenticated request resolves to. */
export interface Principal {
  keyId: string;
  role: Role;
  tenant: string;
}

export interface ApiKeyInfo extends Principal {
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

export interface CreatedApiKey extends ApiKeyInfo {
  /** The key itself: shown once, never stored. */
  key: string;
}

export const KEY_PATTERN = /^hc_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** SHA-256 (hex) of a presented key: the only form in which keys are stored or looked up. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True when `key` has the shape of a hirecheck key (cheap pre-check before any database read). */
export function looksLikeApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}


// ---- ads -------------------------------------------------------------------------------------------

export const AD_STATUSES = ['approved', 'pending_review', 'rejected'] as const;
export type AdStatus = (typeof AD_STATUSES)[number];

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The engine's decision sets the status: approve → approved, review → pending_review, reject → rejected. */
export function statusFromDecision(decision: Decision): AdStatus {
  return decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'pending_review';
}

/** A moderator may decide a pending ad, and overturn (or confirm) an ad the engine alone rejected. */
export const isDecidable = (ad: { status: AdStatus; review?: unknown }) => ad.status === 'pending_review' || (ad.status === 'rejected' && !ad.review);

/** Which ads a caller may see: an employer is confined to its tenant; moderators and admins see all. */
export interface Scope {
  tenant?: string;
}

export interface ReviewInfo {
  decision: ReviewDecision;
  reason?: string;
  at: string;
  keyId: string;
  /** The moderator approved an ad the engine rejected (the verdict stays the engine's). */
  overrodeEngine?: true;
}

/** An employer's appeal of a rejected version: one per version. */
export interface AppealInfo {
  reason: string;
  at: string;
  keyId: string;
  version: number;
}

/** Why a re-check under new rules put an ad in the queue: the engine's decision before and after. */
export interface RecheckNote {
  at: string;
  lexiconVersion: string;
  from: Decision;
  to: Decision;
}

export interface AdSummary {
  adId: string;
  tenant: string;
  status: AdStatus;
  version: number;
  title: string;
  /** The company name the current version gives (ads stored before it was kept have none). */
  company?: string;
  /** The engine's decision on the current version. */
  decision: Decision;
  /** Categories of the current version's findings that bear on the decision (notices excluded). */
  categories: string[];
  findingCount: number;
  createdAt: string;
  updatedAt: string;
  /** When the ad entered the review queue (only while pending_review). */
  queuedAt?: string;
  /** When the engine rejected the ad (only while it is rejected by the engine alone). */
  rejectedAt?: string;
  /** The employer's appeal of the current version. */
  appeal?: AppealInfo;
  /** Set when a re-check under new rules queued the ad. */
  recheck?: RecheckNote;
}

export interface AdRecord extends AdSummary {
  ad: Ad;
  verdict: Verdict;
  contentHash: string;
  /** The lexicon the current verdict was last confirmed with (a re-check that changes nothing updates only this). */
  lexiconVersion: string;
  /** The latest moderator decision on the current version. */
  review?: ReviewInfo;
}

export interface CreatedAd {
  adId: string;
  status: AdStatus;
  version: number;
  verdict: Verdict;
}

export type QueueEntry = Omit<AdSummary, 'status' | 'decision' | 'updatedAt' | 'rejectedAt'> & { queuedAt: string };

/** An ad the engine alone rejected, as the overrides list shows it. */
export type RejectedEntry = Omit<AdSummary, 'status' | 'decision' | 'updatedAt' | 'queuedAt' | 'recheck' | 'appeal'> & { rejectedAt: string };

/** Who wrote an event: a key, or the system itself (a re-check under new rules). */
export interface Actor {
  keyId: string;
  role: Principal['role'] | 'system';
}

/** The actor of re-checks. */
export const RECHECK_ACTOR: Actor = { keyId: 'recheck', role: 'system' };

export const FEEDBACK_KINDS = ['false_alarm', 'missed'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** A moderator's correction of the engine on one version of an ad: a finding that is wrong, or a passage it missed. */
export interface FeedbackRecord {
  feedbackId: string;
  adId: string;
  version: number;
  kind: FeedbackKind;
  /** The finding's rule (false_alarm only). */
  ruleId?: string;
  category: Category;
  field: string;
  start: number;
  end: number;
  /** The marked text: exactly the field's text from start to end. */
  text: string;
  note?: string;
  at: string;
  keyId: string;
}

export type HistoryEvent =
  | {
      seq: number;
      /** `rechecked`: the same text judged again under new rules (actor: the system). */
      type: 'submitted' | 'revised' | 'rechecked';
      at: string;
      actor: Actor;
      version: number;
      status: AdStatus;
      ad: Ad;
      contentHash: string;
      lexiconVersion: string;
      verdict: Verdict;
    }
  | {
      seq: number;
      type: 'reviewed';
      at: string;
      actor: Actor;
      version: number;
      status: AdStatus;
      decision: ReviewDecision;
      reason?: string;
      overrodeEngine?: true;
    }
  | { seq: number; type: 'appealed'; at: string; actor: Actor; version: number; status: AdStatus; reason: string }
  | {
      seq: number;
      type: 'feedback';
      at: string;
      actor: Actor;
      version: number;
      status: AdStatus;
      feedback: Omit<FeedbackRecord, 'adId' | 'at' | 'keyId' | 'version'>;
    };

export interface AdHistory {
  adId: string;
  tenant: string;
  status: AdStatus;
  version: number;
  events: HistoryEvent[];
}

/** JSON with object keys sorted, so equal ads hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `sha256:<hex>` of the ad's canonical JSON: identifies exactly the text a verdict judged. */
export function contentHash(ad: Ad): string {
  return `sha256:${createHash('sha256').update(canonicalJson(ad), 'utf8').digest('hex')}`;
}

