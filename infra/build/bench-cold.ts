/**
 * `npm run bench:cold`: cold start and per-request time of the BUILT Lambda bundle (dist/lambda, built by
 * the npm script first), each run in a fresh Node process against DynamoDB Local, and the bundle's size.
 * Cold start = process start → first response to an authenticated POST /v1/check (init, key lookup in
 * DynamoDB, one engine check). The numbers feed the memory/timeout choice in docs/deploying.md ("Memory and timeout").
 *
 *   npm run bench:cold [-- --runs 5 --warm 200]
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { startDynamoLocal } from '../../functions/server/dynamodb-local.js';
import { createDynamoClient, createStore, ensureTable } from '../../functions/store/index.js';
import { startBundle } from './bundle-process.js';
import { LAMBDA_DIST } from './paths.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, warm: { type: 'string', default: '200' } } });
const RUNS = Number(values.runs);
const WARM = Number(values.warm);

const AD = {
  title: '销售经理',
  description: '负责华东区客户开发与维护，限男性，35岁以下，本科及以上学历，有三年以上销售经验，月薪8000-15000元，五险一金。',
};

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]) => pct([...xs].sort((a, b) => a - b), 50);

/** Bytes on disk, and deflated per file as a zip stores them (what Lambda's 50 MB zipped limit counts). */
function sizes(dir: string): { files: number; bytes: number; zipped: number; script: number } {
  let files = 0;
  let bytes = 0;
  let zipped = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const data = readFileSync(join(entry.parentPath, entry.name));
    files++;
    bytes += data.length;
    zipped += deflateRawSync(data, { level: 9 }).length + 100;
  }
  return { files, bytes, zipped, script: statSync(join(dir, 'index.mjs')).size };
}

async function main(): Promise<void> {
  // This process runs on Node 20; the SDK's notice that it will require Node 22 is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Outside the repository, as in /var/task: nothing can resolve from the repo's node_modules.
  const bundleDir = mkdtempSync(join(tmpdir(), 'hirecheck-bench-'));
  cpSync(LAMBDA_DIST, bundleDir, { recursive: true });
  const size = sizes(bundleDir);
  const dynamo = await startDynamoLocal({ timeoutMs: 90_000 });
  try {
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    const tableName = 'bench-cold';
    await ensureTable(client, tableName);
    const key = await createStore({ client, tableName }).keys.create({ role: 'employer', tenant: 'bench' });
    const env = {
      HIRECHECK_TABLE: tableName,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      // The in-app per-key limiter would throttle the warm loop; API Gateway throttles in the cloud.
      HIRECHECK_RATE_LIMIT_RPS: '0',
    };
    const headers = { authorization: `Bearer ${key.key}` };

    const cold: { init: number; cpu: number; first: number; spawn: number; firstHandler: number }[] = [];
    let warmCheck: number[] = [];
    let warmSubmit: number[] = [];
    const cpuCheck: number[] = [];
    const cpuSubmit: number[] = [];
    let peakRss = 0;
    for (let run = 0; run < RUNS; run++) {
      const spawned = performance.now();
      const lambda = await startBundle(bundleDir, env);
      try {
        const first = await lambda.invoke({ method: 'POST', url: '/v1/check', headers, body: AD });
        if (first.response.statusCode !== 200) throw new Error(`first request answered ${first.response.statusCode}: ${first.response.body}`);
        cold.push({
          init: lambda.init.sinceStartMs,
          cpu: lambda.init.cpuMs,
          first: first.sinceStartMs,
          spawn: performance.now() - spawned,
          firstHandler: first.ms,
        });
        if (run === RUNS - 1) {
          for (let i = 0; i < WARM; i++) {
            const r = await lambda.invoke({ method: 'POST', url: '/v1/check', headers, body: AD });
            warmCheck.push(r.ms);
            cpuCheck.push(r.cpuMs);
          }
          for (let i = 0; i < WARM / 4; i++) {
            const r = await lambda.invoke({ method: 'POST', url: '/v1/ads', headers, body: AD });
            warmSubmit.push(r.ms);
            cpuSubmit.push(r.cpuMs);
          }
        }
        peakRss = Math.max(peakRss, lambda.rssBytes() ?? 0);
      } finally {
        await lambda.close();
      }
    }
    warmCheck = warmCheck.sort((a, b) => a - b);
    warmSubmit = warmSubmit.sort((a, b) => a - b);

    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`Lambda bundle ${LAMBDA_DIST} (Node ${process.version}, ${RUNS} cold starts)`);
    out(`  size: index.mjs ${mb(size.script)}, ${size.files} files ${mb(size.bytes)} on disk, ≈${mb(size.zipped)} zipped`);
    out(`  cold start, process start → init done (import, lexicons):       median ${ms(median(cold.map((c) => c.init)))}  [${cold.map((c) => ms(c.init)).join(', ')}]`);
    out(`  cold start, CPU time used by init:                              median ${ms(median(cold.map((c) => c.cpu)))}`);
    out(`  cold start, process start → first response (POST /v1/check):   median ${ms(median(cold.map((c) => c.first)))}  [${cold.map((c) => ms(c.first)).join(', ')}]`);
    out(`  first request's handler time (key lookup + check):              median ${ms(median(cold.map((c) => c.firstHandler)))}`);
    out(`  spawn → first response, as seen by the parent:                  median ${ms(median(cold.map((c) => c.spawn)))}`);
    out(`  warm POST /v1/check (${warmCheck.length}): p50 ${ms(pct(warmCheck, 50))}, p95 ${ms(pct(warmCheck, 95))}, p99 ${ms(pct(warmCheck, 99))}; CPU median ${ms(median(cpuCheck))}`);
    out(`  warm POST /v1/ads   (${warmSubmit.length}): p50 ${ms(pct(warmSubmit, 50))}, p95 ${ms(pct(warmSubmit, 95))}, p99 ${ms(pct(warmSubmit, 99))}; CPU median ${ms(median(cpuSubmit))}`);
    out(`  peak RSS of the function process: ${mb(peakRss)}`);
    out(`  goal: cold start under 1 s here — ${median(cold.map((c) => c.first)) < 1000 ? 'met' : 'NOT met'}`);
  } finally {
    await dynamo.stop();
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

await main();
