/**
 * The stateless half: the API function, the HTTP API in front of it, and the alarms. It can be
 * redeployed or destroyed freely; the table lives in the DataStack.
 */
import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { ApiAlarms } from './alarms.js';
import { ApiFunction } from './api-function.js';
import type { DeploymentConfig } from './config.js';
import { HirecheckHttpApi } from './http-api.js';

export interface ApiStackProps extends StackProps {
  table: ITable;
  config: DeploymentConfig;
}

export class ApiStack extends Stack {
  readonly apiFunction: ApiFunction;
  readonly httpApi: HirecheckHttpApi;
  readonly alarms: ApiAlarms;

  constructor(scope: Construct, id: string, { table, config, ...props }: ApiStackProps) {
    super(scope, id, props);
    this.apiFunction = new ApiFunction(this, 'Api', { table, config });
    Validations.of(this.apiFunction.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime this service is built and tested for (the native nodejieba addon is checked against its Amazon Linux 2023 libraries); moving to a newer runtime is a deliberate, tested change.',
    });
    this.httpApi = new HirecheckHttpApi(this, 'Http', { handler: this.apiFunction.function, config });
    Validations.of(this.httpApi.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The application authenticates every /v1 request itself with hashed API keys and roles (functions/http/auth.ts); /health and the console pages are public by design.',
    });
    this.alarms = new ApiAlarms(this, 'Alarms', { api: this.httpApi.api, handler: this.apiFunction.function, config });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.stage.url, description: 'Base URL of the hirecheck API' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'SNS topic the alarms notify' });
  }
}
