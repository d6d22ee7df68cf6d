/** The DynamoDB client every store is built on (a module of its own, so a worker can take it without the whole store). */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/**
 * A DynamoDB client. With an endpoint (DynamoDB Local or any compatible server) and no AWS credentials in the
 * environment, it signs with placeholder credentials, which DynamoDB Local accepts; without one, the standard
 * AWS chain (env, profile, role) applies, as in Lambda.
 */
export function createDynamoClient(options: { endpoint?: string; region?: string } = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = {
    region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    // A database that stops answering (a hung DynamoDB Local, a network partition) fails the request as
    // unavailable instead of holding it open for ever.
    requestHandler: { connectionTimeout: 2000, requestTimeout: 10_000, throwOnRequestTimeout: true },
  };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
      config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    }
  }
  return new DynamoDBClient(config);
}
