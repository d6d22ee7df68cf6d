/**
 * The readiness probe behind GET /health/ready. It reads from the database, so an unauthenticated caller
 * must not be able to turn probes into database load: one probe runs at a time and its answer is reused
 * for a second.
 */
import { StoreUnavailableError } from '../store/errors.js';

const REUSE_MS = 1000;

/** Returns a function answering undefined when ready, or why not (for the 503's detail). */
export function readinessProbe(store: { ping(): Promise<void> }): () => Promise<string | undefined> {
  let last: { at: number; answer: Promise<string | undefined> } | undefined;
  const probe = async (): Promise<string | undefined> => {
    try {
      await store.ping();
      return undefined;
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return 'the database does not answer; requests that need it answer 503 until it is back';
    }
  };
  return () => {
    const now = Date.now();
    if (!last || now - last.at > REUSE_MS) last = { at: now, answer: probe() };
    return last.answer;
  };
}
