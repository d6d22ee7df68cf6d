/**
 * Sends a request exactly as given (method, raw path, headers, body bytes) over a keep-alive agent and
 * collects the whole reply. Used by the fuzz test and the soak, which need bytes a fetch() would refuse
 * to send (broken percent-encoding, Latin-1 header values) and need to see connection-level failures.
 */
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function sendRequest(base: URL, req: RawRequest, agent: Agent, timeoutMs = 30_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    let replied = false;
    const out = httpRequest(
      { host: base.hostname, port: base.port, method: req.method, path: req.path, headers: req.headers, agent, timeout: timeoutMs },
      (res) => {
        replied = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    out.on('timeout', () => out.destroy(new Error(`no reply within ${timeoutMs} ms: ${req.method} ${req.path.slice(0, 100)}`)));
    // A server that answers before reading the whole body (413) may close while the body is still being
    // written; what counts is the reply, which arrives first.
    out.on('error', (err) => (replied ? undefined : reject(err)));
    out.end(req.body);
  });
}
