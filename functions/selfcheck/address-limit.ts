/**
 * Self-checks per client address: a token bucket of `perMinute` checks that refills at that rate, in memory.
 * The page needs no key, so the address is all there is to count by (IPv6 per /64, as for failed sign-ins).
 * In Lambda each container counts on its own; API Gateway's route throttling on POST /check is the real guard.
 */
import { addressKey } from '../http/auth-failures.js';

const MAX_ADDRESSES = 50_000;

export interface AddressLimit {
  /** Takes one check from the address's bucket: undefined when allowed, else the seconds until the next is. */
  take(address: string | undefined): number | undefined;
}

export function createAddressLimit({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }): AddressLimit {
  const buckets = new Map<string, { tokens: number; updated: number }>();
  const perMs = perMinute / 60_000;
  return {
    take(address) {
      if (perMinute <= 0) return undefined;
      const key = addressKey(address);
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: perMinute, updated: t };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.updated) * perMs);
      bucket.updated = t;
      buckets.delete(key);
      if (buckets.size >= MAX_ADDRESSES) buckets.delete(buckets.keys().next().value!); // the longest-untouched address
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      bucket.tokens -= 1;
      return undefined;
    },
  };
}
