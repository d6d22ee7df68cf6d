/**
 * Errors the HTTP layer raises, and `handleError`, the single mapping of every domain error
 * (store errors, these, Hono's HTTPException) to a problem+json response.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { ConflictError, InvalidCursorError, InvalidInputError, NotFoundError, StoreUnavailableError } from '../store/errors.js';
import { problem, type ProblemSlug } from './problem.js';

export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
}

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limit exceeded for this API key; retry after ${retryAfterSeconds} s`);
  }
}

/** Too many failed authentications from this client address: refused before any key lookup. */
export class AuthThrottledError extends Error {
  override readonly name = 'AuthThrottledError';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed authentications from this address; retry after ${retryAfterSeconds} s`);
  }
}

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`the request body is larger than the limit of ${limitBytes} bytes (${Math.round(limitBytes / 1024)} KiB)`);
  }
}

const LOCATIONS: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

export interface FieldError {
  location: string;
  /** Dotted path of the offending field (empty for the whole body). */
  field: string;
  message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly errors: FieldError[];
  constructor(target: string, error: ZodError) {
    const location = LOCATIONS[target] ?? target;
    const errors = error.issues.map((issue) => ({
      location,
      field: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const first = errors[0];
    const where = first ? `${first.location}${first.field ? `.${first.field}` : ''}` : location;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    super(`${where}: ${first?.message ?? 'invalid'}${more}`);
    this.errors = errors;
  }
}

export interface ErrorLogger {
  (entry: Record<string, unknown>): void;
}

const CONFLICTS: Record<ConflictError['code'], ProblemSlug> = {
  version_conflict: 'version-conflict',
  not_pending: 'not-pending',
  idempotency_mismatch: 'idempotency-mismatch',
  concurrent_update: 'concurrent-update',
  not_rejected: 'not-rejected',
  already_appealed: 'already-appealed',
};

/** Maps any thrown error to problem+json; anything unexpected is logged and answered 500 with the request id. */
export function handleError(err: unknown, c: Context, log: ErrorLogger): Response {
  if (err instanceof ValidationError) return problem(c, 'invalid-request', err.message, { errors: err.errors });
  if (err instanceof UnauthorizedError) return problem(c, 'unauthorized', err.message, {}, { 'www-authenticate': 'Bearer' });
  if (err instanceof ForbiddenError) return problem(c, 'forbidden', err.message);
  if (err instanceof NotFoundError) return problem(c, 'not-found', err.message);
  if (err instanceof InvalidInputError) {
    return problem(c, 'invalid-request', err.message, { errors: [{ location: 'body', field: err.field, message: err.reason }] });
  }
  if (err instanceof ConflictError) return problem(c, CONFLICTS[err.code], err.message, err.details);
  if (err instanceof InvalidCursorError) return problem(c, 'invalid-cursor', err.message);
  if (err instanceof PayloadTooLargeError) return problem(c, 'payload-too-large', err.message, { limitBytes: err.limitBytes });
  if (err instanceof RateLimitedError) {
    return problem(c, 'rate-limited', err.message, { retryAfter: err.retryAfterSeconds }, { 'retry-after': String(err.retryAfterSeconds) });
  }
  if (err instanceof AuthThrottledError) {
    return problem(c, 'auth-throttled', err.message, { retryAfter: err.retryAfterSeconds }, { 'retry-after': String(err.retryAfterSeconds) });
  }
  if (err instanceof StoreUnavailableError) {
    log({ level: 'warn', msg: 'store unavailable', requestId: c.get('requestId' as never), cause: String(err.cause) });
    return problem(c, 'unavailable', 'the database is busy or unreachable; retry in a few seconds', {}, { 'retry-after': '2' });
  }
  if (err instanceof HTTPException) {
    if (err.status === 415) {
      return problem(c, 'unsupported-media-type', 'send the body as JSON with `Content-Type: application/json`');
    }
    if (err.status === 400) {
      return problem(c, 'malformed-json', `the body could not be parsed as JSON: ${err.message}`);
    }
    if (err.status === 413) return problem(c, 'payload-too-large', err.message);
  }
  log({
    level: 'error',
    msg: 'unhandled error',
    requestId: c.get('requestId' as never),
    method: c.req.method,
    path: c.req.path,
    error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
  });
  return problem(c, 'internal', 'an unexpected error occurred; quote the requestId when reporting it');
}
