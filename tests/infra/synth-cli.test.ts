/**
 * `npm run synth` as a user runs it: the CDK CLI with cdk.json's app (`npx tsx infra/app.ts`), offline.
 * The cloud assembly must hold both stacks, cdk-nag (run at synth) must pass, and no context lookup may
 * have happened (a lookup would need AWS credentials and would write cdk.context.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/build/paths.js';

const outdir = mkdtempSync(join(tmpdir(), 'hirecheck-cdk-cli-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('npm run synth', () => {
  it('synthesises both stacks offline with the CDK CLI, cdk-nag passing', () => {
    const hadContextFile = existsSync(join(REPO_ROOT, 'cdk.context.json'));
    // The npm script is `cdk synth --quiet`; --output keeps this run out of the repository's cdk.out.
    const run = spawnSync('npm', ['run', 'synth', '--', '--output', outdir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      // No credentials and no region: synth must not need an AWS account.
      env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_REGION: '', CI: 'true' },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { type: string }> };
    const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack').map(([id]) => id);
    expect(stacks.sort()).toEqual(['HirecheckApi', 'HirecheckData']);
    expect(existsSync(join(outdir, 'HirecheckApi.template.json'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'cdk.context.json'))).toBe(hadContextFile);
  }, 300_000);
});
