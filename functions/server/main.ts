/**
 * `npm start`. The port comes first: a busy port fails at once with a message naming it, before anything
 * is started or written (another server's files are never touched). Then, in start-service.ts, DynamoDB
 * Local under a supervisor (unless HIRECHECK_DYNAMODB_ENDPOINT / AWS settings point elsewhere), the table,
 * demo keys on an empty database, and the service. It listens on loopback unless --host or HOST says otherwise.
 */
import { ConfigError, loadConfig, USAGE } from '../config.js';
import { bindHttpServer, type BoundHttpServer } from './http-server.js';
import type { RunningService } from './start-service.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // package.json supports Node 20

const say = (line: string) => process.stdout.write(`hirecheck: ${line}\n`);

/** Errors whose message is the whole story for the operator: one line, no stack. */
const ONE_LINE = new Set(['ConfigError', 'PortUnavailableError', 'JavaMissingError', 'DataDirInUseError']);

let http: BoundHttpServer | undefined;
let service: RunningService | undefined;
let closing = false;
async function shutdown(code: number): Promise<never> {
  if (!closing) {
    closing = true;
    await http?.close().catch(() => {});
    await service?.close().catch(() => {});
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  http = await bindHttpServer(config);
  // The engine and the AWS SDK are loaded only once the port is ours.
  const { startService } = await import('./start-service.js');
  service = await startService(config, http, say);
}

main().catch(async (err: unknown) => {
  const name = err instanceof Error ? err.name : '';
  if (err instanceof ConfigError || ONE_LINE.has(name)) process.stderr.write(`hirecheck: ${(err as Error).message}\n`);
  else process.stderr.write(`hirecheck: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await shutdown(1);
});
