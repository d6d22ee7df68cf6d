/** The commit barrier's ordering: every caller waits for a read sent after it arrived; callers share reads. */
import { describe, expect, it } from 'vitest';
import { commitBarrier } from '../../functions/store/commit-barrier.js';

/** Reads that finish when the test says, numbered in the order they were sent. */
function controlledReads() {
  const reads: { n: number; finish: (err?: Error) => void }[] = [];
  const read = () =>
    new Promise<void>((resolve, reject) => {
      reads.push({ n: reads.length + 1, finish: (err) => (err ? reject(err) : resolve()) });
    });
  return { reads, read };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('commit barrier', () => {
  it('makes a caller that arrives during a read wait for the next read, which all such callers share', async () => {
    const { reads, read } = controlledReads();
    const barrier = commitBarrier(read);
    const done: string[] = [];
    const first = barrier().then(() => done.push('first'));
    await tick();
    const second = barrier().then(() => done.push('second'));
    const third = barrier().then(() => done.push('third'));
    await tick();
    expect(reads.map((r) => r.n)).toEqual([1]); // one read in flight at a time

    reads[0]!.finish();
    await first;
    await tick();
    expect(done).toEqual(['first']); // read 1 may have been queued before their commits
    expect(reads.map((r) => r.n)).toEqual([1, 2]);

    reads[1]!.finish();
    await Promise.all([second, third]);
    expect(done).toEqual(['first', 'second', 'third']);
    expect(reads).toHaveLength(2);
  });

  it('passes a failed read on to the callers waiting for it, and starts afresh afterwards', async () => {
    const { reads, read } = controlledReads();
    const barrier = commitBarrier(read);
    const failing = barrier();
    reads[0]!.finish(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    const next = barrier();
    expect(reads).toHaveLength(2);
    reads[1]!.finish();
    await expect(next).resolves.toBeUndefined();
  });
});
