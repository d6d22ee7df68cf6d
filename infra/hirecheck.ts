/** The whole deployment: a stateful DataStack (the table) and a stateless ApiStack (function, API, alarms). */
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeploymentConfig } from './config.js';
import { ApiStack } from './api-stack.js';
import { DataStack } from './data-stack.js';

export interface Hirecheck {
  data: DataStack;
  api: ApiStack;
}

export function addHirecheck(app: App, config: DeploymentConfig): Hirecheck {
  const data = new DataStack(app, `${config.stackPrefix}Data`, {
    config,
    description: 'hirecheck: DynamoDB table (retained unless tableRemoval=destroy)',
  });
  const api = new ApiStack(app, `${config.stackPrefix}Api`, {
    table: data.table,
    config,
    description: 'hirecheck: API function, HTTP API, alarms',
  });
  return { data, api };
}

/** cdk-nag's AwsSolutions pack, run at synth: an unacknowledged finding fails `cdk synth` and `cdk deploy`. */
export function addNagChecks(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(checks);
  return checks;
}
