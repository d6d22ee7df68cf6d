/**
 * A real hirecheck server for the console end-to-end tests: the API app from createApp with the console
 * mounted, served by @hono/node-server on a free loopback port, on a fresh table in DynamoDB Local.
 * Ads are seeded through the real API with employer keys; moderator keys are created through the store,
 * as the key CLI does.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { inject } from 'vitest';
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { getEngine } from '../../functions/engine.js';
import { consoleRoute } from '../../functions/console/app.js';
import { createApp } from '../../functions/http/app.js';
import { startDynamoLocal, type LocalDynamo } from '../../functions/server/dynamodb-local.js';
import { createDynamoClient, createStore, ensureTable, type Store } from '../../functions/store/index.js';
import type { CreatedAd } from '../../functions/store/model.js';

export interface ConsoleTestServer {
  baseUrl: string;
  store: Store;
  employerKey: string;
  /** Creates a moderator key (label shown in the console) and returns the key. */
  moderatorKey(label: string): Promise<string>;
  /** POST /v1/ads as the employer: the real API, the real engine. */
  submitAd(ad: Ad): Promise<CreatedAd>;
  /** GET /v1/ads/{id} as a moderator key, for checks independent of the console. */
  apiGet(path: string, key: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The vitest global setup (tests/global-setup.ts) provides DynamoDB Local's endpoint; without it (a
 * script outside vitest) the helper starts its own in-memory instance.
 */
async function dynamoEndpoint(): Promise<{ endpoint: string; own?: LocalDynamo }> {
  const given = inVitest() ? inject('dynamoEndpoint') : process.env.HIRECHECK_TEST_DYNAMODB_ENDPOINT;
  if (given) return { endpoint: given };
  const own = await startDynamoLocal();
  return { endpoint: own.endpoint, own };
}

const inVitest = () => process.env.VITEST !== undefined;

export async function startConsoleServer(): Promise<ConsoleTestServer> {
  const { endpoint, own } = await dynamoEndpoint();
  const client = createDynamoClient({ endpoint });
  const tableName = `console-e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await ensureTable(client, tableName);
  const store = createStore({ client, tableName });
  const app = createApp({
    engine: getEngine(),
    store,
    // Tests submit many ads quickly with one key.
    limits: { rateLimit: { perSecond: 0, burst: 1 } },
    routes: [consoleRoute({ store, engine: getEngine() })],
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const employer = await store.keys.create({ role: 'employer', tenant: 'acme-hr', label: '测试招聘方' });

  const apiGet = async (path: string, key: string) => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, body: await res.json() };
  };

  return {
    baseUrl,
    store,
    employerKey: employer.key,
    async moderatorKey(label) {
      return (await store.keys.create({ role: 'moderator', tenant: 'platform', label })).key;
    },
    async submitAd(ad) {
      const res = await fetch(`${baseUrl}/v1/ads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${employer.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(ad),
      });
      if (res.status !== 201 && res.status !== 200) throw new Error(`POST /v1/ads: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedAd;
    },
    apiGet,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Chromium keeps connections alive; close() alone would wait for them.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
      client.destroy();
      await own?.stop();
    },
  };
}
