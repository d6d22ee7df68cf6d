/**
 * Failed-authentication limiting: per client address, a short memory of unknown keys, and valid keys that
 * keep working through a flood. Real HTTP against the whole service on DynamoDB Local; the x-test-peer
 * header stands for the client's address, and the store's key lookups are counted (they are database reads).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKey } from '../../functions/http/auth-failures.js';
import { createAuthenticator } from '../../functions/http/auth.js';
import { hashApiKey } from '../../functions/store/model.js';
import { freshStore } from '../store/table.js';
import { consoleSession } from '../../functions/bench/console-session.js';
import { startServiceServer, type ServiceServer } from './service-server.js';

const PER_MINUTE = 10;
let s: ServiceServer;
let lookups = 0;

beforeAll(async () => {
  s = await startServiceServer({
    peerHeader: true,
    limits: { authFailures: { perMinute: PER_MINUTE, unknownKeyCacheMs: 60_000 } },
    around: (store) => ({
      ...store,
      keys: {
        ...store.keys,
        resolveHash: (hash) => {
          lookups++;
          return store.keys.resolveHash(hash);
        },
      },
    }),
  });
});
afterAll(() => s?.close());

const randomKey = () => `hc_${Math.random().toString(36).slice(2, 12).padEnd(10, '0')}_${'x'.repeat(20)}${Math.random().toString(36).slice(2, 25).padEnd(23, 'y')}`;
const lexicon = (key: string, peer: string) => fetch(`${s.url}/v1/lexicon`, { headers: { authorization: `Bearer ${key}`, 'x-test-peer': peer } });

describe('failed-authentication limiting', () => {
  it('refuses an address after its failures, before any key lookup, with 429 and Retry-After', async () => {
    const peer = '203.0.113.7';
    const start = lookups;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await lexicon(randomKey(), peer)).status);
    expect(statuses.slice(0, PER_MINUTE)).toEqual(Array(PER_MINUTE).fill(401));
    expect(new Set(statuses.slice(PER_MINUTE))).toEqual(new Set([429]));
    expect(lookups - start).toBe(PER_MINUTE); // the refused ones made no database read

    const refused = await lexicon(randomKey(), peer);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ type: 'urn:hirecheck:problem:auth-throttled', status: 429 });
    // A malformed key from a refused address gets the same answer.
    expect((await lexicon('not-a-key', peer)).status).toBe(429);
  });

  it('keeps a valid key working through a flood, from the flooding address and from others', async () => {
    const peer = '198.51.100.9';
    expect((await lexicon(s.keys.organizer, peer)).status).toBe(200); // used before the flood
    for (let i = 0; i < PER_MINUTE * 3; i++) await lexicon(randomKey(), peer);
    expect((await lexicon(randomKey(), peer)).status).toBe(429);
    expect((await lexicon(s.keys.organizer, peer)).status).toBe(200);
    expect((await lexicon(s.keys.admin, '192.0.2.50')).status).toBe(200); // another address is not affected
  });

  it('remembers an unknown key for a while: repeating it costs no lookup', async () => {
    const key = randomKey();
    const start = lookups;
    for (let i = 0; i < 3; i++) expect((await lexicon(key, `192.0.2.${100 + i}`)).status).toBe(401);
    expect(lookups - start).toBe(1);
  });

  it('counts console sign-in failures against the same limit', async () => {
    const peer = '203.0.113.99';
    const form = await fetch(`${s.url}/console/sign-in`);
    const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = /name="_signin" value="([^"]+)"/.exec(await form.text())![1]!;
    const attempt = () =>
      fetch(`${s.url}/console/sign-in`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-test-peer': peer },
        body: new URLSearchParams({ _signin: token, key: randomKey() }).toString(),
      });
    const statuses: number[] = [];
    for (let i = 0; i <= PER_MINUTE; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([...Array(PER_MINUTE).fill(403), 429]);
    const refused = await attempt();
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.text()).toContain('登录失败次数过多');
  });

  it('counts unknown console session cookies, and a live session keeps working from a refused address', async () => {
    const peer = '203.0.113.150';
    const { cookie } = await consoleSession(s.url, s.keys.moderator);
    const page = (c: string) => fetch(`${s.url}/console`, { headers: { cookie: c, 'x-test-peer': peer }, redirect: 'manual' });
    const statuses: number[] = [];
    for (let i = 0; i <= PER_MINUTE; i++) statuses.push((await page(`hc_console=${randomKey().slice(3, 46)}`)).status);
    expect(statuses).toEqual([...Array(PER_MINUTE).fill(303), 429]);
    expect((await page(cookie)).status).toBe(200);
  });
});

describe('client addresses', () => {
  it('counts IPv4 (also IPv4-mapped) per address and IPv6 per /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});

describe('key caches', () => {
  it('drops a revoked key within the cache time even while it is used all along, by key and by hash (console sessions)', async () => {
    const store = await freshStore('key-cache');
    const auth = createAuthenticator(store.keys, { cacheMs: 300, unknownKeyCacheMs: 60_000 });
    for (const resolve of [(k: string) => auth.resolveKey(k), (k: string) => auth.resolveKeyHash(hashApiKey(k))]) {
      const created = await store.keys.create({ role: 'moderator', tenant: 'platform' });
      expect(await resolve(created.key)).toMatchObject({ keyId: created.keyId });
      await store.keys.revoke(created.keyId);
      const answers: boolean[] = [];
      for (let i = 0; i < 12; i++) {
        answers.push((await resolve(created.key)) !== undefined);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(answers[0]).toBe(true); // cached for a while, as documented
      expect(answers.at(-1)).toBe(false);
    }
  });
});
