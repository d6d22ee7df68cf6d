/**
 * The Node HTTP server of `npm start`. It binds its port before anything else starts, so a busy port fails
 * at once with a message naming it (and nothing else is started or touched), and answers 503 until the app
 * is attached. It owns what the Hono app cannot know about the transport:
 *
 * - an answer given before the request's body has arrived (a 413, a 401 or 403 before reading the body)
 *   closes the connection (`Connection: close`): the unread rest of the body makes the socket unusable, and
 *   a client told `keep-alive` would send its next request into a reset;
 * - requests that never reach the app (an unparsable request line, headers over Node's limit, a GET with a
 *   body, a client too slow to send its headers) get a problem+json too, not Node's bare status line;
 * - the client's address (the socket's peer) for failed-authentication limiting;
 * - timeouts for slow clients.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { problemType, PROBLEM_TYPES, type ProblemSlug } from '../http/problem.js';

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

function problemJson(slug: ProblemSlug, detail: string, instance: string): string {
  const { status, title } = PROBLEM_TYPES[slug];
  return JSON.stringify({ type: problemType(slug), title, status, detail, instance });
}

const problemResponse = (slug: ProblemSlug, detail: string, instance: string, headers: Record<string, string> = {}) =>
  new Response(problemJson(slug, detail, instance), { status: PROBLEM_TYPES[slug].status, headers: { ...headers, 'content-type': 'application/problem+json' } });

/** An answer that leaves part of the body unread on the socket tells the client the connection ends here. */
function closeIfBodyUnread(response: Response, incoming: IncomingMessage | undefined): Response {
  if (response.status !== 413 && (incoming?.complete ?? true)) return response;
  const headers = new Headers(response.headers);
  headers.set('connection', 'close');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Errors of Node's HTTP parser, answered before any request exists (so as a raw response on the socket). */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') return void socket.destroy();
  const [slug, detail]: [ProblemSlug, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? ['header-too-large', 'the request line and headers together must stay under 16 KiB']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['request-timeout', 'the request was not received in time']
        : ['invalid-request', 'the request is not valid HTTP/1.1'];
  const { status } = PROBLEM_TYPES[slug];
  const body = problemJson(slug, detail, '');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
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
  let handler: Fetch | undefined;
  // The path of the request being handled, for the problem a request that cannot become a Request gets.
  const current = new AsyncLocalStorage<string>();
  const listener = getRequestListener(
    async (request, env) => {
      if (!handler) return problemResponse('unavailable', 'the server is starting; retry in a moment', new URL(request.url).pathname, { 'retry-after': '1' });
      const response = await handler(request, env);
      return closeIfBodyUnread(response, (env as { incoming?: IncomingMessage } | undefined)?.incoming);
    },
    {
      // e.g. a GET or HEAD with a body, which the Fetch API's Request refuses to carry
      errorHandler: (err) =>
        problemResponse('invalid-request', `the request cannot be read: ${err instanceof Error ? err.message : String(err)}`, current.getStore() ?? '', { connection: 'close' }),
    },
  );
  const server: Server = createServer((req, res) => void current.run((req.url ?? '').split('?')[0]!, () => listener(req, res)));
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(describeListenError(err, host, port)));
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
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
        server.closeIdleConnections();
      }),
  };
}
