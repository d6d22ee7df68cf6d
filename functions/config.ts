/**
 * Configuration, read once from the environment with zod and passed down (never read elsewhere).
 * Every entry point (Node server, Lambda, CLI, benchmark) calls `loadConfig()` at start-up.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const port = int(3000, 0).pipe(z.number().max(65535, 'a port is 0–65535'));

const EnvSchema = z.object({
  PORT: port,
  /**
   * The address `npm start` listens on. Loopback by default: the local server is for this machine; set
   * `HOST=0.0.0.0` (or `--host`) to let other hosts reach it.
   */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** DynamoDB table name (the CDK stack sets it for the Lambda). */
  HIRECHECK_TABLE: z.string().min(3).max(255).default('hirecheck'),
  /**
   * Where DynamoDB is: a URL (DynamoDB Local elsewhere, LocalStack, …), `aws` for the standard AWS settings
   * (region and credentials from the environment or profile), or unset for the server to start its own
   * DynamoDB Local. AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL count as "standard AWS settings" too.
   */
  HIRECHECK_DYNAMODB_ENDPOINT: z.union([z.literal('aws'), z.url()]).optional(),
  AWS_ENDPOINT_URL_DYNAMODB: z.string().optional(),
  AWS_ENDPOINT_URL: z.string().optional(),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  /** Local state: DynamoDB Local's database files and demo-keys.json. */
  HIRECHECK_DATA_DIR: z.string().default('.data'),
  /** Run DynamoDB Local in memory (nothing persisted); `--in-memory` does the same. */
  HIRECHECK_IN_MEMORY: flag,
  /** Create demo keys on an empty database (default on; set 0 to skip). */
  HIRECHECK_DEMO_KEYS: z
    .enum(['1', '0', 'true', 'false', ''])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  /** Largest request body accepted, in bytes. */
  HIRECHECK_BODY_LIMIT_BYTES: int(256 * 1024, 1024),
  /** Per-key token bucket: sustained requests per second and burst size. 0 turns rate limiting off. */
  HIRECHECK_RATE_LIMIT_RPS: z.coerce.number().min(0).default(20),
  HIRECHECK_RATE_LIMIT_BURST: int(40, 1),
  /** How long a resolved API key is cached in memory; a revoked key stops working within this time. */
  HIRECHECK_KEY_CACHE_SECONDS: int(30, 0),
  /** Failed authentications allowed per client address and minute (also the burst); 0 turns the limit off. */
  HIRECHECK_AUTH_FAILURES_PER_MINUTE: int(30, 0),
  /** How long an unknown or revoked key hash is remembered, so repeating it costs no database read. */
  HIRECHECK_UNKNOWN_KEY_CACHE_SECONDS: int(60, 0),
  /** Checks per client address and minute on the public self-check page (/check); 0 turns the limit off. */
  HIRECHECK_SELF_CHECKS_PER_MINUTE: int(20, 0),
});

/** `npm start` options: they override the environment (`--port` as PORT, `--host` as HOST). */
const ARGS = {
  'in-memory': { type: 'boolean' },
  host: { type: 'string' },
  port: { type: 'string' },
  help: { type: 'boolean' },
} as const;

export const USAGE = 'usage: npm start -- [--host ADDRESS] [--port N] [--in-memory]   (defaults: HOST=127.0.0.1, PORT=3000)';

export interface Config {
  host: string;
  port: number;
  tableName: string;
  dynamo: { mode: 'local' } | { mode: 'endpoint'; endpoint: string } | { mode: 'aws' };
  region?: string;
  dataDir: string;
  inMemory: boolean;
  demoKeys: boolean;
  limits: {
    bodyBytes: number;
    rateLimit: { perSecond: number; burst: number };
    keyCacheMs: number;
    authFailures: { perMinute: number; unknownKeyCacheMs: number };
    selfChecksPerMinute: number;
  };
  /** `--help` was given: print USAGE and stop. */
  help: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: ARGS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}. ${USAGE}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env, argv: readonly string[] = []): Config {
  const args = readArgs(argv);
  const parsed = EnvSchema.safeParse({ ...env, ...(args.host !== undefined ? { HOST: args.host } : {}), ...(args.port !== undefined ? { PORT: args.port } : {}) });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  let dynamo: Config['dynamo'];
  if (e.HIRECHECK_DYNAMODB_ENDPOINT === 'aws') dynamo = { mode: 'aws' };
  else if (e.HIRECHECK_DYNAMODB_ENDPOINT) dynamo = { mode: 'endpoint', endpoint: e.HIRECHECK_DYNAMODB_ENDPOINT };
  else if (e.AWS_ENDPOINT_URL_DYNAMODB || e.AWS_ENDPOINT_URL) dynamo = { mode: 'aws' }; // the SDK reads these itself
  else dynamo = { mode: 'local' };
  const config: Config = {
    host: e.HOST,
    port: e.PORT,
    tableName: e.HIRECHECK_TABLE,
    dynamo,
    dataDir: e.HIRECHECK_DATA_DIR,
    inMemory: e.HIRECHECK_IN_MEMORY || args['in-memory'] === true,
    demoKeys: e.HIRECHECK_DEMO_KEYS,
    limits: {
      bodyBytes: e.HIRECHECK_BODY_LIMIT_BYTES,
      rateLimit: { perSecond: e.HIRECHECK_RATE_LIMIT_RPS, burst: e.HIRECHECK_RATE_LIMIT_BURST },
      keyCacheMs: e.HIRECHECK_KEY_CACHE_SECONDS * 1000,
      authFailures: { perMinute: e.HIRECHECK_AUTH_FAILURES_PER_MINUTE, unknownKeyCacheMs: e.HIRECHECK_UNKNOWN_KEY_CACHE_SECONDS * 1000 },
      selfChecksPerMinute: e.HIRECHECK_SELF_CHECKS_PER_MINUTE,
    },
    help: args.help === true,
  };
  const region = e.AWS_REGION ?? e.AWS_DEFAULT_REGION;
  if (region) config.region = region;
  return config;
}
