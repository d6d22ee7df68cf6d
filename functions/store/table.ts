/**
 * The shared part of the store: the client + table name every entity module (ads, api-keys, prescreens, …)
 * works on, attribute marshalling, cursors, and turning SDK errors into domain errors.
 * Entity modules build on `Table`; nothing outside functions/store/ imports the AWS SDK.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  DynamoDBServiceException,
  GetItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItem,
  type AttributeValue,
  type QueryCommandInput,
  type QueryCommandOutput,
  type CancellationReason,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { commitBarrier } from './commit-barrier.js';
import { InvalidCursorError, StoreUnavailableError } from './errors.js';

export interface StoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Clock for timestamps; tests may pin it. */
  now?: () => Date;
  /**
   * DynamoDB Local: a transaction counts as written only once its commit has run (see commit-barrier.ts).
   * Leave off for DynamoDB itself, which is durable when it answers.
   */
  waitForLocalCommits?: boolean;
}

export interface Table {
  readonly client: DynamoDBClient;
  readonly name: string;
  now(): Date;
  /** Sends a command, turning throttling and outages into StoreUnavailableError. */
  send<T>(command: { input: object }): Promise<T>;
  /** One TransactWriteItems, answered once it is durable; cancellations come back as TransactionCanceledException. */
  transact(items: TransactWriteItem[]): Promise<void>;
}

export type Item = Record<string, AttributeValue>;

export function createTable({ client, tableName, now, waitForLocalCommits }: StoreOptions): Table {
  const send = async <T>(command: { input: object }): Promise<T> => {
    try {
      return (await client.send(command as never)) as T;
    } catch (err) {
      throw toDomainError(err);
    }
  };
  // Any read of this table queues behind earlier commits; the key never exists.
  const barrier = waitForLocalCommits
    ? commitBarrier(() => send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'META#commit' }, sk: { S: 'META' } }, ConsistentRead: true })))
    : undefined;
  return {
    client,
    name: tableName,
    now: now ?? (() => new Date()),
    send,
    async transact(items) {
      await send(new TransactWriteItemsCommand({ TransactItems: items }));
      await barrier?.();
    },
  };
}

const UNAVAILABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  // The table is missing: a DynamoDB Local that was just restarted in memory, before the table is recreated.
  'ResourceNotFoundException',
]);

/** Transport failures: the database is down, restarting, or not answering in time. */
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|socket hang up|TimeoutError|AbortError/;

function toDomainError(err: unknown): unknown {
  if (err instanceof TransactionCanceledException) return err; // callers inspect the reasons
  if (err instanceof DynamoDBServiceException && UNAVAILABLE.has(err.name)) return new StoreUnavailableError(err);
  if (err instanceof Error && UNREACHABLE.test(`${err.name} ${err.message} ${(err as { code?: string }).code ?? ''}`)) {
    return new StoreUnavailableError(err);
  }
  return err;
}

export function isConditionalCheckFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/** The per-item reasons of a cancelled transaction (`None` for items that were fine), or undefined. */
export function cancellationReasons(err: unknown): CancellationReason[] | undefined {
  if (err instanceof TransactionCanceledException) return err.CancellationReasons ?? [];
  return undefined;
}

// ---- marshalling -----------------------------------------------------------------------------------

export const s = (value: string): AttributeValue => ({ S: value });
export const n = (value: number): AttributeValue => ({ N: String(value) });
export const strings = (values: readonly string[]): AttributeValue => ({ L: values.map(s) });

export function getS(item: Item, name: string): string {
  const v = item[name];
  if (!v || v.S === undefined) throw new Error(`stored item ${item.pk?.S}/${item.sk?.S} lacks string attribute ${name}`);
  return v.S;
}
export function optS(item: Item, name: string): string | undefined {
  return item[name]?.S;
}
export function getN(item: Item, name: string): number {
  const v = item[name];
  if (!v || v.N === undefined) throw new Error(`stored item ${item.pk?.S}/${item.sk?.S} lacks number attribute ${name}`);
  return Number(v.N);
}
export function getStrings(item: Item, name: string): string[] {
  return (item[name]?.L ?? []).map((v) => v.S ?? '');
}

/** JSON documents above this many bytes are stored gzipped (keeps any item well under DynamoDB's 400 KB). */
const GZIP_ABOVE_BYTES = 64 * 1024;

/** Stores a JSON document as a string, or as gzipped binary when large (findings repeat and compress well). */
export function packJson(value: unknown): AttributeValue {
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json, 'utf8') <= GZIP_ABOVE_BYTES) return { S: json };
  return { B: gzipSync(json) };
}

export function unpackJson<T>(item: Item, name: string): T {
  const v = item[name];
  if (v?.S !== undefined) return JSON.parse(v.S) as T;
  if (v?.B !== undefined) return JSON.parse(gunzipSync(v.B).toString('utf8')) as T;
  throw new Error(`stored item ${item.pk?.S}/${item.sk?.S} lacks document attribute ${name}`);
}

/** Zero-padded sequence numbers sort correctly as strings. */
export const seq = (value: number): string => String(value).padStart(6, '0');

// ---- cursors ---------------------------------------------------------------------------------------

/**
 * Opaque page cursors. A cursor holds only the index sort-key value of the last item returned and the
 * query it belongs to; the partition key is always rebuilt from the caller's own scope, so a cursor can
 * never reach into another tenant's partition. Anything else answers InvalidCursorError (400).
 */
export function encodeCursor(scope: string, sortValue: string): string {
  return Buffer.from(JSON.stringify({ q: scope, s: sortValue }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, scope: string, sortPattern: RegExp): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object') {
      const { q, s: sortValue } = parsed as { q?: unknown; s?: unknown };
      if (q === scope && typeof sortValue === 'string' && sortPattern.test(sortValue)) return sortValue;
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

export interface Page<T> {
  items: T[];
  /** Present when more items may follow; pass it back unchanged to get the next page. */
  cursor?: string;
}

export interface PageQuery<T> {
  limit: number;
  /** The query the cursor belongs to (see encodeCursor). */
  scope: string;
  /** The attribute whose value the next page starts after. */
  sortAttribute: string;
  /** The cursor's position for an item, when the sort attribute alone does not locate it (default: its value). */
  position?: (item: Item) => string;
  read: (item: Item) => T;
}

/** One page of a Query: asks for one item more than `limit`, so a cursor is given only when more follow. */
export async function queryPage<T>(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit'>,
  { limit, scope, sortAttribute, position = (item) => getS(item, sortAttribute), read }: PageQuery<T>,
): Promise<Page<T>> {
  const out = await table.send<QueryCommandOutput>(new QueryCommand({ ...input, TableName: table.name, Limit: limit + 1 }));
  const found = out.Items ?? [];
  const page: Page<T> = { items: found.slice(0, limit).map(read) };
  if (found.length > limit) page.cursor = encodeCursor(scope, position(found[limit - 1]!));
  return page;
}
