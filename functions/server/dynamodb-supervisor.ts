/**
 * Keeps `npm start`'s DynamoDB Local running. When the Java process dies (a crash, the OOM killer, a
 * stray `kill`), it is started again on the same port and the same files, after a back-off that doubles
 * from `firstDelayMs` to `maxDelayMs` while restarts keep failing and resets once an instance has stayed
 * up for `stableMs`. Every state change is one log line. Meanwhile requests that need the database
 * answer 503 and GET /health/ready says so; clients keep the same endpoint, so service returns by itself.
 */
import { startDynamoLocal, type LocalDynamo } from './dynamodb-local.js';

export interface SupervisorOptions {
  /** DynamoDB Local's files; undefined runs it in memory (a restart then starts empty). */
  dbPath?: string;
  log: (line: string) => void;
  /** Runs after each restart, before the instance counts as back (e.g. create the table when in memory). */
  onRestarted?: () => Promise<void>;
  firstDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
}

export interface SupervisedDynamo {
  readonly endpoint: string;
  readonly port: number;
  /** The current Java process (changes with every restart). */
  pid(): number;
  /** Stops supervising and stops DynamoDB Local. */
  stop(): Promise<void>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 1000 ? 1 : 0)} s`;
const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export async function superviseDynamoLocal(options: SupervisorOptions): Promise<SupervisedDynamo> {
  const { dbPath, log, firstDelayMs = 500, maxDelayMs = 30_000, stableMs = 60_000 } = options;
  let current: LocalDynamo = await startDynamoLocal({ dbPath });
  const { endpoint, port } = current;
  const data = dbPath ? `the same data (${dbPath})` : 'an empty in-memory database (in-memory data does not survive a crash)';
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = firstDelayMs;
  let restarts = 0;

  const watch = (instance: LocalDynamo) => {
    const startedAt = Date.now();
    void instance.exited.then(({ code, signal }) => {
      if (stopping) return;
      if (Date.now() - startedAt >= stableMs) delay = firstDelayMs;
      log(`DynamoDB Local stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}): restarting in ${seconds(delay)} on ${data}`);
      schedule();
    });
  };

  const schedule = () => {
    timer = setTimeout(() => void restart(), delay);
    delay = Math.min(maxDelayMs, delay * 2);
  };

  const restart = async () => {
    if (stopping) return;
    try {
      const next = await startDynamoLocal({ dbPath, port });
      try {
        if (stopping) throw new Error('stopping');
        await options.onRestarted?.();
      } catch (err) {
        await next.stop(); // never leave an instance running that the next attempt would collide with
        throw err;
      }
      current = next;
      restarts++;
      log(`DynamoDB Local is back on ${endpoint} (restart ${restarts}): requests are served again`);
      watch(next);
    } catch (err) {
      if (stopping) return;
      log(`DynamoDB Local did not restart (${firstLine(err)}): next attempt in ${seconds(delay)}`);
      schedule();
    }
  };

  watch(current);
  return {
    endpoint,
    port,
    pid: () => current.pid,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await current.stop();
    },
  };
}
