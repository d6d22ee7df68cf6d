/**
 * A per-key token bucket, in memory. Enough for one Node server; in Lambda each container has its own
 * buckets, so there the real guard is API Gateway's throttling (usage plans / stage limits).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { RateLimitedError } from './errors.js';

interface Bucket {
  tokens: number;
  updated: number;
}

const MAX_BUCKETS = 50_000;

export function rateLimit({ perSecond, burst }: { perSecond: number; burst: number }): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    if (perSecond <= 0) return next();
    const key = c.get('principal').keyId;
    const now = Date.now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) buckets.clear();
      bucket = { tokens: burst, updated: now };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updated) / 1000) * perSecond);
    bucket.updated = now;
    if (bucket.tokens < 1) {
      throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)));
    }
    bucket.tokens -= 1;
    c.header('ratelimit-limit', String(burst));
    c.header('ratelimit-remaining', String(Math.floor(bucket.tokens)));
    await next();
  };
}
