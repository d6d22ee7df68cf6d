/**
 * The whole service (API, prescreens, console) on a real loopback port, as `npm start` serves it
 * (functions/server/http-server.ts), over a fresh table on the run's DynamoDB Local, with a key per role.
 * `peer` lets a test choose the client address the failed-authentication limit sees (x-test-peer header);
 * without it the socket's peer counts, as in production.
 */
import { getEngine } from '../../functions/engine.js';
import type { AppLimits } from '../../functions/http/env.js';
import { createServiceApp } from '../../functions/http/service-app.js';
import { bindHttpServer, socketAddress, type BoundHttpServer } from '../../functions/server/http-server.js';
import type { Store } from '../../functions/store/index.js';
import { freshStore } from '../store/table.js';

export type Role = 'employer' | 'moderator' | 'organizer' | 'admin';

export interface ServiceServer {
  url: string;
  store: Store;
  keys: Record<Role, string>;
  app: ReturnType<typeof createServiceApp>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  limits?: Partial<AppLimits>;
  /** Let the x-test-peer header stand for the client's address. */
  peerHeader?: boolean;
  /** What the app is given instead of the store itself (e.g. the store with its key lookups counted). */
  around?: (store: Store) => Store;
}

export async function startServiceServer(options: ServiceOptions = {}): Promise<ServiceServer> {
  const store = await freshStore('service');
  const key = async (role: Role) => (await store.keys.create({ role, tenant: `t-${role}`, label: role })).key;
  const keys = { employer: await key('employer'), moderator: await key('moderator'), organizer: await key('organizer'), admin: await key('admin') };
  const app = createServiceApp({
    engine: getEngine(),
    store: options.around ? options.around(store) : store,
    limits: { rateLimit: { perSecond: 0, burst: 1 }, ...options.limits },
    log: () => {},
    clientAddress: options.peerHeader ? (c) => c.req.header('x-test-peer') ?? socketAddress(c) : socketAddress,
  });
  const server: BoundHttpServer = await bindHttpServer({ host: '127.0.0.1', port: 0 });
  server.attach(app.fetch);
  return { url: server.url, store, keys, app, close: () => server.close() };
}
