/**
 * `npm start` at its edges, as real processes: where it listens (loopback unless told otherwise, --host and
 * --port), what a second server does on a busy port or a data directory in use (fails at once, names what is
 * in the way, touches nothing of the first), readiness, and its options.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../functions/server/dynamodb-local.js';
import { runToExit, startServer, stopAll } from './npm-start.js';

afterAll(stopAll);

/** An IPv4 address of this machine that is not loopback, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/** True when a TCP connection to host:port is accepted. */
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** A server on the run's DynamoDB Local (no Java of its own), for the tests about where it listens. */
const onSharedDynamo = () => ({
  HIRECHECK_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
  HIRECHECK_TABLE: `edges-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
  HIRECHECK_DATA_DIR: mkdtempSync(join(tmpdir(), 'hirecheck-edges-')),
});

describe('where npm start listens', () => {
  it('listens on loopback only by default, on the port --port names', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const server = await startServer({ ...onSharedDynamo(), PORT: '1' }, ['--port', String(port)]);
    expect(server.output()).toContain(`listening on http://127.0.0.1:${port} `);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    if (outsideAddress) expect(await reachable(outsideAddress, port)).toBe(false);
    await server.stop();
  });

  it('listens on every interface when --host says so, and says that other hosts can reach it', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const server = await startServer(onSharedDynamo(), ['--host', '0.0.0.0', '--port', String(port)]);
    expect(server.output()).toMatch(/every interface: other hosts can reach it/);
    if (outsideAddress) expect(await reachable(outsideAddress, port)).toBe(true);
    await server.stop();
  });

  it('answers GET /health/ready 200 once it serves', { timeout: 60_000 }, async () => {
    const server = await startServer(onSharedDynamo());
    const res = await fetch(`${server.base}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
    await server.stop();
  });
});

describe('a second server', () => {
  it('on a busy port fails at once, naming the port, without starting anything or touching the first', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hirecheck-busy-'));
    const first = await startServer({ HIRECHECK_DATA_DIR: dataDir }, ['--in-memory']);
    const advert = join(dataDir, 'dynamodb-local.json');
    const before = { text: readFileSync(advert, 'utf8'), mtime: statSync(advert).mtimeMs, keys: readFileSync(join(dataDir, 'demo-keys.json'), 'utf8') };

    const second = await runToExit({ HIRECHECK_DATA_DIR: dataDir, PORT: String(first.port) }, ['--in-memory']);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([`hirecheck: port ${first.port} on 127.0.0.1 is already in use (another hirecheck server or another program): stop it, or choose another port with --port or PORT`]);
    expect(second.stdout).toBe(''); // no database started, no demo keys printed
    console.info(`second npm start on a busy port exited after ${second.ms} ms`);

    expect(readFileSync(advert, 'utf8')).toBe(before.text);
    expect(statSync(advert).mtimeMs).toBe(before.mtime);
    expect(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')).toBe(before.keys);
    expect((await fetch(`${first.base}/health/ready`)).status).toBe(200);

    // On a free port but the same data directory: refused too, naming the server that holds it.
    const third = await runToExit({ HIRECHECK_DATA_DIR: dataDir, PORT: String(await freePort()) }, ['--in-memory']);
    expect(third.code).toBe(1);
    expect(third.stderr).toContain(`is in use by another hirecheck server (pid ${first.child.pid}`);
    expect(third.stdout).not.toMatch(/demo API keys/);
    expect(readFileSync(advert, 'utf8')).toBe(before.text);
    expect((await fetch(`${first.base}/health/ready`)).status).toBe(200);

    expect(await first.stop()).toBe(0);
  });
});

describe('options', () => {
  it('prints its usage for --help, and one line naming an unknown option', async () => {
    const help = await runToExit({}, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm start -- \[--host ADDRESS\] \[--port N\] \[--in-memory\]/);
    const unknown = await runToExit({}, ['--prot', '3000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/--prot.*usage: npm start/);
  });
});
