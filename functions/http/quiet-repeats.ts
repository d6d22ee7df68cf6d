/**
 * While the database is down every request logs "store unavailable": thousands of identical lines that bury
 * the few that matter (the supervisor's). The first one of a run is logged; repeats within `windowMs` are
 * counted and reported with the next one logged after the window.
 */
import type { Logger } from './env.js';

export function quietRepeats(log: Logger, messages: readonly string[], windowMs = 10_000, now = Date.now): Logger {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (entry) => {
    const msg = typeof entry.msg === 'string' ? entry.msg : '';
    if (!messages.includes(msg)) return log(entry);
    const seen = last.get(msg);
    const t = now();
    if (seen && t - seen.at < windowMs) {
      seen.suppressed++;
      return;
    }
    last.set(msg, { at: t, suppressed: 0 });
    log(seen?.suppressed ? { ...entry, repeatsNotLogged: seen.suppressed } : entry);
  };
}
