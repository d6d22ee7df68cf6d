/**
 * For the write-path benchmark (`npm run bench:http`): DynamoDB's own TransactWriteItems, with exactly the
 * items one ad create writes (createTransaction in ads.ts) and nothing in front of it — no HTTP, no engine,
 * no retries — so the API's create rate can be compared with what the database itself allows.
 */
import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import type { StoredAd as Ad } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import { createTransaction } from './ads.js';
import type { Principal } from './model.js';
import type { Table } from './table.js';

/**
 * One create's transaction (a new ad id each call): `bare` sends the TransactWriteItems and nothing else;
 * `durable` also waits until DynamoDB Local has run its commit, as the store does on DynamoDB Local
 * (commit-barrier.ts) — the cost of keeping every acknowledged write.
 */
export function createTransactionProbe(table: Table, sample: { actor: Principal; ad: Ad; verdict: Verdict }) {
  return {
    itemCount: createTransaction(table, sample).items.length,
    async bare() {
      await table.client.send(new TransactWriteItemsCommand({ TransactItems: createTransaction(table, sample).items }));
    },
    async durable() {
      await table.transact(createTransaction(table, sample).items);
    },
  };
}
