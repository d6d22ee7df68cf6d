/**
 * `npm run bench:http`: autocannon against a local server (functions/server/main.ts in its own process) backed
 * by DynamoDB Local, for POST /v1/check (engine only) and POST /v1/ads (engine + one DynamoDB transaction).
 * Prints req/s, p50/p99 latency and failed requests. Options: --duration S (10), --connections N (10),
 * --rounds N (2: the write measurements take turns this many times and are averaged), --json.
 * The rate limit is switched off for the run; everything else is the production code path.
 *
 * The write path is compared with its ceiling: DynamoDB Local's own TransactWriteItems rate, with the
 * project's table and exactly the items one create writes, sent by as many callers as autocannon has
 * connections, with nothing in front (functions/store/write-ceiling.ts). The bench prints both figures
 * and their ratios; the goals are ≥ 0.8× the rate and ≤ 1.5× the p99.
 */
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { runBench, startBenchServer } from '../bench/bench-server.js';
import type { StoredAd as Ad } from '../core/ad.js';
import { getEngine } from '../engine.js';
import { createDynamoClient, createStore, ensureTable } from '../store/index.js';
import { createTransactionProbe } from '../store/write-ceiling.js';

interface AutocannonResult {
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** A typical ad: a few hundred characters, one review-level finding (so POST /v1/ads also writes queue entries). */
const AD: Ad = {
  title: '高级行政专员（上海总部）',
  description:
    '岗位职责：1. 负责公司日常行政事务，包括办公用品采购、固定资产管理、会议室安排；2. 协助组织公司年会、团建等活动；' +
    '3. 对接物业、保洁、快递等外部供应商；4. 完成上级交办的其他工作。任职要求：大专及以上学历，年龄35岁以下，' +
    '两年以上行政工作经验，熟练使用办公软件，沟通能力强，做事细致有条理。',
  requirements: '有大型企业行政经验者优先。',
  benefits: '五险一金、带薪年假、节日福利、年度体检。',
  salary: '8000-12000元/月',
  location: '上海市浦东新区',
};

interface Measured {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/** `callers` concurrent loops of `op` for `seconds`: the rate and latency percentiles. */
async function closedLoop(op: () => Promise<void>, callers: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0);
  return { reqPerSec: Math.round(latencies.length / elapsed), p50Ms: at(0.5), p99Ms: at(0.99), requests: latencies.length };
}

const mean = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);

function meanMeasured(runs: Measured[]): Measured {
  return {
    reqPerSec: mean(runs.map((r) => r.reqPerSec)),
    p50Ms: mean(runs.map((r) => r.p50Ms)),
    p99Ms: mean(runs.map((r) => r.p99Ms)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
  };
}

/** Rounds of one autocannon target as one result: mean rate and percentiles, summed counts. */
function meanResult(runs: AutocannonResult[]): AutocannonResult {
  const sum = (f: (r: AutocannonResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  const statusCodeStats: AutocannonResult['statusCodeStats'] = {};
  for (const r of runs) for (const [code, { count }] of Object.entries(r.statusCodeStats)) statusCodeStats[code] = { count: (statusCodeStats[code]?.count ?? 0) + count };
  return {
    requests: { average: mean(runs.map((r) => r.requests.average)), total: sum((r) => r.requests.total), sent: sum((r) => r.requests.sent) },
    latency: {
      p50: mean(runs.map((r) => r.latency.p50)),
      p99: mean(runs.map((r) => r.latency.p99)),
      average: mean(runs.map((r) => r.latency.average)),
      max: Math.max(...runs.map((r) => r.latency.max)),
    },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    '2xx': sum((r) => r['2xx']),
    duration: sum((r) => r.duration),
    statusCodeStats,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const rounds = Number(values.rounds);
  const log = (line: string) => process.stderr.write(`bench:http: ${line}\n`);

  const server = await startBenchServer({ HIRECHECK_TABLE: 'bench', HIRECHECK_RATE_LIMIT_RPS: '0' }, log);
  try {
    const { keys, base } = server;
    const body = JSON.stringify(AD);
    const target = (path: string, key: string) => ({
      url: `${base}${path}`,
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });

    // The ceiling's own table (same definition), so neither run writes into the other's indexes.
    const client = createDynamoClient({ endpoint: server.dynamoEndpoint });
    await ensureTable(client, 'ceiling');
    const ceilingStore = createStore({ client, tableName: 'ceiling', waitForLocalCommits: true });
    const actor = { keyId: 'benchkey00', role: 'employer' as const, tenant: 'bench' };
    const probe = createTransactionProbe(ceilingStore.table, { actor, ad: AD, verdict: getEngine().check(AD) });

    // Warm up: JIT (DynamoDB Local's above all: its first thousands of transactions are several times slower),
    // key cache, connection pools.
    log('warming up');
    await autocannon({ ...target('/v1/check', keys.organizer!), connections: 2, amount: 200 });
    await autocannon({ ...target('/v1/ads', keys.employer!), connections, duration: 8 });
    await closedLoop(probe.bare, connections, 8);
    await closedLoop(probe.durable, connections, 4);

    const runs: { endpoint: string; result: AutocannonResult }[] = [];
    log(`POST /v1/check: ${connections} connections for ${duration} s`);
    runs.push({ endpoint: 'POST /v1/check', result: await autocannon({ ...target('/v1/check', keys.organizer!), connections, duration }) });
    // The three write measurements take turns, so drift in DynamoDB Local (JIT, growing tables) spreads evenly.
    const bareRuns: Measured[] = [];
    const durableRuns: Measured[] = [];
    const adsRuns: AutocannonResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      log(`round ${round}/${rounds}: bare TransactWriteItems (${probe.itemCount} items, as one create), the same with the commit wait, POST /v1/ads; ${connections} callers, ${duration} s each`);
      bareRuns.push(await closedLoop(probe.bare, connections, duration));
      durableRuns.push(await closedLoop(probe.durable, connections, duration));
      adsRuns.push(await autocannon({ ...target('/v1/ads', keys.employer!), connections, duration }));
    }
    runs.push({ endpoint: 'POST /v1/ads', result: meanResult(adsRuns) });
    const ceiling = meanMeasured(bareRuns);
    const durable = meanMeasured(durableRuns);
    client.destroy();

    const rows = runs.map(({ endpoint, result: r }) => ({
      endpoint,
      reqPerSec: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      requests: r.requests.total,
      failed: r.non2xx + r.errors + r.timeouts,
      statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    }));
    const ads = rows.find((r) => r.endpoint === 'POST /v1/ads')!;
    const writePath = {
      ceiling: { ...ceiling, items: probe.itemCount },
      durableCeiling: durable,
      api: { reqPerSec: ads.reqPerSec, p50Ms: ads.p50Ms, p99Ms: ads.p99Ms },
      rateRatio: Number((ads.reqPerSec / ceiling.reqPerSec).toFixed(2)),
      p99Ratio: Number((ads.p99Ms / Math.max(1, ceiling.p99Ms)).toFixed(2)),
    };
    const env = { node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}`, connections, durationSeconds: duration };
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ env, results: rows, writePath }, null, 2)}\n`);
    } else {
      process.stdout.write(`\nhirecheck HTTP benchmark — ${env.node}, ${env.cpus}; ${connections} connections, ${duration} s each; server + DynamoDB Local on this machine\n\n`);
      process.stdout.write(`${'endpoint'.padEnd(16)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'requests'.padStart(9)} ${'failed'.padStart(7)}\n`);
      for (const r of rows) {
        process.stdout.write(
          `${r.endpoint.padEnd(16)} ${String(r.reqPerSec).padStart(7)} ${String(r.p50Ms).padStart(7)} ${String(r.p99Ms).padStart(7)} ${String(r.requests).padStart(9)} ${String(r.failed).padStart(7)}\n`,
        );
      }
      for (const [name, m] of [['bare transaction', ceiling], ['+ commit wait', durable]] as const) {
        process.stdout.write(`${name.padEnd(16)} ${String(m.reqPerSec).padStart(7)} ${String(m.p50Ms).padStart(7)} ${String(m.p99Ms).padStart(7)} ${String(m.requests).padStart(9)}       0\n`);
      }
      process.stdout.write(
        `\nwrite path: POST /v1/ads ${ads.reqPerSec} req/s vs DynamoDB Local's bare TransactWriteItems with the same ${probe.itemCount} items ` +
          `${ceiling.reqPerSec}/s at ${connections} callers: ${writePath.rateRatio}× the rate (goal ≥ 0.8); ` +
          `p99 ${ads.p99Ms} vs ${ceiling.p99Ms} ms: ${writePath.p99Ratio}× (goal ≤ 1.5).\n` +
          `With the wait for DynamoDB Local's commit that keeps every acknowledged write (the store does it on DynamoDB Local): ` +
          `${durable.reqPerSec}/s, p99 ${durable.p99Ms} ms; the API is ${(ads.reqPerSec / durable.reqPerSec).toFixed(2)}× that rate.\n\n`,
      );
    }
    return rows.some((r) => r.failed > 0) ? 1 : 0;
  } finally {
    await server.stop();
  }
}

runBench('bench:http', main);
