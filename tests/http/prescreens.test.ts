/**
 * /v1/prescreens on the real store (DynamoDB Local from the global setup), the real engine and real files:
 * GBK CSV, XLSX and JSON uploads, paginated results, CSV/HTML exports, roles and tenant isolation, and
 * every bad input answered with a 4xx problem. One test goes through a real HTTP server.
 */
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../functions/engine.js';
import { createApp } from '../../functions/http/app.js';
import { prescreensRoute } from '../../functions/http/routes/prescreens.js';
import { createPrescreenStore } from '../../functions/store/prescreens.js';
import type { Store } from '../../functions/store/index.js';
import { csvText, FAIR, HEADER, tempDir, writeXlsx, type Table } from '../prescreen/fixtures.js';
import { freshStore } from '../store/table.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let store: Store;
let app: ReturnType<typeof createApp>;
const keys = { organizer: '', organizer2: '', employer: '', admin: '' };

function build(options: { maxRows?: number; bodyBytes?: number } = {}) {
  return createApp({
    engine: getEngine(),
    store,
    limits: { rateLimit: { perSecond: 0, burst: 1 } },
    log: () => {},
    routes: [prescreensRoute({ engine: getEngine(), prescreens: createPrescreenStore(store.table), ...options })],
  });
}

async function call(method: string, path: string, options: { key?: string; body?: BodyInit; type?: string; on?: typeof app } = {}) {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.type) headers['content-type'] = options.type;
  const res = await (options.on ?? app).request(path, { method, headers, body: options.body });
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Decoded keeping a BOM, which the CSV export must start with (Response.text() would drop it).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

const gbkCsv = (table: Table) => new Uint8Array(iconv.encode(csvText(table), 'gbk'));

beforeAll(async () => {
  getEngine();
  store = await freshStore('prescreens');
  keys.organizer = (await store.keys.create({ role: 'organizer', tenant: 'fair-a', label: 'fair a' })).key;
  keys.organizer2 = (await store.keys.create({ role: 'organizer', tenant: 'fair-b', label: 'fair b' })).key;
  keys.employer = (await store.keys.create({ role: 'employer', tenant: 'acme', label: 'acme' })).key;
  keys.admin = (await store.keys.create({ role: 'admin', tenant: 'platform', label: 'admin' })).key;
  app = build();
}, 120_000);

describe('POST /v1/prescreens', () => {
  it('checks a GBK CSV, stores it and returns its id and summary', async () => {
    const res = await call('POST', '/v1/prescreens?name=双选会.csv', { key: keys.organizer, body: gbkCsv(FAIR), type: 'text/csv' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/prescreens/${res.body.id}`);
    expect(res.body.id).toMatch(/^ps_[A-Za-z0-9_-]{20}$/);
    expect(res.body.summary).toMatchObject({ source: '双选会.csv', format: 'csv', encoding: 'GBK', rows: 6, checked: 5, errors: 1 });
    expect(res.body.summary.exhibitors).toEqual({ total: 4, pass: 0, fix: 3, refuse: 1 });
    expect(res.body).not.toHaveProperty('keyId');
  });

  it('reads XLSX, JSON arrays and multipart uploads', async () => {
    const xlsx = new Uint8Array(readFileSync(await writeXlsx(tempDir(), 'fair.xlsx', FAIR)));
    const fromXlsx = await call('POST', '/v1/prescreens', { key: keys.organizer, body: xlsx, type: XLSX });
    expect(fromXlsx.status).toBe(201);
    expect(fromXlsx.body.summary).toMatchObject({ format: 'xlsx', source: 'upload.xlsx', checked: 5 });

    const ads = [{ company: { name: '甲公司', creditCode: '91350100M000100Y43' }, title: '会计', description: '招聘会计，男女不限，五险一金' }];
    const fromJson = await call('POST', '/v1/prescreens', { key: keys.organizer, body: JSON.stringify(ads), type: 'application/json' });
    expect(fromJson.status).toBe(201);
    expect(fromJson.body.summary).toMatchObject({ format: 'json', checked: 1, decisions: { approve: 1, review: 0, reject: 0 } });

    const form = new FormData();
    form.append('file', new Blob([xlsx]), '春季双选会.xlsx');
    // The letter details ride along as form fields (a form's own win over the query's).
    form.append('fairName', '2026 春季校园双选会');
    form.append('deadline', '2026-03-15');
    const fromForm = await call('POST', '/v1/prescreens?contact=就业指导中心&fairName=ignored', { key: keys.organizer, body: form });
    expect(fromForm.status).toBe(201);
    expect(fromForm.body.summary).toMatchObject({
      source: '春季双选会.xlsx',
      format: 'xlsx',
      letter: { fairName: '2026 春季校园双选会', contact: '就业指导中心', deadline: '2026-03-15' },
    });
    const html = await call('GET', `/v1/prescreens/${fromForm.body.id}?format=html`, { key: keys.organizer });
    expect(html.text.match(/2026 春季校园双选会 · 招聘信息预审结果/g)).toHaveLength(4);
    expect(html.text).toContain('请于 2026年3月15日 前');
  });

  it('takes bodies above the API default limit up to its own, and answers 413 above that', async () => {
    const table: Table = [HEADER];
    for (let i = 0; table.length < 1400; i++) table.push([`公司${i % 50}`, '', `岗位${i}`, `负责日常工作，男女不限，五险一金。编号${i}`.repeat(4), '', '', '', '']);
    const big = new TextEncoder().encode(csvText(table));
    expect(big.byteLength).toBeGreaterThan(256 * 1024);
    const ok = await call('POST', '/v1/prescreens', { key: keys.organizer, body: big, type: 'text/csv' });
    expect(ok.status).toBe(201);
    expect(ok.body.summary.checked).toBe(1399);

    const small = build({ bodyBytes: 64 * 1024 });
    const tooBig = await call('POST', '/v1/prescreens', { key: keys.organizer, body: big, type: 'text/csv', on: small });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toBe('application/problem+json');
    // The other endpoints keep the API's default limit.
    const ad = JSON.stringify({ title: '会计', description: 'x'.repeat(300 * 1024) });
    expect((await call('POST', '/v1/check', { key: keys.organizer, body: ad, type: 'application/json' })).status).toBe(413);
  }, 60_000);

  it('answers bad input with a 400 problem that says what to fix', async () => {
    const post = (body: BodyInit, type = 'text/csv', query = '') => call('POST', `/v1/prescreens${query}`, { key: keys.organizer, body, type });
    const unknown = await post('名称,职务,内容\n甲公司,会计,男女不限\n');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(unknown.body.detail).toMatch(/headers found \(row 1\): 名称, 职务, 内容/);
    const mapped = await post('名称,职务,内容\n甲公司,会计,男女不限\n', 'text/csv', '?map=名称=company&map=职务=title&map=C=description');
    expect(mapped.status).toBe(201);
    expect((await post('a', 'text/csv', '?map=a=nothing')).body.detail).toMatch(/unknown field/);
    expect((await post('a', 'text/csv', '?encoding=latin1')).body.detail).toMatch(/utf-8 or gbk/);
    expect((await post('', 'text/csv')).body.detail).toMatch(/empty/);
    expect((await post(gbkCsv(FAIR), 'text/csv', '?deadline=2026-02-30')).body.detail).toMatch(/deadline must be a date/);
    expect((await post(gbkCsv(FAIR), 'text/csv', `?fairName=${'会'.repeat(101)}`)).body.detail).toMatch(/fairName is at most 100/);
    expect((await post('PK\u0003\u0004garbage', XLSX)).body.detail).toMatch(/not a readable XLSX/);
    expect((await post('{"rows": 5}', 'application/json')).status).toBe(400);
    expect((await post('[not json', 'application/json')).status).toBe(400);
    const form = new FormData();
    form.append('other', 'x');
    expect((await call('POST', '/v1/prescreens', { key: keys.organizer, body: form })).body.detail).toMatch(/part named "file"/);
    const limited = build({ maxRows: 3 });
    const tooMany = await call('POST', '/v1/prescreens', { key: keys.organizer, body: gbkCsv(FAIR), type: 'text/csv', on: limited });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.detail).toMatch(/more than 3 rows/);
  });

  it('is for organizers (and admins) only', async () => {
    const body = gbkCsv(FAIR);
    expect((await call('POST', '/v1/prescreens', { body, type: 'text/csv' })).status).toBe(401);
    const employer = await call('POST', '/v1/prescreens', { key: keys.employer, body, type: 'text/csv' });
    expect(employer.status).toBe(403);
    expect(employer.body.detail).toMatch(/organizer/);
    expect((await call('GET', '/v1/prescreens', { key: keys.employer })).status).toBe(403);
    expect((await call('POST', '/v1/prescreens', { key: keys.admin, body, type: 'text/csv' })).status).toBe(201);
  });
});

describe('GET /v1/prescreens/{id}', () => {
  let id: string;
  beforeAll(async () => {
    id = (await call('POST', '/v1/prescreens?name=fair.csv', { key: keys.organizer, body: gbkCsv(FAIR), type: 'text/csv' })).body.id;
  });

  it('pages through the rows in spreadsheet order, bad rows reported with their number', async () => {
    const first = await call('GET', `/v1/prescreens/${id}?limit=3`, { key: keys.organizer });
    expect(first.status).toBe(200);
    expect(first.body.summary.rows).toBe(6);
    expect(first.body.rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4]);
    expect(first.body.rows[0]).toMatchObject({ company: '甲科技有限公司', creditCode: '91350100M000100Y43', creditCodeValid: true, decision: 'reject' });
    expect(first.body.rows[0].findings.some((f: { category: string }) => f.category === 'gender')).toBe(true);
    expect(first.body.errors).toEqual([]);
    expect(first.body.duplicates).toContainEqual({ kind: 'same_ad', rows: [3, 7], detail: '甲科技有限公司：会计' });
    // Every exhibitor with its outcome, jobs and problems, on the first page.
    expect(first.body.exhibitors.map((x: { company: string; outcome: string }) => [x.company, x.outcome])).toEqual([
      ['甲科技有限公司', 'fix'],
      ['乙贸易有限公司', 'refuse'],
      ['丙教育集团', 'fix'],
      ['丁物流有限公司', 'fix'],
    ]);
    expect(first.body.exhibitors[2]).toMatchObject({ creditCode: null, jobs: [{ row: 5, title: '辅导老师', decision: null, reason: '岗位描述为空' }] });
    expect(first.body.cursor).toBeTruthy();

    const second = await call('GET', `/v1/prescreens/${id}?limit=3&cursor=${first.body.cursor}`, { key: keys.organizer });
    expect(second.body.rows.map((r: { row: number }) => r.row)).toEqual([6, 7]);
    expect(second.body.errors).toEqual([{ row: 5, reason: '岗位描述为空', company: '丙教育集团', title: '辅导老师' }]);
    expect(second.body).not.toHaveProperty('duplicates');
    expect(second.body).not.toHaveProperty('exhibitors');
    expect(second.body).not.toHaveProperty('cursor');

    const other = (await call('POST', '/v1/prescreens', { key: keys.organizer, body: gbkCsv(FAIR), type: 'text/csv' })).body.id;
    const foreignCursor = await call('GET', `/v1/prescreens/${other}?limit=3&cursor=${first.body.cursor}`, { key: keys.organizer });
    expect(foreignCursor.status).toBe(400);
    expect(foreignCursor.body.type).toBe('urn:hirecheck:problem:invalid-cursor');
  });

  it('exports the CSV (BOM) and the self-contained HTML report', async () => {
    const csv = await call('GET', `/v1/prescreens/${id}?format=csv`, { key: keys.organizer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="prescreen-${id}.csv"`);
    expect(csv.text.startsWith('\uFEFF行号,单位名称')).toBe(true);
    expect(csv.text.trim().split('\r\n')).toHaveLength(7);

    const html = await call('GET', `/v1/prescreens/${id}?format=html`, { key: keys.organizer });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html.text).toContain('双选会招聘信息预审报告');
    expect(html.text.match(/<section class="exhibitor"/g)).toHaveLength(4);
    expect(html.text).toMatch(/<mark class="sev-reject"[^>]*>限男性/);
    expect(html.text).toContain('<tr><td>5</td><td>丙教育集团</td><td>辅导老师</td><td>岗位描述为空</td></tr>');
  });

  it('reads a batch stored before exhibitors had outcomes: regrouped from its rows', async () => {
    const old = (await call('POST', '/v1/prescreens?name=old.csv', { key: keys.organizer, body: gbkCsv(FAIR), type: 'text/csv' })).body.id;
    // The exhibitors part as the earlier version wrote it: status and notes, no outcome, no jobs.
    const earlier = [{ key: 'code:91350100M000100Y43', name: '甲科技有限公司', creditCodes: ['91350100M000100Y43'], creditCodeValid: true, status: 'reject', notes: [], rows: [2, 3, 7] }];
    await store.table.send(
      new PutItemCommand({
        TableName: store.table.name,
        Item: { pk: { S: `PRESCREEN#fair-a#${old}` }, sk: { S: 'BATCH#X#000001' }, data: { S: JSON.stringify(earlier) } },
      }),
    );
    const json = await call('GET', `/v1/prescreens/${old}`, { key: keys.organizer });
    expect(json.body.exhibitors.map((x: { outcome: string }) => x.outcome)).toEqual(['fix', 'refuse', 'fix', 'fix']);
    const html = await call('GET', `/v1/prescreens/${old}?format=html`, { key: keys.organizer });
    expect(html.status).toBe(200);
    expect(html.text.match(/<section class="exhibitor"/g)).toHaveLength(4);
  });

  it('shows organizers only their own batches', async () => {
    expect((await call('GET', `/v1/prescreens/${id}`, { key: keys.organizer2 })).status).toBe(404);
    expect((await call('GET', `/v1/prescreens/${id}?format=html`, { key: keys.organizer2 })).status).toBe(404);
    expect((await call('GET', '/v1/prescreens/ps_doesnotexist', { key: keys.organizer })).status).toBe(404);
    expect((await call('GET', `/v1/prescreens/${id}?format=pdf`, { key: keys.organizer })).status).toBe(400);

    const mine = await call('GET', '/v1/prescreens?limit=100', { key: keys.organizer });
    expect(mine.body.items.map((b: { id: string }) => b.id)).toContain(id);
    const theirs = await call('GET', '/v1/prescreens', { key: keys.organizer2 });
    expect(theirs.body.items).toEqual([]);
  });

  it('lists batches newest first, a page at a time', async () => {
    const page1 = await call('GET', '/v1/prescreens?limit=2', { key: keys.organizer });
    const page2 = await call('GET', `/v1/prescreens?limit=2&cursor=${page1.body.cursor}`, { key: keys.organizer });
    const times = [...page1.body.items, ...page2.body.items].map((b: { createdAt: string }) => b.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set([...page1.body.items, ...page2.body.items].map((b: { id: string }) => b.id)).size).toBe(4);
  });
});

describe('over real HTTP', () => {
  it('uploads an XLSX through a socket and downloads the HTML report', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const xlsx = new Uint8Array(readFileSync(await writeXlsx(tempDir(), 'fair.xlsx', FAIR, { titleRow: '2025 春季双选会' })));
      const auth = { authorization: `Bearer ${keys.organizer}` };
      const posted = await fetch(`${base}/v1/prescreens?name=fair.xlsx`, { method: 'POST', headers: { ...auth, 'content-type': XLSX }, body: xlsx });
      expect(posted.status).toBe(201);
      const { id, summary } = (await posted.json()) as { id: string; summary: { headerRow: number } };
      expect(summary.headerRow).toBe(2);
      const report = await fetch(`${base}/v1/prescreens/${id}?format=html`, { headers: auth });
      expect(report.status).toBe(200);
      expect(await report.text()).toMatch(/甲科技有限公司<\/a><\/td><td>有效<\/td><td>3<\/td><td>3、4、8<\/td><td class="fix">需整改<\/td>/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
