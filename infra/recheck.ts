/**
 * Re-checking every stored ad after a rules change, on AWS's own machinery: a Step Functions state machine
 * whose Distributed Map runs one child execution per segment of a parallel Scan of the table; each child
 * calls the worker Lambda (functions/handlers/recheck-worker.ts) until its segment is done, the worker
 * returning where it stopped when its time runs low. Start it after deploying new lexicons:
 * `aws stepfunctions start-execution --state-machine-arn <RecheckStateMachineArn>`.
 *
 * Both roles are written out by hand. The worker: its own logs, and on the table only what re-checks do.
 * The state machine: invoke the worker, and start, describe and stop the child executions of its own map
 * (the one wildcard: child execution ids are made at run time).
 */
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Choice, Condition, DefinitionBody, DistributedMap, JsonPath, Pass, StateMachine, Succeed } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { ENGINE_NODE_OPTIONS, EXEC_WRAPPER_PATH } from '../functions/node-flags.js';
import { RECHECK_ENTRY } from './build/paths.js';
import { bundledFunction } from './bundled-function.js';
import type { DeploymentConfig } from './config.js';

/**
 * What the worker's store code calls (tests/infra/stacks.test.ts derives the same list from the worker's
 * bundle): Scan to find stale ads, GetItem to read one, the transaction's Put/Update/Delete to write it, and
 * Query, which comes with the shared table module.
 */
export const WORKER_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:Scan'];

/** Lambda's longest run: a segment that needs more is continued by the next invocation. */
const WORKER_TIMEOUT = Duration.minutes(15);

export interface RecheckProps {
  table: ITable;
  config: DeploymentConfig;
}

export class Recheck extends Construct {
  readonly worker: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, { table, config }: RecheckProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.logGroup = new LogGroup(this, 'WorkerLogs', { retention: config.logRetentionDays as RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const workerRole = new Role(this, 'WorkerRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'hirecheck re-check worker: its own logs, and re-checks on its own table',
      inlinePolicies: {
        run: new PolicyDocument({
          statements: [
            new PolicyStatement({ effect: Effect.ALLOW, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
            new PolicyStatement({ effect: Effect.ALLOW, actions: WORKER_TABLE_ACTIONS, resources: [table.tableArn] }),
          ],
        }),
      },
    });
    this.worker = bundledFunction(this, 'Worker', {
      entry: RECHECK_ENTRY,
      description: 'hirecheck re-check worker: one segment of the table per call',
      role: workerRole,
      logGroup: this.logGroup,
      memorySize: config.memoryMb,
      timeout: WORKER_TIMEOUT,
      environment: { HIRECHECK_TABLE: table.tableName, NODE_OPTIONS: ENGINE_NODE_OPTIONS, AWS_LAMBDA_EXEC_WRAPPER: EXEC_WRAPPER_PATH },
    });

    const segments = config.recheckSegments;
    const plan = new Pass(this, 'PlanSegments', { parameters: { 'segments.$': `States.ArrayRange(0, ${segments - 1}, 1)` } });
    const recheck = new LambdaInvoke(this, 'RecheckSegment', { lambdaFunction: this.worker, payloadResponseOnly: true, retryOnServiceExceptions: true });
    // A database that throttles or a worker that fails is tried again, later; the ads already done stay done.
    recheck.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(30), maxAttempts: 3, backoffRate: 2 });
    const next = new Choice(this, 'SegmentDone').when(Condition.booleanEquals('$.done', false), recheck).otherwise(new Succeed(this, 'Done'));
    const everySegment = new DistributedMap(this, 'EverySegment', {
      itemsPath: '$.segments',
      itemSelector: { 'segment.$': '$$.Map.Item.Value', totalSegments: segments },
      maxConcurrency: config.recheckConcurrency,
      resultPath: JsonPath.DISCARD,
    });
    everySegment.itemProcessor(recheck.next(next));

    const name = `${stack.stackName}-recheck`;
    const arn = (resource: string, resourceName: string) => stack.formatArn({ service: 'states', resource, resourceName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const machineRole = new Role(this, 'StateMachineRole', {
      assumedBy: new ServicePrincipal('states.amazonaws.com'),
      description: 'hirecheck re-check: invoke the worker, run the child executions of its own map',
      inlinePolicies: {
        run: new PolicyDocument({
          statements: [
            new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [this.worker.functionArn] }),
            new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:StartExecution'], resources: [arn('stateMachine', name)] }),
            new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [arn('execution', `${name}/*`)] }),
          ],
        }),
      },
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: name,
      comment: 'Re-checks every stored ad whose verdict came from other rules (one child execution per Scan segment)',
      definitionBody: DefinitionBody.fromChainable(plan.next(everySegment)),
      // The statements above are all it gets: CDK's own grants would add a wildcard on the function's versions.
      role: machineRole.withoutPolicyUpdates(),
      timeout: Duration.hours(24),
    });
    // The Distributed Map adds its own policy with the same grants plus `:*` wildcards; the role's own
    // statements above already cover what the map needs.
    this.stateMachine.node.tryRemoveChild('DistributedMapPolicy');
    Validations.of(machineRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${name}/*]`,
      reason: "A Distributed Map runs each item as a child execution whose id Step Functions makes at run time: describing and stopping them needs the executions of this state machine, and only those (AWS's documented policy for Distributed Map).",
    });
  }
}
