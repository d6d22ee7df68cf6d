/**
 * Runs a built Lambda bundle the way the Lambda runtime does, in its own plain Node process (no tsx, no
 * loaders): imports `index.mjs` once (the init phase), then calls `handler(event, context)` for each
 * event that the parent sends over the IPC channel, and sends back the response with its timing.
 * Started by bundle-process.ts; stdout/stderr stay free for the function's own logs.
 *
 *   → { type: 'ready', initMs, sinceStartMs, cpuMs, execArgv }   after the import (sinceStartMs: from process start)
 *   ← { id, event }                             an API Gateway v2 event
 *   → { id, response, ms, cpuMs, sinceStartMs } or { id, error }
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const bundleDir = process.argv[2];
const send = (message) => new Promise((resolve) => process.send(message, resolve));

function lambdaContext() {
  const deadline = Date.now() + Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT ?? 10) * 1000;
  const name = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'hirecheck-api';
  return {
    awsRequestId: randomUUID(),
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:123456789012:function:${name}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

let handler;
try {
  const started = performance.now();
  ({ handler } = await import(pathToFileURL(join(bundleDir, 'index.mjs')).href));
  if (typeof handler !== 'function') throw new Error('index.mjs exports no handler function');
  const cpu = process.cpuUsage();
  await send({ type: 'ready', initMs: performance.now() - started, sinceStartMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, execArgv: process.execArgv });
} catch (err) {
  await send({ type: 'init-error', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
}

process.on('message', async ({ id, event }) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const response = await handler(event, lambdaContext());
    const used = process.cpuUsage(cpu);
    await send({ id, response, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, sinceStartMs: performance.now() });
  } catch (err) {
    await send({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
