/** The Hono environment and the dependencies `createApp` is built from. No AWS SDK here: the store comes in. */
import type { Hono } from 'hono';
import type { Engine } from '../engine.js';
import type { AdStore } from '../store/ads.js';
import type { ApiKeyStore } from '../store/api-keys.js';
import type { FeedbackStore } from '../store/feedback.js';
import type { Principal } from '../store/model.js';
import type { Authenticator, ClientAddress } from './auth.js';

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
  /**
   * Failed authentications allowed per client address and minute (0: unlimited), and how long an unknown
   * key hash is remembered so that repeating it costs no database read.
   */
  authFailures: { perMinute: number; unknownKeyCacheMs: number };
  /** Checks per client address and minute on the public self-check page (/check); 0 turns the limit off. */
  selfChecksPerMinute: number;
}

export const DEFAULT_LIMITS: AppLimits = {
  bodyBytes: 256 * 1024,
  rateLimit: { perSecond: 20, burst: 40 },
  keyCacheMs: 30_000,
  authFailures: { perMinute: 30, unknownKeyCacheMs: 60_000 },
  selfChecksPerMinute: 20,
};

export type Logger = (entry: Record<string, unknown>) => void;

export interface AppDeps {
  engine: Pick<Engine, 'check' | 'info' | 'fix'>;
  /** The store (functions/store): its ads and keys, and `ping` for the readiness probe. */
  store: { ads: AdStore; keys: ApiKeyStore; feedback: FeedbackStore; ping(): Promise<void> };
  limits?: Partial<AppLimits>;
  /** Structured log sink (one JSON object per call); default: one JSON line on stderr. */
  log?: Logger;
  /** Share one authenticator (and its key cache) with other routers; default: created from `store.keys`. */
  auth?: Authenticator;
  /** The caller's address, for failed-authentication limiting (the Node server's peer, API Gateway's source IP). */
  clientAddress?: ClientAddress;
  /**
   * Extra routers mounted after the built-in ones (e.g. the moderator console, prescreens). Routers under
   * `/v1/` get the same authentication, rate limit and body limit; OpenAPIHono routers add to /openapi.json.
   */
  routes?: {
    path: string;
    app: Hono<AppEnv>;
    /** This route's own request body limit instead of `limits.bodyBytes`. */
    bodyBytes?: number;
    /** `/` redirects here (the console: a person opening the server's address lands where people work). */
    home?: boolean;
  }[];
}

export const defaultLogger: Logger = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
