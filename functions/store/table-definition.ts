/**
 * The single DynamoDB table, as plain data: the local bootstrap (functions/store/bootstrap.ts) and the
 * CDK stack (infra/) both build the table from this one definition, so keys and indexes cannot drift.
 *
 * Item layout (see docs/api.md, "Storage: one table", for the access pattern of every endpoint):
 *   AD#<adId>        AD              ad head: current status, version, owner tenant, appeal, re-check note (+ GSI keys);
 *                                    also the ad's entry in the whole list it is on (gsi3pk = QUEUE#ALL while pending,
 *                                    REJECTED#ALL while rejected by the engine alone)
 *   AD#<adId>        V#<000001>      one version: the ad text, its content hash, the verdict, the lexicon version; also
 *                                    the history event (submitted / revised, with its seq) that stored it
 *   AD#<adId>        EV#<000003>     a review, appeal or feedback event (ads stored before the current layout: every event)
 *   AD#<adId>        QUEUE#<cat>     per-category review-queue entry (only while pending_review; QUEUE#ALL items
 *                                    exist only for ads queued before the current layout)
 *   AD#<adId>        REJECTED#<cat>  per-category entry of the list of ads the engine alone rejected
 *   AD#<adId>        DECIDED#<v>     a version's moderator decision, listed for the labelled export (gsi3pk = DECIDED)
 *   AD#<adId>        FB#<v>#<id>     a moderator's feedback on version v, listed for the proposals (gsi3pk = FEEDBACK)
 *   IDEM#<tenant>#<key> IDEM         Idempotency-Key record for POST /v1/ads (expires via TTL)
 *   IDEM#FEEDBACK#<tenant>#<key>     the same for POST /v1/ads/{id}/feedback
 *   APIKEY#<sha256>  APIKEY          API key: role, tenant, revoked flag (looked up by the hash of the presented key)
 *   KEYID#<keyId>    KEYID           pointer from the short key id to the hash, for revocation
 *   META#bootstrap   META            marker: demo keys were created for this database
 *   CLAIM#<adId>     CLAIM           which moderator is working on the ad, until expiresAt (TTL; claims.ts)
 *   CSESSION#<sha256(token)> CSESSION  a console session (console-sessions.ts)
 */

export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

export interface GlobalIndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** Every index projects all attributes: the items indexed are small heads and queue entries. */
  projection: 'ALL';
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: readonly GlobalIndexDefinition[];
  /** Epoch-seconds attribute that DynamoDB's TTL deletes on (idempotency records). */
  timeToLiveAttribute: string;
  billingMode: 'PAY_PER_REQUEST';
}

/** Index names used by the store; exported so queries and the CDK stack name them identically. */
export const INDEX = {
  /** An employer's ads, newest first: `TENANT#<tenant>` / `<createdAt>#<adId>`. */
  byTenant: 'byTenant',
  /** An employer's ads in one status, newest first: `TENANT#<tenant>#STATUS#<status>` / `<createdAt>#<adId>`. */
  byTenantStatus: 'byTenantStatus',
  /**
   * Moderators' lists (sparse): the review queue, oldest first (`QUEUE#ALL` or `QUEUE#<category>` /
   * `<queuedAt>#<adId>`); the ads the engine alone rejected, newest first (`REJECTED#…` / `<rejectedAt>#<adId>`);
   * decided versions (`DECIDED`) and feedback (`FEEDBACK`) for the feedback loop.
   */
  reviewQueue: 'reviewQueue',
} as const;

export const TABLE_DEFINITION: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: INDEX.byTenant,
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: 'ALL',
    },
    {
      indexName: INDEX.byTenantStatus,
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      projection: 'ALL',
    },
    {
      indexName: INDEX.reviewQueue,
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
      projection: 'ALL',
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  billingMode: 'PAY_PER_REQUEST',
};

/** Default table name; deployments set HIRECHECK_TABLE. */
export const DEFAULT_TABLE_NAME = 'hirecheck';

/** Every key attribute (table and indexes) with its type: DynamoDB's AttributeDefinitions. */
export function attributeDefinitions(def: TableDefinition = TABLE_DEFINITION): { AttributeName: string; AttributeType: KeyType }[] {
  const all = [def.partitionKey, def.sortKey, ...def.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey])];
  const seen = new Map<string, KeyType>();
  for (const a of all) seen.set(a.name, a.type);
  return [...seen].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

/** The CreateTable request for `tableName`, in the DynamoDB API's shape (plain data, no SDK import). */
export function createTableInput(tableName: string, def: TableDefinition = TABLE_DEFINITION) {
  return {
    TableName: tableName,
    BillingMode: def.billingMode,
    AttributeDefinitions: attributeDefinitions(def),
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: def.sortKey.name, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey.name, KeyType: 'HASH' as const },
        { AttributeName: g.sortKey.name, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: g.projection },
    })),
  };
}
