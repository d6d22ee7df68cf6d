/**
 * The store of the database `npm start` uses, for CLI commands: the running server's DynamoDB Local, or
 * DynamoDB Local started on the same files for the command, or wherever HIRECHECK_DYNAMODB_ENDPOINT points.
 */
import { ConfigError, loadConfig } from '../config.js';
import { JavaMissingError } from '../server/dynamodb-local.js';
import { connectDynamo } from '../server/dynamo-connection.js';
import { createStore, ensureTable, type Store } from '../store/index.js';

export async function withLocalStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config = loadConfig();
  const dynamo = await connectDynamo(config, { reuse: true });
  try {
    await ensureTable(dynamo.client, config.tableName);
    return await use(createStore({ client: dynamo.client, tableName: config.tableName, waitForLocalCommits: dynamo.local }));
  } finally {
    await dynamo.close();
  }
}

/** `use` on that store, for a command: no Java or a bad setting is one line on stderr and exit code 1. */
export async function onLocalStore(command: string, use: (store: Store) => Promise<number>): Promise<number> {
  try {
    return await withLocalStore(use);
  } catch (err) {
    if (err instanceof JavaMissingError || err instanceof ConfigError) {
      process.stderr.write(`hirecheck ${command}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
