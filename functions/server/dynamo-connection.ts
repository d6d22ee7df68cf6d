/**
 * Where the Node processes (server, key CLI, benchmark) get DynamoDB from, per config:
 * a given endpoint, the standard AWS settings, or DynamoDB Local. A running local server advertises its
 * DynamoDB Local in `<dataDir>/dynamodb-local.json`, so `hirecheck keys` talks to the same database;
 * with no server running, the CLI starts DynamoDB Local on the same files for the duration.
 *
 * The advert is also the server's claim on the data directory: a second server refuses to start on a
 * directory a live one holds (two DynamoDB Locals on one database file would corrupt it), and a server
 * removes the advert on exit only while it is still its own.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.js';
import { createDynamoClient } from '../store/index.js';
import { startDynamoLocal } from './dynamodb-local.js';
import { superviseDynamoLocal, type SupervisorOptions } from './dynamodb-supervisor.js';

export interface DynamoConnection {
  client: DynamoDBClient;
  /** A DynamoDB Local (or another endpoint given by URL): its transactions need waitForLocalCommits. */
  local: boolean;
  /** Human description of where the data lives. */
  where: string;
  /** Stops DynamoDB Local when this process started it. */
  close(): Promise<void>;
}

const ADVERT = 'dynamodb-local.json';

interface Advert {
  /** The server process. */
  pid: number;
  /** Its DynamoDB Local; absent while it is starting. */
  endpoint?: string;
}

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

/** The advert of a live server, or undefined (none, unreadable, or its process is gone). */
function readAdvert(dataDir: string): Advert | undefined {
  const file = join(dataDir, ADVERT);
  if (!existsSync(file)) return undefined;
  try {
    const advert = JSON.parse(readFileSync(file, 'utf8')) as Advert;
    process.kill(advert.pid, 0); // throws when that process is gone
    return advert;
  } catch {
    return undefined;
  }
}

/** Takes the data directory for this server, or throws DataDirInUseError naming the live server that has it. */
function claimDataDir(dataDir: string): void {
  const file = join(dataDir, ADVERT);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid } satisfies Advert), { flag: 'wx', mode: 0o600 });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readAdvert(dataDir);
    if (holder) {
      throw new DataDirInUseError(
        `${dataDir} is in use by another hirecheck server (pid ${holder.pid}${holder.endpoint ? `, DynamoDB Local on ${holder.endpoint}` : ''}): ` +
          `stop it, or give this server its own HIRECHECK_DATA_DIR (if no such server runs, delete ${file})`,
      );
    }
    rmSync(file, { force: true }); // left by a server that is gone
  }
  throw new DataDirInUseError(`${dataDir} is being claimed by another server starting at the same time`);
}

/** Removes the advert if it is still this process's own. */
function releaseDataDir(dataDir: string): void {
  const file = join(dataDir, ADVERT);
  try {
    if ((JSON.parse(readFileSync(file, 'utf8')) as Advert).pid === process.pid) rmSync(file, { force: true });
  } catch {
    // gone already, or not ours to remove
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

export interface ConnectOptions {
  /** The server: claim the data directory and publish its DynamoDB Local for CLIs (removed on close). */
  advertise?: boolean;
  /** CLIs: use a running server's DynamoDB Local when there is one. */
  reuse?: boolean;
  /** The server: restart DynamoDB Local when it dies (see dynamodb-supervisor.ts). */
  supervise?: Pick<SupervisorOptions, 'log' | 'onRestarted'>;
}

export async function connectDynamo(config: Config, options: ConnectOptions = {}): Promise<DynamoConnection> {
  const region = config.region;
  if (config.dynamo.mode === 'endpoint') {
    return { client: createDynamoClient({ endpoint: config.dynamo.endpoint, region }), local: true, where: config.dynamo.endpoint, close: async () => {} };
  }
  if (config.dynamo.mode === 'aws') {
    return { client: createDynamoClient({ region }), local: false, where: 'AWS (standard settings)', close: async () => {} };
  }
  const dataDir = resolve(config.dataDir);
  if (options.reuse) {
    const advert = readAdvert(dataDir);
    if (advert?.endpoint && (await answers(advert.endpoint))) {
      return {
        client: createDynamoClient({ endpoint: advert.endpoint, region }),
        local: true,
        where: `DynamoDB Local of the running server (${advert.endpoint})`,
        close: async () => {},
      };
    }
  }
  const dbPath = config.inMemory ? undefined : join(dataDir, 'dynamodb');
  if (options.advertise) claimDataDir(dataDir);
  try {
    const local = options.supervise ? await superviseDynamoLocal({ dbPath, ...options.supervise }) : await startDynamoLocal({ dbPath });
    if (options.advertise) {
      writeFileSync(join(dataDir, ADVERT), JSON.stringify({ pid: process.pid, endpoint: local.endpoint } satisfies Advert), { mode: 0o600 });
    }
    return {
      client: createDynamoClient({ endpoint: local.endpoint, region }),
      local: true,
      where: `DynamoDB Local on ${local.endpoint} (${dbPath ? `data in ${dbPath}` : 'in memory'})`,
      async close() {
        if (options.advertise) releaseDataDir(dataDir);
        await local.stop();
      },
    };
  } catch (err) {
    if (options.advertise) releaseDataDir(dataDir);
    throw err;
  }
}
