/**
 * Authentication and roles. `Authorization: Bearer <key>` → SHA-256 of the key → the stored principal
 * `{ keyId, role, tenant }`. Resolved keys are cached in memory for `cacheMs` (per process; in Lambda per
 * container), so a revoked key stops working within that time.
 */
import type { MiddlewareHandler } from 'hono';
import { hashApiKey, looksLikeApiKey, type Principal, type Role } from '../store/model.js';
import type { AppEnv } from './env.js';
import { ForbiddenError, UnauthorizedError } from './errors.js';

export interface Authenticator {
  /** The principal of a presented key, or undefined when unknown, malformed or revoked. */
  resolveKey(key: string): Promise<Principal | undefined>;
  /** The principal of a key hash (e.g. a console session that stored only the hash). */
  resolveKeyHash(hash: string): Promise<Principal | undefined>;
  /** Forget cached principals (after a revocation in the same process). */
  clear(): void;
}

const MAX_CACHED = 10_000;

export function createAuthenticator(keys: { resolveHash(hash: string): Promise<Principal | undefined> }, options: { cacheMs: number }): Authenticator {
  const cache = new Map<string, { principal: Principal; expires: number }>();
  const resolveKeyHash = async (hash: string) => {
    const hit = cache.get(hash);
    if (hit && hit.expires > Date.now()) return hit.principal;
    cache.delete(hash);
    const principal = await keys.resolveHash(hash);
    if (principal && options.cacheMs > 0) {
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(hash, { principal, expires: Date.now() + options.cacheMs });
    }
    return principal;
  };
  return {
    resolveKeyHash,
    async resolveKey(key) {
      if (!looksLikeApiKey(key)) return undefined;
      return resolveKeyHash(hashApiKey(key));
    },
    clear: () => cache.clear(),
  };
}

/** Sets `c.var.principal` from the bearer key, or answers 401. */
export function authenticate(auth: Authenticator): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new UnauthorizedError('send your API key as `Authorization: Bearer <key>`');
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!m) throw new UnauthorizedError('the Authorization header must be `Bearer <key>`');
    const principal = await auth.resolveKey(m[1]!);
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
