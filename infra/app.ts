/** CDK entry (`cdk.json`: `npx tsx infra/app.ts`). Settings come from context: see infra/config.ts. */
import { App } from 'aws-cdk-lib';
import { readConfig } from './config.js';
import { addHirecheck, addNagChecks } from './hirecheck.js';

const app = new App();
addHirecheck(app, readConfig(app.node));
addNagChecks(app);
app.synth();
