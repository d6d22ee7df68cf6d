/**
 * The whole hirecheck service as one Hono app: the API, organizer prescreens, the moderator console and the public
 * self-check page,
 * sharing one authenticator (and key cache). `npm start` and the Lambda handler both serve exactly this.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { consoleRoute } from '../console/app.js';
import { selfCheckRoute } from '../selfcheck/app.js';
import { createPrescreenStore } from '../store/prescreens.js';
import type { Store } from '../store/index.js';
import { createApp } from './app.js';
import { authenticatorOptions, createAuthenticator } from './auth.js';
import { DEFAULT_LIMITS, type AppDeps, type AppEnv } from './env.js';
import { prescreensRoute } from './routes/prescreens.js';

export interface ServiceDeps extends Pick<AppDeps, 'engine' | 'limits' | 'log' | 'clientAddress'> {
  store: Store;
}

export function createServiceApp({ engine, store, limits, log, clientAddress }: ServiceDeps): OpenAPIHono<AppEnv> {
  const auth = createAuthenticator(store.keys, authenticatorOptions({ ...DEFAULT_LIMITS, ...limits }));
  const prescreens = prescreensRoute({ engine, prescreens: createPrescreenStore(store.table) });
  const console = consoleRoute({ store, engine, auth, ...(log ? { log } : {}), ...(clientAddress ? { clientAddress } : {}) });
  const selfCheck = selfCheckRoute({ engine, clientAddress, perMinute: { ...DEFAULT_LIMITS, ...limits }.selfChecksPerMinute });
  return createApp({ engine, store, auth, limits, log, clientAddress, routes: [console, prescreens, selfCheck] });
}
