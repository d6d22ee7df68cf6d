/**
 * The store of the database `npm start` uses, for CLI commands: the running server's DynamoDB Local, or
 * DynamoDB Local started on the same files for the command, or wherever HIRECHECK_DYNAMODB_ENDPOINT points.
 */
import { loadConfig } from '../config.js';
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
