/**
 * The HTTP API (API Gateway v2) in front of the function: one route per API route (so unknown paths and
 * CORS preflights are answered by API Gateway without invoking Lambda), stage-wide default throttling and a lower
 * limit for the public self-check page,
 * JSON access logs, and CORS for the console's origins when the deployment names any.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DeploymentConfig } from './config.js';
import { API_ROUTES } from './routes.js';

/**
 * The public self-check page needs no key, so the function's per-address limit (per container) is not enough:
 * API Gateway holds its checks to this rate across all containers, well below the stage default.
 */
export const SELF_CHECK_THROTTLE = { route: 'POST /check', rateLimit: 5, burstLimit: 10 } as const;

/** One JSON object per request; integrationRequestId is the Lambda request id in the function's log. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  route: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationRequestId: '$context.integration.requestId',
  integrationError: '$context.integrationErrorMessage',
  userAgent: '$context.identity.userAgent',
};

/** Request headers the console sends cross-origin. */
const CORS_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-match'];

export interface HirecheckHttpApiProps {
  handler: IFunction;
  config: DeploymentConfig;
}

export class HirecheckHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, { handler, config }: HirecheckHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'hirecheck: compliance checks for Chinese job ads',
      createDefaultStage: false,
      ...(config.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: config.corsOrigins,
              allowMethods: [...new Set(API_ROUTES.map((r) => CorsHttpMethod[r.method]))],
              allowHeaders: CORS_HEADERS,
              exposeHeaders: ['location', 'retry-after', 'x-request-id'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.throttleRate, burstLimit: config.throttleBurst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    // RouteSettings is untyped JSON in CloudFormation's schema: written with its CloudFormation names.
    (this.stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', {
      [SELF_CHECK_THROTTLE.route]: { ThrottlingRateLimit: SELF_CHECK_THROTTLE.rateLimit, ThrottlingBurstLimit: SELF_CHECK_THROTTLE.burstLimit },
    });
    const integration = new HttpLambdaIntegration('Handler', handler);
    for (const route of API_ROUTES) {
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
    }
  }
}
