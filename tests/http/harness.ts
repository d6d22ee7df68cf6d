/**
 * The API as the tests drive it: createApp over the real store on DynamoDB Local (a fresh table per file)
 * and the real engine, with keys for every role. `call` goes through `app.request` (the full middleware
 * stack, no socket); tests/http/server.test.ts also exercises a real HTTP server.
 */
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { getEngine } from '../../functions/engine.js';
import { createApp } from '../../functions/http/app.js';
import type { AppLimits, Logger } from '../../functions/http/env.js';
import type { Store } from '../../functions/store/index.js';
import { freshStore } from '../store/table.js';

export interface Keys {
  employer: string;
  employer2: string;
  moderator: string;
  moderator2: string;
  organizer: string;
  admin: string;
}

export interface Harness {
  store: Store;
  keys: Keys;
  app: ReturnType<typeof createApp>;
  logs: Record<string, unknown>[];
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
}

export interface CallOptions {
  key?: string;
  /** An object is sent as JSON; a string is sent as-is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export async function harness(options: { limits?: Partial<AppLimits>; store?: Store; log?: Logger } = {}): Promise<Harness> {
  const store = options.store ?? (await freshStore('http'));
  const make = async (role: 'employer' | 'moderator' | 'organizer' | 'admin', tenant: string) =>
    (await store.keys.create({ role, tenant, label: `${role} ${tenant}` })).key;
  const keys: Keys = {
    employer: await make('employer', 'acme'),
    employer2: await make('employer', 'globex'),
    moderator: await make('moderator', 'platform'),
    moderator2: await make('moderator', 'platform'),
    organizer: await make('organizer', 'fair'),
    admin: await make('admin', 'platform'),
  };
  const logs: Record<string, unknown>[] = [];
  const app = createApp({
    engine: getEngine(),
    store,
    limits: { rateLimit: { perSecond: 0, burst: 1 }, ...options.limits },
    log: options.log ?? ((entry) => logs.push(entry)),
  });
  return {
    store,
    keys,
    app,
    logs,
    async call(method, path, { key, body, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      if (key) h.authorization = `Bearer ${key}`;
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
      }
      const res = await app.request(path, { method, headers: h, body: payload });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
  };
}

/** Ads the engine approves, sends to review, and rejects (with the categories they hit). */
export const ADS = {
  clean: { title: '销售代表', description: '负责华东区客户开发与维护，本科及以上学历，男女不限。', salary: '8000-12000元/月', location: '上海' },
  review: { title: '行政专员', description: '负责日常行政事务，年龄35岁以下。' },
  reject: { title: '仓库管理员', description: '负责仓库管理，限男性。' },
} satisfies Record<string, Ad>;

export const problemType = (slug: string) => `urn:hirecheck:problem:${slug}`;
