/** Deployment settings from CDK context: JSON from cdk.json or strings from `-c key=value`, checked. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, readConfig } from '../../infra/config.js';

const node = (context: Record<string, unknown>) => ({ tryGetContext: (key: string) => context[key] });

describe('readConfig', () => {
  it('defaults to a retained, protected table and no CORS origin', () => {
    expect(readConfig(node({}))).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({ tableRemoval: 'retain', deletionProtection: true, pointInTimeRecovery: true, corsOrigins: [] });
  });

  it('accepts command-line strings and cdk.json values alike', () => {
    const fromCli = readConfig(node({ deletionProtection: 'false', memoryMb: '2048', corsOrigins: 'https://a.example, https://b.example' }));
    const fromJson = readConfig(node({ deletionProtection: false, memoryMb: 2048, corsOrigins: ['https://a.example', 'https://b.example'] }));
    expect(fromCli).toEqual(fromJson);
    expect(fromCli).toMatchObject({ deletionProtection: false, memoryMb: 2048, corsOrigins: ['https://a.example', 'https://b.example'] });
  });

  it.each([
    [{ tableRemoval: 'snapshot' }, /tableRemoval must be retain or destroy/],
    [{ corsOrigins: '*' }, /not an origin/],
    [{ corsOrigins: 'https://*.example.com' }, /not an origin/],
    [{ pointInTimeRecovery: 'yes' }, /must be true or false/],
    [{ memoryMb: '1.5' }, /positive integer/],
    [{ logRetentionDays: 10 }, /not a CloudWatch Logs retention/],
    [{ recheckSegments: 2_000_000 }, /recheckSegments must be at most 1000000/],
    [{ recheckConcurrency: '20000' }, /recheckConcurrency must be at most 10000/],
  ])('rejects %j', (context, message) => {
    expect(() => readConfig(node(context))).toThrow(message);
  });
});
