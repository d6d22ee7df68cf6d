/**
 * API keys. A key is `hc_<keyId>_<secret>`: the secret is 32 random bytes (256 bits), so a plain SHA-256
 * of the whole key is a safe verifier (no salt or slow hash needed: there is nothing to brute-force).
 * Only the hash is stored, with the role and tenant; the short key id names the key for revocation.
 */
import { randomBytes } from 'node:crypto';
import { PutItemCommand, ScanCommand, GetItemCommand, type ScanCommandOutput, type GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { NotFoundError } from './errors.js';
import { hashApiKey, type ApiKeyInfo, type CreatedApiKey, type Principal, type Role } from './model.js';
import { cancellationReasons, getS, isConditionalCheckFailure, optS, s, type Item, type Table } from './table.js';

function generateKey(): { key: string; keyId: string } {
  const keyId = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  return { key: `hc_${keyId}_${secret}`, keyId };
}

const hashPk = (hash: string) => `APIKEY#${hash}`;
const idPk = (keyId: string) => `KEYID#${keyId}`;

function toInfo(item: Item): ApiKeyInfo {
  const info: ApiKeyInfo = {
    keyId: getS(item, 'keyId'),
    role: getS(item, 'role') as Role,
    tenant: getS(item, 'tenant'),
    createdAt: getS(item, 'createdAt'),
  };
  const label = optS(item, 'label');
  const revokedAt = optS(item, 'revokedAt');
  if (label) info.label = label;
  if (revokedAt) info.revokedAt = revokedAt;
  return info;
}

export interface ApiKeyStore {
  create(input: { role: Role; tenant: string; label?: string }): Promise<CreatedApiKey>;
  /** The principal for a key hash, or undefined when unknown or revoked. */
  resolveHash(hash: string): Promise<Principal | undefined>;
  revoke(keyId: string): Promise<ApiKeyInfo>;
  list(): Promise<ApiKeyInfo[]>;
  /** True exactly once per database: the caller may create the demo keys. */
  claimBootstrap(): Promise<boolean>;
}

export function createApiKeyStore(table: Table): ApiKeyStore {
  return {
    async create({ role, tenant, label }) {
      for (let attempt = 0; ; attempt++) {
        const { key, keyId } = generateKey();
        const hash = hashApiKey(key);
        const createdAt = table.now().toISOString();
        const common: Item = { keyId: s(keyId), role: s(role), tenant: s(tenant), createdAt: s(createdAt) };
        if (label) common.label = s(label);
        try {
          await table.transact([
            {
              Put: {
                TableName: table.name,
                Item: { pk: s(hashPk(hash)), sk: s('APIKEY'), type: s('apikey'), ...common },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: table.name,
                Item: { pk: s(idPk(keyId)), sk: s('KEYID'), type: s('keyid'), hash: s(hash), ...common },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]);
        } catch (err) {
          // A key id collision (40 random bits) is possible in principle: draw a new key.
          if (cancellationReasons(err) && attempt < 3) continue;
          throw err;
        }
        const created: CreatedApiKey = { key, keyId, role, tenant, createdAt };
        if (label) created.label = label;
        return created;
      }
    },

    async resolveHash(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
      const out = await table.send<GetItemCommandOutput>(
        new GetItemCommand({ TableName: table.name, Key: { pk: s(hashPk(hash)), sk: s('APIKEY') } }),
      );
      if (!out.Item || out.Item.revokedAt) return undefined;
      const { keyId, role, tenant } = toInfo(out.Item);
      return { keyId, role, tenant };
    },

    async revoke(keyId) {
      const out = await table.send<GetItemCommandOutput>(
        new GetItemCommand({ TableName: table.name, Key: { pk: s(idPk(keyId)), sk: s('KEYID') }, ConsistentRead: true }),
      );
      if (!out.Item) throw new NotFoundError('API key', keyId);
      const hash = getS(out.Item, 'hash');
      const revokedAt = optS(out.Item, 'revokedAt') ?? table.now().toISOString();
      const set = {
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :r)',
        ExpressionAttributeValues: { ':r': s(revokedAt) },
        ConditionExpression: 'attribute_exists(pk)',
      };
      await table.transact([
        { Update: { TableName: table.name, Key: { pk: s(hashPk(hash)), sk: s('APIKEY') }, ...set } },
        { Update: { TableName: table.name, Key: { pk: s(idPk(keyId)), sk: s('KEYID') }, ...set } },
      ]);
      return { ...toInfo(out.Item), revokedAt };
    },

    async list() {
      const keys: ApiKeyInfo[] = [];
      let start: Item | undefined;
      do {
        const out: ScanCommandOutput = await table.send<ScanCommandOutput>(
          new ScanCommand({
            TableName: table.name,
            FilterExpression: '#t = :t',
            ExpressionAttributeNames: { '#t': 'type' },
            ExpressionAttributeValues: { ':t': s('keyid') },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) keys.push(toInfo(item));
        start = out.LastEvaluatedKey;
      } while (start);
      return keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async claimBootstrap() {
      try {
        await table.send(
          new PutItemCommand({
            TableName: table.name,
            Item: { pk: s('META#bootstrap'), sk: s('META'), createdAt: s(table.now().toISOString()) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (err) {
        if (isConditionalCheckFailure(err)) return false;
        throw err;
      }
    },
  };
}
