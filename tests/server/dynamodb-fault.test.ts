/**
 * DynamoDB Local dies under load: `npm start` (a real process, persistent data) takes ads from four
 * writers while its Java process is killed with SIGKILL. Requests answer 503 and /health/ready says so,
 * the supervisor restarts DynamoDB Local on the same port and files without anyone restarting npm start,
 * service returns, and every ad that was acknowledged (201) is there afterwards. A second kill with the
 * port taken by another program shows the back-off: the failed restart is logged and retried.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServer, stopAll, type Running } from './npm-start.js';

afterAll(stopAll);

/** The DynamoDB Local (Java) child of a process. */
function javaChildOf(pid: number): number {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('DynamoDBLocal.jar')) return Number(entry);
    } catch {
      // the process ended while being read
    }
  }
  throw new Error(`no DynamoDB Local child of ${pid}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Load {
  acknowledged: Map<string, string>;
  statuses: Map<number, number>;
  readiness: Set<number>;
  stop(): Promise<void>;
}

/** Four writers creating ads, and a readiness poller, until stopped. */
function startLoad(server: Running, employerKey: string): Load {
  const acknowledged = new Map<string, string>();
  const statuses = new Map<number, number>();
  const readiness = new Set<number>();
  let running = true;
  let n = 0;
  const writer = async () => {
    while (running) {
      const title = `仓库管理员 ${++n}`;
      try {
        const res = await fetch(`${server.base}/v1/ads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${employerKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title, description: '负责仓库管理，年龄35岁以下。' }),
        });
        const body = (await res.json()) as { adId?: string };
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acknowledged.set(body.adId!, title);
        else await sleep(50);
      } catch {
        statuses.set(-1, (statuses.get(-1) ?? 0) + 1); // the server itself did not answer
      }
    }
  };
  const poller = async () => {
    while (running) {
      readiness.add((await fetch(`${server.base}/health/ready`)).status);
      await sleep(150);
    }
  };
  const all = Promise.all([writer(), writer(), writer(), writer(), poller()]);
  return {
    acknowledged,
    statuses,
    readiness,
    async stop() {
      running = false;
      await all;
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

it('survives DynamoDB Local being killed mid-load: 503 meanwhile, automatic restart, every acknowledged ad present', { timeout: 240_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hirecheck-fault-'));
  const server = await startServer({ HIRECHECK_DATA_DIR: dataDir, HIRECHECK_RATE_LIMIT_RPS: '0' });
  const keys = JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')) as Record<string, string>;
  const { endpoint } = JSON.parse(readFileSync(join(dataDir, 'dynamodb-local.json'), 'utf8')) as { endpoint: string };
  const load = startLoad(server, keys.employer!);
  let blocker: Server | undefined;
  try {
    await until(() => load.acknowledged.size >= 30, '30 acknowledged ads');
    const firstJava = javaChildOf(server.child.pid!);
    process.kill(firstJava, 'SIGKILL');
    await server.waitFor('DynamoDB Local stopped unexpectedly (signal SIGKILL): restarting in 0.5 s on the same data');
    await server.waitFor('DynamoDB Local is back on');
    const backAt = load.acknowledged.size;
    await until(() => load.acknowledged.size >= backAt + 30, '30 more ads after the restart');
    expect(javaChildOf(server.child.pid!)).not.toBe(firstJava);

    // Again, with the port taken by another program for a while: the restart fails, is logged, and is retried.
    const port = Number(new URL(endpoint).port);
    process.kill(javaChildOf(server.child.pid!), 'SIGKILL');
    await until(() => server.output().split('DynamoDB Local stopped unexpectedly').length === 3, 'the second stop to be logged');
    blocker = await new Promise<Server>((resolve, reject) => {
      const s = createServer((socket) => socket.destroy());
      s.once('error', reject);
      s.listen(port, () => resolve(s));
    }).catch(() => undefined); // the supervisor may already have taken the port back: then there is nothing to show
    if (blocker) {
      await server.waitFor(/DynamoDB Local did not restart \(.*\): next attempt in \d/);
      await new Promise<void>((r) => blocker!.close(() => r()));
      blocker = undefined;
    }
    await server.waitFor(/DynamoDB Local is back on [^\n]* \(restart 2\)/);
    const secondBack = load.acknowledged.size;
    await until(() => load.acknowledged.size >= secondBack + 10, '10 more ads after the second restart');
  } finally {
    blocker?.close();
    await load.stop();
  }

  // While the database was down, requests answered 503 (never another 5xx, never a dropped connection),
  // and readiness said so; service came back without restarting npm start.
  expect([...load.statuses.keys()].sort()).toEqual([201, 503]);
  expect(load.readiness).toEqual(new Set([200, 503]));
  expect((await fetch(`${server.base}/health/ready`)).status).toBe(200);

  // Every acknowledged ad is there, with what was sent.
  for (const [adId, title] of load.acknowledged) {
    const res = await fetch(`${server.base}/v1/ads/${adId}`, { headers: { authorization: `Bearer ${keys.employer}` } });
    expect(res.status, adId).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe(title);
  }
  expect(await server.stop()).toBe(0);
});
