/**
 * `npm start` for real: the Node server as a child process, with its own DynamoDB Local (in memory, then
 * persistent), or pointed at the run's DynamoDB Local through HIRECHECK_DYNAMODB_ENDPOINT; real HTTP.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ROOT, startServer, stopAll } from '../server/npm-start.js';
import { ADS } from './harness.js';

/**
 * POSTs `chunks` × 64 KiB with chunked encoding, one chunk at a time, and stops sending once the answer
 * arrives: the server answers an oversized body early and closes, and a client still writing would get EPIPE
 * instead of reading the answer.
 */
function postChunked(url: string, key: string, chunks: number): Promise<{ status: number; contentType: string | undefined }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode!, contentType: res.headers['content-type'] });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const next = () => {
      if (answered) return;
      if (sent++ === chunks) return void req.end();
      req.write(chunk, () => setTimeout(next, 10));
    };
    next();
  });
}

// SIGTERM, so the server stops its DynamoDB Local child too (a SIGKILLed parent would orphan it).
afterEach(stopAll);

const api = async (base: string, method: string, path: string, key?: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
};

describe('npm start', () => {
  it('starts DynamoDB Local, creates the table and demo keys, serves the API, and stops cleanly', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hirecheck-start-'));
    const server = await startServer({ HIRECHECK_DATA_DIR: dataDir }, ['--in-memory']);
    expect(server.output()).toMatch(/created table hirecheck/);
    const keysFile = join(dataDir, 'demo-keys.json');
    const keys = JSON.parse(readFileSync(keysFile, 'utf8'));
    expect(Object.keys(keys).sort()).toEqual(['employer', 'employer2', 'moderator', 'organizer']);
    expect(statSync(keysFile).mode & 0o077).toBe(0); // readable by the owner only
    for (const key of Object.values(keys)) expect(server.output()).toContain(key as string);

    expect((await api(server.base, 'GET', '/health')).status).toBe(200);
    const created = await api(server.base, 'POST', '/v1/ads', keys.employer, ADS.review);
    expect(created.status).toBe(201);
    expect((await api(server.base, 'GET', `/v1/ads/${created.body.adId}`, keys.employer2)).status).toBe(404);
    expect((await api(server.base, 'GET', `/v1/ads/${created.body.adId}`, keys.moderator)).body.tenant).toBe('demo-employer');
    expect((await api(server.base, 'POST', '/v1/check', keys.organizer, ADS.clean)).body.decision).toBe('approve');

    // Two moderators racing over real HTTP: exactly one wins.
    const decide = (decision: string) =>
      api(server.base, 'POST', `/v1/ads/${created.body.adId}/review`, keys.moderator, { decision, reason: 'r', expectedVersion: 1 });
    const [a, b] = await Promise.all([decide('approve'), decide('reject')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);

    // A chunked body (no Content-Length) over the limit is still refused with 413.
    const res = await postChunked(`${server.base}/v1/check`, keys.organizer, 6);
    expect(res.status).toBe(413);
    expect(res.contentType).toBe('application/problem+json');

    const advert = join(dataDir, 'dynamodb-local.json');
    const { endpoint } = JSON.parse(readFileSync(advert, 'utf8'));
    expect(await server.stop()).toBe(0);
    expect(existsSync(advert)).toBe(false);
    await expect(fetch(endpoint, { signal: AbortSignal.timeout(2000) })).rejects.toThrow(); // Java child gone
  });

  it('keeps data under the data directory across restarts and does not recreate demo keys', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hirecheck-persist-'));
    const first = await startServer({ HIRECHECK_DATA_DIR: dataDir });
    const keys = JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8'));
    const { body } = await api(first.base, 'POST', '/v1/ads', keys.employer, ADS.clean);
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'dynamodb', 'shared-local-instance.db'))).toBe(true);

    const second = await startServer({ HIRECHECK_DATA_DIR: dataDir });
    expect(second.output()).toMatch(/demo API keys were created when this database was new/);
    expect(JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8'))).toEqual(keys);
    const again = await api(second.base, 'GET', `/v1/ads/${body.adId}`, keys.employer);
    expect(again.status).toBe(200);
    expect(again.body.ad).toEqual(ADS.clean);
    expect(await second.stop()).toBe(0);
  });

  it('uses HIRECHECK_DYNAMODB_ENDPOINT instead of starting DynamoDB Local', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hirecheck-endpoint-'));
    const endpoint = inject('dynamoEndpoint');
    const server = await startServer({ HIRECHECK_DATA_DIR: dataDir, HIRECHECK_DYNAMODB_ENDPOINT: endpoint, HIRECHECK_TABLE: `start-${Date.now()}` });
    expect(server.output()).toContain(`database: ${endpoint}`);
    expect(existsSync(join(dataDir, 'dynamodb'))).toBe(false);
    expect((await api(server.base, 'GET', '/health')).status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  it('says in one line what to install when Java is missing', { timeout: 60_000 }, async () => {
    // A PATH holding only node: no java on it.
    const bin = mkdtempSync(join(tmpdir(), 'hirecheck-nojava-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/server/main.ts', '--in-memory'], {
      cwd: ROOT,
      env: { ...process.env, PATH: bin, HIRECHECK_DATA_DIR: join(bin, 'data'), PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hirecheck: Java was not found\. DynamoDB Local needs Java 17 or newer: install/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
