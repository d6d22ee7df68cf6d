/** Lambda entry: the Hono app over the DynamoDB store, built once per container (during the init phase). */
import { getConnInfo, handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { getEngine } from '../engine.js';
import { createServiceApp } from '../http/service-app.js';
import { createDynamoClient, createStore } from '../store/index.js';
import { appLog, withRequestLog } from './logging.js';

// No endpoint: the SDK's standard chain (region, role credentials; AWS_ENDPOINT_URL_DYNAMODB in tests).
const config = loadConfig();
const store = createStore({ client: createDynamoClient(), tableName: config.tableName });
// API Gateway's source IP (not a header a client could forge) keys the failed-authentication limit.
const clientAddress = (c: Parameters<typeof getConnInfo>[0]) =>
  (c.env as { requestContext?: unknown } | undefined)?.requestContext ? getConnInfo(c).remote.address : undefined;
export const app = createServiceApp({ engine: getEngine(), store, limits: config.limits, log: appLog, clientAddress });
export const handler = withRequestLog(handle(app));
