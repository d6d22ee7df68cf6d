/**
 * The Node HTTP server of `npm start`. It binds its port before anything else starts, so a busy port fails
 * at once with a message naming it (and nothing else is started or touched), and answers 503 until the app
 * is attached. It owns what the Hono app cannot know about the transport:
 *
 * - a 413 closes the connection (`Connection: close`): the unread rest of the body makes the socket
 *   unusable, and a client that was told `keep-alive` would send its next request into a reset;
 * - the client's address (the socket's peer) for failed-authentication limiting;
 * - timeouts for slow clients.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { problemType, PROBLEM_TYPES } from '../http/problem.js';

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

export interface BoundHttpServer {
  /** The address as a URL a person can open (http://127.0.0.1:3000). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** From now on requests go to `fetch` (until then they get a 503 `starting` problem). */
  attach(fetch: Fetch): void;
  close(): Promise<void>;
}

export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';
}

/** Slow clients may hold a connection this long for their headers, and this long for the whole request. */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 120_000;

/** The socket's peer address: what the failed-authentication limit counts (never a client-supplied header). */
export const socketAddress = (c: Context): string | undefined => getConnInfo(c).remote.address;

function starting(request: Request): Response {
  const body = {
    type: problemType('unavailable'),
    title: PROBLEM_TYPES.unavailable.title,
    status: 503,
    detail: 'the server is starting; retry in a moment',
    instance: new URL(request.url).pathname,
  };
  return new Response(JSON.stringify(body), { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '1' } });
}

/** A 413 leaves the rest of the body unread on the socket: tell the client the connection ends here. */
function closeAfterTooLarge(response: Response): Response {
  if (response.status !== 413) return response;
  const headers = new Headers(response.headers);
  headers.set('connection', 'close');
  return new Response(response.body, { status: 413, statusText: response.statusText, headers });
}

function describeListenError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `port ${port} on ${host}`;
  if (err.code === 'EADDRINUSE') {
    return new PortUnavailableError(`${where} is already in use (another hirecheck server or another program): stop it, or choose another port with --port or PORT`);
  }
  if (err.code === 'EACCES') return new PortUnavailableError(`${where} needs privileges this process does not have: choose a port above 1023 with --port or PORT`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
    return new PortUnavailableError(`cannot listen on ${host}: it is not an address of this machine (set --host or HOST, e.g. 127.0.0.1)`);
  }
  return err;
}

export async function bindHttpServer({ host, port }: { host: string; port: number }): Promise<BoundHttpServer> {
  let handler: Fetch = starting;
  const server: ServerType = createAdaptorServer({
    fetch: async (request: Request, env: unknown) => closeAfterTooLarge(await handler(request, env)),
  });
  if ('headersTimeout' in server) {
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.requestTimeout = REQUEST_TIMEOUT_MS;
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(describeListenError(err, host, port)));
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${urlHost}:${bound}`,
    host,
    port: bound,
    attach(fetch) {
      handler = fetch;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
