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

export async function startServiceServer(options: { limits?: Partial<AppLimits>; peerHeader?: boolean } = {}): Promise<ServiceServer> {
  const store = await freshStore('service');
  const key = async (role: Role) => (await store.keys.create({ role, tenant: `t-${role}`, label: role })).key;
  const keys = { employer: await key('employer'), moderator: await key('moderator'), organizer: await key('organizer'), admin: await key('admin') };
  const app = createServiceApp({
    engine: getEngine(),
    store,
    limits: { rateLimit: { perSecond: 0, burst: 1 }, ...options.limits },
    log: () => {},
    clientAddress: options.peerHeader ? (c) => c.req.header('x-test-peer') ?? socketAddress(c) : socketAddress,
  });
  const server: BoundHttpServer = await bindHttpServer({ host: '127.0.0.1', port: 0 });
  server.attach(app.fetch);
  return { url: server.url, store, keys, app, close: () => server.close() };
}
