/**
 * The edges the hostile-input review found, each pinned down over real HTTP against the whole service:
 * broken multipart on every form-reading route, invisible-only text wherever text is required, prescreen
 * uploads without a single exhibitor row, and the connection after a 413.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSession } from '../../functions/bench/console-session.js';
import { startServiceServer, type ServiceServer } from './service-server.js';

let s: ServiceServer;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  s = await startServiceServer();
  session = await consoleSession(s.url, s.keys.moderator);
});
afterAll(() => s?.close());

const api = async (method: string, path: string, key: string, body?: BodyInit, type = 'application/json') => {
  const res = await fetch(`${s.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': type }, body });
  const text = await res.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type'), body: json, text };
};

const BOUNDARY = 'xyz';
const TRUNCATED = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n单位名称,岗位名称`;
const BROKEN_MULTIPART: [string, string][] = [
  ['no boundary', 'multipart/form-data'],
  ['an empty boundary', 'multipart/form-data; boundary='],
  ['a truncated part', `multipart/form-data; boundary=${BOUNDARY}`],
];

async function pendingAd(): Promise<string> {
  const created = await api('POST', '/v1/ads', s.keys.employer, JSON.stringify({ title: '行政专员', description: '负责日常行政事务，年龄35岁以下。' }));
  expect(created.body.status).toBe('pending_review');
  return created.body.adId;
}

describe('broken multipart bodies answer 4xx on every route that reads a form', () => {
  it.each(BROKEN_MULTIPART)('POST /v1/prescreens with %s: 400 problem+json saying what to fix', async (_case, type) => {
    const res = await api('POST', '/v1/prescreens', s.keys.organizer, TRUNCATED, type);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ type: 'urn:hirecheck:problem:invalid-request', status: 400 });
    expect(res.body.detail).toMatch(/multipart\/form-data/);
  });

  it.each(BROKEN_MULTIPART)('the console sign-in, CSRF check and review form with %s: the 400 page', async (_case, type) => {
    const adId = await pendingAd();
    const signIn = await fetch(`${s.url}/console/sign-in`, { method: 'POST', headers: { 'content-type': type }, body: TRUNCATED });
    const review = await fetch(`${s.url}/console/ads/${adId}/review`, { method: 'POST', headers: { 'content-type': type, cookie: session.cookie }, body: TRUNCATED });
    for (const res of [signIn, review]) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('无法读取提交的表单');
    }
    expect((await api('GET', `/v1/ads/${adId}`, s.keys.moderator)).body.status).toBe('pending_review'); // nothing decided
  });
});

describe('invisible-only text is empty wherever text is required', () => {
  const INVISIBLE = ['   ', '\u0000\u0000', '\u200b\u200b', '\u202e\u2066\ufeff', '\u3000\t\n'];

  it.each(INVISIBLE.map((t) => [JSON.stringify(t), t]))('a title of %s is refused on create and revise, and nothing is stored', async (_name, title) => {
    const create = await api('POST', '/v1/ads', s.keys.employer, JSON.stringify({ title, description: '负责仓库管理。' }));
    expect(create.status).toBe(400);
    expect(create.body.errors).toEqual([{ location: 'body', field: 'title', message: 'must not be empty' }]);
    const adId = await pendingAd();
    const revise = await api('PUT', `/v1/ads/${adId}`, s.keys.employer, JSON.stringify({ title, description: '负责仓库管理。' }));
    expect(revise.status).toBe(400);
    expect((await api('GET', `/v1/ads/${adId}`, s.keys.employer)).body.version).toBe(1);
  });

  it('refuses an invisible-only description on check', async () => {
    const res = await api('POST', '/v1/check', s.keys.organizer, JSON.stringify({ description: '\u200b \u0000' }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'description', message: 'must not be empty' });
  });

  it('refuses a reject whose reason is invisible-only, over the API and in the console, and stores nothing', async () => {
    const adId = await pendingAd();
    const viaApi = await api('POST', `/v1/ads/${adId}/review`, s.keys.moderator, JSON.stringify({ decision: 'reject', reason: '\u200b\u200b', expectedVersion: 1 }));
    expect(viaApi.status).toBe(400);
    expect(viaApi.body.errors).toEqual([{ location: 'body', field: 'reason', message: 'a reason is required to reject an ad' }]);

    const form = new URLSearchParams({ _csrf: session.csrf, decision: 'reject', version: '1', reason: '\u200b \u3000', preset: '\u200d' });
    const viaConsole = await fetch(`${s.url}/console/ads/${adId}/review`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(viaConsole.status).toBe(422);
    expect(await viaConsole.text()).toContain('驳回需要填写理由');

    const history = await api('GET', `/v1/ads/${adId}/history`, s.keys.moderator);
    expect(history.body.status).toBe('pending_review');
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['submitted']);
  });

  it('stores an approval with an invisible-only reason without a reason', async () => {
    const adId = await pendingAd();
    const res = await api('POST', `/v1/ads/${adId}/review`, s.keys.moderator, JSON.stringify({ decision: 'approve', reason: '\u200b', expectedVersion: 1 }));
    expect(res.status).toBe(200);
    expect(res.body.review).toEqual({ decision: 'approve', at: expect.any(String), keyId: expect.any(String) });
  });
});

describe('a prescreen upload needs at least one exhibitor row', () => {
  const NO_ROWS: [string, string, string][] = [
    ['a JSON array of numbers', '[1,2,3]', 'application/json'],
    ['a JSON array of null', '[null]', 'application/json'],
    ['junk JSON Lines', 'not json\n{broken\n42\n', 'application/x-ndjson'],
    ['a CSV with a header and no rows', '单位名称,岗位名称,岗位描述\n', 'text/csv'],
    ['rows whose description is invisible-only', '单位名称,岗位名称,岗位描述\n甲公司,职员,\u200b\u200b\n', 'text/csv'],
  ];

  it.each(NO_ROWS)('%s: 400 naming the bad rows, and no batch is stored', async (_case, body, type) => {
    const before = (await api('GET', '/v1/prescreens', s.keys.organizer)).body.items.length;
    const res = await api('POST', '/v1/prescreens', s.keys.organizer, body, type);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'urn:hirecheck:problem:invalid-request' });
    expect(res.body.detail).toMatch(/no exhibitor rows|none of the \d+ rows/);
    expect((await api('GET', '/v1/prescreens', s.keys.organizer)).body.items.length).toBe(before);
  });
});

describe('after a 413 the connection is closed cleanly', () => {
  /** One raw connection: a body over the limit, then (if the socket stays open) a second request. */
  function overLimitThenNext(bodyBytes: number, chunked: boolean): Promise<{ replies: string[]; closedByServer: boolean }> {
    return new Promise((resolve, reject) => {
      const { port } = new URL(s.url);
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      let closedByServer = false;
      socket.on('data', (d) => (received += d.toString('latin1')));
      socket.on('end', () => (closedByServer = true));
      socket.on('error', () => {}); // the server may close while the client is still writing its body
      socket.on('close', () => resolve({ replies: received.split(/(?=HTTP\/1\.1 )/).filter(Boolean), closedByServer }));
      setTimeout(() => reject(new Error('no close within 10 s')), 10_000).unref();
      const head = [`POST /v1/check HTTP/1.1`, 'Host: x', `Authorization: Bearer ${s.keys.organizer}`, 'Content-Type: application/json'];
      head.push(chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${bodyBytes}`);
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      for (let sent = 0; sent < bodyBytes; sent += chunk.length) {
        if (chunked) socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (chunked) socket.write('\r\n');
      }
      if (chunked) socket.write('0\r\n\r\n');
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    });
  }

  it.each([
    ['Content-Length', false],
    ['chunked', true],
  ] as const)('%s body over the limit: 413 problem+json with Connection: close, then the server closes', async (_name, chunked) => {
    const { replies, closedByServer } = await overLimitThenNext(1024 * 1024, chunked);
    expect(replies).toHaveLength(1); // nothing after the 413 was taken as a request on this connection
    expect(replies[0]).toMatch(/^HTTP\/1\.1 413 /);
    expect(replies[0]).toMatch(/\r\nconnection: close\r\n/i);
    expect(replies[0]).toMatch(/\r\ncontent-type: application\/problem\+json\r\n/i);
    expect(closedByServer).toBe(true);
    // A client opening a new connection is served as usual.
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('a keep-alive client (fetch) gets the 413 and its next request succeeds', async () => {
    for (let i = 0; i < 5; i++) {
      const big = await fetch(`${s.url}/v1/check`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.keys.organizer}`, 'content-type': 'application/json' },
        body: new Uint8Array(2 * 1024 * 1024),
      });
      expect(big.status).toBe(413);
      expect(big.headers.get('connection')).toBe('close');
      expect((await api('POST', '/v1/check', s.keys.organizer, JSON.stringify({ description: '负责仓库管理。' }))).status).toBe(200);
    }
  });
});
