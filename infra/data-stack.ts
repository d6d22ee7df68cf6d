/**
 * The stateful half: the DynamoDB table, built from the same plain-data definition the local store
 * creates its table from (functions/store/table-definition.ts), so keys and indexes cannot drift.
 * Kept apart from the functions and API so those can be redeployed or torn down without touching data.
 */
import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION, type KeyAttribute } from '../functions/store/table-definition.js';
import type { DeploymentConfig } from './config.js';

const ATTRIBUTE_TYPES = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;
const key = (k: KeyAttribute) => ({ name: k.name, type: ATTRIBUTE_TYPES[k.type] });

export interface DataStackProps extends StackProps {
  config: DeploymentConfig;
}

export class DataStack extends Stack {
  readonly table: Table;

  constructor(scope: Construct, id: string, { config, ...props }: DataStackProps) {
    super(scope, id, props);
    const def = TABLE_DEFINITION;
    this.table = new Table(this, 'Table', {
      partitionKey: key(def.partitionKey),
      sortKey: key(def.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: def.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: config.pointInTimeRecovery },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.tableRemoval === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    for (const gsi of def.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: key(gsi.partitionKey),
        sortKey: key(gsi.sortKey),
        projectionType: ProjectionType[gsi.projection],
      });
    }
    if (!config.pointInTimeRecovery) {
      Validations.of(this.table).acknowledge({
        id: 'AwsSolutions-DDB3',
        reason: 'Point-in-time recovery was switched off for this deployment with the context pointInTimeRecovery=false.',
      });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'DynamoDB table: set HIRECHECK_TABLE to this to run `hirecheck keys` against the cloud' });
  }
}
