/** A fresh table on the run's DynamoDB Local (see tests/global-setup.ts) for one test file. */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDynamoClient, createStore, ensureTable, type Store } from '../../functions/store/index.js';

export async function freshStore(prefix = 'test'): Promise<Store> {
  const endpoint = inject('dynamoEndpoint');
  const client = createDynamoClient({ endpoint });
  const tableName = `${prefix}-${randomBytes(6).toString('hex')}`;
  await ensureTable(client, tableName);
  // As npm start runs on DynamoDB Local: a transaction counts once its commit has run.
  return createStore({ client, tableName, waitForLocalCommits: true });
}
