/**
 * `npm start` as a child process, as an operator runs it (node --import tsx functions/server/main.ts), for the
 * tests that need the real thing: its own DynamoDB Local, its port, its files, its log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../functions/server/dynamodb-local.js';
import { ENGINE_V8_FLAGS } from '../../functions/node-flags.js';

export const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = [...ENGINE_V8_FLAGS, '--import', 'tsx', 'functions/server/main.ts'];
const children: ChildProcess[] = [];

export interface Running {
  child: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  /** Resolves when `text` has appeared in the output. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<number | null>;
}

function collect(child: ChildProcess): () => string {
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return () => out;
}

/** Starts a server on a free port (unless `args` or `env` name one) and waits until it listens. */
export async function startServer(env: Record<string, string>, args: string[] = []): Promise<Running> {
  const port = Number(env.PORT ?? args[args.indexOf('--port') + 1] ?? 0) || (await freePort());
  const child = spawn(process.execPath, [...MAIN, ...args], { cwd: ROOT, env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output = collect(child);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const waitFor = (text: string | RegExp, timeoutMs = 90_000) =>
    new Promise<void>((resolve, reject) => {
      const seen = () => (typeof text === 'string' ? output().includes(text) : text.test(output()));
      const timer = setInterval(() => {
        if (seen()) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      setTimeout(() => (clearInterval(timer), reject(new Error(`no ${String(text)} within ${timeoutMs} ms:\n${output()}`))), timeoutMs).unref();
      void exited.then((code) => (seen() ? undefined : (clearInterval(timer), reject(new Error(`server exited with ${code}:\n${output()}`)))));
    });
  await waitFor('listening on');
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    output,
    waitFor,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs `npm start` with these settings to its exit (for start-ups that must fail). */
export async function runToExit(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  return { code, stdout, stderr, ms: Math.round(performance.now() - started) };
}

/** SIGTERM to every server still running (so each stops its DynamoDB Local too). */
export async function stopAll(): Promise<void> {
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  }
}
