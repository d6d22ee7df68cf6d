/**
 * A bounded soak in the test suite: 2,000 hostile requests (after 300 to warm up) against `npm start` as a
 * real process. Every reply is acceptable (no 5xx, well-formed errors), every request is answered, and the
 * server still answers afterwards. Memory is reported, not asserted: a short run mostly shows the heap
 * sizing itself; `npm run bench:soak` (10,000 requests) is where growth is judged.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { hostileContext } from '../../functions/bench/hostile-context.js';
import { soak } from '../../functions/bench/soak.js';
import { startServer, stopAll } from './npm-start.js';

afterAll(stopAll);

it('answers 2,000 hostile requests on every route with no 5xx and no dropped request, and still answers', { timeout: 180_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hirecheck-soak-'));
  const server = await startServer({
    HIRECHECK_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    HIRECHECK_TABLE: `soak-${Date.now()}`,
    HIRECHECK_DATA_DIR: dataDir,
    HIRECHECK_RATE_LIMIT_RPS: '0',
    HIRECHECK_AUTH_FAILURES_PER_MINUTE: '0',
    HIRECHECK_SELF_CHECKS_PER_MINUTE: '0',
  });
  const keys = JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')) as Record<string, string>;
  const context = await hostileContext(server.base, { employer: keys.employer!, moderator: keys.moderator!, organizer: keys.organizer!, admin: keys.moderator! }, 256 * 1024);
  const report = await soak({ baseUrl: server.base, pid: server.child.pid!, context, requests: 2000, warmup: 300, checkpointEvery: 500, seed: 7 });
  console.info(`soak RSS MiB: ${report.rss.afterWarmupMiB} after warm-up → ${report.rss.checkpoints.map((c) => c.rssMiB).join(' → ')} (peak ${report.rss.peakMiB})`);
  expect(report.unacceptable).toEqual([]);
  expect(report.unanswered).toEqual([]);
  expect(Object.values(report.statuses).reduce((a, b) => a + b, 0)).toBe(2000);
  expect((await fetch(`${server.base}/health`)).status).toBe(200);
  expect(await server.stop()).toBe(0);
});
