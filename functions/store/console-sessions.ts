/**
 * Moderator console sessions, server-side so sign-out and key revocation end them at once.
 *
 *   CSESSION#<sha256(token)>  CSESSION   keyHash, label?, csrfToken, createdAt, expiresAt (epoch seconds, TTL)
 *
 * The browser holds only the random session token (in an httpOnly cookie); the table holds only its hash,
 * so reading the table does not yield a usable cookie. The session points at the API key by the key's
 * hash: the caller resolves the principal through ApiKeyStore on every request, so a revoked key or a
 * changed role takes effect on the next page load.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DeleteItemCommand, GetItemCommand, PutItemCommand, type GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { getN, getS, n, optS, s, type Table } from './table.js';

export interface ConsoleSession {
  /** SHA-256 of the API key the moderator signed in with. */
  keyHash: string;
  /** The key's label at sign-in, shown in the top bar. */
  label?: string;
  /** Per-session token every state-changing form must carry. */
  csrfToken: string;
  createdAt: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface ConsoleSessionStore {
  /** Creates a session; the returned token goes into the cookie and nowhere else. */
  create(input: { keyHash: string; label?: string; ttlSeconds: number }): Promise<{ token: string; session: ConsoleSession }>;
  /** The live session for a cookie token, or undefined (unknown, malformed or expired). */
  get(token: string): Promise<ConsoleSession | undefined>;
  delete(token: string): Promise<void>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const pk = (token: string) => `CSESSION#${createHash('sha256').update(token, 'utf8').digest('hex')}`;
const SK = 'CSESSION';

export function createConsoleSessionStore(table: Table): ConsoleSessionStore {
  return {
    async create({ keyHash, label, ttlSeconds }) {
      const token = randomBytes(32).toString('base64url');
      const now = table.now();
      const session: ConsoleSession = {
        keyHash,
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + ttlSeconds,
      };
      if (label) session.label = label;
      await table.send(
        new PutItemCommand({
          TableName: table.name,
          Item: {
            pk: s(pk(token)),
            sk: s(SK),
            type: s('console_session'),
            keyHash: s(session.keyHash),
            csrfToken: s(session.csrfToken),
            createdAt: s(session.createdAt),
            expiresAt: n(session.expiresAt),
            ...(label ? { label: s(label) } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { token, session };
    },

    async get(token) {
      if (!TOKEN_PATTERN.test(token)) return undefined;
      const out = await table.send<GetItemCommandOutput>(
        new GetItemCommand({ TableName: table.name, Key: { pk: s(pk(token)), sk: s(SK) }, ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      const session: ConsoleSession = {
        keyHash: getS(out.Item, 'keyHash'),
        csrfToken: getS(out.Item, 'csrfToken'),
        createdAt: getS(out.Item, 'createdAt'),
        expiresAt: getN(out.Item, 'expiresAt'),
      };
      const label = optS(out.Item, 'label');
      if (label) session.label = label;
      // DynamoDB's TTL deletes expired items only eventually: the expiry is enforced here.
      if (session.expiresAt * 1000 <= table.now().getTime()) return undefined;
      return session;
    },

    async delete(token) {
      if (!TOKEN_PATTERN.test(token)) return;
      await table.send(new DeleteItemCommand({ TableName: table.name, Key: { pk: s(pk(token)), sk: s(SK) } }));
    },
  };
}
