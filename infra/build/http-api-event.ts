/**
 * API Gateway v2 (HTTP API, payload format 2.0) events, as the deployed API sends them to the function:
 * the route key and path parameters come from the stack's own route list (infra/routes.ts).
 */
import { randomUUID } from 'node:crypto';
import { API_ROUTES } from '../routes.js';

export interface HttpRequest {
  method: string;
  /** Path with an optional query string, e.g. `/v1/ads?status=rejected`. */
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
}

/** The API route that API Gateway would match (`GET /v1/ads/{id}`), with its path parameters. */
export function matchRoute(method: string, path: string): { routeKey: string; pathParameters?: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const route of API_ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((p, i) => {
      const m = /^\{(\w+)\}$/.exec(p);
      if (m) params[m[1]!] = decodeURIComponent(segments[i]!);
      return m ? segments[i] !== '' : p === segments[i];
    });
    if (matches) return { routeKey: `${route.method} ${route.path}`, ...(Object.keys(params).length ? { pathParameters: params } : {}) };
  }
  return undefined;
}

export function httpApiEvent(req: HttpRequest) {
  const [path = '/', query = ''] = req.url.split('?');
  const method = req.method.toUpperCase();
  const route = matchRoute(method, path);
  if (!route) throw new Error(`${method} ${path}: no such route in infra/routes.ts (API Gateway would answer 404 itself)`);
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  const headers: Record<string, string> = { host: 'api.example.test', 'user-agent': 'hirecheck-tests' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
  const now = new Date();
  const queryStringParameters = query ? Object.fromEntries(new URLSearchParams(query)) : undefined;
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: path,
    rawQueryString: query,
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(route.pathParameters ? { pathParameters: route.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: headers.host,
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent'] },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
}

export type HttpApiEvent = ReturnType<typeof httpApiEvent>;
