/**
 * The API's Lambda function: the Hono app (functions/handlers/api.ts) built as `npm run build:lambda` builds
 * it (bundled-function.ts). Its role is written out by hand: logs to its own log group, and only the
 * DynamoDB actions the store uses, on the table and its indexes.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENGINE_NODE_OPTIONS, EXEC_WRAPPER_PATH } from '../functions/node-flags.js';
import { TABLE_DEFINITION } from '../functions/store/table-definition.js';
import { API_ENTRY } from './build/paths.js';
import { bundledFunction } from './bundled-function.js';
import type { DeploymentConfig } from './config.js';

/**
 * What the store modules in the bundle call (tests/infra/store-actions.ts derives the same list from the
 * bundle and fails when they differ). The derivation is per module: UpdateItem (key revocation) and Scan
 * (key listing) come with api-keys.ts, whose key lookup the API needs, though only the CLI revokes and
 * lists. Creating the table is the stack's job, never the function's. TransactWriteItems is authorised
 * per contained Put/Update/Delete, so it needs no action of its own. BatchWriteItem stores a prescreen's
 * result rows; BatchGetItem reads the console's key labels.
 */
export const ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
];
/** Queries read the table (an ad's versions and events) and the indexes. */
export const TABLE_READ_ACTIONS = ['dynamodb:Query', 'dynamodb:Scan'];
export const INDEX_READ_ACTIONS = ['dynamodb:Query'];

export interface ApiFunctionProps {
  table: ITable;
  config: DeploymentConfig;
}

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, { table, config }: ApiFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const indexArns = TABLE_DEFINITION.globalSecondaryIndexes.map((g) => `${table.tableArn}/index/${g.indexName}`);
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'hirecheck API function: its own logs, and its own table',
      inlinePolicies: {
        run: new PolicyDocument({
          statements: [
            // The log group's ARN attribute ends in :* and so covers the streams Lambda creates in it.
            new PolicyStatement({ effect: Effect.ALLOW, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
            new PolicyStatement({ effect: Effect.ALLOW, actions: [...ITEM_ACTIONS, ...TABLE_READ_ACTIONS], resources: [table.tableArn] }),
            new PolicyStatement({ effect: Effect.ALLOW, actions: INDEX_READ_ACTIONS, resources: indexArns }),
          ],
        }),
      },
    });

    this.function = bundledFunction(this, 'Function', {
      entry: API_ENTRY,
      description: 'hirecheck HTTP API (Hono app)',
      role,
      logGroup: this.logGroup,
      memorySize: config.memoryMb,
      timeout: Duration.seconds(config.timeoutSeconds),
      environment: { HIRECHECK_TABLE: table.tableName, POWERTOOLS_SERVICE_NAME: 'hirecheck', NODE_OPTIONS: ENGINE_NODE_OPTIONS, AWS_LAMBDA_EXEC_WRAPPER: EXEC_WRAPPER_PATH },
    });
  }
}
