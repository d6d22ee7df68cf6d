/**
 * The stateless half: the API function, the HTTP API in front of it, the alarms, and the re-check
 * state machine with its worker. It can be
 * redeployed or destroyed freely; the table lives in the DataStack.
 */
import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { ApiAlarms } from './alarms.js';
import { ApiFunction } from './api-function.js';
import type { DeploymentConfig } from './config.js';
import { HirecheckHttpApi } from './http-api.js';
import { Recheck } from './recheck.js';

export interface ApiStackProps extends StackProps {
  table: ITable;
  config: DeploymentConfig;
}

export class ApiStack extends Stack {
  readonly apiFunction: ApiFunction;
  readonly httpApi: HirecheckHttpApi;
  readonly alarms: ApiAlarms;
  readonly recheck: Recheck;

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
    this.recheck = new Recheck(this, 'Recheck', { table, config });
    Validations.of(this.recheck.worker).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The re-check worker runs the same engine and native addon as the API function, on the same Node.js 22 runtime they are built and tested for.',
    });
    Validations.of(this.recheck.stateMachine).acknowledge({
      id: 'AwsSolutions-SF1',
      reason: 'Execution history (90 days in Step Functions) and the worker’s one log line per segment record a re-check; CloudWatch logging of every state would need log-delivery permissions on all resources.',
    });
    Validations.of(this.recheck.stateMachine).acknowledge({
      id: 'AwsSolutions-SF2',
      reason: 'A re-check is a batch job started by hand after a lexicon release; X-Ray tracing would need write access to X-Ray on all resources for little insight into a scan.',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.stage.url, description: 'Base URL of the hirecheck API' });
    new CfnOutput(this, 'RecheckStateMachineArn', { value: this.recheck.stateMachine.stateMachineArn, description: 'Start it after a lexicon release to re-check stored ads' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'SNS topic the alarms notify' });
  }
}
