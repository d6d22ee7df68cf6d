/**
 * Moderators' feedback on the engine (false alarms and missed passages), and what the feedback loop reads:
 * all feedback for the proposals, and the versions moderators decided for the labelled export.
 *
 * A feedback is one transaction: the feedback item (its id comes from what it names, so the same correction
 * posted twice is stored once), its event in the ad's history, the head's event counter (conditional, so
 * events stay in order under concurrent writers), and the Idempotency-Key record when one was sent.
 */
import { GetItemCommand, QueryCommand, type GetItemCommandOutput, type QueryCommandOutput, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import { isInvalid, resolveFeedback, type FeedbackInput } from '../feedback/resolve-feedback.js';
import { createAdAccess } from './ad-access.js';
import { adPk, eventItem, HEAD_SK } from './ad-items.js';
import type { IdempotencyInput } from './ads.js';
import {
  DECIDED_PARTITION,
  DECIDED_POSITION,
  FEEDBACK_PARTITION,
  feedbackId,
  feedbackItem,
  feedbackSkPrefix,
  readDecision,
  readFeedback,
  type DecidedVersion,
} from './decision-items.js';
import { ConflictError, InvalidInputError } from './errors.js';
import type { FeedbackRecord, Principal } from './model.js';
import { INDEX } from './table-definition.js';
import { cancellationReasons, decodeCursor, getN, getS, n, queryPage, s, type Item, type Page, type Table } from './table.js';

export type { FeedbackInput } from '../feedback/resolve-feedback.js';
export type { DecidedVersion } from './decision-items.js';

/** created: stored now; duplicate: the same correction was stored before; replayed: a retry with the same Idempotency-Key. */
export type FeedbackOutcome = 'created' | 'duplicate' | 'replayed';

export interface FeedbackStore {
  record(input: { adId: string; actor: Principal; feedback: FeedbackInput; idempotency?: IdempotencyInput }): Promise<{ feedback: FeedbackRecord; outcome: FeedbackOutcome }>;
  /** Every feedback, oldest first: the proposals are computed from it. */
  all(): Promise<FeedbackRecord[]>;
  /** The feedback on one version of an ad. */
  forVersion(adId: string, version: number): Promise<FeedbackRecord[]>;
  /** One page of the versions moderators decided, oldest decision first. */
  decided(input: { limit: number; cursor?: string }): Promise<Page<DecidedVersion>>;
  /** The text of one version of an ad (to check a mark against the rules running now). */
  versionText(adId: string, version: number): Promise<Ad>;
  /** A decided version's text, verdict and feedback: what its labelled corpus line is made of. */
  loadDecided(decided: DecidedVersion): Promise<{ ad: Ad; verdict: Verdict; feedback: FeedbackRecord[] }>;
}

const idemPk = (tenant: string, key: string) => `IDEM#FEEDBACK#${tenant}#${key}`;
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export function createFeedbackStore(table: Table): FeedbackStore {
  const T = table.name;
  const { loadHead, findVersion, loadVersion, withRetry } = createAdAccess(table);

  async function getItem(pk: string, sk: string): Promise<Item | undefined> {
    const out = await table.send<GetItemCommandOutput>(new GetItemCommand({ TableName: T, Key: { pk: s(pk), sk: s(sk) }, ConsistentRead: true }));
    return out.Item;
  }

  /** The feedback an Idempotency-Key was first used for, or ConflictError when it came with another body. */
  async function replay(tenant: string, idem: IdempotencyInput): Promise<FeedbackRecord | undefined> {
    const record = await getItem(idemPk(tenant, idem.key), 'IDEM');
    if (!record || getN(record, 'expiresAt') * 1000 < table.now().getTime()) return undefined;
    if (getS(record, 'requestHash') !== idem.requestHash) {
      throw new ConflictError('idempotency_mismatch', 'this Idempotency-Key was already used with a different request body; use a new key for new feedback');
    }
    const item = await getItem(getS(record, 'feedbackPk'), getS(record, 'feedbackSk'));
    return item ? readFeedback(item) : undefined;
  }

  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
    const rows: Item[] = [];
    let start: Item | undefined;
    do {
      const out: QueryCommandOutput = await table.send<QueryCommandOutput>(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      rows.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return rows;
  }

  return {
    async record({ adId, actor, feedback: input, idempotency }) {
      let head = await loadHead(adId, {});
      const version = await findVersion(adId, input.version);
      if (!version) throw new InvalidInputError('version', `the ad has no version ${input.version}`);
      const resolved = resolveFeedback(version, input);
      if (isInvalid(resolved)) throw new InvalidInputError(resolved.field, resolved.message);

      return withRetry(async (round) => {
        if (round > 0) head = await loadHead(adId, {});
        const at = table.now().toISOString();
        const identity = { adId, version: input.version, kind: input.kind, field: input.field, start: input.start, end: input.end, category: resolved.category };
        const feedback: FeedbackRecord = {
          feedbackId: feedbackId({ ...identity, ...(input.kind === 'false_alarm' ? { ruleId: input.ruleId } : {}) }),
          ...identity,
          text: resolved.text,
          at,
          keyId: actor.keyId,
        };
        if (input.kind === 'false_alarm') feedback.ruleId = input.ruleId;
        if (input.note) feedback.note = input.note;
        const stored = feedbackItem(feedback, version.verdict.lexiconVersion);
        const { adId: _a, at: _t, keyId: _k, version: _v, ...event } = feedback;
        const seq = head.eventCount + 1;
        const items: TransactWriteItem[] = [
          {
            Update: {
              TableName: T,
              Key: { pk: s(adPk(adId)), sk: s(HEAD_SK) },
              UpdateExpression: 'SET eventCount = :next',
              ConditionExpression: 'eventCount = :e',
              ExpressionAttributeValues: { ':e': n(head.eventCount), ':next': n(seq) },
            },
          },
          { Put: { TableName: T, Item: eventItem(adId, seq, { event: 'feedback', at, keyId: actor.keyId, role: actor.role, version: input.version, status: head.status, feedback: event }), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: T, Item: stored, ConditionExpression: 'attribute_not_exists(pk)' } },
        ];
        if (idempotency) {
          const now = Math.floor(table.now().getTime() / 1000);
          items.push({
            Put: {
              TableName: T,
              Item: {
                pk: s(idemPk(actor.tenant, idempotency.key)),
                sk: s('IDEM'),
                type: s('idempotency'),
                requestHash: s(idempotency.requestHash),
                feedbackPk: stored.pk!,
                feedbackSk: stored.sk!,
                createdAt: s(at),
                expiresAt: n(now + IDEMPOTENCY_TTL_SECONDS),
              },
              // An expired record (TTL deletes it eventually) may be taken over.
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
              ExpressionAttributeValues: { ':now': n(now) },
            },
          });
        }
        try {
          await table.transact(items);
          return { feedback, outcome: 'created' as const };
        } catch (err) {
          const reasons = cancellationReasons(err);
          if (!reasons) throw err;
          const failed = (i: number) => reasons[i]?.Code !== undefined && reasons[i]?.Code !== 'None';
          if (idempotency && failed(3)) {
            const first = await replay(actor.tenant, idempotency);
            if (first) return { feedback: first, outcome: 'replayed' as const };
          }
          if (failed(2)) {
            const existing = await getItem(getS(stored, 'pk'), getS(stored, 'sk'));
            if (existing) return { feedback: readFeedback(existing), outcome: 'duplicate' as const };
          }
          return 'retry';
        }
      });
    },

    async all() {
      const rows = await queryAll({
        TableName: T,
        IndexName: INDEX.reviewQueue,
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': s(FEEDBACK_PARTITION) },
      });
      return rows.map(readFeedback);
    },

    async versionText(adId, version) {
      return (await loadVersion(adId, version)).ad;
    },

    async loadDecided({ adId, version }) {
      const [{ ad, verdict }, feedback] = await Promise.all([loadVersion(adId, version), this.forVersion(adId, version)]);
      return { ad, verdict, feedback };
    },

    async forVersion(adId, version) {
      const rows = await queryAll({
        TableName: T,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': s(adPk(adId)), ':prefix': s(feedbackSkPrefix(version)) },
        ConsistentRead: true,
      });
      return rows.map(readFeedback);
    },

    async decided({ limit, cursor }) {
      let start: Item | undefined;
      if (cursor !== undefined) {
        const position = decodeCursor(cursor, DECIDED_PARTITION, DECIDED_POSITION);
        const [, adId, version] = position.split('#');
        start = { pk: s(adPk(adId!)), sk: s(`DECIDED#${version}`), gsi3pk: s(DECIDED_PARTITION), gsi3sk: s(position) };
      }
      return queryPage(
        table,
        {
          IndexName: INDEX.reviewQueue,
          KeyConditionExpression: 'gsi3pk = :pk',
          ExpressionAttributeValues: { ':pk': s(DECIDED_PARTITION) },
          ScanIndexForward: true,
          ExclusiveStartKey: start,
        },
        { limit, scope: DECIDED_PARTITION, sortAttribute: 'gsi3sk', read: readDecision },
      );
    },
  };
}
