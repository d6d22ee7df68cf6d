/**
 * A soak of hostile requests against a running server process: a seeded sample of the fuzz test's requests
 * (every route, round robin), sent by a few keep-alive clients, with the server's resident memory (RSS, from
 * /proc) read at checkpoints. `npm run bench:soak` runs 10,000 and reports the growth; the test suite runs
 * a bounded one (tests/server/soak.test.ts).
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import fc from 'fast-check';
import { hostileRequest, ROUTES, unacceptable, type HostileContext, type HostileRequest } from './hostile-requests.js';
import { sendRequest } from './send-request.js';

export interface SoakOptions {
  baseUrl: string;
  /** The server's process id, whose RSS is read. */
  pid: number;
  context: HostileContext;
  requests: number;
  /** Requests sent before the baseline RSS is taken (caches filled, code paths compiled). */
  warmup: number;
  /** RSS is read after every this many requests. */
  checkpointEvery: number;
  concurrency?: number;
  seed?: number;
}

export interface SoakReport {
  requests: number;
  statuses: Record<number, number>;
  /** Replies no request may get (5xx, malformed errors), with the request that got them. */
  unacceptable: string[];
  /** Requests that got no reply at all (the connection failed). */
  unanswered: string[];
  /** RSS in MiB: when started, after the warm-up, at each checkpoint (after `n` requests), and the peak. */
  rss: { startMiB: number; afterWarmupMiB: number; checkpoints: { n: number; rssMiB: number }[]; peakMiB: number };
  durationMs: number;
}

/** VmRSS / VmHWM of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: Math.round(kib('VmRSS') / 102.4) / 10, peakMiB: Math.round(kib('VmHWM') / 102.4) / 10 };
}

/** The requests of a soak: deterministic for a seed, every route in turn. */
export function soakRequests(context: HostileContext, count: number, seed: number): HostileRequest[] {
  const perRoute = Math.ceil(count / ROUTES.length);
  const columns = ROUTES.map((route, i) => fc.sample(hostileRequest(context, route), { seed: seed + i, numRuns: perRoute }));
  const out: HostileRequest[] = [];
  for (let i = 0; out.length < count; i++) out.push(columns[i % ROUTES.length]![Math.floor(i / ROUTES.length)]!);
  return out;
}

export async function soak(options: SoakOptions): Promise<SoakReport> {
  const { baseUrl, pid, context, requests, warmup, checkpointEvery, concurrency = 8, seed = 20261203 } = options;
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const all = soakRequests(context, warmup + requests, seed);
  const report: SoakReport = {
    requests,
    statuses: {},
    unacceptable: [],
    unanswered: [],
    rss: { startMiB: memoryOf(pid).rssMiB, afterWarmupMiB: 0, checkpoints: [], peakMiB: 0 },
    durationMs: 0,
  };
  const describe = (r: HostileRequest) => `${r.method} ${r.path.slice(0, 120)}`;
  let next = 0;
  let done = 0;
  const send = async (r: HostileRequest) => {
    try {
      const reply = await sendRequest(base, r, agent);
      report.statuses[reply.status] = (report.statuses[reply.status] ?? 0) + 1;
      const why = unacceptable(r, reply);
      if (why) report.unacceptable.push(`${why}: ${describe(r)}`);
    } catch (err) {
      report.unanswered.push(`${(err as Error).message}: ${describe(r)}`);
    }
  };
  const phase = async (until: number, onEach: (n: number) => void) => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < until) {
          const r = all[next++]!;
          await send(r);
          onEach(++done);
        }
      }),
    );
  };
  await phase(warmup, () => {});
  report.rss.afterWarmupMiB = memoryOf(pid).rssMiB;
  report.statuses = {}; // what the measured requests got (unacceptable replies of the warm-up still count)
  const started = performance.now();
  await phase(warmup + requests, (n) => {
    const sent = n - warmup;
    if (sent % checkpointEvery === 0) report.rss.checkpoints.push({ n: sent, rssMiB: memoryOf(pid).rssMiB });
  });
  report.durationMs = Math.round(performance.now() - started);
  report.rss.peakMiB = memoryOf(pid).peakMiB;
  agent.destroy();
  return report;
}
