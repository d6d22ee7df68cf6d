/**
 * `npm run bench:soak`: 10,000 hostile requests (the fuzz test's kinds, every route in turn, seeded) against
 * `npm start` in its own process on DynamoDB Local, with the production limits switched off so every request
 * reaches its route. Reports the server's RSS when started, after a warm-up, at five checkpoints and at its
 * peak, its growth (and over the second half alone: a leak keeps growing, a heap sizing itself to the load
 * does not), what the requests got, and any reply no request may get (a 5xx, a malformed error) or none at all.
 * Options: --requests N (10000), --warmup N (1000), --json. Exits 1 when a reply was unacceptable.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { runBench, startBenchServer } from '../bench/bench-server.js';
import { hostileContext } from '../bench/hostile-context.js';
import { soak } from '../bench/soak.js';

const BODY_LIMIT = 256 * 1024;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { requests: { type: 'string', default: '10000' }, warmup: { type: 'string', default: '1000' }, json: { type: 'boolean', default: false } },
  });
  const requests = Number(values.requests);
  const log = (line: string) => process.stderr.write(`bench:soak: ${line}\n`);
  const server = await startBenchServer({ HIRECHECK_TABLE: 'soak', HIRECHECK_RATE_LIMIT_RPS: '0', HIRECHECK_AUTH_FAILURES_PER_MINUTE: '0', HIRECHECK_SELF_CHECKS_PER_MINUTE: '0' }, log);
  try {
    const base = server.base;
    const { keys } = server;
    const context = await hostileContext(base, { ...keys, admin: keys.moderator }, BODY_LIMIT);
    log(`${values.warmup} requests to warm up, then ${requests} measured, against ${base}`);
    const report = await soak({ baseUrl: base, pid: server.pid, context, requests, warmup: Number(values.warmup), checkpointEvery: Math.max(1000, Math.round(requests / 5)) });
    const alive = (await fetch(`${base}/health`)).status === 200;
    const env = { node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}` };
    const round = (n: number) => Math.round(n * 10) / 10;
    const { checkpoints } = report.rss;
    const growth = round(checkpoints.at(-1)!.rssMiB - report.rss.afterWarmupMiB);
    // A leak keeps growing; a heap that sized itself to the load does not: compare the second half alone.
    const secondHalf = round(checkpoints.at(-1)!.rssMiB - checkpoints[Math.floor((checkpoints.length - 1) / 2)]!.rssMiB);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ env, ...report, growthAfterWarmupMiB: growth, growthOverSecondHalfMiB: secondHalf, serverAnswersAfterwards: alive }, null, 2)}\n`);
    } else {
      const { rss } = report;
      process.stdout.write(`\nhirecheck soak — ${env.node}, ${env.cpus}; ${requests} hostile requests in ${(report.durationMs / 1000).toFixed(1)} s\n\n`);
      process.stdout.write(`RSS: ${rss.startMiB} MiB started, ${rss.afterWarmupMiB} MiB after ${values.warmup} warm-up requests, then\n`);
      process.stdout.write(`     ${rss.checkpoints.map((c) => `${c.rssMiB} (${c.n})`).join(', ')}; peak ${rss.peakMiB} MiB\n`);
      const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;
      process.stdout.write(`growth over the ${requests} measured requests: ${signed(growth)} MiB; over their second half: ${signed(secondHalf)} MiB\n`);
      process.stdout.write(`statuses: ${Object.entries(report.statuses).map(([s, n]) => `${s}×${n}`).join(' ')}\n`);
      process.stdout.write(`unacceptable replies: ${report.unacceptable.length}; unanswered: ${report.unanswered.length}; server answers afterwards: ${alive ? 'yes' : 'NO'}\n`);
      for (const line of [...report.unacceptable, ...report.unanswered].slice(0, 10)) process.stdout.write(`  ${line}\n`);
      process.stdout.write('\n');
    }
    return report.unacceptable.length || report.unanswered.length || !alive ? 1 : 0;
  } finally {
    await server.stop();
  }
}

runBench('bench:soak', main);
