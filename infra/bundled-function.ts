/**
 * A Lambda function built from one of functions/handlers/ the way `npm run build:lambda` builds it: the same
 * esbuild settings (build/lambda-esbuild.ts) and the same runtime files (lexicons, the statically-linked
 * nodejieba) added by the afterBundling hook. Its role and log group are the caller's, written out by hand.
 */
import type { Duration } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { LAMBDA_ESBUILD } from './build/lambda-esbuild.js';
import { REPO_ROOT } from './build/paths.js';

export interface BundledFunctionProps {
  entry: string;
  description: string;
  role: IRole;
  logGroup: ILogGroup;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
}

export function bundledFunction(scope: Construct, id: string, props: BundledFunctionProps): NodejsFunction {
  const esb = LAMBDA_ESBUILD;
  return new NodejsFunction(scope, id, {
    description: props.description,
    entry: props.entry,
    handler: 'handler',
    projectRoot: REPO_ROOT,
    depsLockFilePath: `${REPO_ROOT}package-lock.json`,
    runtime: Runtime.NODEJS_22_X,
    // The nodejieba binary is compiled on this (x86-64) machine.
    architecture: Architecture.X86_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role: props.role,
    logGroup: props.logGroup,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.INFO,
    environment: props.environment,
    bundling: {
      format: esb.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
      target: esb.target,
      minify: esb.minify,
      keepNames: esb.keepNames,
      mainFields: [...esb.mainFields],
      externalModules: [...esb.external],
      banner: esb.banner,
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        // Same step as `npm run build:lambda`: lexicons + nodejieba (static build, symbol-version check).
        afterBundling: (_inputDir, outputDir) => [`node --import tsx infra/build/runtime-files.ts "${outputDir}"`],
      },
    },
  });
}
