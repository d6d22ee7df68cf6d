/** Demo API keys for a fresh local database: two employers, a moderator, an organizer. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiKeyStore } from '../store/api-keys.js';

export interface DemoKeys {
  employer: string;
  employer2: string;
  moderator: string;
  organizer: string;
}

export const DEMO_KEYS_FILE = 'demo-keys.json';

/** Creates the demo keys once per database; returns them (and writes `<dataDir>/demo-keys.json`), or undefined. */
export async function createDemoKeys(keys: ApiKeyStore, dataDir: string): Promise<DemoKeys | undefined> {
  if (!(await keys.claimBootstrap())) return undefined;
  const demo: DemoKeys = {
    employer: (await keys.create({ role: 'employer', tenant: 'demo-employer', label: '演示招聘方' })).key,
    employer2: (await keys.create({ role: 'employer', tenant: 'demo-employer-2', label: '演示招聘方二' })).key,
    moderator: (await keys.create({ role: 'moderator', tenant: 'platform', label: '演示审核员' })).key,
    organizer: (await keys.create({ role: 'organizer', tenant: 'demo-organizer', label: '演示主办方' })).key,
  };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DEMO_KEYS_FILE);
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return demo;
}
