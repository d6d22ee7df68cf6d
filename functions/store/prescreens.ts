/**
 * Prescreen batches (campus-fair spreadsheets checked in one go) and their results, under the organizer's
 * tenant. The tenant is part of every key, so a batch id from another tenant simply finds nothing (404).
 *
 * Item layout (one partition per batch):
 *   PRESCREEN#<tenant>#<id>  BATCH            head: source, creator, created time, summary (+ byTenant GSI:
 *                                             `PRESCREENS#<tenant>` / `<createdAt>#<id>`, the organizer's list)
 *   PRESCREEN#<tenant>#<id>  BATCH#D#<0001>   duplicates, 1,000 per item
 *   PRESCREEN#<tenant>#<id>  BATCH#X#<0001>   exhibitors (without their rows), 1,000 per item
 *   PRESCREEN#<tenant>#<id>  ROW#<000002>     one spreadsheet row: a checked job, or a bad row and its reason
 * Rows are written first and the head last, so a batch is visible only once complete; every item expires
 * (TTL) RETENTION_DAYS after the batch, since the ads carry exhibitors' contact details.
 */
import { randomBytes } from 'node:crypto';
import { BatchWriteItemCommand, QueryCommand, type BatchWriteItemCommandOutput, type QueryCommandOutput, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { exhibitorJobs } from '../prescreen/exhibitors.js';
import type { Duplicate, Exhibitor, ExhibitorJob, PrescreenResult, PrescreenSummary, RowError, RowResult } from '../prescreen/types.js';
import { NotFoundError, StoreUnavailableError } from './errors.js';
import type { Principal } from './model.js';
import { INDEX } from './table-definition.js';
import { decodeCursor, getS, n, packJson, queryPage, s, seq, unpackJson, type Item, type Page, type Table } from './table.js';

/** How long a batch is kept. */
export const RETENTION_DAYS = 180;

/**
 * An exhibitor as stored: its rows referenced by row number, its jobs listed for the JSON pages. Batches
 * stored before outcomes existed have neither `outcome` nor `jobs` (their readers regroup from the rows).
 */
export type StoredExhibitor = Omit<Exhibitor, 'rows' | 'errors'> & { rows: number[]; jobs: ExhibitorJob[] };

export interface PrescreenBatch {
  id: string;
  source: string;
  createdAt: string;
  expiresAt: string;
  /** Key id of the organizer key that submitted it. */
  keyId: string;
  summary: PrescreenSummary;
}

export interface PrescreenDetail extends PrescreenBatch {
  duplicates: Duplicate[];
  exhibitors: StoredExhibitor[];
}

/** One stored row, in spreadsheet order. */
export type PrescreenRow = ({ kind: 'job' } & RowResult) | ({ kind: 'error' } & RowError);

export interface PrescreenStore {
  create(input: { actor: Principal; result: PrescreenResult }): Promise<PrescreenBatch>;
  get(tenant: string, id: string): Promise<PrescreenDetail>;
  rows(tenant: string, id: string, page: { limit: number; cursor?: string }): Promise<Page<PrescreenRow>>;
  /** Every row of a batch, read a page at a time (for the CSV and HTML exports). */
  allRows(tenant: string, id: string): AsyncGenerator<PrescreenRow>;
  /** The tenant's batches, newest first. */
  list(tenant: string, page: { limit: number; cursor?: string }): Promise<Page<PrescreenBatch>>;
}

const ID = /^ps_[A-Za-z0-9_-]{20}$/;
const batchPk = (tenant: string, id: string) => `PRESCREEN#${tenant}#${id}`;
const listPk = (tenant: string) => `PRESCREENS#${tenant}`;
const HEAD_SK = 'BATCH';
const partSk = (part: 'D' | 'X', n: number) => `${HEAD_SK}#${part}#${seq(n)}`;
const rowSk = (row: number) => `ROW#${seq(row)}`;
const ROW_SK = /^ROW#\d{6,}$/;
const TIME_ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#ps_[A-Za-z0-9_-]{20}$/;
const PART_SIZE = 1000;
/** BatchWriteItem takes 25 items; a few batches in flight keep a 10,000-row upload to seconds. */
const WRITE_BATCH = 25;
const WRITE_CONCURRENCY = 4;
const WRITE_ATTEMPTS = 8;

const newId = () => `ps_${randomBytes(15).toString('base64url')}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createPrescreenStore(table: Table): PrescreenStore {
  const T = table.name;

  /** Writes items in batches of 25, a few at once, retrying what DynamoDB leaves unprocessed. */
  async function writeAll(items: Item[]): Promise<void> {
    const batches = chunks(items, WRITE_BATCH);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        let requests: WriteRequest[] = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; requests.length; attempt++) {
          if (attempt === WRITE_ATTEMPTS) throw new StoreUnavailableError(new Error('unprocessed items after retries'));
          if (attempt) await new Promise((r) => setTimeout(r, 2 ** attempt * 25));
          const out = await table.send<BatchWriteItemCommandOutput>(new BatchWriteItemCommand({ RequestItems: { [T]: requests } }));
          requests = out.UnprocessedItems?.[T] ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
  }

  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const out = await table.send<QueryCommandOutput>(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  const readBatch = (item: Item): PrescreenBatch => ({
    id: getS(item, 'id'),
    source: getS(item, 'source'),
    createdAt: getS(item, 'createdAt'),
    expiresAt: new Date(Number(item.expiresAt?.N ?? 0) * 1000).toISOString(),
    keyId: getS(item, 'keyId'),
    summary: unpackJson<PrescreenSummary>(item, 'summary'),
  });

  async function rowsPage(tenant: string, id: string, limit: number, cursor?: string): Promise<Page<PrescreenRow>> {
    const pk = batchPk(tenant, id);
    const start = cursor === undefined ? undefined : { pk: s(pk), sk: s(decodeCursor(cursor, pk, ROW_SK)) };
    return queryPage(
      table,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :row)',
        ExpressionAttributeValues: { ':pk': s(pk), ':row': s('ROW#') },
        ExclusiveStartKey: start,
      },
      { limit, scope: pk, sortAttribute: 'sk', read: (item) => unpackJson<PrescreenRow>(item, 'data') },
    );
  }

  const store: PrescreenStore = {
    async create({ actor, result }) {
      const id = newId();
      const pk = batchPk(actor.tenant, id);
      const created = table.now();
      const createdAt = created.toISOString();
      const expires = Math.floor(created.getTime() / 1000) + RETENTION_DAYS * 86_400;
      const common = { pk: s(pk), expiresAt: n(expires) };
      const rows: PrescreenRow[] = [
        ...result.rows.map((r) => ({ kind: 'job' as const, ...r })),
        ...result.errors.map((e) => ({ kind: 'error' as const, ...e })),
      ];
      const exhibitors: StoredExhibitor[] = result.exhibitors.map(({ rows, errors, ...x }) => {
        const jobs = exhibitorJobs({ rows, errors });
        return { ...x, rows: jobs.map((j) => j.row), jobs };
      });
      const items: Item[] = [
        ...rows.map((r) => ({ ...common, sk: s(rowSk(r.row)), data: packJson(r) })),
        ...chunks(result.duplicates, PART_SIZE).map((part, i) => ({ ...common, sk: s(partSk('D', i + 1)), data: packJson(part) })),
        ...chunks(exhibitors, PART_SIZE).map((part, i) => ({ ...common, sk: s(partSk('X', i + 1)), data: packJson(part) })),
      ];
      await writeAll(items);
      // The head goes last: until it exists the batch is not listed and reads answer 404.
      await writeAll([
        {
          ...common,
          sk: s(HEAD_SK),
          id: s(id),
          source: s(result.summary.source),
          createdAt: s(createdAt),
          keyId: s(actor.keyId),
          summary: packJson(result.summary),
          gsi1pk: s(listPk(actor.tenant)),
          gsi1sk: s(`${createdAt}#${id}`),
        },
      ]);
      return { id, source: result.summary.source, createdAt, expiresAt: new Date(expires * 1000).toISOString(), keyId: actor.keyId, summary: result.summary };
    },

    async get(tenant, id) {
      if (!ID.test(id)) throw new NotFoundError('prescreen', id);
      const items = await queryAll({
        TableName: T,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :head)',
        ExpressionAttributeValues: { ':pk': s(batchPk(tenant, id)), ':head': s(HEAD_SK) },
      });
      const head = items.find((i) => i.sk?.S === HEAD_SK);
      if (!head) throw new NotFoundError('prescreen', id);
      const parts = (kind: 'D' | 'X') => items.filter((i) => i.sk?.S?.startsWith(`${HEAD_SK}#${kind}#`)).flatMap((i) => unpackJson<unknown[]>(i, 'data'));
      return { ...readBatch(head), duplicates: parts('D') as Duplicate[], exhibitors: parts('X') as StoredExhibitor[] };
    },

    async rows(tenant, id, { limit, cursor }) {
      await store.get(tenant, id); // 404 for an unknown or incomplete batch
      return rowsPage(tenant, id, limit, cursor);
    },

    async *allRows(tenant, id) {
      let cursor: string | undefined;
      do {
        const page = await rowsPage(tenant, id, 500, cursor);
        yield* page.items;
        cursor = page.cursor;
      } while (cursor);
    },

    async list(tenant, { limit, cursor }) {
      const partition = listPk(tenant);
      let start: Item | undefined;
      if (cursor !== undefined) {
        const sortValue = decodeCursor(cursor, partition, TIME_ID);
        const id = sortValue.slice(sortValue.indexOf('#') + 1);
        start = { pk: s(batchPk(tenant, id)), sk: s(HEAD_SK), gsi1pk: s(partition), gsi1sk: s(sortValue) };
      }
      return queryPage(
        table,
        {
          IndexName: INDEX.byTenant,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': s(partition) },
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        },
        { limit, scope: partition, sortAttribute: 'gsi1sk', read: readBatch },
      );
    },
  };
  return store;
}
