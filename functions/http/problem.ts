/**
 * RFC 9457 problem details: every error the API returns is `application/problem+json` with one of these
 * stable `type` URIs, a short `title`, the `status`, and a human `detail` saying what to change.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PROBLEM_TYPES = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'invalid-cursor': { status: 400, title: 'The pagination cursor is not valid' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'This API key may not do that' },
  'not-found': { status: 404, title: 'Not found' },
  'version-conflict': { status: 409, title: 'The ad has changed since that version' },
  'not-pending': { status: 409, title: 'The ad is not waiting for review' },
  'not-rejected': { status: 409, title: 'Only a rejected ad can be appealed' },
  'already-appealed': { status: 409, title: 'This version of the ad was already appealed' },
  'idempotency-mismatch': { status: 409, title: 'Idempotency-Key reused with a different body' },
  'concurrent-update': { status: 409, title: 'A concurrent request changed the ad' },
  'request-timeout': { status: 408, title: 'The request was not received in time' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'The request body must be application/json' },
  'rate-limited': { status: 429, title: 'Too many requests for this API key' },
  'header-too-large': { status: 431, title: 'The request line or headers are too large' },
  'auth-throttled': { status: 429, title: 'Too many failed authentications from this address' },
  'too-many-checks': { status: 429, title: 'Too many self-checks from this address' },
  unavailable: { status: 503, title: 'The service is temporarily unavailable' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** The stable `type` URI of a problem (documented on /docs and in docs/api.md). */
export const problemType = (slug: ProblemSlug): string => `urn:hirecheck:problem:${slug}`;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId?: string;
  [extension: string]: unknown;
}

export function problemBody(c: Context, slug: ProblemSlug, detail: string, extensions: Record<string, unknown> = {}): ProblemBody {
  const { status, title } = PROBLEM_TYPES[slug];
  // Extension members never override the standard ones.
  const body: ProblemBody = { ...extensions, type: problemType(slug), title, status, detail, instance: c.req.path };
  const requestId = c.get('requestId' as never) as string | undefined;
  if (requestId) body.requestId = requestId;
  return body;
}

export function problem(
  c: Context,
  slug: ProblemSlug,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = problemBody(c, slug, detail, extensions);
  return c.body(JSON.stringify(body), PROBLEM_TYPES[slug].status, { ...headers, 'content-type': 'application/problem+json' });
}
