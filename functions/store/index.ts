/**
 * The store: the only place that talks to DynamoDB. Construct it with `{ client, tableName }`;
 * each entity lives in its own module on the shared `Table` (ads.ts, api-keys.ts, …).
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { createAdStore, type AdStore } from './ads.js';
import { createApiKeyStore, type ApiKeyStore } from './api-keys.js';
import { createTable, type StoreOptions, type Table } from './table.js';

export interface Store {
  readonly table: Table;
  readonly ads: AdStore;
  readonly keys: ApiKeyStore;
}

export function createStore(options: StoreOptions): Store {
  const table = createTable(options);
  return { table, ads: createAdStore(table), keys: createApiKeyStore(table) };
}

/**
 * A DynamoDB client. With an endpoint (DynamoDB Local or any compatible server) and no AWS credentials in the
 * environment, it signs with placeholder credentials, which DynamoDB Local accepts; without one, the standard
 * AWS chain (env, profile, role) applies, as in Lambda.
 */
export function createDynamoClient(options: { endpoint?: string; region?: string } = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = { region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1' };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
      config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    }
  }
  return new DynamoDBClient(config);
}

export { ensureTable } from './bootstrap.js';
export { TABLE_DEFINITION, DEFAULT_TABLE_NAME, INDEX, createTableInput } from './table-definition.js';
export * from './errors.js';
export * from './model.js';
export type { AdStore, IdempotencyInput } from './ads.js';
export type { ApiKeyStore } from './api-keys.js';
export type { Page, StoreOptions, Table } from './table.js';
