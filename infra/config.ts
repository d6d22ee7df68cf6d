/**
 * Deployment settings, read from CDK context (`cdk.json` or `npx cdk deploy -c key=value`). Values given
 * on the command line arrive as strings, so every reader accepts both the JSON and the string form.
 * Defaults are the safe ones: the table is retained and protected, and no origin is trusted for CORS.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

export type TableRemoval = 'retain' | 'destroy';

export interface DeploymentConfig {
  /** Prefix of both stack names, so several copies can live in one account (e.g. `HirecheckStaging`). */
  stackPrefix: string;
  /** What happens to the table when its stack is deleted or the table is replaced. */
  tableRemoval: TableRemoval;
  deletionProtection: boolean;
  pointInTimeRecovery: boolean;
  /** Origins the browser console may call the API from; empty = no CORS (same-origin only). */
  corsOrigins: string[];
  /** Stage-wide default throttle (requests per second, and the burst bucket). */
  throttleRate: number;
  throttleBurst: number;
  /** Retention of the function's logs and the API's access logs, in days (a CloudWatch Logs retention value). */
  logRetentionDays: number;
  /** Lambda memory (MB) and timeout (s); the defaults come from the cold-start measurement (docs/deploying.md, "Memory and timeout"). */
  memoryMb: number;
  timeoutSeconds: number;
  /** The p99 API latency (ms) above which the latency alarm fires. */
  p99LatencyMs: number;
  /** Optional e-mail address subscribed to the alarm topic. */
  alarmEmail?: string;
  /** The re-check after a rules change: Scan segments (one child execution each) and how many run at once. */
  recheckSegments: number;
  recheckConcurrency: number;
}

export const DEFAULT_CONFIG: DeploymentConfig = {
  stackPrefix: 'Hirecheck',
  tableRemoval: 'retain',
  deletionProtection: true,
  pointInTimeRecovery: true,
  corsOrigins: [],
  throttleRate: 50,
  throttleBurst: 100,
  logRetentionDays: 30,
  memoryMb: 1769,
  // A 10,000-row prescreen upload is the longest request: ~1.5 s of checks plus 400 BatchWriteItem calls.
  // 29 s stays just under API Gateway's 30 s integration limit; ordinary requests take milliseconds.
  timeoutSeconds: 29,
  p99LatencyMs: 2500,
  // 10 million ads in 1,000 segments of ~10,000; 100 workers at once (see docs/appeals-and-feedback.md).
  recheckSegments: 1000,
  recheckConcurrency: 100,
};

type Context = Pick<Node, 'tryGetContext'>;

function bool(node: Context, key: string, fallback: boolean): boolean {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined) return fallback;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new Error(`context ${key} must be true or false, got ${JSON.stringify(v)}`);
}

function int(node: Context, key: string, fallback: number): number {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined) return fallback;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`context ${key} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

function str(node: Context, key: string): string | undefined {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new Error(`context ${key} must be a string, got ${JSON.stringify(v)}`);
  return v;
}

/** A JSON array in cdk.json, or a comma-separated string on the command line. */
function list(node: Context, key: string): string[] | undefined {
  const v: unknown = node.tryGetContext(key);
  if (v === undefined) return undefined;
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : undefined;
  if (!items || !items.every((i) => typeof i === 'string')) throw new Error(`context ${key} must be a list of strings`);
  return items.map((i: string) => i.trim()).filter(Boolean);
}

export function readConfig(node: Context): DeploymentConfig {
  const d = DEFAULT_CONFIG;
  const removal = str(node, 'tableRemoval') ?? d.tableRemoval;
  if (removal !== 'retain' && removal !== 'destroy') throw new Error(`context tableRemoval must be retain or destroy, got ${removal}`);
  const corsOrigins = list(node, 'corsOrigins') ?? d.corsOrigins;
  for (const origin of corsOrigins) {
    // A wildcard would let any site call the API with a user's key; name the console's origins instead.
    if (!/^https?:\/\/[^/*]+$/.test(origin)) throw new Error(`context corsOrigins: ${origin} is not an origin like https://console.example.com`);
  }
  const config: DeploymentConfig = {
    stackPrefix: str(node, 'stackPrefix') ?? d.stackPrefix,
    tableRemoval: removal,
    deletionProtection: bool(node, 'deletionProtection', d.deletionProtection),
    pointInTimeRecovery: bool(node, 'pointInTimeRecovery', d.pointInTimeRecovery),
    corsOrigins,
    throttleRate: int(node, 'throttleRate', d.throttleRate),
    throttleBurst: int(node, 'throttleBurst', d.throttleBurst),
    logRetentionDays: int(node, 'logRetentionDays', d.logRetentionDays),
    memoryMb: int(node, 'memoryMb', d.memoryMb),
    timeoutSeconds: int(node, 'timeoutSeconds', d.timeoutSeconds),
    p99LatencyMs: int(node, 'p99LatencyMs', d.p99LatencyMs),
    recheckSegments: int(node, 'recheckSegments', d.recheckSegments),
    recheckConcurrency: int(node, 'recheckConcurrency', d.recheckConcurrency),
  };
  // DynamoDB allows 1,000,000 Scan segments; a Distributed Map, 10,000 child executions at once.
  if (config.recheckSegments > 1_000_000) throw new Error(`context recheckSegments must be at most 1000000, got ${config.recheckSegments}`);
  if (config.recheckConcurrency > 10_000) throw new Error(`context recheckConcurrency must be at most 10000, got ${config.recheckConcurrency}`);
  if (!Object.values(RetentionDays).includes(config.logRetentionDays)) {
    throw new Error(`context logRetentionDays: ${config.logRetentionDays} is not a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, 60, 90, …)`);
  }
  const alarmEmail = str(node, 'alarmEmail');
  if (alarmEmail) config.alarmEmail = alarmEmail;
  return config;
}
