/**
 * `hirecheck keys create --role ROLE [--tenant ID] [--label TEXT] [--json]`, `hirecheck keys revoke KEY_ID`,
 * `hirecheck keys list [--json]`. Works on the database `npm start` uses (the running server's DynamoDB Local,
 * or DynamoDB Local started on the same files), or wherever HIRECHECK_DYNAMODB_ENDPOINT points.
 * Exit codes: 0 done, 1 failed (e.g. unknown key id), 2 usage error.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { JavaMissingError } from '../server/dynamodb-local.js';
import { NotFoundError, ROLES, type Role, type Store } from '../store/index.js';
import { withLocalStore } from './local-store.js';

const USAGE = `usage: hirecheck keys create --role ${ROLES.join('|')} [--tenant ID] [--label TEXT] [--json]
       hirecheck keys revoke KEY_ID
       hirecheck keys list [--json]

Employers are confined to their tenant (default: a new tenant id); moderators, organizers and admins
default to the tenant "platform". The key is printed once and only its SHA-256 is stored.
`;

const TENANT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

class UsageError extends Error {}

export async function runKeys(argv: string[]): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        tenant: { type: 'string' },
        label: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`hirecheck keys: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const action = plan(command, rest, values);
    return await withLocalStore((store) => action(store, values.json ?? false));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`hirecheck keys: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof JavaMissingError || err instanceof ConfigError || err instanceof NotFoundError) {
      process.stderr.write(`hirecheck keys: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

type Action = (store: Store, json: boolean) => Promise<number>;

function plan(command: string | undefined, rest: string[], values: { role?: string; tenant?: string; label?: string }): Action {
  if (command === 'create') {
    if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const tenant = values.tenant ?? (role === 'employer' ? `tenant-${randomBytes(4).toString('hex')}` : 'platform');
    if (!TENANT.test(tenant)) throw new UsageError('--tenant: 1–64 letters, digits, dot, dash or underscore');
    if (values.label !== undefined && values.label.length > 200) throw new UsageError('--label: at most 200 characters');
    return async (store, json) => {
      const created = await store.keys.create({ role, tenant, label: values.label });
      if (json) process.stdout.write(`${JSON.stringify(created)}\n`);
      else {
        process.stdout.write(`${created.key}\n`);
        process.stderr.write(`created key ${created.keyId}: role ${created.role}, tenant ${created.tenant}. Store it now: it is not shown again.\n`);
      }
      return 0;
    };
  }
  if (command === 'revoke') {
    const [keyId, extra] = rest;
    if (!keyId || extra !== undefined) throw new UsageError('revoke takes exactly one KEY_ID (the part after hc_ in the key)');
    return async (store) => {
      const info = await store.keys.revoke(keyId.replace(/^hc_/, '').split('_')[0]!);
      process.stderr.write(`revoked key ${info.keyId} (role ${info.role}, tenant ${info.tenant}) at ${info.revokedAt}\n`);
      return 0;
    };
  }
  if (command === 'list') {
    if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
    return async (store, json) => {
      const keys = await store.keys.list();
      if (json) process.stdout.write(`${JSON.stringify(keys)}\n`);
      else {
        for (const k of keys) {
          process.stdout.write(`${k.keyId}  ${k.role.padEnd(9)}  ${k.tenant.padEnd(20)}  ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}${k.label ? `  ${k.label}` : ''}\n`);
        }
      }
      return 0;
    };
  }
  throw new UsageError(command ? `unknown command ${command}` : 'missing command');
}
