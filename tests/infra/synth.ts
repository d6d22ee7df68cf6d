/** Synthesises the CDK app as `npx cdk synth` does (cdk.json's context), into a temporary directory. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { REPO_ROOT } from '../../infra/build/paths.js';
import { readConfig } from '../../infra/config.js';
import { addHirecheck, type Hirecheck } from '../../infra/hirecheck.js';

const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export interface Synthesised extends Hirecheck {
  app: App;
  outdir: string;
  data: Hirecheck['data'];
  dataTemplate: Template;
  apiTemplate: Template;
}

/**
 * `bundle: false` skips asset bundling (CDK's own `aws:cdk:bundling-stacks` switch) for variants that only
 * look at the template; the default bundles for real, running esbuild and the afterBundling hook.
 */
export function synth(context: Record<string, unknown> = {}, { bundle = true } = {}): Synthesised {
  const outdir = mkdtempSync(join(tmpdir(), 'hirecheck-cdk-'));
  const app = new App({
    outdir,
    context: { ...CDK_JSON_CONTEXT, ...context, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stacks = addHirecheck(app, readConfig(app.node));
  app.synth();
  return { app, outdir, ...stacks, dataTemplate: Template.fromStack(stacks.data), apiTemplate: Template.fromStack(stacks.api) };
}

/** Synthesises a variant without bundling, hands it to `inspect`, and removes its output afterwards. */
export function withVariant<T>(context: Record<string, unknown>, inspect: (s: Synthesised) => T): T {
  const s = synth(context, { bundle: false });
  try {
    return inspect(s);
  } finally {
    rmSync(s.outdir, { recursive: true, force: true });
  }
}
