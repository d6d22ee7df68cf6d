/** The Hono environment and the dependencies `createApp` is built from. No AWS SDK here: the store comes in. */
import type { Hono } from 'hono';
import type { Engine } from '../engine.js';
import type { AdStore } from '../store/ads.js';
import type { ApiKeyStore } from '../store/api-keys.js';
import type { Principal } from '../store/model.js';
import type { Authenticator } from './auth.js';

export interface AppVariables {
  /** The caller, set by `authenticate` on every /v1 route. */
  principal: Principal;
  requestId: string;
}

export type AppEnv = { Variables: AppVariables };

export interface AppLimits {
  /** Largest accepted request body in bytes (413 above it). */
  bodyBytes: number;
  /** Per-key token bucket: sustained rate and burst; perSecond 0 disables it. */
  rateLimit: { perSecond: number; burst: number };
  /** How long a resolved key stays cached in memory (revocation takes effect within this time). */
  keyCacheMs: number;
}

export const DEFAULT_LIMITS: AppLimits = {
  bodyBytes: 256 * 1024,
  rateLimit: { perSecond: 20, burst: 40 },
  keyCacheMs: 30_000,
};

export type Logger = (entry: Record<string, unknown>) => void;

export interface AppDeps {
  engine: Pick<Engine, 'check' | 'info'>;
  /** The store (functions/store): only its ads and keys are used here. */
  store: { ads: AdStore; keys: ApiKeyStore };
  limits?: Partial<AppLimits>;
  /** Structured log sink (one JSON object per call); default: one JSON line on stderr. */
  log?: Logger;
  /** Share one authenticator (and its key cache) with other routers; default: created from `store.keys`. */
  auth?: Authenticator;
  /**
   * Extra routers mounted after the built-in ones (e.g. the moderator console, prescreens). Routers under
   * `/v1/` get the same authentication, rate limit and body limit; OpenAPIHono routers add to /openapi.json.
   */
  routes?: { path: string; app: Hono<AppEnv>; /** This route's own request body limit instead of `limits.bodyBytes`. */ bodyBytes?: number }[];
}

export const defaultLogger: Logger = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
