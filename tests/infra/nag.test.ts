/** cdk-nag's AwsSolutions pack over the whole app: no unacknowledged finding, and each acknowledgement says why. */
import { Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { withVariant, type Synthesised } from './synth.js';

function acknowledgements(s: Synthesised): { path: string; id: string; reason: string }[] {
  return s.app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      // CDK stores the id qualified as `Annotation::<rule>`.
      .map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^Annotation::/, ''), reason })),
  );
}

const check = (context: Record<string, unknown>) =>
  withVariant(context, (s) => ({ violations: new AwsSolutionsChecks(s.app).validateScope(s.app).violations, acks: acknowledgements(s) }));

let defaults: ReturnType<typeof check>;
beforeAll(() => {
  defaults = check({});
}, 120_000);

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the default deployment', () => {
    const { violations } = defaults;
    expect(violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('has only the deliberate acknowledgements, each with its reason', () => {
    const { acks } = defaults;
    expect(acks.map((a) => `${a.id} @ ${a.path}`).sort()).toEqual([
      'AwsSolutions-APIG4 @ HirecheckApi/Http/Api',
      // The re-check's child executions: their ids are made at run time (see infra/recheck.ts).
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:HirecheckApi-recheck/*] @ HirecheckApi/Recheck/StateMachineRole',
      'AwsSolutions-L1 @ HirecheckApi/Api/Function',
      'AwsSolutions-L1 @ HirecheckApi/Recheck/Worker',
      'AwsSolutions-SF1 @ HirecheckApi/Recheck/StateMachine',
      'AwsSolutions-SF2 @ HirecheckApi/Recheck/StateMachine',
    ]);
    for (const a of acks) expect(a.reason.length).toBeGreaterThan(60);
  });

  it('stays clean when PITR is switched off by context (an acknowledged, explained choice)', () => {
    const { violations, acks } = check({ pointInTimeRecovery: false });
    expect(violations).toEqual([]);
    expect(acks.find((a) => a.id === 'AwsSolutions-DDB3')?.reason).toMatch(/pointInTimeRecovery=false/);
  }, 120_000);

  it('does report findings (the pack really runs over these stacks)', () => {
    const rules = withVariant({}, (s) => {
      new Bucket(new Stack(s.app, 'Probe'), 'Unlogged');
      return new AwsSolutionsChecks(s.app).validateScope(s.app).violations.map((v) => v.ruleName);
    });
    expect(rules).toContain('AwsSolutions-S1');
  }, 120_000);
});
