/**
 * `npm start`: DynamoDB Local (unless HIRECHECK_DYNAMODB_ENDPOINT / AWS settings point elsewhere), the table,
 * demo keys on an empty database, and the API on PORT. `--in-memory` keeps nothing on disk.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from '../config.js';
import { getEngine } from '../engine.js';
import { createServiceApp } from '../http/service-app.js';
import { createStore, ensureTable } from '../store/index.js';
import { createDemoKeys, DEMO_KEYS_FILE } from './demo-keys.js';
import { connectDynamo, type DynamoConnection } from './dynamo-connection.js';
import { JavaMissingError } from './dynamodb-local.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // package.json supports Node 20

const say = (line: string) => process.stdout.write(`hirecheck: ${line}\n`);

async function main(): Promise<number> {
  const config = loadConfig(process.env, process.argv.slice(2));
  mkdirSync(resolve(config.dataDir), { recursive: true });
  const dynamo: DynamoConnection = await connectDynamo(config, { advertise: true });
  let server: ReturnType<typeof serve> | undefined;
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    server?.close();
    await dynamo.close().catch(() => {});
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    say(`database: ${dynamo.where}`);
    if (await ensureTable(dynamo.client, config.tableName)) say(`created table ${config.tableName}`);
    const store = createStore({ client: dynamo.client, tableName: config.tableName });
    if (config.demoKeys) {
      const demo = await createDemoKeys(store.keys, resolve(config.dataDir));
      const file = relative(process.cwd(), join(resolve(config.dataDir), DEMO_KEYS_FILE)) || DEMO_KEYS_FILE;
      if (demo) {
        say(`demo API keys (also written to ${file}):`);
        say(`  employer   demo-employer    ${demo.employer}`);
        say(`  employer2  demo-employer-2  ${demo.employer2}`);
        say(`  moderator  platform         ${demo.moderator}`);
        say(`  organizer  demo-organizer   ${demo.organizer}`);
      } else {
        say(`demo API keys were created when this database was new: see ${file}`);
      }
    }
    const app = createServiceApp({ engine: getEngine(), store, limits: config.limits });
    server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port }, (info) => {
        say(`listening on http://localhost:${info.port}  (API reference: http://localhost:${info.port}/docs)`);
        say(`moderator console: http://localhost:${info.port}/console  (sign in with the moderator key)`);
        resolveServer(s);
      });
      s.once('error', reject);
    });
    return await new Promise<number>(() => {}); // runs until a signal
  } catch (err) {
    await dynamo.close().catch(() => {});
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof JavaMissingError || err instanceof ConfigError) {
    process.stderr.write(`hirecheck: ${err.message}\n`);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`hirecheck: port ${(err as { port?: number }).port ?? ''} is already in use: set PORT to another port\n`);
  } else {
    process.stderr.write(`hirecheck: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
