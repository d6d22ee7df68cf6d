/**
 * Domain errors raised by the store. They carry no AWS SDK types, so the HTTP layer (and any other adapter)
 * can map them without importing the SDK. Every class name ends in `Error`; `code` is stable.
 */

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${JSON.stringify(id)} not found`);
  }
}

export type ConflictCode =
  /** `expectedVersion` (or If-Match) is not the ad's current version. */
  | 'version_conflict'
  /** A review decision on an ad that is no longer pending_review (another moderator decided first). */
  | 'not_pending'
  /** The Idempotency-Key was used before with a different request body. */
  | 'idempotency_mismatch'
  /** Another writer changed the item while this request was being written; retrying may succeed. */
  | 'concurrent_update'
  /** An appeal of an ad that is not rejected. */
  | 'not_rejected'
  /** A second appeal of the same version. */
  | 'already_appealed';

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly code: ConflictCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * A request that is well-formed but does not fit the stored data: a finding the version does not have, a
 * span outside the field, an override without a reason. Answered 400 naming the field.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly field: string,
    /** What is wrong with it, without the field's name. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A pagination cursor that this store did not issue for this query. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('cursor is not valid for this query: pass back the `cursor` value of the previous page unchanged');
  }
}

/** DynamoDB throttled or was unreachable; the request can be retried later. Nothing was half-written. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(cause: unknown) {
    super('the database is temporarily unavailable', { cause });
  }
}
