/**
 * A built Lambda bundle running in a fresh Node process (invoke-bundle.mjs), driven with API Gateway v2
 * events: what the built-bundle tests and `npm run bench:cold` use. The child gets a clean environment
 * (no loaders, no NODE_OPTIONS, nothing from the repository) plus the variables Lambda would set.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ENGINE_NODE_OPTIONS, EXEC_WRAPPER_FILE } from '../../functions/node-flags.js';
import { DEFAULT_CONFIG } from '../config.js';
import { httpApiEvent, type HttpRequest } from './http-api-event.js';

const RUNNER = fileURLToPath(new URL('./invoke-bundle.mjs', import.meta.url));

export interface LambdaHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

export interface Invocation {
  response: LambdaHttpResponse;
  /** Handler time of this invocation, and the CPU time the process used meanwhile. */
  ms: number;
  cpuMs: number;
  /** Time since the child process started (performance.timeOrigin), at the response. */
  sinceStartMs: number;
  json<T = Record<string, unknown>>(): T;
}

export interface BundleProcess {
  /** Import (init phase) time, time from process start to the end of init, and CPU time used by then; Node's flags. */
  readonly init: { initMs: number; sinceStartMs: number; cpuMs: number; spawnToReadyMs: number; execArgv: string[] };
  invoke(req: HttpRequest): Promise<Invocation>;
  /** Invokes the handler with `event` as it is (a Step Functions task's input, not an HTTP request). */
  invokeEvent(event: unknown): Promise<Invocation>;
  /** Everything the function wrote to stdout and stderr so far (its logs). */
  output(): string;
  /** Peak resident memory of the process so far. */
  rssBytes(): number | undefined;
  close(): Promise<void>;
}

type Reply = { id: number; response: LambdaHttpResponse; ms: number; cpuMs: number; sinceStartMs: number } | { id: number; error: string };
type Ready = { type: 'ready'; initMs: number; sinceStartMs: number; cpuMs: number; execArgv: string[] } | { type: 'init-error'; error: string };

/** Environment variables the Lambda runtime sets that the function or its libraries read. */
function lambdaEnv(memoryMb: number): Record<string, string> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: 'hirecheck-api',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_FORMAT: 'JSON',
    AWS_LAMBDA_LOG_LEVEL: 'INFO',
    POWERTOOLS_SERVICE_NAME: 'hirecheck',
    // set on the functions by the stack (infra/api-function.ts, infra/recheck.ts)
    NODE_OPTIONS: ENGINE_NODE_OPTIONS,
    // Lambda runs Node 22; the SDK's warning about this machine's Node 20 is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export async function startBundle(bundleDir: string, env: Record<string, string>, memoryMb = DEFAULT_CONFIG.memoryMb): Promise<BundleProcess> {
  const spawned = performance.now();
  // Started through the bundle's exec wrapper, as Lambda starts it: the wrapper gets the interpreter first.
  const child: ChildProcess = fork(RUNNER, [bundleDir], {
    cwd: bundleDir,
    execPath: join(bundleDir, EXEC_WRAPPER_FILE),
    execArgv: [process.execPath],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...lambdaEnv(memoryMb), ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  const pending = new Map<number, (reply: Reply) => void>();
  const ready = await new Promise<Extract<Ready, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bundle process exited (${code}) during init:\n${output}`)));
    child.on('message', (message: Ready | Reply) => {
      if ('type' in message) {
        if (message.type === 'ready') resolve(message);
        else reject(new Error(`bundle failed to initialise: ${message.error}\n${output}`));
      } else {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
  });
  const init = { initMs: ready.initMs, sinceStartMs: ready.sinceStartMs, cpuMs: ready.cpuMs, spawnToReadyMs: performance.now() - spawned, execArgv: ready.execArgv };

  let nextId = 0;
  const invokeEvent = async (event: unknown): Promise<Invocation> => {
    const id = nextId++;
    const reply = await new Promise<Reply>((resolve, reject) => {
      pending.set(id, resolve);
      child.send({ id, event }, (err) => err && reject(err));
    });
    if ('error' in reply) throw new Error(`handler threw: ${reply.error}\n${output}`);
    const { response, ms, cpuMs, sinceStartMs } = reply;
    return { response, ms, cpuMs, sinceStartMs, json: <T>() => JSON.parse(response.body) as T };
  };

  return {
    init,
    invoke: (req) => invokeEvent(httpApiEvent(req)),
    invokeEvent,
    output: () => output,
    rssBytes: () => readRss(child.pid),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Peak resident memory of a process (VmHWM, Linux /proc), for the memory-size choice. */
function readRss(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
