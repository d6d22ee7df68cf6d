/**
 * Authentication and roles. `Authorization: Bearer <key>` → SHA-256 of the key → the stored principal
 * `{ keyId, role, tenant }`. Resolved keys are cached in memory for `cacheMs` (per process; in Lambda per
 * container), so a revoked key stops working within that time. Unknown and revoked key hashes are cached
 * too (`unknownKeyCacheMs`), and failed authentications are limited per client address (auth-failures.ts),
 * so a flood of made-up keys costs no database reads.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { hashApiKey, looksLikeApiKey, type Principal, type Role } from '../store/model.js';
import { createFailureLimiter, type FailureLimiter } from './auth-failures.js';
import type { AppEnv, AppLimits } from './env.js';
import { ForbiddenError, UnauthorizedError } from './errors.js';

export interface Authenticator {
  /**
   * The principal of a key presented by `client` (its address), or undefined when unknown, malformed or
   * revoked. Throws AuthThrottledError when that address has failed too often.
   */
  resolveKey(key: string, client?: string): Promise<Principal | undefined>;
  /** The principal of a key hash (e.g. a console session that stored only the hash). */
  resolveKeyHash(hash: string): Promise<Principal | undefined>;
  /** The failed-authentication limiter, shared with other credentials (console sessions). */
  readonly failures: FailureLimiter;
  /** Forget cached principals (after a revocation in the same process). */
  clear(): void;
}

export interface AuthenticatorOptions {
  cacheMs: number;
  /** How long an unknown or revoked key hash is remembered (0: not at all). */
  unknownKeyCacheMs?: number;
  /** Failed authentications allowed per client address and minute (0: unlimited). */
  failuresPerMinute?: number;
}

/** The authenticator's settings from the app's limits. */
export function authenticatorOptions(limits: Pick<AppLimits, 'keyCacheMs' | 'authFailures'>): AuthenticatorOptions {
  return { cacheMs: limits.keyCacheMs, unknownKeyCacheMs: limits.authFailures.unknownKeyCacheMs, failuresPerMinute: limits.authFailures.perMinute };
}

/** Bound on each cache: beyond it the oldest entry goes. */
const MAX_CACHED = 10_000;

/** A bounded map of entries that expire. */
function expiringCache<V>(ttlMs: number) {
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get(key: string): V | undefined {
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) return hit.value;
      if (hit) entries.delete(key);
      return undefined;
    },
    set(key: string, value: V): void {
      if (ttlMs <= 0) return;
      entries.delete(key);
      if (entries.size >= MAX_CACHED) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expires: Date.now() + ttlMs });
    },
    clear: () => entries.clear(),
  };
}

export function createAuthenticator(keys: { resolveHash(hash: string): Promise<Principal | undefined> }, options: AuthenticatorOptions): Authenticator {
  const known = expiringCache<Principal>(options.cacheMs);
  const unknown = expiringCache<true>(options.unknownKeyCacheMs ?? 0);
  const failures = createFailureLimiter({ perMinute: options.failuresPerMinute ?? 0 });
  const resolveKeyHash = async (hash: string) => {
    const cached = known.get(hash);
    if (cached) return cached; // not re-cached: a revoked key must drop out within cacheMs however often it is used
    if (unknown.get(hash)) return undefined;
    const principal = await keys.resolveHash(hash);
    if (principal) known.set(hash, principal);
    else unknown.set(hash, true);
    return principal;
  };
  return {
    resolveKeyHash,
    failures,
    async resolveKey(key, client) {
      const hash = looksLikeApiKey(key) ? hashApiKey(key) : undefined;
      const cached = hash === undefined ? undefined : known.get(hash);
      if (cached) return cached;
      failures.admit(client, hash);
      const principal = hash === undefined ? undefined : await resolveKeyHash(hash);
      if (principal) failures.succeeded(hash!);
      else failures.failed(client);
      return principal;
    },
    clear: () => {
      known.clear();
      unknown.clear();
    },
  };
}

/** Where a request comes from (the socket's peer, or API Gateway's source IP); undefined when unknown. */
export type ClientAddress = (c: Context) => string | undefined;

/** Sets `c.var.principal` from the bearer key, or answers 401 (429 once the caller's address has failed too often). */
export function authenticate(auth: Authenticator, clientAddress?: ClientAddress): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new UnauthorizedError('send your API key as `Authorization: Bearer <key>`');
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    const client = clientAddress?.(c);
    if (!m) {
      auth.failures.failed(client);
      throw new UnauthorizedError('the Authorization header must be `Bearer <key>`');
    }
    const principal = await auth.resolveKey(m[1]!, client);
    if (!principal) throw new UnauthorizedError('the API key is unknown or has been revoked');
    c.set('principal', principal);
    await next();
  };
}

/** Allows the listed roles (admin may do everything); others get 403. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set<Role>([...roles, 'admin']);
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!allowed.has(role)) {
      throw new ForbiddenError(`this endpoint is for ${roles.join(' or ')} keys; this key's role is ${role}`);
    }
    await next();
  };
}

/** Employers see their own tenant only; moderators and admins see every tenant of the platform. */
export function scopeOf(principal: Principal): { tenant?: string } {
  return principal.role === 'moderator' || principal.role === 'admin' ? {} : { tenant: principal.tenant };
}
