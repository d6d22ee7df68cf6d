/**
 * `npm run bench:recheck [-- ADS]`: how fast a re-check goes and how large the data it scans is, on DynamoDB
 * Local (in memory). Stores ADS generated ads (default 2,000) as if judged by other rules: 95% whose verdict
 * the current rules confirm (only the lexicon version is rewritten), 5% whose verdict changes (a new
 * `rechecked` version). Then re-checks them with one segment, and again with four side by side, and reports
 * ads per second, milliseconds per ad, and the average bytes per ad the Scan reads.
 */
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { getEngine } from '../engine.js';
import { addCounts, emptyCounts, recheckSegment } from '../recheck/run-segment.js';
import { startDynamoLocal } from '../server/dynamodb-local.js';
import { createDynamoClient, createStore, ensureTable, type Store } from '../store/index.js';
import type { Item } from '../store/table.js';
import { generateAds } from './generate-ads.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const count = Number(process.argv[2] ?? 2000);
const engine = getEngine();

/** DynamoDB's item size: attribute names and values in UTF-8 (numbers approximated by their digits). */
function itemBytes(item: Item): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name);
    if (value.S !== undefined) bytes += Buffer.byteLength(value.S);
    else if (value.N !== undefined) bytes += value.N.length;
    else if (value.B !== undefined) bytes += value.B.length;
    else if (value.L !== undefined) bytes += value.L.reduce((n, v) => n + Buffer.byteLength(v.S ?? '') + 1, 3);
  }
  return bytes;
}

async function seed(store: Store, label: string): Promise<void> {
  const owner = await store.keys.create({ role: 'employer', tenant: 'bench' });
  const ads = generateAds(count);
  for (let i = 0; i < ads.length; i += 20) {
    await Promise.all(
      ads.slice(i, i + 20).map((ad, j) => {
        const verdict = { ...engine.check(ad), lexiconVersion: `${label}-old-rules` };
        // Every 20th ad: the old rules found nothing, so the current verdict differs.
        if ((i + j) % 20 === 0) Object.assign(verdict, { findings: [], decision: 'approve' });
        return store.ads.create({ actor: owner, ad, verdict });
      }),
    );
  }
}

async function tableBytes(store: Store): Promise<{ items: number; bytes: number }> {
  let items = 0;
  let bytes = 0;
  let start: Item | undefined;
  do {
    const out: ScanCommandOutput = await store.table.send<ScanCommandOutput>(new ScanCommand({ TableName: store.table.name, ExclusiveStartKey: start }));
    for (const item of out.Items ?? []) {
      items++;
      bytes += itemBytes(item);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return { items, bytes };
}

async function run(store: Store, segments: number) {
  const started = performance.now();
  const total = emptyCounts();
  await Promise.all(
    Array.from({ length: segments }, (_, segment) => recheckSegment({ store: store.recheck, engine, segment, totalSegments: segments }).then((r) => addCounts(total, r.counts))),
  );
  return { ms: performance.now() - started, counts: total };
}

const dynamo = await startDynamoLocal();
try {
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  for (const segments of [1, 4]) {
    const tableName = `recheck-bench-${segments}`;
    await ensureTable(client, tableName);
    const store = createStore({ client, tableName, waitForLocalCommits: true });
    await seed(store, tableName);
    const size = await tableBytes(store);
    const { ms, counts } = await run(store, segments);
    console.log(
      `${segments} segment(s): ${counts.scanned} ads in ${(ms / 1000).toFixed(1)} s = ${Math.round((counts.scanned / ms) * 1000)} ads/s, ` +
        `${(ms / counts.scanned).toFixed(1)} ms per ad per segment run (${((ms * segments) / counts.scanned).toFixed(1)} ms of one worker's time); ` +
        `${counts.confirmed} confirmed, ${counts.changed} changed; table before: ${size.items} items, ${Math.round(size.bytes / counts.scanned)} bytes per ad`,
    );
  }
} finally {
  await dynamo.stop();
}
