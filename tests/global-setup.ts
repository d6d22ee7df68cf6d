/**
 * vitest global setup: one DynamoDB Local (in memory, free port) for the whole run. Tests reach it with
 * `inject('dynamoEndpoint')` (or HIRECHECK_TEST_DYNAMODB_ENDPOINT) and each test file creates its own table,
 * so files run in parallel without seeing each other's data.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../functions/server/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // package.json supports Node 20; the SDK's notice about its future Node 22 requirement is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const local = await startDynamoLocal({ timeoutMs: 90_000 });
  project.provide('dynamoEndpoint', local.endpoint);
  process.env.HIRECHECK_TEST_DYNAMODB_ENDPOINT = local.endpoint;
  return async () => {
    await local.stop();
  };
}
