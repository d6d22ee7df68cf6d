/**
 * The store: the only place that talks to DynamoDB. Construct it with `{ client, tableName }`;
 * each entity lives in its own module on the shared `Table` (ads.ts, api-keys.ts, …).
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createAdStore, type AdStore } from './ads.js';
import { createApiKeyStore, type ApiKeyStore } from './api-keys.js';
import { StoreUnavailableError } from './errors.js';
import { createFeedbackStore, type FeedbackStore } from './feedback.js';
import { createRecheckStore, type RecheckStore } from './recheck.js';
import { createTable, s, type StoreOptions, type Table } from './table.js';

export interface Store {
  readonly table: Table;
  readonly ads: AdStore;
  readonly keys: ApiKeyStore;
  readonly feedback: FeedbackStore;
  readonly recheck: RecheckStore;
  /** Resolves when the table answers a read now; StoreUnavailableError otherwise (readiness). */
  ping(): Promise<void>;
}

/** How long a readiness probe waits for the database: a probe must answer quickly either way. */
const PING_TIMEOUT_MS = 2000;

export function createStore(options: StoreOptions): Store {
  const table = createTable(options);
  return {
    table,
    ads: createAdStore(table),
    keys: createApiKeyStore(table),
    feedback: createFeedbackStore(table),
    recheck: createRecheckStore(table),
    async ping() {
      try {
        // A data-plane read of a key that never exists: cheap, and it proves the table is there too.
        const probe = new GetItemCommand({ TableName: table.name, Key: { pk: s('META#ready'), sk: s('META') } });
        await table.client.send(probe, { abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS) });
      } catch (err) {
        throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
      }
    },
  };
}

export { createDynamoClient } from './client.js';
export { ensureTable } from './bootstrap.js';
export { TABLE_DEFINITION, DEFAULT_TABLE_NAME, INDEX, createTableInput } from './table-definition.js';
export * from './errors.js';
export * from './model.js';
export type { AdStore, IdempotencyInput } from './ads.js';
export type { ApiKeyStore } from './api-keys.js';
export type { FeedbackStore, FeedbackOutcome, FeedbackInput, DecidedVersion } from './feedback.js';
export type { RecheckStore, RecheckResult } from './recheck.js';
export type { Page, StoreOptions, Table } from './table.js';
