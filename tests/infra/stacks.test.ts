/**
 * The synthesised CloudFormation templates (aws-cdk-lib/assertions): the table as the shared definition
 * describes it, the function's runtime and bundle, the routes, throttling and logs, the alarms, and IAM
 * statements that name every action and resource (no wildcards) and grant exactly what the bundle calls.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_DEFINITION } from '../../functions/store/table-definition.js';
import { assertLoadsOn } from '../../infra/build/native-versions.js';
import { bundledAddonPath, RECHECK_ENTRY } from '../../infra/build/paths.js';
import { DEFAULT_CONFIG } from '../../infra/config.js';
import { SELF_CHECK_THROTTLE } from '../../infra/http-api.js';
import { API_ROUTES } from '../../infra/routes.js';
import { bundledDynamoActions } from './store-actions.js';
import { synth, withVariant, type Synthesised } from './synth.js';
import { ENGINE_NODE_OPTIONS, EXEC_WRAPPER_PATH } from '../../functions/node-flags.js';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
const resources = (s: Synthesised, which: 'data' | 'api', type: string): Resource[] =>
  Object.values((which === 'data' ? s.dataTemplate : s.apiTemplate).findResources(type)) as Resource[];

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
const list = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);
/** The literal text of a resource: strings as they are, Fn::Join parts concatenated, references as <ref>. */
const literal = (r: unknown): string => {
  if (typeof r === 'string') return r;
  const join = (r as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(literal).join(join[0]);
  return '<ref>';
};
/** The inline statements of the role with this description. */
const roleStatements = (description: RegExp): Statement[] => {
  const roles = resources(s, 'api', 'AWS::IAM::Role').filter((r) => description.test(String(r.Properties.Description)));
  expect(roles).toHaveLength(1);
  return ((roles[0]!.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement);
};
const CHILD_EXECUTIONS = 'arn:<ref>:states:<ref>:<ref>:execution:HirecheckApi-recheck/*';

let s: Synthesised;
beforeAll(() => {
  s = synth();
}, 240_000);
afterAll(() => {
  if (s) rmSync(s.outdir, { recursive: true, force: true });
});

describe('DataStack', () => {
  it('has the table of functions/store/table-definition.ts: keys, GSIs, TTL, on-demand', () => {
    const d = TABLE_DEFINITION;
    s.dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: d.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: d.sortKey.name, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: d.timeToLiveAttribute, Enabled: true },
      GlobalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: g.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
    const [table] = resources(s, 'data', 'AWS::DynamoDB::Table');
    const attributes = (table!.Properties.AttributeDefinitions as { AttributeName: string }[]).map((a) => a.AttributeName).sort();
    const keyNames = [d.partitionKey, d.sortKey, ...d.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey])].map((k) => k.name);
    expect(attributes).toEqual([...new Set(keyNames)].sort());
  });

  it('is protected by default: PITR, deletion protection, retained on delete and replace', () => {
    s.dataTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('follows the context: tableRemoval=destroy, deletionProtection=false, pointInTimeRecovery=false', () => {
    withVariant({ tableRemoval: 'destroy', deletionProtection: 'false', pointInTimeRecovery: 'false' }, (v) =>
      v.dataTemplate.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Delete',
        Properties: Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
          DeletionProtectionEnabled: false,
        }),
      }),
    );
  }, 120_000);

  it('outputs the table name', () => {
    s.dataTemplate.hasOutput('TableName', {});
  });
});

describe('ApiStack: function', () => {
  it('runs index.handler on nodejs22.x (x86_64, the addon is built for it) with the measured memory, timeout and young generation', () => {
    s.apiTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['x86_64'],
      Handler: 'index.handler',
      MemorySize: DEFAULT_CONFIG.memoryMb,
      Timeout: DEFAULT_CONFIG.timeoutSeconds,
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: Match.anyValue() }),
      Environment: { Variables: Match.objectLike({ HIRECHECK_TABLE: Match.anyValue(), NODE_OPTIONS: ENGINE_NODE_OPTIONS, AWS_LAMBDA_EXEC_WRAPPER: EXEC_WRAPPER_PATH }) },
    });
  });

  it('keeps its logs, the access logs and the re-check worker’s logs for the configured retention', () => {
    const groups = resources(s, 'api', 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(DEFAULT_CONFIG.logRetentionDays);
  });

  it("ships the same layout as npm run build:lambda, with an addon that loads on Lambda's runtime", () => {
    const fn = s.api.apiFunction.function;
    const asset = s.app.node.findAll().find((c) => c.node.path === `${fn.node.path}/Code/Stage`) as unknown as { absoluteStagedPath: string };
    const dir = asset.absoluteStagedPath;
    for (const file of ['index.mjs', 'lexicons/lexicon.snapshot.json', 'lexicons/model.json', 'jieba/dict.utf8', 'node_modules/nodejieba/index.js', 'node-flags.sh']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(() => assertLoadsOn(bundledAddonPath(dir))).not.toThrow();
  });
});

describe('ApiStack: HTTP API', () => {
  it('declares every API route, all integrated with the function', () => {
    const routes = resources(s, 'api', 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(routes.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('has a $default stage with throttling (lower for the public self-check page) and JSON access logs', () => {
    s.apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: DEFAULT_CONFIG.throttleRate, ThrottlingBurstLimit: DEFAULT_CONFIG.throttleBurst },
      RouteSettings: { 'POST /check': { ThrottlingRateLimit: SELF_CHECK_THROTTLE.rateLimit, ThrottlingBurstLimit: SELF_CHECK_THROTTLE.burstLimit } },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
  });

  it('trusts no origin for CORS by default, and exactly the configured console origins otherwise', () => {
    const [api] = resources(s, 'api', 'AWS::ApiGatewayV2::Api');
    expect(api!.Properties.CorsConfiguration).toBeUndefined();
    withVariant({ corsOrigins: 'https://console.example.com' }, (v) =>
      v.apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({
          AllowOrigins: ['https://console.example.com'],
          AllowMethods: [...new Set(API_ROUTES.map((r) => r.method))],
          AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
        }),
      }),
    );
  }, 120_000);

  it('outputs the API URL', () => {
    s.apiTemplate.hasOutput('ApiUrl', {});
  });
});

describe('ApiStack: alarms', () => {
  it('alarm on 5xx, Lambda throttles and p99 latency, notifying the alarm topic', () => {
    const alarms = resources(s, 'api', 'AWS::CloudWatch::Alarm');
    const summary = alarms.map((a) => `${a.Properties.Namespace}/${a.Properties.MetricName}/${a.Properties.ExtendedStatistic ?? a.Properties.Statistic}`);
    expect(summary.sort()).toEqual(['AWS/ApiGateway/5xx/Sum', 'AWS/ApiGateway/Latency/p99', 'AWS/Lambda/Throttles/Sum']);
    for (const a of alarms) expect(a.Properties.AlarmActions).toHaveLength(1);
    s.apiTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', Match.anyValue());
  });
});

describe('IAM', () => {
  /** Every statement of every policy in both stacks (inline role policies and AWS::IAM::Policy). */
  const statements = () =>
    (['data', 'api'] as const).flatMap((w) => [
      ...resources(s, w, 'AWS::IAM::Role').flatMap((r) =>
        ((r.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement),
      ),
      ...resources(s, w, 'AWS::IAM::Policy').flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement),
    ]);

  it("has no wildcard in any action or resource but the re-check's own child executions", () => {
    const all = statements();
    expect(all.length).toBeGreaterThan(0);
    const wild: string[] = [];
    for (const st of all) {
      for (const action of list(st.Action)) expect(action).not.toContain('*');
      for (const resource of list(st.Resource)) if (literal(resource).includes('*')) wild.push(`${list(st.Action).join(',')} ${literal(resource)}`);
    }
    // A Distributed Map's child executions get their ids at run time: only those of this state machine.
    expect(wild).toEqual([`states:DescribeExecution,states:StopExecution ${CHILD_EXECUTIONS}`]);
  });

  it('attaches no managed policy to any role, and no policy beyond the roles’ own', () => {
    for (const role of resources(s, 'api', 'AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(resources(s, 'api', 'AWS::IAM::Policy')).toEqual([]);
  });

  const dynamoOf = (st: Statement[]) => st.filter((x) => list(x.Action).some((a) => a.startsWith('dynamodb:')));

  it('grants the API function exactly the DynamoDB actions its bundled store code calls, on the table and its indexes only', async () => {
    const dynamo = dynamoOf(roleStatements(/^hirecheck API function/));
    const granted = [...new Set(dynamo.flatMap((st) => list(st.Action)))].sort();
    const { actions } = await bundledDynamoActions();
    expect(granted).toEqual(actions);
    const targets = dynamo.flatMap((st) => list(st.Resource).map(literal));
    const indexTargets = TABLE_DEFINITION.globalSecondaryIndexes.map((g) => `<ref>/index/${g.indexName}`);
    expect(new Set(targets)).toEqual(new Set(['<ref>', ...indexTargets]));
  }, 60_000);

  it('grants the re-check worker exactly the DynamoDB actions its bundle calls, on the table only', async () => {
    const dynamo = dynamoOf(roleStatements(/^hirecheck re-check worker/));
    const { actions, modules } = await bundledDynamoActions(RECHECK_ENTRY);
    // The worker builds only the re-check part of the store.
    expect(modules).not.toContain('functions/store/ads.ts');
    expect(modules).not.toContain('functions/store/api-keys.ts');
    expect([...new Set(dynamo.flatMap((st) => list(st.Action)))].sort()).toEqual(actions);
    expect(dynamo.flatMap((st) => list(st.Resource).map(literal))).toEqual(['<ref>']);
  }, 60_000);
});

describe('ApiStack: the re-check after a rules change', () => {
  it('runs the worker on nodejs22.x for up to 15 minutes per call, on the table', () => {
    s.apiTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('re-check worker'),
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Timeout: 900,
      Environment: { Variables: { HIRECHECK_TABLE: Match.anyValue() } },
    });
  });

  it('maps every Scan segment to a child execution that calls the worker until its segment is done', () => {
    const [machine] = resources(s, 'api', 'AWS::StepFunctions::StateMachine');
    expect(machine!.Properties.StateMachineName).toBe('HirecheckApi-recheck');
    const definition = JSON.parse(literal(machine!.Properties.DefinitionString)) as { StartAt: string; States: Record<string, any> };
    const plan = definition.States[definition.StartAt]!;
    expect(plan.Parameters['segments.$']).toBe(`States.ArrayRange(0, ${DEFAULT_CONFIG.recheckSegments - 1}, 1)`);
    const map = definition.States[plan.Next]!;
    expect(map).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.segments',
      ItemSelector: { 'segment.$': '$$.Map.Item.Value', totalSegments: DEFAULT_CONFIG.recheckSegments },
      MaxConcurrency: DEFAULT_CONFIG.recheckConcurrency,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
    });
    const inner = map.ItemProcessor.States;
    const task = inner[map.ItemProcessor.StartAt];
    // The worker's ARN (a reference here), retried when a call fails.
    expect(task).toMatchObject({ Type: 'Task', Resource: '<ref>' });
    expect(task.Retry.map((r: { ErrorEquals: string[] }) => r.ErrorEquals).flat()).toContain('States.TaskFailed');
    const choice = inner[task.Next];
    // Not done: the worker is called again with what it returned (its cursor); done: the segment succeeds.
    expect(choice.Choices).toEqual([{ Variable: '$.done', BooleanEquals: false, Next: map.ItemProcessor.StartAt }]);
    expect(inner[choice.Default].Type).toBe('Succeed');
  });

  it('lets the state machine invoke the worker and run its own child executions, nothing else', () => {
    const granted = roleStatements(/^hirecheck re-check: invoke/).map((st) => `${list(st.Action).join(',')} ${list(st.Resource).map(literal).join(',')}`);
    expect(granted.sort()).toEqual([
      'lambda:InvokeFunction <ref>',
      `states:DescribeExecution,states:StopExecution ${CHILD_EXECUTIONS}`,
      'states:StartExecution arn:<ref>:states:<ref>:<ref>:stateMachine:HirecheckApi-recheck',
    ]);
  });

  it('outputs the state machine ARN', () => {
    s.apiTemplate.hasOutput('RecheckStateMachineArn', {});
  });
});
