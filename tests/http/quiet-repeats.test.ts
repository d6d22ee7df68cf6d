import { describe, expect, it } from 'vitest';
import { quietRepeats } from '../../functions/http/quiet-repeats.js';

describe('quietRepeats', () => {
  it('logs the first of a run of repeated messages, counts the rest, and reports the count with the next one after the window', () => {
    const lines: Record<string, unknown>[] = [];
    let t = 0;
    const log = quietRepeats((e) => lines.push(e), ['store unavailable'], 10_000, () => t);
    for (let i = 0; i < 5; i++) log({ level: 'warn', msg: 'store unavailable', requestId: `r${i}` });
    log({ level: 'error', msg: 'unhandled error' });
    t = 10_000;
    log({ level: 'warn', msg: 'store unavailable', requestId: 'r5' });
    expect(lines).toEqual([
      { level: 'warn', msg: 'store unavailable', requestId: 'r0' },
      { level: 'error', msg: 'unhandled error' },
      { level: 'warn', msg: 'store unavailable', requestId: 'r5', repeatsNotLogged: 4 },
    ]);
  });
});
