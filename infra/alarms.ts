/**
 * CloudWatch alarms on what a user of the API would notice: server errors, throttling, and slow
 * responses (p99). All notify one SNS topic; `-c alarmEmail=…` subscribes an address to it.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type AlarmProps } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { DeploymentConfig } from './config.js';

const PERIOD = Duration.minutes(5);

export interface ApiAlarmsProps {
  api: HttpApi;
  handler: IFunction;
  config: DeploymentConfig;
}

export class ApiAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, { api, handler, config }: ApiAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'hirecheck alarms', enforceSSL: true });
    if (config.alarmEmail) this.topic.addSubscription(new EmailSubscription(config.alarmEmail));

    // Every alarm: 5-minute periods, quiet when there is no traffic (no data is not a failure).
    const alarm = (alarmId: string, props: Omit<AlarmProps, 'treatMissingData'>) =>
      new Alarm(this, alarmId, { treatMissingData: TreatMissingData.NOT_BREACHING, ...props });
    const atLeast = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;

    const fiveXx = alarm('Api5xx', {
      alarmDescription: 'The API answered 5xx (function error, timeout, or DynamoDB unavailable) at least 5 times in 5 minutes.',
      metric: api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: atLeast,
    });
    // DynamoDB throttling surfaces as 503s, which the 5xx alarm already counts.
    const throttles = alarm('Throttles', {
      alarmDescription: 'Lambda invocations were throttled (account or function concurrency exhausted).',
      metric: handler.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: atLeast,
    });
    // 2 of 3 periods: one cold start in a quiet period does not page anyone.
    const latency = alarm('LatencyP99', {
      alarmDescription: `p99 API latency above ${config.p99LatencyMs} ms in 2 of 3 five-minute periods.`,
      metric: api.metricLatency({ period: PERIOD, statistic: 'p99' }),
      threshold: config.p99LatencyMs,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.alarms = [fiveXx, throttles, latency];
    for (const alarm of this.alarms) alarm.addAlarmAction(new SnsAction(this.topic));
  }
}
