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

/** Returns a function that sends one create's transaction (a new ad id each call) and how many items it has. */
export function bareCreateTransaction(table: Table, sample: { actor: Principal; ad: Ad; verdict: Verdict }): { send: () => Promise<void>; itemCount: number } {
  const itemCount = createTransaction(table, sample).items.length;
  return {
    itemCount,
    async send() {
      await table.client.send(new TransactWriteItemsCommand({ TransactItems: createTransaction(table, sample).items }));
    },
  };
}
