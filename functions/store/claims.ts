/**
 * Claims: a moderator who opens a pending ad holds it for a few minutes, so the others see it is being
 * looked at and "next" passes over it instead of everyone opening the oldest ad and colliding.
 *
 *   CLAIM#<adId>  CLAIM   keyId, label?, claimedAt, expiresAt (epoch seconds, also the table's TTL)
 *
 * A claim is advice, not a lock: decisions stay guarded by the ad's own conditional writes (version,
 * status), so an expired or ignored claim can never corrupt an ad. Taking a claim is one conditional Put
 * (free, expired, or already one's own), so of two moderators opening the same ad at once exactly one
 * holds it. Its own partition keeps it out of the ad's history and re-check reads.
 */
import {
  BatchGetItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  type BatchGetItemCommandOutput,
  type GetItemCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { getN, getS, isConditionalCheckFailure, n, optS, s, type Item, type Table } from './table.js';

/** How long opening an ad holds it: enough to read and decide one ad, short enough that a left tab frees it soon. */
export const CLAIM_MINUTES = 5;

export interface Claim {
  adId: string;
  keyId: string;
  /** The moderator's key label, shown to the others. */
  label?: string;
  claimedAt: string;
  /** ISO time the claim lapses. */
  until: string;
}

export interface ClaimStore {
  /**
   * Claims the ad for `holder` unless another moderator holds a live claim; renews one's own. Answers the
   * claim that holds after the call: the caller's, or the other moderator's.
   */
  claim(adId: string, holder: { keyId: string; label?: string }): Promise<Claim>;
  /** Live claims of these ads, by ad id (expired ones are absent). */
  current(adIds: readonly string[]): Promise<Map<string, Claim>>;
  /** Gives the ad up after a decision; another moderator's claim is left alone. */
  release(adId: string, keyId: string): Promise<void>;
}

const key = (adId: string): Item => ({ pk: s(`CLAIM#${adId}`), sk: s('CLAIM') });

function readClaim(item: Item): Claim {
  const claim: Claim = {
    adId: getS(item, 'adId'),
    keyId: getS(item, 'keyId'),
    claimedAt: getS(item, 'claimedAt'),
    until: new Date(getN(item, 'expiresAt') * 1000).toISOString(),
  };
  const label = optS(item, 'label');
  if (label) claim.label = label;
  return claim;
}

export function createClaimStore(table: Table, minutes: number = CLAIM_MINUTES): ClaimStore {
  const T = table.name;
  const nowSeconds = () => Math.floor(table.now().getTime() / 1000);
  // DynamoDB's TTL deletes expired items only eventually: expiry is enforced on every read.
  const live = (item: Item | undefined) => (item && getN(item, 'expiresAt') > nowSeconds() ? readClaim(item) : undefined);

  return {
    async claim(adId, holder) {
      const now = nowSeconds();
      const item: Item = {
        ...key(adId),
        type: s('claim'),
        adId: s(adId),
        keyId: s(holder.keyId),
        claimedAt: s(table.now().toISOString()),
        expiresAt: n(now + minutes * 60),
        ...(holder.label ? { label: s(holder.label) } : {}),
      };
      // Two rounds: a claim that lapses or is released between the refused Put and the read is taken on the second.
      for (let round = 0; ; round++) {
        try {
          await table.send(
            new PutItemCommand({
              TableName: T,
              Item: item,
              ConditionExpression: 'attribute_not_exists(pk) OR keyId = :me OR expiresAt <= :now',
              ExpressionAttributeValues: { ':me': s(holder.keyId), ':now': n(now) },
            }),
          );
          return readClaim(item);
        } catch (err) {
          if (!isConditionalCheckFailure(err)) throw err;
        }
        const out = await table.send<GetItemCommandOutput>(new GetItemCommand({ TableName: T, Key: key(adId), ConsistentRead: true }));
        const other = live(out.Item);
        if (other) return other;
        // Refused twice with nothing live in between (claims racing on a lapsing one): shown as the caller's, the next load settles it.
        if (round > 0) return readClaim(item);
      }
    },

    async current(adIds) {
      const claims = new Map<string, Claim>();
      const unique = [...new Set(adIds)];
      // BatchGetItem takes at most 100 keys per call.
      for (let i = 0; i < unique.length; i += 100) {
        let request: BatchGetItemCommandOutput['UnprocessedKeys'] = { [T]: { Keys: unique.slice(i, i + 100).map(key) } };
        while (request && Object.keys(request).length > 0) {
          const out: BatchGetItemCommandOutput = await table.send<BatchGetItemCommandOutput>(new BatchGetItemCommand({ RequestItems: request }));
          for (const item of out.Responses?.[T] ?? []) {
            const claim = live(item);
            if (claim) claims.set(claim.adId, claim);
          }
          request = out.UnprocessedKeys;
        }
      }
      return claims;
    },

    async release(adId, keyId) {
      try {
        await table.send(
          new DeleteItemCommand({ TableName: T, Key: key(adId), ConditionExpression: 'keyId = :me', ExpressionAttributeValues: { ':me': s(keyId) } }),
        );
      } catch (err) {
        if (!isConditionalCheckFailure(err)) throw err;
      }
    },
  };
}
