/**
 * /v1/prescreens: campus-fair prescreening through the API. An organizer uploads the exhibitors'
 * spreadsheet (CSV, GBK CSV, XLSX, JSON or JSON Lines); the batch is checked, stored under the organizer's
 * tenant and read back as JSON pages or as the CSV and HTML exports of `hirecheck prescreen`.
 *
 * Mounted through `createApp({ routes: [prescreensRoute(...)] })`; it declares its own body limit, larger
 * than the API's default, because a spreadsheet is not one ad.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Engine } from '../../engine.js';
import { ENCODING_NAMES } from '../../prescreen/decode-text.js';
import { PrescreenInputError } from '../../prescreen/errors.js';
import { parseMapOption, type ColumnTarget } from '../../prescreen/header-map.js';
import { csvReport } from '../../prescreen/report-csv.js';
import { htmlReport } from '../../prescreen/report-html.js';
import { jsonError, jsonExhibitor, jsonRow } from '../../prescreen/report-json.js';
import { DuplicateFinder } from '../../prescreen/duplicates.js';
import { exhibitorJobs, groupExhibitors } from '../../prescreen/exhibitors.js';
import { letterDetails, LETTER_LIMITS } from '../../prescreen/letter-details.js';
import { countOutcomes, prescreen } from '../../prescreen/prescreen.js';
import { EXHIBITOR_OUTCOMES, type InputFormat, type PrescreenResult, type RowError, type RowResult } from '../../prescreen/types.js';
import type { PrescreenDetail, PrescreenRow, PrescreenStore } from '../../store/prescreens.js';
import { requireRole } from '../auth.js';
import type { AppEnv } from '../env.js';
import { problem } from '../problem.js';
import { BEARER, createRouter } from '../router.js';
import { json, problems } from '../schemas.js';

/** 4 MiB: base64-encoded (as API Gateway hands binary bodies to Lambda) it stays under Lambda's 6 MB payload. */
export const PRESCREEN_BODY_BYTES = 4 * 1024 * 1024;
/** Rows per batch: a batch is checked within the request, so it must finish well inside API Gateway's 30 s. */
export const PRESCREEN_MAX_ROWS = 10_000;
export const PRESCREEN_PAGE = { default: 100, max: 500 } as const;

export interface PrescreensDeps {
  engine: Pick<Engine, 'check' | 'info'>;
  prescreens: PrescreenStore;
  bodyBytes?: number;
  maxRows?: number;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES: Record<string, InputFormat> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'text/tab-separated-values': 'csv',
  [XLSX_TYPE]: 'xlsx',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};
const EXTENSIONS: Record<InputFormat, string> = { csv: 'csv', xlsx: 'xlsx', json: 'json', jsonl: 'jsonl' };

const cursorDoc = 'Opaque; pass back the `cursor` of the previous page unchanged. Absent on the last page.';

const SummarySchema = z
  .object({
    source: z.string(),
    format: z.enum(['csv', 'xlsx', 'jsonl', 'json']),
    encoding: z.string().optional(),
    headerRow: z.number().int().optional(),
    columns: z.array(z.object({ header: z.string(), field: z.string() })),
    ignoredColumns: z.array(z.string()),
    rows: z.number().int(),
    checked: z.number().int(),
    errors: z.number().int(),
    decisions: z.object({ approve: z.number().int(), review: z.number().int(), reject: z.number().int() }),
    exhibitors: z
      .object({ total: z.number().int(), pass: z.number().int(), fix: z.number().int(), refuse: z.number().int() })
      .openapi({ description: 'Exhibitors per outcome: pass 通过, fix 需整改, refuse 不予参展 (fraud, or fees charged to applicants).' }),
    categories: z.record(z.string(), z.number().int()).openapi({ description: 'Findings per category.' }),
    creditCodes: z
      .object({ valid: z.number().int(), invalid: z.number().int(), missing: z.number().int() })
      .openapi({ description: 'Exhibitors whose codes are all valid, that gave an invalid one, that gave none.' }),
    letter: z
      .object({ fairName: z.string().optional(), contact: z.string().optional(), deadline: z.string().optional() })
      .optional()
      .openapi({ description: 'The fair, contact and deadline printed on every letter, as uploaded.' }),
    duplicates: z.number().int(),
    lexiconVersion: z.string(),
    checkedAt: z.string(),
    durationMs: z.number(),
  })
  .openapi('PrescreenSummary');

const BatchSchema = z
  .object({
    id: z.string().openapi({ example: 'ps_k3J9xQ2mP0aZr8TfW1bY' }),
    source: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().openapi({ description: 'When the batch and its results are deleted.' }),
    summary: SummarySchema,
  })
  .openapi('PrescreenBatch');

const RowSchema = z
  .object({
    row: z.number().int().openapi({ description: "The spreadsheet's own row number (header = row 1); for JSON Lines the line number." }),
    company: z.string(),
    creditCode: z.string().nullable(),
    creditCodeValid: z.boolean().nullable().openapi({ description: 'GB 32100-2015 check; null when no code was given.' }),
    creditCodeProblem: z.string().optional(),
    title: z.string(),
    decision: z.enum(['approve', 'review', 'reject']),
    categories: z.array(z.string()),
    findings: z.array(z.any()).openapi({ description: "The engine's findings (see Verdict)." }),
  })
  .openapi('PrescreenRow');

const ExhibitorSchema = z
  .object({
    company: z.string(),
    creditCode: z.string().nullable(),
    outcome: z.enum(EXHIBITOR_OUTCOMES).openapi({ description: 'pass 通过; fix 需整改 (rewording, a code to correct or supply); refuse 不予参展 (fraud or fees).' }),
    jobs: z.array(
      z.object({
        row: z.number().int(),
        title: z.string(),
        decision: z.enum(['approve', 'review', 'reject']).nullable().openapi({ description: 'null for a row that could not be read (see reason).' }),
        reason: z.string().optional(),
      }),
    ),
    problems: z.array(
      z.object({
        kind: z.string().openapi({ example: 'code_invalid' }),
        text: z.string().openapi({ description: 'As the letter words it (jobs by title, no row numbers).' }),
        rows: z.array(z.number().int()),
        code: z.string().optional(),
        excel: z.boolean().optional().openapi({ description: 'The invalid code looks damaged by Excel (scientific notation, lost digits).' }),
      }),
    ),
  })
  .openapi('PrescreenExhibitor');

const ResultsSchema = BatchSchema.extend({
  rows: z.array(RowSchema),
  errors: z
    .array(
      z.object({
        row: z.number().int(),
        reason: z.string(),
        company: z.string().optional(),
        title: z.string().optional(),
        creditCode: z.string().optional(),
        creditCodeValid: z.boolean().optional(),
      }),
    )
    .openapi({ description: 'Rows of this page that could not be read, with what they still say of themselves.' }),
  exhibitors: z.array(ExhibitorSchema).optional().openapi({ description: 'On the first page only.' }),
  duplicates: z
    .array(z.object({ kind: z.enum(['same_ad', 'company_two_codes', 'code_two_names']), rows: z.array(z.number().int()), detail: z.string() }))
    .optional()
    .openapi({ description: 'On the first page only.' }),
  cursor: z.string().optional().openapi({ description: cursorDoc }),
}).openapi('PrescreenResults');

const IdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ps_k3J9xQ2mP0aZr8TfW1bY' }) });

const UploadQuery = z.object({
  name: z.string().max(200).optional().openapi({ param: { name: 'name', in: 'query' }, description: 'File name shown in the report (and used to tell the format when the Content-Type does not).' }),
  map: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ param: { name: 'map', in: 'query' }, description: 'Column override `列名=field`, repeatable, as `--map` on the CLI.' }),
  encoding: z.string().optional().openapi({ param: { name: 'encoding', in: 'query' }, description: 'utf-8 or gbk for CSV (default: detected).' }),
  fairName: z.string().optional().openapi({ param: { name: 'fairName', in: 'query' }, description: `The fair's name, on every letter (at most ${LETTER_LIMITS.fairName} characters); also a multipart field.` }),
  contact: z.string().optional().openapi({ param: { name: 'contact', in: 'query' }, description: `Whom exhibitors contact (at most ${LETTER_LIMITS.contact} characters); also a multipart field.` }),
  deadline: z.string().optional().openapi({ param: { name: 'deadline', in: 'query' }, description: 'The day corrections are due, YYYY-MM-DD; also a multipart field.' }),
});

const binary = { schema: z.string().openapi({ format: 'binary' }) };
const createPrescreen = createRoute({
  method: 'post',
  path: '/',
  tags: ['prescreens'],
  summary: 'Prescreen a spreadsheet of job ads (campus fair) and store the results',
  description:
    `Role: organizer. Body: the file itself, at most ${PRESCREEN_BODY_BYTES} bytes (4 MiB) and ${PRESCREEN_MAX_ROWS} rows, as text/csv ` +
    '(UTF-8 with or without BOM, or GBK), XLSX, application/json (an array of ad objects) or application/x-ndjson; or multipart/form-data ' +
    'with the file in a `file` part. Headers in Chinese or English are mapped automatically. Bad rows are reported with their row number and skipped.',
  security: BEARER,
  middleware: [requireRole('organizer')] as const,
  request: {
    query: UploadQuery,
    body: {
      required: true,
      // JSON and multipart bodies are read by the handler, not declared: a declared schema would make the router validate them as one ad.
      content: { 'text/csv': binary, [XLSX_TYPE]: binary, 'application/x-ndjson': binary },
    },
  },
  responses: { 201: json(BatchSchema, 'Checked and stored; read the results at `Location`'), ...problems(400, 403, 413) },
});

const listPrescreens = createRoute({
  method: 'get',
  path: '/',
  tags: ['prescreens'],
  summary: "The organizer's own batches, newest first",
  description: 'Role: organizer. Paginated with an opaque cursor.',
  security: BEARER,
  middleware: [requireRole('organizer')] as const,
  request: {
    query: z.object({
      cursor: z.string().max(2048).optional().openapi({ param: { name: 'cursor', in: 'query' }, description: cursorDoc }),
      limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ param: { name: 'limit', in: 'query' } }),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(BatchSchema), cursor: z.string().optional() }).openapi('PrescreenList'), 'One page of batches'), ...problems(400, 403) },
});

const getPrescreen = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['prescreens'],
  summary: 'Results of a batch: JSON pages, or the CSV / HTML export',
  description:
    'Role: organizer, own batches only (another tenant\'s batch is 404). `format=json` (default) returns one page of rows in spreadsheet order; ' +
    '`format=csv` the Excel CSV (UTF-8 with BOM), `format=html` the printable report with one section per exhibitor.',
  security: BEARER,
  middleware: [requireRole('organizer')] as const,
  request: {
    params: IdParams,
    query: z.object({
      format: z.enum(['json', 'csv', 'html']).default('json').openapi({ param: { name: 'format', in: 'query' } }),
      cursor: z.string().max(2048).optional().openapi({ param: { name: 'cursor', in: 'query' }, description: cursorDoc }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(PRESCREEN_PAGE.max)
        .default(PRESCREEN_PAGE.default)
        .openapi({ param: { name: 'limit', in: 'query' }, description: `Rows per page, 1–${PRESCREEN_PAGE.max} (default ${PRESCREEN_PAGE.default}).` }),
    }),
  },
  responses: {
    200: {
      description: 'The results',
      content: { 'application/json': { schema: ResultsSchema }, 'text/csv': binary, 'text/html': binary },
    },
    ...problems(400, 403, 404),
  },
});

/** The uploaded bytes, their file name, the format the Content-Type names (if any), and a form's letter fields. */
async function readUpload(
  c: Context<AppEnv>,
  name: string | undefined,
): Promise<{ data: Uint8Array; name: string; format?: InputFormat; fields?: Record<string, string | undefined> }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody().catch((err: unknown) => {
      throw new PrescreenInputError(`the multipart/form-data body cannot be read (${err instanceof Error ? err.message : String(err)}): send it with a boundary and complete parts`);
    });
    const file = form.file;
    if (!(file instanceof File)) throw new PrescreenInputError('multipart/form-data must carry the spreadsheet in a part named "file"');
    const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : undefined);
    const fields = { fairName: text('fairName'), contact: text('contact'), deadline: text('deadline') };
    return { data: new Uint8Array(await file.arrayBuffer()), name: name ?? file.name ?? 'upload', fields };
  }
  const format = CONTENT_TYPES[type];
  const data = new Uint8Array(await c.req.arrayBuffer());
  return { data, name: name ?? `upload.${EXTENSIONS[format ?? 'csv']}`, format };
}

/** A batch needs at least one exhibitor row the engine could check: otherwise the file is the caller's to fix. */
function requireCheckedRows(result: PrescreenResult): void {
  if (result.summary.checked > 0) return;
  const { rows } = result.summary;
  if (rows === 0) throw new PrescreenInputError('the file has no exhibitor rows: add at least one job under the header row');
  const shown = result.errors.slice(0, 3).map((e) => `row ${e.row}: ${e.reason}`);
  const more = result.errors.length > shown.length ? `; and ${result.errors.length - shown.length} more` : '';
  throw new PrescreenInputError(`none of the ${rows} rows is an exhibitor's job that can be checked (${shown.join('; ')}${more})`);
}

/** Rebuilds what the report writers take from a stored batch and its rows. */
function toResult(detail: PrescreenDetail, stored: PrescreenRow[]): PrescreenResult {
  const rows: RowResult[] = [];
  const errors: RowError[] = [];
  for (const r of stored) {
    const { kind, ...rest } = r;
    if (kind === 'job') rows.push(rest as RowResult);
    else errors.push(rest as RowError);
  }
  const byRow = new Map<number, RowResult | RowError>([...rows, ...errors].map((r) => [r.row, r]));
  // A batch stored before exhibitors had outcomes is grouped again from its rows, as a new upload would be.
  const exhibitors = detail.exhibitors.every((x) => x.outcome)
    ? detail.exhibitors.map(({ rows: numbers, jobs: _, ...x }) => ({
        ...x,
        rows: numbers.map((n) => byRow.get(n)).filter((r): r is RowResult => !!r && 'decision' in r),
        errors: numbers.map((n) => byRow.get(n)).filter((r): r is RowError => !!r && 'reason' in r),
      }))
    : groupExhibitors(rows, errors, detail.duplicates, companyCodes(rows));
  const summary = { ...detail.summary, exhibitors: countOutcomes(exhibitors) };
  return { summary, rows, errors, duplicates: detail.duplicates, exhibitors };
}

/** The one code each company name is given with, from stored rows (what the duplicate finder knew at upload). */
function companyCodes(rows: RowResult[]): DuplicateFinder {
  const finder = new DuplicateFinder();
  for (const r of rows) finder.add(r.row, { name: r.company, code: r.creditCode ?? undefined }, r.title, '');
  return finder;
}

/** The batch's exhibitors for the JSON page: as stored, or regrouped from every row for a batch stored before outcomes. */
async function storedExhibitors(prescreens: PrescreenStore, tenant: string, detail: PrescreenDetail) {
  if (detail.exhibitors.every((x) => x.outcome && x.jobs)) return detail.exhibitors;
  const stored: PrescreenRow[] = [];
  for await (const r of prescreens.allRows(tenant, detail.id)) stored.push(r);
  return toResult(detail, stored).exhibitors.map((x) => ({ ...x, jobs: exhibitorJobs(x) }));
}

const publicBatch = ({ keyId: _, ...batch }: { keyId: string } & z.infer<typeof BatchSchema>) => batch;

export function prescreensRouter({ engine, prescreens, maxRows = PRESCREEN_MAX_ROWS }: PrescreensDeps) {
  const app = createRouter();

  app.openapi(createPrescreen, async (c) => {
    const query = c.req.valid('query');
    let map: Map<string, ColumnTarget>;
    let result: PrescreenResult;
    try {
      map = new Map([query.map ?? []].flat().map(parseMapOption));
      const encoding = query.encoding?.toLowerCase();
      if (encoding && !ENCODING_NAMES[encoding]) throw new PrescreenInputError('encoding must be utf-8 or gbk');
      const upload = await readUpload(c, query.name);
      if (upload.data.byteLength === 0) throw new PrescreenInputError('the body is empty: send the spreadsheet file as the request body');
      // A form's own fields win over the query's.
      const letter = letterDetails({
        fairName: upload.fields?.fairName ?? query.fairName,
        contact: upload.fields?.contact ?? query.contact,
        deadline: upload.fields?.deadline ?? query.deadline,
      });
      result = await prescreen(
        { name: upload.name, data: upload.data },
        { engine, map, maxRows, letter, format: upload.format, encoding: encoding ? { encoding: ENCODING_NAMES[encoding]!, bom: 0 } : undefined },
      );
      requireCheckedRows(result);
    } catch (err) {
      // Whatever is wrong with the file is the caller's to fix: 400 with the reason, never 500.
      if (err instanceof PrescreenInputError) return problem(c, 'invalid-request', err.message) as never;
      throw err;
    }
    const batch = await prescreens.create({ actor: c.get('principal'), result });
    return c.json(publicBatch(batch), 201, { location: `/v1/prescreens/${batch.id}` });
  });

  app.openapi(listPrescreens, async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const page = await prescreens.list(c.get('principal').tenant, { cursor, limit });
    return c.json({ items: page.items.map(publicBatch), ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
  });

  app.openapi(getPrescreen, async (c) => {
    const { id } = c.req.valid('param');
    const { format, cursor, limit } = c.req.valid('query');
    const tenant = c.get('principal').tenant;
    const detail = await prescreens.get(tenant, id);
    if (format !== 'json') {
      const stored: PrescreenRow[] = [];
      for await (const r of prescreens.allRows(tenant, id)) stored.push(r);
      const result = toResult(detail, stored);
      const body = [...(format === 'csv' ? csvReport(result) : htmlReport(result))].join('');
      const headers: Record<string, string> = {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8',
        'content-disposition': `attachment; filename="prescreen-${id}.${format}"`,
      };
      if (format === 'html') headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'";
      return c.body(body, 200, headers) as never;
    }
    const page = await prescreens.rows(tenant, id, { limit, cursor });
    const rows = page.items.filter((r): r is PrescreenRow & { kind: 'job' } => r.kind === 'job').map(jsonRow);
    const errors = page.items.filter((r): r is PrescreenRow & { kind: 'error' } => r.kind === 'error').map(jsonError);
    const { duplicates, exhibitors: _, ...batch } = detail;
    // The exhibitors are built from every row: on the first page only, like the duplicates.
    const exhibitors = cursor === undefined ? await storedExhibitors(prescreens, tenant, detail) : undefined;
    return c.json(
      {
        ...publicBatch(batch),
        rows,
        errors,
        ...(exhibitors ? { exhibitors: exhibitors.map(jsonExhibitor), duplicates } : {}),
        ...(page.cursor ? { cursor: page.cursor } : {}),
      },
      200,
    );
  });

  return app;
}

/** The router as an extra route for `createApp({ routes })`, with its own body limit. */
export function prescreensRoute(deps: PrescreensDeps) {
  return { path: '/v1/prescreens', app: prescreensRouter(deps), bodyBytes: deps.bodyBytes ?? PRESCREEN_BODY_BYTES };
}
