/**
 * The part of `npm start` that runs once the port is bound: DynamoDB Local under its supervisor (or the
 * configured DynamoDB), the table, demo keys on an empty database, and the service attached to the server.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Config } from '../config.js';
import { getEngine } from '../engine.js';
import { createServiceApp } from '../http/service-app.js';
import { createStore, ensureTable, type Store } from '../store/index.js';
import { createDemoKeys, DEMO_KEYS_FILE } from './demo-keys.js';
import { connectDynamo } from './dynamo-connection.js';
import { socketAddress, type BoundHttpServer } from './http-server.js';

export interface RunningService {
  close(): Promise<void>;
}

/** The table, and the demo keys when the database is new (printed; on a restart, only if they are new). */
async function prepareDatabase(store: Store, config: Config, say: (line: string) => void, restart: boolean): Promise<void> {
  if (await ensureTable(store.table.client, config.tableName)) say(`created table ${config.tableName}`);
  if (!config.demoKeys) return;
  const dataDir = resolve(config.dataDir);
  const demo = await createDemoKeys(store.keys, dataDir);
  const file = relative(process.cwd(), join(dataDir, DEMO_KEYS_FILE)) || DEMO_KEYS_FILE;
  if (demo) {
    say(`demo API keys (also written to ${file}):`);
    say(`  employer   demo-employer    ${demo.employer}`);
    say(`  employer2  demo-employer-2  ${demo.employer2}`);
    say(`  moderator  platform         ${demo.moderator}`);
    say(`  organizer  demo-organizer   ${demo.organizer}`);
  } else if (!restart) {
    say(`demo API keys were created when this database was new: see ${file}`);
  }
}

export async function startService(config: Config, http: BoundHttpServer, say: (line: string) => void): Promise<RunningService> {
  mkdirSync(resolve(config.dataDir), { recursive: true });
  let store: Store | undefined;
  const dynamo = await connectDynamo(config, {
    advertise: true,
    supervise: { log: say, onRestarted: async () => store && prepareDatabase(store, config, say, true) },
  });
  try {
    say(`database: ${dynamo.where}`);
    store = createStore({ client: dynamo.client, tableName: config.tableName, waitForLocalCommits: dynamo.local });
    await prepareDatabase(store, config, say, false);
    const app = createServiceApp({ engine: getEngine(), store, limits: config.limits, clientAddress: socketAddress });
    http.attach(app.fetch);
  } catch (err) {
    await dynamo.close().catch(() => {});
    throw err;
  }
  const everywhere = http.host === '0.0.0.0' || http.host === '::';
  say(`listening on ${http.url}${everywhere ? ` (every interface: other hosts can reach it)` : ''}  (API reference: ${http.url}/docs)`);
  say(`moderator console: ${http.url}/console  (sign in with the moderator key)`);
  return { close: () => dynamo.close() };
}
