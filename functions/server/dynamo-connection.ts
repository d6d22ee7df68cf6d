/**
 * Where the Node processes (server, key CLI, benchmark) get DynamoDB from, per config:
 * a given endpoint, the standard AWS settings, or DynamoDB Local. A running local server advertises its
 * DynamoDB Local in `<dataDir>/dynamodb-local.json`, so `hirecheck keys` talks to the same database;
 * with no server running, the CLI starts DynamoDB Local on the same files for the duration.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.js';
import { createDynamoClient } from '../store/index.js';
import { startDynamoLocal } from './dynamodb-local.js';

export interface DynamoConnection {
  client: DynamoDBClient;
  /** Human description of where the data lives. */
  where: string;
  /** Stops DynamoDB Local when this process started it. */
  close(): Promise<void>;
}

const ADVERT = 'dynamodb-local.json';

function readAdvert(dataDir: string): { endpoint: string; pid: number } | undefined {
  const file = join(dataDir, ADVERT);
  if (!existsSync(file)) return undefined;
  try {
    const advert = JSON.parse(readFileSync(file, 'utf8')) as { endpoint: string; pid: number };
    process.kill(advert.pid, 0); // throws when that process is gone
    return advert;
  } catch {
    return undefined;
  }
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(endpoint, { method: 'GET', signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * @param options.advertise  the server publishes its DynamoDB Local for CLIs (and removes it on close)
 * @param options.reuse      use a running server's DynamoDB Local when there is one (CLIs)
 */
export async function connectDynamo(config: Config, options: { advertise?: boolean; reuse?: boolean } = {}): Promise<DynamoConnection> {
  const region = config.region;
  if (config.dynamo.mode === 'endpoint') {
    return { client: createDynamoClient({ endpoint: config.dynamo.endpoint, region }), where: config.dynamo.endpoint, close: async () => {} };
  }
  if (config.dynamo.mode === 'aws') {
    return { client: createDynamoClient({ region }), where: 'AWS (standard settings)', close: async () => {} };
  }
  const dataDir = resolve(config.dataDir);
  if (options.reuse) {
    const advert = readAdvert(dataDir);
    if (advert && (await answers(advert.endpoint))) {
      return {
        client: createDynamoClient({ endpoint: advert.endpoint, region }),
        where: `DynamoDB Local of the running server (${advert.endpoint})`,
        close: async () => {},
      };
    }
  }
  const dbPath = config.inMemory ? undefined : join(dataDir, 'dynamodb');
  const local = await startDynamoLocal({ dbPath });
  const advertFile = join(dataDir, ADVERT);
  if (options.advertise) writeFileSync(advertFile, JSON.stringify({ endpoint: local.endpoint, pid: process.pid }));
  return {
    client: createDynamoClient({ endpoint: local.endpoint, region }),
    where: `DynamoDB Local on ${local.endpoint} (${dbPath ? `data in ${dbPath}` : 'in memory'})`,
    async close() {
      if (options.advertise) rmSync(advertFile, { force: true });
      await local.stop();
    },
  };
}
