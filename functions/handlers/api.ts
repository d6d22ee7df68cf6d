/** Lambda entry: the Hono app over the DynamoDB store, built once per container (during the init phase). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { getEngine } from '../engine.js';
import { createServiceApp } from '../http/service-app.js';
import { createStore } from '../store/index.js';
import { appLog, withRequestLog } from './logging.js';

// No endpoint: the SDK's standard chain (region, role credentials; AWS_ENDPOINT_URL_DYNAMODB in tests).
const config = loadConfig();
const store = createStore({ client: new DynamoDBClient({}), tableName: config.tableName });
export const app = createServiceApp({ engine: getEngine(), store, limits: config.limits, log: appLog });
export const handler = withRequestLog(handle(app));
