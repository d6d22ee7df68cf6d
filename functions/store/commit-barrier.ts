/**
 * DynamoDB Local acknowledges a TransactWriteItems before its SQLite COMMIT has run: the commit is queued
 * on the database's single SQLite thread and the answer goes out (its SQLiteDBAccess.commitTransaction
 * does not wait for the job). Killed in that moment, DynamoDB Local loses a write it acknowledged; the
 * fault test (tests/server/dynamodb-fault.test.ts) lost one in about every second run.
 *
 * A read sent after the acknowledgement is queued behind that commit, so when it returns the commit has
 * run. Concurrent writers share such reads: at most one is in flight, and every writer waits for one that
 * was sent after its own acknowledgement. Real DynamoDB is durable when it answers; this is only switched
 * on for DynamoDB Local (StoreOptions.waitForLocalCommits).
 */
export function commitBarrier(read: () => Promise<unknown>): () => Promise<void> {
  let current: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run = read().then(() => undefined);
    current = run.finally(() => {
      current = undefined;
    });
    return current;
  };
  return () => {
    if (!current) return start();
    // The read in flight may have been queued before this caller's commit: wait for the one after it.
    next ??= current
      .catch(() => {})
      .then(() => {
        next = undefined;
        return current ?? start();
      });
    return next;
  };
}
