/**
 * What the HTTP benchmarks stand on: DynamoDB Local (in memory) and `npm start` in its own process pointed at
 * it, with the given settings, its demo keys, and a clean stop; and the wrapper that runs a benchmark's main.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_V8_FLAGS } from '../node-flags.js';
import { freePort, startDynamoLocal } from '../server/dynamodb-local.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface BenchServer {
  base: string;
  /** The server process, whose memory a benchmark may read. */
  pid: number;
  /** Its DynamoDB Local, for benchmarks that also talk to the database directly. */
  dynamoEndpoint: string;
  keys: { employer: string; employer2: string; moderator: string; organizer: string };
  stop(): Promise<void>;
}

export async function startBenchServer(settings: Record<string, string>, log: (line: string) => void): Promise<BenchServer> {
  const dynamo = await startDynamoLocal();
  const dataDir = mkdtempSync(join(tmpdir(), 'hirecheck-bench-'));
  const port = await freePort();
  log(`DynamoDB Local on ${dynamo.endpoint}; starting the server on port ${port}`);
  const server = spawn(process.execPath, [...ENGINE_V8_FLAGS, '--import', 'tsx', join(import.meta.dirname, '../server/main.ts')], {
    env: { ...process.env, PORT: String(port), HIRECHECK_DYNAMODB_ENDPOINT: dynamo.endpoint, HIRECHECK_DATA_DIR: dataDir, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const gone = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await gone;
    }
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => output.includes('listening on') && (clearInterval(timer), resolve()), 100);
      server.once('exit', (code) => (clearInterval(timer), reject(new Error(`server exited (${code}):\n${output}`))));
    });
    const keys = JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')) as BenchServer['keys'];
    return { base: `http://127.0.0.1:${port}`, pid: server.pid!, dynamoEndpoint: dynamo.endpoint, keys, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Runs a benchmark's main and exits with its code (2 and the message when it throws). */
export function runBench(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(2);
    },
  );
}
