/**
 * Reading one ad for an update, and retrying the update when a concurrent writer won: what every ad
 * operation (ads.ts, feedback.ts, recheck.ts) does before its conditional transaction.
 */
import { GetItemCommand, type GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import { AD_ID, adPk, HEAD_SK, readHead, versionSk, type Head } from './ad-items.js';
import { ConflictError, NotFoundError } from './errors.js';
import type { Scope } from './model.js';
import { s, unpackJson, type Table } from './table.js';

/** How often a write that lost to a concurrent transaction is re-read and retried before answering 409. */
const TRANSACTION_RETRIES = 3;

export interface AdAccess {
  /** The head, read strongly consistent; another tenant's ad answers exactly like a missing one. */
  loadHead(adId: string, scope: Scope): Promise<Head>;
  /** One version's text and verdict; undefined when the ad has no such version. */
  findVersion(adId: string, version: number): Promise<{ ad: Ad; verdict: Verdict } | undefined>;
  loadVersion(adId: string, version: number): Promise<{ ad: Ad; verdict: Verdict }>;
  /**
   * Runs a read-check-write cycle: `attempt` reads the head and writes a conditional transaction, answering
   * 'retry' when a concurrent one cancelled it. It is retried from a fresh read (which then usually reports
   * the precise conflict); persistent contention answers concurrent_update.
   */
  withRetry<R>(attempt: (round: number) => Promise<R | 'retry'>): Promise<R>;
}

export function createAdAccess(table: Table): AdAccess {
  const T = table.name;
  const findVersion = async (adId: string, version: number) => {
    const out = await table.send<GetItemCommandOutput>(
      new GetItemCommand({ TableName: T, Key: { pk: s(adPk(adId)), sk: s(versionSk(version)) }, ConsistentRead: true }),
    );
    return out.Item ? { ad: unpackJson<Ad>(out.Item, 'ad'), verdict: unpackJson<Verdict>(out.Item, 'verdict') } : undefined;
  };
  return {
    async loadHead(adId, scope) {
      if (!AD_ID.test(adId)) throw new NotFoundError('ad', adId);
      const out = await table.send<GetItemCommandOutput>(
        new GetItemCommand({ TableName: T, Key: { pk: s(adPk(adId)), sk: s(HEAD_SK) }, ConsistentRead: true }),
      );
      if (!out.Item) throw new NotFoundError('ad', adId);
      const head = readHead(out.Item);
      if (scope.tenant !== undefined && head.tenant !== scope.tenant) throw new NotFoundError('ad', adId);
      return head;
    },
    findVersion,
    async loadVersion(adId, version) {
      const found = await findVersion(adId, version);
      if (!found) throw new Error(`ad ${adId} lacks version ${version}`);
      return found;
    },
    async withRetry(attempt) {
      for (let i = 0; i <= TRANSACTION_RETRIES; i++) {
        const result = await attempt(i);
        if (result !== 'retry') return result;
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (i + 1)));
      }
      throw new ConflictError('concurrent_update', 'the ad was changed by another request at the same time; retry');
    },
  };
}
