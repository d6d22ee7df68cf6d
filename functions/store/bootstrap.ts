/** Creates the table from TABLE_DEFINITION when it is missing (local DynamoDB, tests, benchmarks). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, TABLE_DEFINITION } from './table-definition.js';

/** Returns true when the table was created now, false when it already existed. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (out.Table?.TableStatus !== 'ACTIVE') await waitActive(client, tableName);
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (err) {
    // Another process created it first (e.g. two test workers): fine.
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await waitActive(client, tableName);
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch {
    // TTL only cleans up expired idempotency records; the store also ignores expired ones.
  }
  return true;
}

async function waitActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesReady = (out.Table?.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
    if (out.Table?.TableStatus === 'ACTIVE' && indexesReady) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}
