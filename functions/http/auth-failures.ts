/**
 * Failed-authentication limiting per client address. Every presented credential that fails (a malformed,
 * unknown or revoked key; an unknown console session) takes a token from its address's bucket, which holds
 * `perMinute` tokens and refills at that rate. An address whose bucket is empty is refused (429) before any
 * database read, so guessing keys costs the attacker time and costs us nothing.
 *
 * A credential that was valid recently is still admitted from a refused address: a flood from one machine
 * (or one NAT, or everything on localhost) must not lock out the keys that work there. IPv6 addresses are
 * counted per /64, since one host usually holds a whole /64.
 */
import { AuthThrottledError } from './errors.js';

export interface FailureLimiter {
  /** Throws AuthThrottledError when `client` is refused and `credential` (a hash) was not valid recently. */
  admit(client: string | undefined, credential?: string): void;
  /** Records a failed authentication from `client`. */
  failed(client: string | undefined): void;
  /** Records that `credential` (a hash) was valid: it is admitted from any address for a while. */
  succeeded(credential: string): void;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** How long a credential counts as known-good after it last worked. */
const KNOWN_GOOD_MS = 60 * 60 * 1000;
/** Bounds on the two maps, so a flood of addresses or keys cannot grow memory without limit. */
const MAX_ADDRESSES = 50_000;
const MAX_KNOWN_GOOD = 10_000;

export function createFailureLimiter({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }): FailureLimiter {
  const buckets = new Map<string, Bucket>();
  const knownGood = new Map<string, number>();
  const perMs = perMinute / 60_000;

  const refill = (key: string): Bucket | undefined => {
    const bucket = buckets.get(key);
    if (!bucket) return undefined;
    const t = now();
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.updated) * perMs);
    bucket.updated = t;
    if (bucket.tokens >= perMinute) buckets.delete(key); // full again: nothing to remember
    return bucket;
  };

  return {
    admit(client, credential) {
      if (perMinute <= 0) return;
      const bucket = refill(addressKey(client));
      if (!bucket || bucket.tokens >= 1) return;
      const good = credential === undefined ? undefined : knownGood.get(credential);
      if (good !== undefined && good > now()) return;
      throw new AuthThrottledError(Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)));
    },
    failed(client) {
      if (perMinute <= 0) return;
      const key = addressKey(client);
      const bucket = refill(key) ?? { tokens: perMinute, updated: now() };
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      buckets.delete(key);
      if (buckets.size >= MAX_ADDRESSES) buckets.delete(buckets.keys().next().value!); // the longest-untouched address
      buckets.set(key, bucket);
    },
    succeeded(credential) {
      if (perMinute <= 0) return;
      knownGood.delete(credential);
      if (knownGood.size >= MAX_KNOWN_GOOD) knownGood.delete(knownGood.keys().next().value!);
      knownGood.set(credential, now() + KNOWN_GOOD_MS);
    },
  };
}

/** The bucket an address counts against: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 prefix. */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
